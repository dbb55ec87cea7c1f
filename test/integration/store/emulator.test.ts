import { describe, expect, it } from "vitest";
import { emulatorJarCandidates, findEmulatorJar } from "../../../functions/src/store/emulator.js";
import { emulatorHost, testFirestore } from "../../support/firestore.js";

describe("Firestore emulator", () => {
  it("is running and isolates projects", async () => {
    expect(emulatorHost()).toMatch(/^127\.0\.0\.1:\d+$/);
    const a = testFirestore();
    const b = testFirestore();
    await a.doc("units/u1").set({ name: "Trường A" });
    expect((await a.doc("units/u1").get()).data()).toEqual({ name: "Trường A" });
    expect((await b.doc("units/u1").get()).exists).toBe(false);
  });

  it("looks for the JAR in the documented order and explains what is missing", () => {
    const env = { FIRESTORE_EMULATOR_JAR: "/nonexistent/emulator.jar" };
    expect(emulatorJarCandidates(env)[0]).toBe("/nonexistent/emulator.jar");
    const missing = { FIRESTORE_EMULATOR_JAR: "/nonexistent/a.jar", HOME: "/nonexistent" };
    // Only meaningful where the gcloud copy is absent; otherwise the gcloud path is found second.
    try {
      expect(findEmulatorJar(missing)).not.toBe("/nonexistent/a.jar");
    } catch (error) {
      expect(String(error)).toContain("Không tìm thấy trình giả lập Firestore");
      expect(String(error)).toContain("FIRESTORE_EMULATOR_JAR");
    }
  });
});
