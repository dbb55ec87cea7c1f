/**
 * `tdkt decision` over the CLI's own project on the test emulator: record from a file, publish,
 * print, revoke — the same service and checks as the API, as the stored account named by --as.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decisionCommand } from "../../../functions/src/cli/commands/decision.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import {
  departmentDecision,
  dossierIdOf,
  seedDecisionProvince,
  UNITS,
  USERS,
} from "../../fixtures/decisions.js";
import { runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

const ID = "SO_2026-07-15_512";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(decisionCommand, args);
  return { code, out: stdout, err: stderr };
}

describe("tdkt decision", { timeout: 180_000 }, () => {
  it("records, publishes, prints and revokes a decision", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    // The CLI's project is shared between runs: this test's documents start afresh.
    const awards = await db.collection("awards").where("unitId", "==", UNITS.highSchool.id).get();
    await Promise.all([
      db.doc(`decisions/${ID}`).delete(),
      ...awards.docs.map((doc) => doc.ref.delete()),
      ...Object.values(USERS).map((user) => db.doc(`users/${user.email}`).set(user)),
    ]);
    await seedDecisionProvince(db);
    await db.terminate();

    const dir = mkdtempSync(join(tmpdir(), "tdkt-cli-decision-"));
    const file = join(dir, "decision.json");
    writeFileSync(file, JSON.stringify(departmentDecision));
    const as = ["--as", USERS.department.email];

    expect(await run(["record", file, "--as", USERS.highSchoolPrincipal.email])).toMatchObject({ code: 1 });
    const recorded = await run(["record", file, ...as]);
    expect(recorded, recorded.err).toMatchObject({
      code: 0,
      out: `Quyết định ${ID}: ISSUED, 3 đối tượng.\n`,
    });
    expect((await run(["publish", ID, ...as])).out).toBe(`Quyết định ${ID}: PUBLISHED, 3 đối tượng.\n`);
    const printed = await run(["pdf", ID, ...as, "--out", dir]);
    expect(printed.code, printed.err).toBe(0);
    expect(existsSync(join(dir, "quyet-dinh", `${ID}.pdf`))).toBe(true);
    const noReason = await run(["revoke", ID, ...as]);
    expect(noReason.code).toBe(1);
    expect(noReason.err).toContain("lý do");
    const revoked = await run(["revoke", ID, "--reason", "Hồ sơ khai không đúng", ...as]);
    expect(revoked.out).toBe(`Quyết định ${ID}: REVOKED, 3 đối tượng.\n`);

    const check = createFirestore(LOCAL_PROJECT_ID);
    expect((await check.doc(`dossiers/${dossierIdOf(UNITS.highSchool.id)}`).get()).get("state")).toBe(
      "REVOKED",
    );
    await check.terminate();
  });

  it("answers a usage error with exit 2", async () => {
    expect((await run(["record"])).code).toBe(2);
    expect((await run(["sign", "x", "--as", "a@b.vn"])).code).toBe(2);
    expect((await run(["pdf", ID, "--as", "a@b.vn"])).code).toBe(2);
  });
});
