/**
 * Hồ sơ thi đua and merit evidence on the sample province, over real sockets: the records index (its
 * figures computed here from the generated rows), the index once the dossier is built, its PDF, the
 * sổ theo dõi over 5 and 10 years, the evidence beside each proposal, the eligibility answer's
 * warnings (verdicts unchanged), and the ingest of tab "Minh chứng hiệu quả công việc".
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { DEFAULT_ELIGIBILITY_CONFIG } from "../../../functions/src/domain/eligibility/config.js";
import type { RecordsIndex } from "../../../functions/src/domain/records-index.js";
import type { BuiltDossier } from "../../../functions/src/services/dossier/build.js";
import type { MeritEvidenceReport } from "../../../functions/src/services/merit-evidence.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { byHeader } from "../../fixtures/sheets/rows.js";
import { startTestApi, type TestApi } from "../../support/api.js";
import { seedUnitsOf } from "../../support/province.js";
import { pdfText, renderGray } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const unitId = SAMPLE_SCHOOLS.nguyenDu;
const principal = `hieutruong.${unitId}@truong.example.org`;
const officer = `tdkt.${unitId}@truong.example.org`;
// The school that sends no unit row (functions/sample/merit.ts), found here from the generated rows.
const unitRows = new Set(
  province.evidence.filter((row) => row.subjectKind === "collective").map((row) => row.subjectId),
);
const silent = province.units.find(
  (unit) =>
    province.proposals.some((p) => p.unitId === unit.id && p.kind === "CONG_TRANG") && !unitRows.has(unit.id),
)?.id;
const options = JSON.parse(readFileSync("examples/dossier/thcs-nguyen-du.json", "utf8")) as Record<
  string,
  unknown
>;
const own = <T extends { unitId: string }>(items: readonly T[], unit = unitId) =>
  items.filter((item) => item.unitId === unit);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedUnitsOf(api.db, province, [unitId, SAMPLE_SCHOOLS.leQuyDon, ...(silent ? [silent] : [])]);
}, 180_000);
afterAll(() => api.close());

const getJson = async <T>(path: string, as = officer): Promise<T> => {
  const response = await api.fetch(path, { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};
const getPdf = async (path: string, as = officer): Promise<Buffer> => {
  const response = await api.fetch(path, { as });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
};
const look = (pdf: Buffer, name: string) => {
  mkdirSync(".local/records", { recursive: true });
  writeFileSync(join(".local/records", `${name}.pdf`), pdf);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    "1",
    "-l",
    "1",
    join(".local/records", `${name}.pdf`),
    join(".local/records", name),
  ]);
};

const BASE = `/v1/units/${unitId}/years/${YEAR}`;
const VOTED = new Set(Object.keys(DEFAULT_ELIGIBILITY_CONFIG.voteThreshold));

describe("records index of the showcase school", () => {
  const proposals = own(province.proposals).filter((p) => p.year === YEAR);
  const registered = new Set(own(province.registrations).map((r) => r.subjectId));
  const voted = new Set(own(province.votes).map((v) => `${v.subjectId}/${v.target}`));
  const subjects = [...new Set(proposals.map((p) => p.subjectId))].filter((id) => id !== unitId);
  const withVote = proposals.filter((p) => VOTED.has(p.target));
  const withReport = proposals.filter((p) => p.target !== "LDTT" && !p.target.startsWith("GK_"));

  it("before any dossier: registrations and votes found, every generated file and decision missing", async () => {
    expect(proposals.every((p) => p.kind === "CONG_TRANG")).toBe(true);
    const index = await getJson<RecordsIndex>(`${BASE}/records-index`);
    const expected = 1 + subjects.length + 3 + withVote.length + withReport.length + proposals.length + 1;
    const present =
      (registered.has(unitId) ? 1 : 0) +
      subjects.filter((id) => registered.has(id)).length +
      withVote.filter((p) => voted.has(`${p.subjectId}/${p.target}`)).length;
    expect(index.sets.map((set) => set.kind)).toEqual(["THUONG_XUYEN"]);
    expect(index).toMatchObject({ unitId, year: YEAR, expected, present, missing: expected - present });
    expect(present).toBeGreaterThan(0);
  });

  it("finds the dossier's tờ trình, biên bản, danh sách and sổ theo dõi once it is built", async () => {
    const built = await api.fetch(`${BASE}/dossiers`, {
      method: "POST",
      as: principal,
      body: JSON.stringify(options),
    });
    expect(built.status).toBe(201);
    const dossier = (await built.json()) as BuiltDossier;
    const index = await getJson<RecordsIndex>(`${BASE}/records-index`);
    const item = (document: string) =>
      index.sets[0]?.items.find((candidate) => candidate.document === document);
    for (const [document, type] of [
      ["TO_TRINH", "to-trinh"],
      ["BIEN_BAN", "bien-ban-hop"],
      ["SO_THEO_DOI", "so-theo-doi"],
    ] as const) {
      const file = dossier.documents.find((candidate) => candidate.type === type);
      expect(item(document)).toMatchObject({ present: true, reference: { file: file?.file } });
    }
    expect(item("DANH_SACH")?.present).toBe(true);
  });

  it("prints the Mục lục in the NĐ 30/2020 layout, missing items marked", async () => {
    const index = await getJson<RecordsIndex>(`${BASE}/records-index`);
    const pdf = await getPdf(`${BASE}/records-index.pdf`);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("MỤC LỤC");
    expect(text).toContain(`Hồ sơ thi đua, khen thưởng năm học ${YEAR}`);
    expect(text).toContain(`có ${index.present}/${index.expected} thành phần hồ sơ`);
    expect(text).toContain(
      `I. Thi đua thường xuyên (có ${index.sets[0]?.present}/${index.sets[0]?.expected})`,
    );
    expect(text).toContain("Còn thiếu");
    expect(text).toContain("01/TTr-THCSND");
    const page = renderGray(pdf, 40);
    expect(page.pixels.filter((value) => value < 128).length / page.pixels.length).toBeGreaterThan(0.01);
    look(pdf, "muc-luc");
  });
});

describe("the province's comparison: every unit's records index counted alike", () => {
  const seeded = [...new Set([unitId, SAMPLE_SCHOOLS.leQuyDon, ...(silent ? [silent] : [])])].sort();
  type Comparison = {
    year: string;
    units: (Omit<RecordsIndex, "sets"> & { sets: { kind: string; expected: number }[] })[];
  };

  it("gives the Department every unit, each with the counts of its own index", async () => {
    const comparison = await getJson<Comparison>(
      `/v1/years/${YEAR}/records-index`,
      "chuyenvien1@sogddt.example.org",
    );
    expect(comparison.units.map((line) => line.unitId)).toEqual(seeded);
    for (const line of comparison.units) {
      const own = await getJson<RecordsIndex>(
        `/v1/units/${line.unitId}/years/${YEAR}/records-index`,
        "chuyenvien1@sogddt.example.org",
      );
      expect(line).toMatchObject({ expected: own.expected, present: own.present, missing: own.missing });
      expect(line.sets).toEqual(
        own.sets.map(({ kind, expected, present, missing }) => ({ kind, expected, present, missing })),
      );
    }
  });

  it("gives a school its own line and a commune the schools its UBND xã manages", async () => {
    const mine = await getJson<Comparison>(`/v1/years/${YEAR}/records-index`, officer);
    expect(mine.units.map((line) => line.unitId)).toEqual([unitId]);
    const communeId = province.units.find((unit) => unit.id === unitId)?.communeUnitId;
    const managed = province.units
      .filter(
        (unit) =>
          seeded.includes(unit.id) &&
          unit.managingAuthority === "UBND_XA" &&
          unit.communeUnitId === communeId,
      )
      .map((unit) => unit.id)
      .sort();
    const commune = await getJson<Comparison>(
      `/v1/years/${YEAR}/records-index`,
      `vhxh.${communeId}@xa.example.org`,
    );
    expect(commune.units.map((line) => line.unitId)).toEqual(managed);
    expect(managed).toContain(unitId);
  });
});

describe("sổ theo dõi over 5 and 10 school years ending with the year", () => {
  it.each([
    [5, "2021-2022"],
    [10, "2016-2017"],
  ])("%i years from %s", async (years, first) => {
    const pdf = await getPdf(`${BASE}/so-theo-doi.pdf?years=${years}`);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(`Giai đoạn từ năm học ${first} đến năm học ${YEAR} (${years} năm)`);
    // A year before the 5-year period is in the 10-year register only.
    expect(text.includes("2018-2019")).toBe(years === 10);
    if (years === 10) look(pdf, "so-theo-doi-10-nam");
  });
});

describe("merit evidence beside each proposal", () => {
  const people = new Map(own(province.people).map((p) => [p.id, p]));
  const rows = new Map(
    province.evidence.filter((row) => row.unitId === unitId).map((row) => [row.subjectId, row]),
  );
  const manager = (id: string) => /^(Phó )?(Hiệu trưởng|Giám đốc)$/.test(people.get(id)?.position ?? "");
  const flagged = (p: { subjectKind: string; subjectId: string }): boolean => {
    const row = rows.get(p.subjectId);
    const unitRow = rows.get(unitId);
    if (p.subjectKind === "collective")
      return !row?.quality || row.attendance === undefined || row.retention === undefined;
    if (manager(p.subjectId)) {
      const figure = (key: "quality" | "attendance" | "retention" | "finance" | "staffCare") =>
        unitRow?.[key] ?? row?.[key];
      return (
        (!row && !unitRow) ||
        (["quality", "attendance", "retention", "finance", "staffCare"] as const).some(
          (key) => figure(key) === undefined,
        )
      );
    }
    return !row?.quality || row.attendance === undefined || !row.movements;
  };
  const proposals = own(province.proposals).filter((p) => p.year === YEAR);

  it("counts the proposals judged on their evidence and flags those without it", async () => {
    const report = await getJson<MeritEvidenceReport>(`${BASE}/merit-evidence`);
    expect(report.required).toBe(proposals.length);
    expect(report.flagged).toBe(proposals.filter(flagged).length);
    expect(report.flagged).toBeGreaterThan(0);
    expect(report.flagged).toBeLessThan(report.required);
    const missing = report.proposals.find((line) => line.flag?.code === "NO_EVIDENCE");
    expect(missing?.warning?.message).toBe(
      "Chưa có minh chứng hiệu quả công việc (tab Minh chứng hiệu quả công việc).",
    );
    // The principal reads the unit's figures, from the unit's row.
    const head = report.proposals.find((line) => line.audience === "MANAGER");
    expect(head?.values.find((value) => value.field === "retention")).toEqual({
      field: "retention",
      value: rows.get(unitId)?.retention,
      from: "unit",
    });
  });

  it("flags every manager and the school itself where the school sent no unit row", async () => {
    expect(silent).toBeDefined();
    const report = await getJson<MeritEvidenceReport>(
      `/v1/units/${silent}/years/${YEAR}/merit-evidence`,
      principal.replace(unitId, String(silent)),
    );
    const collective = report.proposals.filter((line) => line.subjectKind === "collective");
    expect(collective.length).toBeGreaterThan(0);
    expect(collective.every((line) => line.flag?.code === "NO_EVIDENCE")).toBe(true);
  });

  it("adds the warnings to the eligibility answer and leaves every verdict as the engine gives it", async () => {
    const answer = await getJson<{
      results: {
        subjectId: string;
        target: string;
        status: string;
        warnings: { code: string; message: string }[];
      }[];
    }>(`${BASE}/eligibility`);
    const engine = await evaluateUnitProposals(api.db, unitId, YEAR);
    expect(answer.results.map((r) => [r.subjectId, r.target, r.status])).toEqual(
      engine.results.map((r) => [r.subjectId, r.target, r.status]),
    );
    const warned = answer.results
      .filter((r) => r.warnings.length > 0)
      .map((r) => `${r.subjectId}/${r.target}`);
    expect(warned.sort()).toEqual(
      proposals
        .filter(flagged)
        .map((p) => `${p.subjectId}/${p.target}`)
        .sort(),
    );
  });

  it("prints the council's working list with each flag beside its proposal", async () => {
    const report = await getJson<MeritEvidenceReport>(`${BASE}/merit-evidence`);
    const text = pdfText(await getPdf(`${BASE}/merit-evidence.pdf`)).replace(/\s+/g, " ");
    expect(text).toContain("DANH SÁCH");
    expect(text).toContain(
      `${report.required} đề nghị khen thưởng công trạng, ${report.flagged} đề nghị chưa đủ minh chứng`,
    );
    expect(text.split("Cần bổ sung:").length - 1).toBe(report.flagged);
    look(await getPdf(`${BASE}/merit-evidence.pdf`), "minh-chung");
  });
});

describe("ingest of tab Minh chứng hiệu quả công việc", () => {
  const [teacher, other] = own(province.people).filter((p) => p.position === "Giáo viên");
  const row = (values: Record<string, unknown>, at: number) => ({
    row: at,
    values: byHeader("minh-chung", values),
  });
  const send = (rows: { row: number; values: Record<string, unknown> }[], mode = "partial") =>
    api.fetch("/v1/sheets/minh-chung:ingest", {
      method: "POST",
      as: officer,
      body: JSON.stringify({
        unit: unitId,
        year: YEAR,
        mode,
        source: { spreadsheetId: "s-1", sheet: "Minh chứng hiệu quả công việc", revision: 2 },
        rows,
      }),
    });

  it("keeps the good rows and names the row and column of each bad one", async () => {
    const rows = [
      row(
        {
          subjectKind: "Cá nhân",
          subjectId: teacher?.id,
          quality: "Tốt",
          attendance: "98,5",
          movements: "Hội thi",
        },
        2,
      ),
      row({ subjectKind: "Cá nhân", subjectId: teacher?.id.replace(/.$/, "X"), quality: "Tốt" }, 3),
      row({ subjectKind: "Cá nhân", subjectId: other?.id, attendance: "120" }, 4),
    ];
    const response = await send(rows);
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      rows: { row: number; status: string; errors: { column: string; code: string }[] }[];
    };
    expect(body.rows.map((r) => r.status)).toEqual(["accepted", "rejected", "rejected"]);
    expect(body.rows[2]?.errors.map((e) => e.column)).toEqual(["Chuyên cần (%)"]);
    expect(body.rows[1]?.errors.map((e) => e.column)).toEqual(["Mã cán bộ / Mã tập thể"]);
    const stored = (
      await api.db.doc(`years/${YEAR}/${COLLECTIONS.evidence}/${unitId}_${teacher?.id}`).get()
    ).data();
    expect(stored).toMatchObject({
      quality: "Tốt",
      attendance: 98.5,
      movements: "Hội thi",
      unitId,
      year: YEAR,
    });
    const audit = await api.db
      .collection(COLLECTIONS.audit)
      .where("path", "==", `years/${YEAR}/evidence/${unitId}_${teacher?.id}`)
      .get();
    expect(audit.size).toBe(1);
    // The same row again changes nothing, and writes no second audit entry.
    const again = await send([rows[0] as (typeof rows)[number]]);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { rows: { change: string }[] }).rows[0]?.change).toBe("unchanged");
    expect(
      (
        await api.db
          .collection(COLLECTIONS.audit)
          .where("path", "==", `years/${YEAR}/evidence/${unitId}_${teacher?.id}`)
          .get()
      ).size,
    ).toBe(1);
  });
});
