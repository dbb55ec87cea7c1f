/** The accepted audiences: environment ∪ config/auth, cached a minute per instance, on the emulator. */
import { describe, expect, it } from "vitest";
import { AUDIENCE_CACHE_MS, audienceSource } from "../../../functions/src/services/auth-config.js";
import { AUTH_CONFIG_PATH } from "../../../functions/src/store/registry.js";
import { testFirestore } from "../../support/firestore.js";

const FROM_ENV = "1000000001-pilot.apps.googleusercontent.com";
const ADD_ON = "2000000002-addon.apps.googleusercontent.com";
const LATER = "3000000003-later.apps.googleusercontent.com";

describe("audienceSource", () => {
  it("merges config/auth with the environment and rereads it only after a minute", async () => {
    const db = testFirestore("audiences");
    let now = 0;
    const source = audienceSource(db, [FROM_ENV], () => now);
    expect(await source.audiences()).toEqual([FROM_ENV]);
    await db.doc(AUTH_CONFIG_PATH).set({ audiences: [ADD_ON, FROM_ENV] });
    now = AUDIENCE_CACHE_MS - 1;
    expect(await source.audiences()).toEqual([FROM_ENV]);
    now = AUDIENCE_CACHE_MS;
    expect(await source.audiences()).toEqual([FROM_ENV, ADD_ON]);
    await db.doc(AUTH_CONFIG_PATH).set({ audiences: [LATER] });
    source.invalidate();
    expect(await source.audiences()).toEqual([FROM_ENV, LATER]);
  });

  it("adds nothing from a malformed config/auth", async () => {
    const db = testFirestore("audiences");
    await db.doc(AUTH_CONFIG_PATH).set({ audiences: ["*"] });
    expect(await audienceSource(db, [FROM_ENV]).audiences()).toEqual([FROM_ENV]);
  });
});
