/**
 * Sheets (docs/design.md §9): parse + validate a 1,000-row tab, from the JSON text of the request to
 * documents ready to store (floor: JSON.parse of the same text); and ingest of 1,000 rows into the
 * emulator through the service, authorization to audit entries (floor: raw batched writes of the
 * same documents), both through the service and end to end over HTTP on 127.0.0.1. Each ingest run
 * writes into a fresh project, so every row is a creation.
 */
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { documentPath } from "../functions/src/domain/collections.js";
import type { User } from "../functions/src/domain/model.js";
import { createApi } from "../functions/src/http/api.js";
import { listen } from "../functions/src/http/server.js";
import { signDevToken } from "../functions/src/http/tokens.js";
import { loadConfig } from "../functions/src/services/config.js";
import { IngestBody, ingestTab } from "../functions/src/services/ingest.js";
import type { TabDefinition } from "../functions/src/sheets/definition.js";
import { parseTabRows } from "../functions/src/sheets/parse.js";
import { findTab } from "../functions/src/sheets/tabs/index.js";
import { ensureEmulator } from "../functions/src/store/emulator.js";
import { createFirestore } from "../functions/src/store/firestore.js";
import { type BenchResult, medianMs, result } from "./harness.js";

const ROWS = 1_000;
const PARSE_BUDGET_MS = 50;
const INGEST_BUDGET_MS = 2_000;
const UNIT = "thpt-bench";
const YEAR = "2025-2026";

function requireTab(id: string): TabDefinition {
  const tab = findTab(id);
  if (!tab) throw new Error(`tab ${id} is not defined`);
  return tab;
}
const staff = requireTab("can-bo");
const headerOf = (key: string): string => staff.columns.find((column) => column.key === key)?.header ?? key;

/**
 * A realistic roster tab as Apps Script sends it: Vietnamese headers, labels, dd/MM/yyyy dates.
 * Staff ids are unique across schools (the roster refuses a teacher another school holds).
 */
export function rosterBody(rows: number, unit = UNIT) {
  const prefix = unit.replace(/[^a-z0-9]/gi, "").toUpperCase();
  return {
    unit,
    year: YEAR,
    source: { spreadsheetId: "bench", sheet: staff.title, revision: 1 },
    rows: Array.from({ length: rows }, (_, i) => ({
      row: i + 2,
      values: {
        STT: i + 1,
        [headerOf("id")]: `${prefix}-GV${String(i).padStart(5, "0")}`,
        [headerOf("fullName")]: `Nguyễn Thị Minh ${i}`,
        [headerOf("gender")]: i % 3 === 0 ? "Nam" : "Nữ",
        [headerOf("birthDate")]:
          `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/19${70 + (i % 30)}`,
        [headerOf("ethnicity")]: "Kinh",
        [headerOf("position")]: "Giáo viên",
        [headerOf("group")]: `Tổ ${["Toán", "Văn", "Anh", "Lý"][i % 4]}`,
        [headerOf("email")]: `gv${i}@${unit}.edu.vn`,
      },
    })),
  };
}

export const officerOf = (unit: string): User => ({
  email: `canbo@${unit}.edu.vn`,
  role: "SCHOOL_OFFICER",
  unitId: unit,
});

/** A Department-managed school, the school year and the school's officer. */
export async function seedSchools(db: Firestore, units: readonly string[]): Promise<void> {
  for (let start = 0; start < units.length; start += 150) {
    const batch = db.batch();
    for (const unit of units.slice(start, start + 150)) {
      batch.set(db.doc(`units/${unit}`), {
        id: unit,
        name: `Trường THPT ${unit}`,
        abbreviation: "THPTB",
        level: "THPT",
        clusterId: "cum-1",
        managingAuthority: "SO_GDDT",
        managingBodyName: "Sở Giáo dục và Đào tạo",
        place: "Hà Tĩnh",
      });
      batch.set(db.doc(`users/${officerOf(unit).email}`), officerOf(unit));
    }
    batch.set(db.doc(`years/${YEAR}`), { year: YEAR, legalBasisVersion: "ND152-2025" });
    await batch.commit();
  }
}

const seed = (db: Firestore) => seedSchools(db, [UNIT]);
const officer = officerOf(UNIT);

export async function run(): Promise<BenchResult[]> {
  const text = JSON.stringify(rosterBody(ROWS));
  const context = { unitId: UNIT, year: YEAR };
  const measure = { warmup: 5, runs: 21 };
  const parseMs = await medianMs(() => {
    const body = IngestBody.parse(JSON.parse(text));
    parseTabRows(staff, body.rows, context);
  }, measure);
  const jsonMs = await medianMs(() => JSON.parse(text), measure);

  process.env.METADATA_SERVER_DETECTION ??= "none";
  const emulator = await ensureEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const clients: Firestore[] = [];
  const freshDb = async () => {
    const db = createFirestore(`bench-sheets-${randomUUID().slice(0, 8)}`);
    clients.push(db);
    await seed(db);
    return db;
  };
  try {
    const body = rosterBody(ROWS);
    const documents = parseTabRows(staff, body.rows, context).rows.flatMap((row) => row.documents);
    const ingest = { warmup: 1, runs: 5 };
    const dbs = await Promise.all(Array.from({ length: ingest.warmup + ingest.runs }, freshDb));
    const httpDbs = await Promise.all(Array.from({ length: ingest.warmup + ingest.runs }, freshDb));
    const rawDbs = await Promise.all(Array.from({ length: ingest.warmup + ingest.runs }, freshDb));
    const ingestMs = await medianMs(async () => {
      const db = dbs.pop();
      if (!db) throw new Error("no fresh project");
      const outcome = await ingestTab(db, officer, staff.id, body, {
        requestId: randomUUID(),
        maxRows: 5000,
      });
      if (outcome.body.accepted !== ROWS) throw new Error(`accepted ${outcome.body.accepted} of ${ROWS}`);
    }, ingest);
    // End to end as Apps Script calls it: one POST over a socket to the api on 127.0.0.1.
    const secret = "bench-secret-0123456789";
    const config = loadConfig({ TDKT_ENV: "test", TDKT_DEV_AUTH_SECRET: secret });
    const token = signDevToken(officer.email, secret);
    const payload = JSON.stringify(body);
    const httpMs = await medianMs(async () => {
      const db = httpDbs.pop();
      if (!db) throw new Error("no fresh project");
      const server = await listen(createApi({ db, config, logger: () => {} }));
      try {
        const response = await fetch(`${server.url}/v1/sheets/${staff.id}:ingest`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: payload,
        });
        const answer = (await response.json()) as { accepted?: number };
        if (answer.accepted !== ROWS) throw new Error(`HTTP ${response.status}: accepted ${answer.accepted}`);
      } finally {
        await server.close();
      }
    }, ingest);
    const rawMs = await medianMs(async () => {
      const db = rawDbs.pop();
      if (!db) throw new Error("no fresh project");
      for (let start = 0; start < documents.length; start += 500) {
        const batch = db.batch();
        for (const document of documents.slice(start, start + 500))
          batch.set(db.doc(documentPath(document.collection, document.id, YEAR)), document.data);
        await batch.commit();
      }
    }, ingest);
    return [
      result(
        `sheets: parse + validate ${ROWS.toLocaleString("en")} rows`,
        parseMs,
        "ms",
        PARSE_BUDGET_MS,
        jsonMs,
      ),
      result(
        `sheets: ingest ${ROWS.toLocaleString("en")} rows over HTTP into the emulator`,
        httpMs,
        "ms",
        INGEST_BUDGET_MS,
        rawMs,
      ),
      result(
        `sheets: ingest ${ROWS.toLocaleString("en")} rows into the emulator (service)`,
        ingestMs,
        "ms",
        INGEST_BUDGET_MS,
        rawMs,
      ),
    ];
  } finally {
    await Promise.all(clients.map((db) => db.terminate()));
    await emulator.stop();
  }
}
