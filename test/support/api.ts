/**
 * An `api` server on 127.0.0.1 for tests: real sockets, the emulator, users seeded, and both kinds of
 * tokens — development tokens and Google-style RS256 tokens signed by a test key whose public half
 * is handed to the verifier in place of Google's certificates.
 */
import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import type { User } from "../../functions/src/domain/model.js";
import { createApi } from "../../functions/src/http/api.js";
import type { Logger } from "../../functions/src/http/log.js";
import type { Route } from "../../functions/src/http/route.js";
import { listen, type RunningServer } from "../../functions/src/http/server.js";
import { signDevToken } from "../../functions/src/http/tokens.js";
import { type AppConfig, loadConfig } from "../../functions/src/services/config.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { testFirestore } from "./firestore.js";

export const DEV_SECRET = "test-secret-0123456789abcdef";
export const AUDIENCE = "1234567890-apps-script.apps.googleusercontent.com";
const KEY_ID = "test-key-1";

export interface TestApi {
  db: Firestore;
  url: string;
  config: AppConfig;
  googleKey: KeyObject;
  close(): Promise<void>;
  devToken(email: string, lifetimeSeconds?: number): string;
  fetch(path: string, init?: RequestInit & { as?: string }): Promise<Response>;
}

export async function startTestApi(
  options: { users?: User[]; routes?: readonly Route[]; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestApi> {
  const db = testFirestore("api");
  const config = loadConfig({
    TDKT_ENV: "test",
    TDKT_DEV_AUTH_SECRET: DEV_SECRET,
    TDKT_AUTH_AUDIENCES: AUDIENCE,
    TDKT_FILES_DIR: `.local/test-files/${Date.now()}`,
    ...options.env,
  });
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const batch = db.batch();
  for (const user of options.users ?? []) batch.set(db.collection(COLLECTIONS.users).doc(user.email), user);
  await batch.commit();
  const server: RunningServer = await listen(
    createApi({
      db,
      config,
      certificates: async () => ({ [KEY_ID]: pem }),
      logger: options.logger ?? (() => {}),
      ...(options.routes ? { routes: options.routes } : {}),
    }),
  );
  const devToken = (email: string, lifetimeSeconds?: number) =>
    signDevToken(email, DEV_SECRET, lifetimeSeconds);
  return {
    db,
    url: server.url,
    config,
    googleKey: privateKey,
    close: () => server.close(),
    devToken,
    fetch: (path, init = {}) => {
      const { as, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set("authorization", `Bearer ${devToken(as)}`);
      if (rest.body && !headers.has("content-type")) headers.set("content-type", "application/json");
      return fetch(`${server.url}${path}`, { ...rest, headers });
    },
  };
}

/** A token shaped like Google's ID tokens (RS256, kid), signed with `key`. */
export function signGoogleStyleToken(key: KeyObject, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT", kid: KEY_ID })).toString("base64url");
  const payload = Buffer.from(
    JSON.stringify({
      iss: "https://accounts.google.com",
      aud: AUDIENCE,
      iat: now,
      exp: now + 3600,
      email_verified: true,
      ...claims,
    }),
  ).toString("base64url");
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** The JSON error body of a failed response (docs/design.md §5.3). */
export async function errorOf(response: Response): Promise<ApiErrorBody["error"]> {
  return ((await response.json()) as ApiErrorBody).error;
}
