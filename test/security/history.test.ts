/**
 * Attacks on the history import (POST /v1/history:import, an .xlsx body) and on the Department's
 * code mappings (config/province-codes): only Department roles write the ledger's past, the body is
 * a bounded workbook, and nothing is written by a refused request. Over sockets against the API.
 */
import { deflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../functions/src/domain/model.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { PROVINCE_CODES_PATH } from "../../functions/src/store/history.js";
import { fillRow, seedProvince, smallProvince, template } from "../fixtures/province/lists.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const province = smallProvince("sec");
const specialist: User = { email: "chuyenvien@sgd.example.org", role: "DEPT_SPECIALIST", unitId: "SGD" };
const principal: User = {
  email: "hieutruong@thcs.example.org",
  role: "PRINCIPAL",
  unitId: province.school.id,
};
const commune: User = {
  email: "chuyenvien@xa.example.org",
  role: "COMMUNE_SPECIALIST",
  unitId: "xa-an-thinh",
};
const council: User = { email: "hoidong@sgd.example.org", role: "COUNCIL_MEMBER", unitId: "SGD" };

let api: TestApi;
let list: Buffer;

beforeAll(async () => {
  api = await startTestApi({
    users: [specialist, principal, commune, council],
    env: { TDKT_MAX_BODY_BYTES: "500000" },
  });
  await seedProvince(api.db, province);
  const workbook = await template("individuals");
  const sheet = workbook.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
  fillRow(sheet, 4, {
    B: province.people.thuy.fullName,
    D: "09/09/1988",
    G: province.school.name,
    K: "1647933380",
  });
  list = Buffer.from(await workbook.xlsx.writeBuffer());
}, 180_000);

afterAll(async () => {
  await api?.close();
});

/** A one-entry zip archive (deflated) whose directory declares `declaredSize` for the entry. */
function zipOf(name: string, deflated: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const directory = Buffer.alloc(46);
  directory.writeUInt32LE(0x02014b50, 0);
  directory.writeUInt16LE(20, 4);
  directory.writeUInt16LE(20, 6);
  directory.writeUInt16LE(8, 10);
  directory.writeUInt32LE(deflated.length, 20);
  directory.writeUInt32LE(declaredSize, 24);
  directory.writeUInt16LE(fileName.length, 28);
  directory.writeUInt32LE(0, 42);
  const directoryAt = local.length + fileName.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length + fileName.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, fileName, deflated, directory, fileName, end]);
}

const QUERY = "?year=2022-2023&decision=1234%2FQ%C4%90-UBND";

const upload = (body: Buffer, as: string | undefined, query = QUERY, type = XLSX) =>
  api.fetch(`/v1/history:import${query}`, {
    method: "POST",
    body,
    headers: { "content-type": type },
    ...(as ? { as } : {}),
  });

const ledgerSize = async () => (await api.db.collection(COLLECTIONS.awards).count().get()).data().count;
const auditSize = async () => (await api.db.collection(COLLECTIONS.audit).count().get()).data().count;

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await ledgerSize()).toBe(0);
}

describe("POST /v1/history:import", { timeout: 180_000 }, () => {
  for (const user of [principal, commune, council]) {
    it(`attack: a ${user.role} writes past awards into the ledger`, async () => {
      await expectRefused(await upload(list, user.email), 403, "PERMISSION_DENIED");
    });
  }

  it("attack: an upload without a token", async () => {
    await expectRefused(await upload(list, undefined), 401, "UNAUTHENTICATED");
  });

  it("attack: a workbook sent as JSON to slip past the workbook checks", async () => {
    await expectRefused(
      await upload(list, specialist.email, QUERY, "application/json"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "header.content-type",
    );
  });

  it("attack: bytes that are no workbook", async () => {
    await expectRefused(
      await upload(Buffer.from("PK\u0003\u0004 not really a zip"), specialist.email),
      400,
      "INVALID_ARGUMENT",
      "body",
    );
  });

  it("attack: a zip bomb whose directory declares a small size for an entry that unpacks past 100 MB", async () => {
    const bomb = zipOf("xl/worksheets/sheet1.xml", deflateRawSync(Buffer.alloc(110 * 1024 * 1024)), 1_000);
    expect(bomb.length).toBeLessThan(400_000);
    await expectRefused(await upload(bomb, specialist.email), 413, "PAYLOAD_TOO_LARGE", "body");
  });

  it("attack: a body over the size limit", async () => {
    await expectRefused(await upload(Buffer.alloc(500_001, 1), specialist.email), 413, "PAYLOAD_TOO_LARGE");
  });

  it("attack: a decision number carrying a bidi override, to read differently on documents", async () => {
    await expectRefused(
      await upload(list, specialist.email, `?year=2022-2023&decision=${encodeURIComponent("12\u202E34/QĐ")}`),
      400,
      "INVALID_ARGUMENT",
      "query.decision",
    );
  });

  it("attack: a year that is no school year, to write entries no rule ever reads", async () => {
    await expectRefused(
      await upload(list, specialist.email, "?year=2022-2025&decision=1"),
      400,
      "INVALID_ARGUMENT",
      "query.year",
    );
  });

  it("attack: a name with a bidi override, to be taken for a teacher it only looks like", async () => {
    const workbook = await template("individuals");
    const sheet = workbook.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
    const [family, ...rest] = province.people.duc.fullName.split(" ");
    fillRow(sheet, 4, { B: `${family}\u202E ${rest.join(" ")}`, G: province.school.name, K: "1647933380" });
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), specialist.email);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { status: string }[] };
    expect(body.rows).toEqual([expect.objectContaining({ status: "rejected" })]);
    expect(await ledgerSize()).toBe(0);
  });

  it("attack: a replay of the same upload, to record the award twice", async () => {
    const first = await upload(list, specialist.email);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { written: number }).written).toBe(1);
    const audits = await auditSize();
    const replay = await upload(list, specialist.email);
    expect(replay.status).toBe(200);
    const body = (await replay.json()) as { written: number; rows: { row: number; status: string }[] };
    expect(body).toMatchObject({ written: 0, rows: [{ row: 4, status: "unchanged" }] });
    expect(await ledgerSize()).toBe(1);
    expect(await auditSize()).toBe(audits);
  });
});

describe("config/province-codes", { timeout: 180_000 }, () => {
  const storedCodes = async () => (await api.db.doc(PROVINCE_CODES_PATH).get()).data();

  it("attack: a principal remaps the province's codes so a Giấy khen counts as a Bằng khen", async () => {
    const response = await api.fetch("/v1/config/province-codes", {
      method: "POST",
      body: JSON.stringify({ mappings: [{ table: "award", code: "1650360499", value: "BK_CT_UBND_TINH" }] }),
      as: principal.email,
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
    expect(await storedCodes()).toBeUndefined();
  });

  it("attack: a mapping onto a code TĐKT does not have", async () => {
    const response = await api.fetch("/v1/config/province-codes", {
      method: "POST",
      body: JSON.stringify({ mappings: [{ table: "award", code: "1650360499", value: "BK_TU_PHONG" }] }),
      as: specialist.email,
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body.mappings.0.value" });
    expect(await storedCodes()).toBeUndefined();
  });

  it("attack: an export mapping whose code would be a formula in the list sent to the province", async () => {
    const response = await api.fetch("/v1/config/province-codes", {
      method: "POST",
      body: JSON.stringify({
        mappings: [{ table: "award", code: '=HYPERLINK("http://x.example")', value: "LDTT", export: true }],
      }),
      as: specialist.email,
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "body.mappings.0.code",
    });
    expect(await storedCodes()).toBeUndefined();
  });
});
