/**
 * Attacks on the dossier build's options (issue 9, item 3), over sockets against the API on a stored
 * school: options that are not what the build expects are refused with INVALID_ARGUMENT naming the
 * field (`body.<path>`), in Vietnamese, before a single number is taken or a file written.
 */
import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDossierOptions, sampleStoredSchool } from "../../functions/sample/documents.js";
import type { User } from "../../functions/src/domain/model.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const UNIT = "THPT_LQD";
const YEAR = "2025-2026";
const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: UNIT };
const otherPrincipal: User = { email: "ht@khac.example.org", role: "PRINCIPAL", unitId: "THPT_KHAC" };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [principal, otherPrincipal] });
  await Promise.all(sampleStoredSchool(UNIT).map(({ path, data }) => api.db.doc(path).set(data)));
});
afterAll(() => api.close());

const build = (body: string, as = principal.email, year = YEAR) =>
  api.fetch(`/v1/units/${UNIT}/years/${year}/dossiers`, { method: "POST", as, body });

/** What a build would change: the dossier, the number counters, the audit log, the files. */
async function storeState() {
  const ids = async (collection: string) =>
    (await api.db.collection(collection).get()).docs.map((doc) => doc.id);
  const dir = api.config.filesDir;
  return {
    dossiers: await ids("dossiers"),
    counters: await ids("counters"),
    audit: (await api.db.collection("audit").count().get()).data().count,
    files: existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }) : [],
  };
}

async function expectInvalid(response: Response, field: string): Promise<string> {
  expect(response.status).toBe(400);
  const error = await errorOf(response);
  expect(error.code).toBe("INVALID_ARGUMENT");
  expect(error.field).toBe(field);
  expect(error.message).toMatch(/^Dữ liệu để lập hồ sơ không hợp lệ: /);
  return error.message;
}

describe("the dossier build refuses options it cannot use, naming the field", () => {
  it("attack: a tờ trình dated on a day that does not exist", async () => {
    const before = await storeState();
    const message = await expectInvalid(
      await build(JSON.stringify({ ...sampleDossierOptions, date: "2026-02-30" })),
      "body.date",
    );
    expect(message).toContain("ngày văn bản (date)");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a council meeting dated with free text", async () => {
    const before = await storeState();
    const meeting = { ...sampleDossierOptions.meeting, date: "hôm qua" };
    await expectInvalid(
      await build(JSON.stringify({ ...sampleDossierOptions, meeting })),
      "body.meeting.date",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a sổ theo dõi of a thousand years, to make the server read a thousand years of records", async () => {
    const before = await storeState();
    await expectInvalid(
      await build(JSON.stringify({ ...sampleDossierOptions, registerYears: 1000 })),
      "body.registerYears",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a negative council size, to print a vote share over a negative count", async () => {
    const before = await storeState();
    const meeting = { ...sampleDossierOptions.meeting, members: -9 };
    await expectInvalid(
      await build(JSON.stringify({ ...sampleDossierOptions, meeting })),
      "body.meeting.members",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: options sent as a JSON array instead of an object", async () => {
    const before = await storeState();
    await expectInvalid(await build(JSON.stringify([sampleDossierOptions])), "body");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a blank signer, to issue a tờ trình nobody signs", async () => {
    const before = await storeState();
    await expectInvalid(
      await build(JSON.stringify({ ...sampleDossierOptions, signer: { title: "Hiệu trưởng", name: "   " } })),
      "body.signer.name",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: another school's principal builds this school's dossier", async () => {
    const before = await storeState();
    const response = await build(JSON.stringify(sampleDossierOptions), otherPrincipal.email);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school year that is not one, in the path", async () => {
    const before = await storeState();
    const response = await build(JSON.stringify(sampleDossierOptions), principal.email, "2025-2027");
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.field).toBe("path.year");
    expect(await storeState()).toEqual(before);
  });

  it("builds with the same options when they are valid (the refusals above are about the options)", async () => {
    const response = await build(JSON.stringify(sampleDossierOptions));
    expect(response.status).toBe(201);
    expect((await storeState()).dossiers).toEqual([`${UNIT}_${YEAR}`]);
  });
});
