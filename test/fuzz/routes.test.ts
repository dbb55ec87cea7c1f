/**
 * Fuzzing every route over real sockets (issue 8, "Keep the attack run as tests"): random JSON
 * bodies (deep, wide, odd types, huge strings, lone surrogates, bidi overrides, `__proto__` keys),
 * mutated valid bodies, random path segments (broken percent-encoding, dots, encoded slashes),
 * random content types, odd tokens. Property: never a 5xx; every 400/422 names the field it is
 * about (`error.field`), or, for an ingest, every rejected row names its columns.
 */
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../functions/src/domain/model.js";
import { allRoutes } from "../../functions/src/http/routes/index.js";
import { signDevToken } from "../../functions/src/http/tokens.js";
import { findTab, TABS } from "../../functions/src/sheets/tabs/index.js";
import { DEV_SECRET, startTestApi, type TestApi } from "../support/api.js";
import { FUZZ_SEED, fuzzRuns, inPool, Tally, type TargetFigures, writeFigures } from "./support/figures.js";
import {
  contentType,
  jsonText,
  jsonTree,
  type Labelled,
  labelled,
  mutated,
  nastyString,
  oddBody,
  pathSegment,
  type SheetRow,
  tabRows,
} from "./support/inputs.js";

const RUNS = fuzzRuns(20);
const CHUNK = 100;
/** Requests in flight; the dedicated run raises it so that slow answers overlap. */
const IN_FLIGHT = Number(process.env.FUZZ_IN_FLIGHT ?? 4);
/** A request unanswered this long counts as a failure, so that a run stops in bounded time. */
const ANSWER_WITHIN_MS = 5_000;
const TIMED_OUT = "FUZZ_TIMEOUT";
/** Room for every input of a target to time out at the worst rate seen (1 in 20). */
const TARGET_TIMEOUT_MS = 60_000 + (RUNS * ANSWER_WITHIN_MS) / 20;

const UNIT = "thcs-fuzz";
const COMMUNE = "xa-fuzz";
const YEAR = "2025-2026";
const DOSSIER = `${UNIT}_${YEAR}`;
const DECISION = `XA_${COMMUNE}_2026-06-20_1`;
const issuer = { name: "Ủy ban nhân dân xã Fuzz", abbreviation: "UBND", place: "Fuzz" };
/** A decision as the commune enters it; the same one is stored under DECISION for the other routes. */
const decisionBody = {
  level: "XA",
  number: 1,
  date: "2026-06-20",
  year: YEAR,
  issuer,
  issuerTitle: "Chủ tịch Ủy ban nhân dân xã Fuzz",
  signer: { capacity: "TM. ỦY BAN NHÂN DÂN", title: "Chủ tịch", name: "Lê Văn Tâm" },
  advisor: "Trưởng phòng Văn hóa - Xã hội",
  fundSource: "quỹ thi đua, khen thưởng của xã",
  executors: ["Văn phòng Ủy ban nhân dân xã"],
  dossierIds: [DOSSIER],
  proposals: [{ dossierId: DOSSIER, subjectId: "GV001", target: "LDTT" }],
};
const users: User[] = [
  { email: `canbo@${UNIT}.edu.vn`, role: "SCHOOL_OFFICER", unitId: UNIT },
  { email: `hieutruong@${UNIT}.edu.vn`, role: "PRINCIPAL", unitId: UNIT },
  { email: `vhxh@${COMMUNE}.gov.vn`, role: "COMMUNE_SPECIALIST", unitId: COMMUNE },
  { email: "chuyenvien@so-gddt.gov.vn", role: "DEPT_SPECIALIST", unitId: "so-gddt" },
  { email: "quantri@so-gddt.gov.vn", role: "ADMIN", unitId: "so-gddt" },
];

/** A request as sent: raw path (not normalized by a URL parser), headers, raw body text. */
interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

interface FuzzResponse {
  /** 0 when the server gave no answer (`error` says how the connection ended). */
  status: number;
  json: unknown;
  /** The answer's content type: the board's PDF and page are the only answers that are not JSON. */
  contentType?: string;
  error?: string;
}

/** What varies per input besides path and body: content type, token, idempotency key, query. */
const authorization: fc.Arbitrary<Labelled<string | undefined>> = fc
  .oneof(
    { weight: 12, arbitrary: labelled("auth:user", fc.constantFrom(...users.map((u) => u.email))) },
    {
      weight: 1,
      arbitrary: labelled(
        "auth:odd-email",
        fc.oneof(nastyString, fc.constantFrom("not-an-email", "a@", "@b", "a@b@c", " x@y.vn", "X@Y.VN")),
      ),
    },
    {
      weight: 1,
      arbitrary: labelled(
        "auth:garbage",
        fc.oneof(
          fc.constant(undefined),
          fc.string({ unit: fc.constantFrom(..."abcXYZ0123456789-_.=+/ "), maxLength: 80 }),
        ),
      ),
    },
  )
  .map(({ kind, value }) => ({
    kind,
    value:
      kind === "auth:garbage"
        ? value === undefined
          ? undefined
          : `Bearer ${value}`
        : `Bearer ${signDevToken(value ?? "", DEV_SECRET)}`,
  }));

const query = fc.option(
  fc.string({ unit: fc.constantFrom(..."ab=&%2Fzé?#[]"), maxLength: 30 }).map(encodeURI),
  { freq: 4, nil: undefined },
);
const idempotencyKey = fc.option(
  fc.string({ unit: fc.constantFrom(..."abcXYZ0123456789-_:./ "), minLength: 1, maxLength: 300 }),
  { freq: 3, nil: undefined },
);

interface Target {
  route: string;
  method: "GET" | "POST";
  /** Valid values of each path parameter. */
  params: Record<string, readonly string[]>;
  /** Bodies for the given (raw) path parameters. */
  bodies: (params: Record<string, string>) => fc.Arbitrary<Labelled<string | undefined>>;
}

const anyBody = (template: unknown): fc.Arbitrary<Labelled<string | undefined>> =>
  fc.oneof(
    { weight: 4, arbitrary: labelled("body:mutated", mutated(template)) },
    { weight: 1, arbitrary: labelled("body:valid", fc.constant(JSON.stringify(template))) },
    { weight: 2, arbitrary: labelled("body:random", jsonTree.map(jsonText)) },
    { weight: 1, arbitrary: oddBody },
  );

const noBody: fc.Arbitrary<Labelled<string | undefined>> = fc.oneof(
  { weight: 4, arbitrary: labelled("body:none", fc.constant(undefined)) },
  { weight: 1, arbitrary: labelled("body:random", jsonTree.map(jsonText)) },
);

const eligibilityCases = JSON.parse(
  readFileSync("examples/eligibility/worked-example.json", "utf8"),
) as unknown;
const dossierOptions = JSON.parse(readFileSync("examples/dossier/thcs-nguyen-du.json", "utf8")) as unknown;
const departmentOptions = JSON.parse(readFileSync("examples/dossier/so-gddt.json", "utf8")) as unknown;

const ingestBodies = (params: Record<string, string>) => {
  const tab = findTab(params.tab ?? "") ?? findTab("can-bo");
  if (!tab) throw new Error("tab can-bo is not defined");
  const rows = tabRows(tab);
  const envelope = (rowsOf: SheetRow[], unit: string, mode: string) => ({
    unit,
    year: YEAR,
    source: { spreadsheetId: "fuzz", sheet: tab.title, revision: 1 },
    rows: rowsOf,
    mode,
  });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: labelled(
        "body:rows",
        fc
          .tuple(rows, fc.constantFrom(UNIT, COMMUNE), fc.constantFrom("partial", "full"))
          .map(([sheetRows, unit, mode]) => JSON.stringify(envelope(sheetRows, unit, mode))),
      ),
    },
    { weight: 3, arbitrary: rows.chain((sheetRows) => anyBody(envelope(sheetRows, UNIT, "partial"))) },
  );
};

const TARGETS: Target[] = [
  { route: "POST /v1/eligibility", method: "POST", params: {}, bodies: () => anyBody(eligibilityCases) },
  {
    route: "POST /v1/sheets/{tab}:ingest",
    method: "POST",
    params: { tab: TABS.map((tab) => tab.id) },
    bodies: ingestBodies,
  },
  {
    route: "GET /v1/units/{unit}/years/{year}/summary",
    method: "GET",
    params: { unit: [UNIT, COMMUNE, "so-gddt"], year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/units/{unit}/years/{year}/dossiers",
    method: "POST",
    params: { unit: [UNIT], year: [YEAR] },
    bodies: () => anyBody(dossierOptions),
  },
  {
    route: "POST /v1/units/{unit}/years/{year}/ad-hoc/dossier",
    method: "POST",
    params: { unit: [UNIT], year: [YEAR] },
    bodies: () => anyBody(dossierOptions),
  },
  {
    route: "GET /v1/years/{year}/ad-hoc",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/years/{year}/department-dossier",
    method: "POST",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => anyBody(departmentOptions),
  },
  {
    route: "POST /v1/dossiers/{id}:transition",
    method: "POST",
    params: { id: [DOSSIER] },
    bodies: () =>
      fc
        .constantFrom("SUBMITTED", "RETURNED", "APPRAISED", "APPROVED", "SUSPENDED", "DRAFT")
        .chain((to) => anyBody({ to, note: "Hồ sơ đủ điều kiện." })),
  },
  {
    route: "GET /v1/units/{unit}/years/{year}/eligibility",
    method: "GET",
    params: { unit: [UNIT, COMMUNE], year: [YEAR] },
    bodies: () => noBody,
  },
  {
    route: "GET /v1/years/{year}/rankings",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "GET /v1/years/{year}/inspections",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/years/{year}/inspections/{visit}/document",
    method: "POST",
    params: { year: [YEAR], visit: ["kt-fuzz", "kt-khong-co"] },
    bodies: () => anyBody({ issuer: { ...issuer, parentName: "Ủy ban nhân dân tỉnh Fuzz" } }),
  },
  {
    route: "GET /v1/years/{year}/exports/province",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "GET /v1/years/{year}/statistics",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  { route: "POST /v1/decisions", method: "POST", params: {}, bodies: () => anyBody(decisionBody) },
  { route: "GET /v1/decisions/{id}", method: "GET", params: { id: [DECISION] }, bodies: () => noBody },
  {
    route: "POST /v1/decisions/{id}:publish",
    method: "POST",
    params: { id: [DECISION] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/decisions/{id}:revoke",
    method: "POST",
    params: { id: [DECISION] },
    bodies: () => anyBody({ reason: "Kê khai không đúng" }),
  },
  {
    route: "POST /v1/decisions/{id}:document",
    method: "POST",
    params: { id: [DECISION] },
    bodies: () => noBody,
  },
  ...["", ".pdf", ".html"].map(
    (form): Target => ({
      route: `GET /v1/units/{unit}/years/{year}/board${form}`,
      method: "GET",
      params: { unit: [UNIT, COMMUNE], year: [YEAR, "2024-2025"] },
      bodies: () => noBody,
    }),
  ),
  ...["records-index", "records-index.pdf", "so-theo-doi.pdf", "merit-evidence", "merit-evidence.pdf"].map(
    (report): Target => ({
      route: `GET /v1/units/{unit}/years/{year}/${report}`,
      method: "GET",
      params: { unit: [UNIT, COMMUNE], year: [YEAR, "2024-2025"] },
      bodies: () => noBody,
    }),
  ),
  {
    route: "GET /v1/years/{year}/records-index",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  { route: "GET /v1/config/auth", method: "GET", params: {}, bodies: () => noBody },
  {
    route: "GET /v1/years/{year}/leveling",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  // The duties' reports (docs/duties.md): their queries come from the fuzzer's path and query inputs.
  ...["dissemination", "emulation-officers", "training-plan"].map(
    (report): Target => ({
      route: `GET /v1/years/{year}/${report}`,
      method: "GET",
      params: { year: [YEAR, "2024-2025"] },
      bodies: () => noBody,
    }),
  ),
  {
    route: "GET /v1/years/{year}/thematic",
    method: "GET",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/years/{year}/thematic:propose",
    method: "POST",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => noBody,
  },
  {
    route: "POST /v1/config/auth",
    method: "POST",
    params: {},
    bodies: () => anyBody({ audiences: ["123456789012-tdktaddon.apps.googleusercontent.com"] }),
  },
  // The workbook route gets text bodies: every one must end as a refusal that names its field.
  { route: "POST /v1/history:import", method: "POST", params: {}, bodies: () => anyBody({ rows: [] }) },
  { route: "GET /v1/config/province-codes", method: "GET", params: {}, bodies: () => noBody },
  {
    route: "POST /v1/config/province-codes",
    method: "POST",
    params: {},
    bodies: () => anyBody({ mappings: [{ table: "award", code: "1650360499", value: "GK_CT_UBND_XA" }] }),
  },
  {
    route: "POST /v1/years/{year}:aggregate",
    method: "POST",
    params: { year: [YEAR, "2024-2025"] },
    bodies: () => anyBody({}),
  },
  {
    route: "GET /v1/years/{year}/aggregations/{jobId}",
    method: "GET",
    params: { year: [YEAR], jobId: ["khong-co-luot-nay"] },
    bodies: () => noBody,
  },
  {
    route: "GET /v1/years/{year}/aggregations/{jobId}/results",
    method: "GET",
    params: { year: [YEAR], jobId: ["khong-co-luot-nay"] },
    bodies: () => noBody,
  },
];

/** Paths that match no route, or a route with the wrong method. */
const strayTarget = {
  route: "any method, any path",
  input: fc
    .record({
      method: labelled("method", fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")),
      segments: fc.array(pathSegment(["v1", "sheets", "units", UNIT, "dossiers", "can-bo:ingest"]), {
        minLength: 1,
        maxLength: 6,
      }),
      body: noBody,
      auth: authorization,
    })
    .map(({ method, segments, body, auth }) => ({
      kinds: [...segments.map((s) => s.kind), body.kind, auth.kind],
      request: {
        method: method.value,
        path: `/${segments.map((s) => s.value).join("/")}`,
        headers: {
          ...(auth.value ? { authorization: auth.value } : {}),
          ...(body.value !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: body.value,
      } satisfies FuzzRequest,
    })),
};

function targetInput(target: Target) {
  const names = Object.keys(target.params);
  const segments = fc.tuple(...names.map((name) => pathSegment(target.params[name] ?? [])));
  return fc
    .tuple(segments, contentType, authorization, query, idempotencyKey)
    .chain(([segs, type, auth, search, key]) => {
      const params = Object.fromEntries(names.map((name, i) => [name, segs[i]?.value ?? ""]));
      return target.bodies(params).map((body) => {
        let path = target.route.slice(target.method.length + 1);
        for (const name of names) path = path.replace(`{${name}}`, params[name] ?? "");
        const headers: Record<string, string> = {};
        if (auth.value) headers.authorization = auth.value;
        if (type.value !== undefined && body.value !== undefined) headers["content-type"] = type.value;
        if (key !== undefined) headers["idempotency-key"] = key;
        return {
          kinds: [...segs.map((s) => s.kind), body.kind, type.kind, auth.kind],
          request: {
            method: target.method,
            path: search === undefined ? path : `${path}?${search}`,
            headers,
            body: body.value,
          } satisfies FuzzRequest,
        };
      });
    });
}

/** The input's classes that differ from an ordinary request, e.g. "path:percent+body:deep". */
const ORDINARY = new Set(["path:valid", "type:json", "auth:user", "method", "body:valid", "body:none"]);
const classOf = (kinds: readonly string[]): string =>
  [...new Set(kinds.filter((kind) => !ORDINARY.has(kind)))].sort().join("+") || "ordinary";

const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

/**
 * Sends one request. A kept-alive socket the server has just closed fails the request before it
 * reaches the server, so a request without an answer is retried once on a fresh connection.
 */
async function send(base: string, input: FuzzRequest): Promise<FuzzResponse> {
  const unanswered = (error: NodeJS.ErrnoException): FuzzResponse => ({
    status: 0,
    json: undefined,
    error: error.code ?? error.message,
  });
  try {
    return await sendOn(agent, base, input);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === TIMED_OUT)
      return unanswered(error as NodeJS.ErrnoException);
    return sendOn(false, base, input).catch(unanswered);
  }
}

function sendOn(via: Agent | false, base: string, input: FuzzRequest): Promise<FuzzResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: via,
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.path,
        headers: input.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json, contentType: res.headers["content-type"] });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(ANSWER_WITHIN_MS, () =>
      req.destroy(Object.assign(new Error("no answer in time"), { code: TIMED_OUT })),
    );
    req.on("error", reject);
    req.end(input.body);
  });
}

const nonEmpty = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";

/** "failure" for a 5xx, a dropped connection or a non-JSON answer that is not a board document; "unnamed" for a 400/422 naming no field. */
function judge(response: FuzzResponse, ingest: boolean): "failure" | "unnamed" | undefined {
  if (
    response.status === 200 &&
    /^(application\/pdf|text\/html; charset=utf-8)$/.test(response.contentType ?? "")
  )
    return undefined;
  if (response.status === 0 || response.status >= 500 || response.json === undefined) return "failure";
  if (response.status !== 400 && response.status !== 422) return undefined;
  const body = response.json as {
    error?: { field?: unknown };
    rows?: { status?: string; errors?: { column?: unknown }[] }[];
  };
  if (nonEmpty(body.error?.field)) return undefined;
  if (ingest && response.status === 422 && Array.isArray(body.rows) && body.error === undefined) {
    const rejected = body.rows.filter((row) => row.status === "rejected");
    const named = rejected.every(
      (row) => (row.errors?.length ?? 0) > 0 && row.errors?.every((error) => nonEmpty(error.column)),
    );
    return rejected.length > 0 && named ? undefined : "unnamed";
  }
  return "unnamed";
}

async function fuzz(
  api: TestApi,
  name: string,
  input: fc.Arbitrary<{ kinds: string[]; request: FuzzRequest }>,
  ingest: boolean,
): Promise<Tally> {
  const tally = new Tally(name);
  for (let done = 0, chunk = 0; done < RUNS; done += CHUNK, chunk += 1) {
    const inputs = fc.sample(input, { numRuns: Math.min(CHUNK, RUNS - done), seed: FUZZ_SEED + chunk });
    await inPool(inputs, IN_FLIGHT, async ({ kinds, request: req }) => {
      const response = await send(api.url, req);
      const status = response.status === 0 ? `no answer: ${response.error}` : String(response.status);
      tally.record(classOf(kinds), status, judge(response, ingest), () =>
        JSON.stringify({
          method: req.method,
          path: req.path,
          type: req.headers["content-type"],
          body: req.body?.slice(0, 200),
        }),
      );
    });
  }
  return tally;
}

let api: TestApi;
const results: TargetFigures[] = [];

beforeAll(async () => {
  // Both limits out of the way: a fuzz run that mostly meets 429 would test the limiter, not the routes.
  api = await startTestApi({
    users,
    env: { TDKT_RATE_LIMIT_PER_MINUTE: "100000000", TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE: "100000000" },
  });
  const batch = api.db.batch();
  const unit = (id: string, fields: Record<string, unknown>) =>
    batch.set(api.db.doc(`units/${id}`), { id, clusterId: "cum-1", place: "Hà Tĩnh", ...fields });
  unit(UNIT, {
    name: "Trường THCS Fuzz",
    abbreviation: "THCSF",
    level: "THCS",
    managingAuthority: "UBND_XA",
    managingBodyName: "Ủy ban nhân dân xã Fuzz",
    communeUnitId: COMMUNE,
  });
  batch.set(api.db.doc(`years/${YEAR}`), { year: YEAR, legalBasisVersion: "ND152-2025" });
  for (let i = 1; i <= 5; i++)
    batch.set(api.db.doc(`people/GV00${i}`), {
      id: `GV00${i}`,
      unitId: UNIT,
      fullName: `Nguyễn Thị Lan ${i}`,
      gender: i % 2 ? "F" : "M",
    });
  batch.set(api.db.doc(`dossiers/${DOSSIER}`), {
    id: DOSSIER,
    unitId: UNIT,
    year: YEAR,
    state: "DRAFT",
    history: [],
  });
  const { proposals: _proposals, ...entered } = decisionBody;
  batch.set(api.db.doc(`decisions/${DECISION}`), {
    ...entered,
    id: DECISION,
    issuerUnitId: COMMUNE,
    numberText: "01/QĐ-UBND",
    proposalRef: "Tờ trình của Trường THCS Fuzz",
    copies: [],
    subjects: [
      {
        dossierId: DOSSIER,
        unitId: UNIT,
        subjectKind: "individual",
        subjectId: "GV001",
        target: "LDTT",
        kind: "CONG_TRANG",
        name: "Nguyễn Thị Lan 1",
        positionAndUnit: "Trường THCS Fuzz",
        awardId: `${UNIT}_GV001_${YEAR}_LDTT_CONG_TRANG`,
      },
    ],
    state: "ISSUED",
    history: [{ state: "ISSUED", actor: `vhxh@${COMMUNE}.gov.vn`, at: "2026-06-20T03:00:00.000Z" }],
  });
  await batch.commit();
});

afterAll(async () => {
  agent.destroy();
  await api.close();
});

describe(`fuzzing every route over HTTP (${RUNS} inputs each, seed ${FUZZ_SEED})`, () => {
  it("covers every route of the API", () => {
    expect(TARGETS.map((target) => target.route).sort()).toEqual(
      allRoutes.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  for (const target of TARGETS) {
    it(`${target.route}: never a 5xx, every 400/422 names a field`, {
      timeout: TARGET_TIMEOUT_MS,
    }, async () => {
      const tally = await fuzz(api, target.route, targetInput(target), target.route.includes(":ingest"));
      results.push(tally.result);
      // Written after each target, so that a run stopped early still leaves its figures.
      writeFigures("routes", results);
      expect(tally.result.inputs).toBe(RUNS);
      // The inputs reached the routes: none was turned away by a rate limit.
      expect(tally.result.statuses["429"] ?? 0).toBe(0);
      expect(tally.findings, JSON.stringify(tally.result.failingClasses)).toEqual([]);
    });
  }

  it(`${strayTarget.route}: never a 5xx, every 400/422 names a field`, {
    timeout: TARGET_TIMEOUT_MS,
  }, async () => {
    const tally = await fuzz(api, strayTarget.route, strayTarget.input, false);
    results.push(tally.result);
    // Written after each target, so that a run stopped early still leaves its figures.
    writeFigures("routes", results);
    expect(tally.findings, JSON.stringify(tally.result.failingClasses)).toEqual([]);
  });
});

/** Counterexamples of earlier runs, one per failing input class, kept as plain regression cases. */
const token = (email: string) => `Bearer ${signDevToken(email, DEV_SECRET)}`;
const officer = token(users[0]?.email ?? "");
const json = { "content-type": "application/json", authorization: officer };
const REGRESSIONS: { name: string; request: FuzzRequest; ingest?: boolean }[] = [
  {
    name: "malformed percent-encoding in a path parameter",
    request: {
      method: "GET",
      path: `/v1/units/%E0%A4%A/years/${YEAR}/summary`,
      headers: json,
      body: undefined,
    },
  },
  {
    name: "a lone surrogate, percent-encoded, in a path parameter",
    request: {
      method: "GET",
      path: `/v1/units/${UNIT}/years/%ED%A0%80/eligibility`,
      headers: json,
      body: undefined,
    },
  },
  {
    name: "a path that begins with two slashes and a stray percent sign",
    request: { method: "GET", path: "//%", headers: json, body: undefined },
  },
  {
    name: "a unit id of two dots",
    request: {
      method: "GET",
      path: `/v1/units/%2e%2e/years/${YEAR}/eligibility`,
      headers: json,
      body: undefined,
    },
  },
  {
    name: "a unit id with an encoded slash",
    request: { method: "GET", path: `/v1/units/a%2Fb/years/${YEAR}/summary`, headers: json, body: undefined },
  },
  {
    name: "a unit id __proto__",
    request: {
      method: "POST",
      path: `/v1/units/__proto__/years/${YEAR}/dossiers`,
      headers: json,
      body: JSON.stringify(dossierOptions),
    },
  },
  {
    name: "a dossier id with a bidi override",
    request: {
      method: "POST",
      path: "/v1/dossiers/abc%E2%80%AEdef:transition",
      headers: json,
      body: '{"to":"SUBMITTED"}',
    },
  },
  {
    name: "JSON nested 20,000 deep",
    request: {
      method: "POST",
      path: "/v1/eligibility",
      headers: json,
      body: `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
    },
  },
  {
    name: "a token whose e-mail is not an e-mail",
    request: {
      method: "GET",
      path: `/v1/units/${UNIT}/years/${YEAR}/summary`,
      headers: { authorization: token("a/b") },
      body: undefined,
    },
  },
  {
    name: "a body that is not JSON",
    request: {
      method: "POST",
      path: "/v1/eligibility",
      headers: { ...json, "content-type": "text/html" },
      body: "<p>x</p>",
    },
  },
  {
    name: "a JSON syntax error",
    request: { method: "POST", path: "/v1/eligibility", headers: json, body: '{"cases": [' },
  },
  {
    name: "a transition body of the wrong type",
    request: { method: "POST", path: `/v1/dossiers/${DOSSIER}:transition`, headers: json, body: '{"to": 7}' },
  },
  {
    name: "an ingest body without rows",
    request: {
      method: "POST",
      path: "/v1/sheets/can-bo:ingest",
      headers: json,
      body: JSON.stringify({ unit: UNIT, year: YEAR }),
    },
    ingest: true,
  },
  {
    name: "a dossier for a year with no proposals",
    request: {
      method: "POST",
      path: `/v1/units/${UNIT}/years/${YEAR}/dossiers`,
      headers: json,
      body: JSON.stringify(dossierOptions),
    },
  },
];

describe("regression examples from earlier fuzz runs", () => {
  for (const example of REGRESSIONS) {
    it(`${example.name}: no 5xx, a named field`, async () => {
      const response = await send(api.url, example.request);
      expect({ status: response.status, verdict: judge(response, example.ingest ?? false) }).toEqual({
        status: response.status,
        verdict: undefined,
      });
      expect(response.status).toBeLessThan(500);
    });
  }
});
