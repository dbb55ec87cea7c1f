/** The local development signing key: TDKT_DEV_AUTH_SECRET, or a random one kept in .local/. */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOCAL_DIR } from "./firestore.js";

const SECRET_FILE = join(LOCAL_DIR, "dev-secret");

export function localDevSecret(): string {
  if (process.env.TDKT_DEV_AUTH_SECRET) return process.env.TDKT_DEV_AUTH_SECRET;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(LOCAL_DIR, { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(SECRET_FILE, "utf8").trim();
}
