import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { legalBasisOn } from "../../../functions/src/domain/eligibility/index.js";
import type { BuiltDossier } from "../../../functions/src/services/dossier/build.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const unitId = SAMPLE_SCHOOLS.nguyenDu;
const principal = `hieutruong.${unitId}@truong.example.org`;
const path = `/v1/units/${unitId}/years/2025-2026/dossiers`;
const province = sampleProvince();
const commune = province.units.find((unit) => unit.id === unitId)?.communeUnitId;
const communeSpecialist = `vhxh.${commune}@xa.example.org`;
const options = JSON.parse(readFileSync("examples/dossier/thcs-nguyen-du.json", "utf8")) as Record<
  string,
  unknown
>;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, province);
}, 180_000);
afterAll(() => api.close());

describe("POST /v1/units/{unit}/years/{year}/dossiers over HTTP", () => {
  it("builds the school's dossier, numbers it and leaves out the ineligible proposals", async () => {
    const response = await api.fetch(path, { method: "POST", as: principal, body: JSON.stringify(options) });
    expect(response.status).toBe(201);
    const dossier = (await response.json()) as BuiltDossier;
    const types = dossier.documents.map((document) => document.type);
    expect(types).toEqual(expect.arrayContaining(["to-trinh", "bien-ban-hop", "danh-sach-individual"]));
    expect(dossier.documents.find((document) => document.type === "to-trinh")?.number).toBe("01/TTr-THCSND");
    for (const document of dossier.documents) expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      dossier.excluded.some((left) => left.target === "CSTD_CS" && left.failed.includes("CSCS-04")),
    ).toBe(true);
    // The province's Bằng khen goes in a tờ trình of its own, through the commune, with its own list.
    const numbers = dossier.documents.filter((d) => d.type === "to-trinh").map((d) => d.number);
    expect(numbers).toEqual(["01/TTr-THCSND", "02/TTr-THCSND"]);
    const files = dossier.documents.map((d) => d.file);
    expect(files.some((file) => file.endsWith("01-to-trinh-2.pdf"))).toBe(true);
    expect(files.some((file) => file.endsWith("04-danh-sach-tap-the-2.pdf"))).toBe(true);
  });

  it("lists every missing item in Vietnamese instead of printing empty fields", async () => {
    const response = await api.fetch(path, {
      method: "POST",
      as: principal,
      body: JSON.stringify({ date: "2026-05-20" }),
    });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("MISSING_DATA");
    expect(error.message).toMatch(/Còn thiếu: .*cuộc họp/);
  });

  it("moves the dossier along its workflow: the school submits, the commune appraises, every step audited", async () => {
    const transition = (as: string, to: string) =>
      api.fetch(`/v1/dossiers/${unitId}_2025-2026:transition`, {
        method: "POST",
        as,
        body: JSON.stringify({ to }),
      });
    expect((await transition(principal, "SUBMITTED")).status).toBe(200);
    const notTheirs = await transition(principal, "UNDER_APPRAISAL");
    expect(notTheirs.status).toBe(403);
    const appraised = await transition(communeSpecialist, "UNDER_APPRAISAL");
    expect(appraised.status).toBe(200);
    expect(((await appraised.json()) as { state: string }).state).toBe("UNDER_APPRAISAL");
    const skipped = await transition(communeSpecialist, "PUBLISHED");
    expect(skipped.status).toBe(409);
    expect((await errorOf(skipped)).message).toMatch(
      /Không thể chuyển hồ sơ từ "Đang thẩm định" sang "Đã công bố"/,
    );

    const stored = (await api.db.doc(`dossiers/${unitId}_2025-2026`).get()).data();
    expect(stored?.history.map((step: { to: string }) => step.to)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "UNDER_APPRAISAL",
    ]);
    const audit = await api.db.collection("audit").where("path", "==", `dossiers/${unitId}_2025-2026`).get();
    expect(audit.size).toBe(3);
    // Each step says who took it, for which level, under which legal basis (the one in force today).
    const today = legalBasisOn(new Date().toISOString().slice(0, 10))?.version;
    expect(stored?.history.slice(1)).toEqual([
      expect.objectContaining({ actor: principal, level: "SCHOOL", unitId, legalBasisVersion: today }),
      expect.objectContaining({
        actor: communeSpecialist,
        level: "XA",
        unitId: commune,
        legalBasisVersion: today,
      }),
    ]);
  });

  it("returns a dossier only with a reason, naming the missing field", async () => {
    const transition = (body: unknown) =>
      api.fetch(`/v1/dossiers/${unitId}_2025-2026:transition`, {
        method: "POST",
        as: communeSpecialist,
        body: JSON.stringify(body),
      });
    const silent = await transition({ to: "RETURNED" });
    expect(silent.status).toBe(400);
    expect(await errorOf(silent)).toMatchObject({ code: "INVALID_ARGUMENT", field: "body.note" });
    const unknown = await transition({ to: "ARCHIVED" });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({ code: "INVALID_ARGUMENT", field: "body.to" });
    const returned = await transition({ to: "RETURNED", note: "Bổ sung biên bản kiểm phiếu" });
    expect(returned.status).toBe(200);
    expect(((await returned.json()) as { history: { note?: string }[] }).history.at(-1)?.note).toBe(
      "Bổ sung biên bản kiểm phiếu",
    );
    // Back with the school, the dossier may be rebuilt.
    const rebuilt = await api.fetch(path, { method: "POST", as: principal, body: JSON.stringify(options) });
    expect(rebuilt.status).toBe(201);
  });

  it("refuses another school's principal", async () => {
    const other = `hieutruong.${SAMPLE_SCHOOLS.leQuyDon}@truong.example.org`;
    const response = await api.fetch(path, { method: "POST", as: other, body: JSON.stringify(options) });
    expect(response.status).toBe(403);
  });
});
