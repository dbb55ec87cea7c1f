import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  EmulatorUnavailableError,
  emulatorJarCandidates,
  exportProject,
  findEmulatorJar,
  freePort,
  GCLOUD_EMULATOR_JAR,
  settleInterruptedExport,
  startEmulator,
} from "../../../functions/src/store/emulator.js";
import { emulatorHost, firestoreAt, testFirestore } from "../../support/firestore.js";

describe("Firestore emulator", () => {
  it("is running and isolates projects", async () => {
    expect(emulatorHost()).toMatch(/^127\.0\.0\.1:\d+$/);
    const a = testFirestore();
    const b = testFirestore();
    await a.doc("units/u1").set({ name: "Trường A" });
    expect((await a.doc("units/u1").get()).data()).toEqual({ name: "Trường A" });
    expect((await b.doc("units/u1").get()).exists).toBe(false);
  });

  it("looks for the JAR in the documented order", () => {
    const home = mkdtempSync(join(tmpdir(), "home-"));
    const cache = join(home, ".cache", "firebase", "emulators");
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, "cloud-firestore-emulator-v1.19.9.jar"), "");
    expect(emulatorJarCandidates({ FIRESTORE_EMULATOR_JAR: "/opt/emulator.jar", HOME: home })).toEqual([
      "/opt/emulator.jar",
      GCLOUD_EMULATOR_JAR,
      join(cache, "cloud-firestore-emulator-v1.19.9.jar"),
    ]);
    expect(
      findEmulatorJar({}, ["/nonexistent/a.jar", join(cache, "cloud-firestore-emulator-v1.19.9.jar")]),
    ).toBe(join(cache, "cloud-firestore-emulator-v1.19.9.jar"));
  });

  it("says in Vietnamese and English how to install a missing emulator", () => {
    expect(() => findEmulatorJar({}, ["/nonexistent/a.jar"])).toThrow(EmulatorUnavailableError);
    try {
      findEmulatorJar({}, ["/nonexistent/a.jar"]);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("Không tìm thấy trình giả lập Firestore");
      expect(message).toContain("The Firestore emulator was not found");
      expect(message).toContain("/nonexistent/a.jar");
      expect(message).toContain("FIRESTORE_EMULATOR_JAR");
    }
  });
});

describe("local data kept between runs", () => {
  it("exports on stop and imports on the next start", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "emulator-data-")), "data");
    const first = await startEmulator({ importDir: dir, exportOnStop: { dir, projectId: "keep" } });
    const db = firestoreAt(first.hostPort, "keep");
    await db.doc("units/thcs-nguyen-du").set({ name: "Trường THCS Nguyễn Du" });
    await db.terminate();
    await first.stop();

    const second = await startEmulator({ importDir: dir });
    try {
      const again = firestoreAt(second.hostPort, "keep");
      expect((await again.doc("units/thcs-nguyen-du").get()).data()).toEqual({
        name: "Trường THCS Nguyễn Du",
      });
      await again.terminate();
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe("an export that does not finish", () => {
  const METADATA = join("firestore_export", "firestore_export.overall_export_metadata");
  /** A data folder holding a finished export whose metadata file says `marker`. */
  function exported(marker: string): string {
    const dir = join(mkdtempSync(join(tmpdir(), "emulator-data-")), "data");
    mkdirSync(join(dir, "firestore_export"), { recursive: true });
    writeFileSync(join(dir, METADATA), marker);
    return dir;
  }

  it("fault: a failed export leaves the previous one whole and no partial folder beside it", async () => {
    const dir = exported("previous");
    const nobody = `127.0.0.1:${await freePort()}`;
    await expect(exportProject(nobody, "keep", dir)).rejects.toThrow(/Không lưu được dữ liệu cục bộ/);
    expect(readFileSync(join(dir, METADATA), "utf8")).toBe("previous");
    expect(readdirSync(join(dir, ".."))).toEqual(["data"]);
  });

  it("fault: a crash during the export or between its renames is settled at the next start", () => {
    const partial = exported("previous");
    mkdirSync(`${partial}.new/firestore_export`, { recursive: true });
    settleInterruptedExport(partial);
    expect(existsSync(`${partial}.new`)).toBe(false);
    expect(readFileSync(join(partial, METADATA), "utf8")).toBe("previous");

    // The crash fell after the previous export was moved aside and before the new one moved in.
    const between = exported("previous");
    renameSync(between, `${between}.old`);
    mkdirSync(`${between}.new`);
    settleInterruptedExport(between);
    expect(readFileSync(join(between, METADATA), "utf8")).toBe("previous");
    expect(readdirSync(join(between, ".."))).toEqual(["data"]);
  });
});
