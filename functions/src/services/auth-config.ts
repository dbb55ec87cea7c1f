/**
 * The ID-token audiences the API accepts (docs/apps-script.md): TDKT_AUTH_AUDIENCES from the
 * environment, merged with config/auth in Firestore, which the Department's administrator sets
 * without a redeploy — the province's add-on and every per-sheet pilot each have an OAuth client.
 * Each instance caches the stored list for a minute. A failed read fails the request as a store
 * outage does (authentication reads users/{email} from the store anyway) and is retried by the next.
 */
import type { Firestore } from "@google-cloud/firestore";
import { AppError, bodyField } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { AuthConfig, type User } from "../domain/model.js";
import { AUTH_CONFIG_PATH, loadAuthConfig } from "../store/registry.js";
import { updateDocument } from "../store/writes.js";

/** How long an instance trusts its copy of config/auth. */
export const AUDIENCE_CACHE_MS = 60_000;

export interface AudienceSource {
  /** Every accepted audience, the environment's first. */
  audiences(): Promise<readonly string[]>;
  /** Forget the cached copy (after this instance changed config/auth). */
  invalidate(): void;
}

export function audienceSource(
  db: Firestore,
  fromEnvironment: readonly string[],
  now: () => number = Date.now,
): AudienceSource {
  let stored: readonly string[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;
  const refresh = async () => {
    stored = (await loadAuthConfig(db))?.audiences ?? [];
    readAt = now();
  };
  return {
    audiences: async () => {
      if (now() - readAt >= AUDIENCE_CACHE_MS) {
        pending ??= refresh().finally(() => {
          pending = undefined;
        });
        await pending;
      }
      return [...new Set([...fromEnvironment, ...stored])];
    },
    invalidate: () => {
      readAt = Number.NEGATIVE_INFINITY;
    },
  };
}

/** What config/auth holds, for the Department's administrator. */
export async function readAuthConfig(db: Firestore, user: User): Promise<AuthConfig> {
  requireAdmin(user);
  return (await loadAuthConfig(db)) ?? { audiences: [] };
}

/** Replaces the stored audiences (audited); the environment's are not stored and always apply. */
export async function setAuthConfig(
  db: Firestore,
  user: User,
  body: unknown,
  requestId: string,
): Promise<AuthConfig> {
  requireAdmin(user);
  const parsed = AuthConfig.strict().safeParse(body);
  if (!parsed.success)
    throw new AppError(
      "INVALID_ARGUMENT",
      httpMessages.authAudiencesInvalid(),
      undefined,
      bodyField(parsed.error.issues[0]?.path),
    );
  const audiences = [...new Set(parsed.data.audiences)];
  return updateDocument<AuthConfig>(db, AUTH_CONFIG_PATH, () => ({ audiences }), {
    actor: user.email,
    requestId,
  });
}

/** Who may sign in is the province's decision: its administrator's, not a specialist's or a school's. */
function requireAdmin(user: User): void {
  if (user.role !== "ADMIN") throw new AppError("PERMISSION_DENIED", httpMessages.authConfigAdminOnly());
}
