/** The local development signing key: TDKT_DEV_AUTH_SECRET, or a random one kept in the local folder. */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { localDir } from "./firestore.js";

export function localDevSecret(): string {
  if (process.env.TDKT_DEV_AUTH_SECRET) return process.env.TDKT_DEV_AUTH_SECRET;
  const secretFile = join(localDir(), "dev-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(localDir(), { recursive: true });
    writeFileSync(secretFile, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(secretFile, "utf8").trim();
}
