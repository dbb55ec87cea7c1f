import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleDossierOptions, sampleStoredSchool } from "../../../functions/sample/documents.js";
import type { User } from "../../../functions/src/domain/model.js";
import type { RequestContext } from "../../../functions/src/http/route.js";
import { dossierRoutes } from "../../../functions/src/http/routes/dossiers.js";
import { audienceSource } from "../../../functions/src/services/auth-config.js";
import { loadConfig } from "../../../functions/src/services/config.js";
import { testFirestore } from "../../support/firestore.js";

const route = dossierRoutes[0];
const context = (user: User, body: unknown): RequestContext => ({
  requestId: "r1",
  user,
  params: { unit: "THPT_LQD", year: "2025-2026" },
  query: new URLSearchParams(),
  body,
  idempotencyKey: undefined,
});

describe("POST /v1/units/{unit}/years/{year}/dossiers", () => {
  let db: Firestore;
  const config = {
    ...loadConfig({ TDKT_ENV: "test" }),
    filesDir: mkdtempSync(join(tmpdir(), "tdkt-route-")),
  };
  const deps = () => ({ db, config, audiences: audienceSource(db, config.authAudiences) });
  beforeAll(async () => {
    db = testFirestore("dossier-route");
    await Promise.all(sampleStoredSchool("THPT_LQD").map(({ path, data }) => db.doc(path).set(data)));
  });

  it("builds the dossier for the unit's principal", async () => {
    const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: "THPT_LQD" };
    const response = await route?.handle(context(principal, sampleDossierOptions), deps());
    expect(response?.status).toBe(201);
    const body = response?.body as { id: string; documents: { type: string; file: string }[] };
    expect(body.id).toBe("THPT_LQD_2025-2026");
    expect(body.documents.map((document) => document.type)).toContain("to-trinh");
    // Files are named relative to the file store: the server's folders stay out of the answer.
    for (const document of body.documents) {
      expect(document.file).toMatch(/^THPT_LQD\/2025-2026\/[0-9a-f]{8}\/[0-9a-z-]+\.pdf$/);
      expect(existsSync(join(config.filesDir, document.file))).toBe(true);
    }
  });

  it("refuses another school's officer and a malformed body", async () => {
    const other: User = { email: "x@other.example.org", role: "SCHOOL_OFFICER", unitId: "OTHER" };
    await expect(route?.handle(context(other, sampleDossierOptions), deps())).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
    const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: "THPT_LQD" };
    await expect(route?.handle(context(principal, { date: "hôm nay" }), deps())).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
  });
});
