/** `tdkt reindex`: indexes the documents stored before the units' index existed, on the CLI's own project. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reindexCommand } from "../../../functions/src/cli/commands/reindex.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { unitIndexes } from "../../../functions/src/store/unit-index.js";
import { emulatorHost } from "../../support/firestore.js";

async function reindex(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await reindexCommand.run(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
  });
  return { code, out: out.join(""), err: err.join("") };
}

describe("tdkt reindex", { timeout: 120_000 }, () => {
  it("writes the index of a person stored without it and says how many documents it indexed", async () => {
    emulatorHost();
    // The CLI's project is shared by the tests that use it: a unit of this run's own.
    const unitId = `thpt-${randomUUID().slice(0, 8)}`;
    const db = createFirestore(LOCAL_PROJECT_ID);
    await db.doc(`people/${unitId}-gv`).set({ id: `${unitId}-gv`, unitId, fullName: "Nguyễn Văn Cũ" });
    expect((await unitIndexes(db, [unitId], "people", "2025-2026")).get(unitId)).toEqual([]);

    const result = await reindex([]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^Đã ghi chỉ mục cho [1-9]\d* tài liệu\.\n$/);
    expect((await unitIndexes(db, [unitId], "people", "2025-2026")).get(unitId)).toEqual([
      { id: `${unitId}-gv`, subjectId: "", year: "" },
    ]);
    await db.terminate();
  });

  it("refuses arguments with its usage (exit 2)", async () => {
    const result = await reindex(["--year", "2025-2026"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Cách dùng: tdkt reindex");
  });
});
