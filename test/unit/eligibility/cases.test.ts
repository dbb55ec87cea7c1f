import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../../functions/src/cli/command.js";
import { eligibilityCommand } from "../../../functions/src/cli/commands/eligibility.js";
import { type CaseResult, evaluateCaseFile } from "../../../functions/src/domain/eligibility/index.js";
import { AppError } from "../../../functions/src/domain/errors.js";
import { eligibilityRoutes } from "../../../functions/src/http/routes/eligibility.js";
import { evaluateCases } from "../../../functions/src/services/eligibility.js";
import { individualCase, judge } from "./helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

interface Expected {
  status: string;
  failed?: string[];
  missing?: string[];
}

function expectMatches(results: readonly CaseResult[], expected: Record<string, Expected>) {
  expect(results.map((result) => result.id).sort()).toEqual(Object.keys(expected).sort());
  for (const result of results) {
    const want = expected[result.id];
    expect(result.status, result.id).toBe(want?.status);
    for (const rule of want?.failed ?? []) expect(result.failed, result.id).toContain(rule);
    if (want?.failed?.length === 0) expect(result.failed, result.id).toEqual([]);
    for (const input of want?.missing ?? []) expect(result.missing, result.id).toContain(input);
  }
}

describe("public examples", () => {
  it("the repo copy (examples/eligibility) gives the expected statuses and failed rules", () => {
    const dir = path.join(repoRoot, "examples/eligibility");
    const { results } = evaluateCaseFile(readJson(path.join(dir, "cases.json")));
    expectMatches(results, readJson(path.join(dir, "expected.json")) as Record<string, Expected>);
  });

  it("the published examples (test/fixtures/eligibility) match examples-expected.json", () => {
    const fixtures = path.join(repoRoot, "test/fixtures/eligibility");
    const { results } = evaluateCaseFile(readJson(path.join(fixtures, "examples.json")));
    expectMatches(
      results,
      readJson(path.join(fixtures, "examples-expected.json")) as Record<string, Expected>,
    );
  });
});

describe("reading cases", () => {
  const good = individualCase("LDTT", [{}]);

  it("unknown target, malformed year, missing target-year record: an error each, the others still judged", () => {
    const { results } = evaluateCaseFile({
      cases: [
        { ...good, id: "bad-target", target: "CSTD_HUYEN" },
        { ...good, id: "bad-year", year: "2025-2027" },
        { ...good, id: "bad-history-year", history: [{ year: "2025/2026", rating: "HTT" }] },
        { ...good, id: "no-record", year: "2026-2027" },
        { ...good, id: "wrong-kind", target: "TTLDTT" },
        { ...good, id: "twice", history: [...good.history, ...good.history] },
        "not a case",
        good,
      ],
    });
    expect(results.map((result) => [result.id, result.status, result.error?.code])).toEqual([
      ["bad-target", "error", "UNKNOWN_TARGET"],
      ["bad-year", "error", "INVALID_YEAR"],
      ["bad-history-year", "error", "INVALID_YEAR"],
      ["no-record", "error", "MISSING_TARGET_YEAR"],
      ["wrong-kind", "error", "INVALID_CASE"],
      ["twice", "error", "INVALID_CASE"],
      ["#7", "error", "INVALID_CASE"],
      ["case-LDTT", "eligible", undefined],
    ]);
    expect(results[3]?.error?.message).toContain("2026-2027");
  });

  it("a malformed envelope or config is an AppError (INVALID_ARGUMENT)", () => {
    expect(() => evaluateCaseFile({ items: [] })).toThrow(AppError);
    expect(() => evaluateCaseFile({ config: { voteThreshold: { CSTD_CS: 2 } }, cases: [] })).toThrow(
      AppError,
    );
    expect(() => evaluateCaseFile({ config: { unknownKnob: true }, cases: [] })).toThrow(AppError);
  });

  it("every check carries a rule, a legal basis and a Vietnamese message", () => {
    const result = judge(
      individualCase("CSTD_CS", [{ rating: "HTXS" }], { vote: { agree: 9, members: 10 } }),
    );
    for (const check of result.checks) {
      expect(check.rule).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
      expect(check.basis.length).toBeGreaterThan(5);
      expect(check.message.length).toBeGreaterThan(5);
    }
  });
});

describe("legal-basis versions (T-02)", () => {
  const at = (proposalDate?: string, year = "2025-2026") => {
    const base = individualCase("CSTD_CS", [{ rating: "HTXS" }], { vote: { agree: 8, members: 10 } });
    return judge({
      ...base,
      year,
      history: base.history.map((record) => ({ ...record, year })),
      ...(proposalDate === undefined ? {} : { proposalDate }),
      initiatives: [],
    }).legalBasis;
  };

  it("chooses the version in force on the proposal date", () => {
    expect(at("2025-06-30")?.version).toBe("2024-01");
    expect(at("2025-07-01")?.version).toBe("2025-07");
    expect(at("2026-09-30")?.version).toBe("2025-07");
    expect(at("2026-10-01")?.version).toBe("2026-10");
  });

  it("defaults to 31/05 of the school year's second calendar year", () => {
    expect(at(undefined, "2024-2025")).toMatchObject({
      version: "2024-01",
      proposalDate: "2025-05-31",
      proposalDateSource: "default",
    });
    expect(at(undefined, "2026-2027")).toMatchObject({ version: "2026-10", proposalDate: "2027-05-31" });
  });

  it("vote checks cite NĐ 98/2023 and flag it as expired after 01/7/2025", () => {
    const base = individualCase("CSTD_CS", [{ rating: "HTXS" }], { vote: { agree: 8, members: 10 } });
    const before = judge({ ...base, proposalDate: "2025-06-15" });
    const after = judge({ ...base, proposalDate: "2026-06-15" });
    expect(before.checks.find((check) => check.rule === "CSCS-04")?.basis).toBe(
      "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7",
    );
    expect(after.checks.find((check) => check.rule === "CSCS-04")?.basis).toContain("hết hiệu lực 01/7/2025");
    expect(after.checks.find((check) => check.rule === "G-04")?.basis).toBe(
      "NĐ 152/2025/NĐ-CP, Điều 4, khoản 4",
    );
  });

  it("a proposal before Luật 2022 took effect is an error for that case", () => {
    const result = judge({ ...individualCase("LDTT", [{}]), proposalDate: "2023-12-31" });
    expect(result).toMatchObject({ status: "error", error: { code: "NO_LEGAL_BASIS" } });
  });
});

describe("faces: service, HTTP route, CLI", () => {
  const file = {
    cases: [individualCase("LDTT", [{}]), { ...individualCase("LDTT", [{}]), id: "x", target: "NOPE" }],
  };

  it("the route answers 200 with one result per case and rejects a malformed body", async () => {
    const route = eligibilityRoutes[0];
    if (route === undefined) throw new Error("no route");
    expect(route).toMatchObject({ method: "POST", path: "/v1/eligibility" });
    const ctx = { body: file } as Parameters<typeof route.handle>[0];
    const deps = {} as Parameters<typeof route.handle>[1];
    const response = await route.handle(ctx, deps);
    expect(response.status).toBe(200);
    const body = response.body as { results: CaseResult[] };
    expect(body.results.map((r) => r.status)).toEqual(["eligible", "error"]);
    await expect(route.handle({ ...ctx, body: "nonsense" }, deps)).rejects.toThrow(AppError);
    expect(evaluateCases(file).results).toHaveLength(2);
  });

  function io(stdin = ""): CliIo & { out: string; err: string } {
    const sink = {
      out: "",
      err: "",
      stdout: (text: string) => {
        sink.out += text;
      },
      stderr: (text: string) => {
        sink.err += text;
      },
      readStdin: async () => stdin,
    };
    return sink;
  }

  it("exit 1 when a case had an error, 0 when all were readable; --json prints the results", async () => {
    const mixed = io(JSON.stringify(file));
    expect(await eligibilityCommand.run(["-"], mixed)).toBe(1);
    expect(mixed.out).toContain("ĐỦ ĐIỀU KIỆN");
    expect(mixed.out).toContain("LỖI HỒ SƠ");
    const clean = io(JSON.stringify({ cases: [individualCase("LDTT", [{}])] }));
    expect(await eligibilityCommand.run(["-", "--json"], clean)).toBe(0);
    expect(JSON.parse(clean.out).results[0].status).toBe("eligible");
  });

  it("usage errors exit 2; unreadable JSON exits 1", async () => {
    expect(await eligibilityCommand.run([], io())).toBe(2);
    expect(await eligibilityCommand.run(["a.json", "b.json"], io())).toBe(2);
    expect(await eligibilityCommand.run(["/nonexistent/cases.json"], io())).toBe(2);
    expect(await eligibilityCommand.run(["-"], io("{ not json"))).toBe(1);
    expect(await eligibilityCommand.run(["-"], io('{"cases": 3}'))).toBe(1);
  });

  it("reads the example file from disk", async () => {
    const sink = io();
    expect(await eligibilityCommand.run([path.join(repoRoot, "examples/eligibility/cases.json")], sink)).toBe(
      1,
    );
    expect(sink.out).toContain("Tổng: 4 đủ điều kiện, 1 không đủ, 1 chưa đủ dữ liệu, 1 lỗi.");
  });
});
