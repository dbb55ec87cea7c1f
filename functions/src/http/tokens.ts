/**
 * ID-token verification. Production: Google ID tokens (Apps Script's ScriptApp.getIdentityToken()),
 * checked for signature, issuer, expiry and audience by google-auth-library. Development: HS256
 * tokens signed with a local secret, only when TDKT_DEV_AUTH_SECRET is set (refused in production).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { OAuth2Client } from "google-auth-library";

export const GOOGLE_ISSUERS = ["accounts.google.com", "https://accounts.google.com"];
export const DEV_ISSUER = "tdkt-dev";

export interface VerifiedIdentity {
  email: string;
  issuer: string;
}

export class TokenError extends Error {
  override name = "TokenError";
}

/** Public keys by key id (PEM); production fetches Google's, tests supply their own. */
export type CertificateSource = () => Promise<Record<string, string>>;

const googleClient = new OAuth2Client();
export const googleCertificates: CertificateSource = async () =>
  (await googleClient.getFederatedSignonCertsAsync()).certs as Record<string, string>;

export interface VerifierOptions {
  audiences: readonly string[];
  devSecret: string | undefined;
  certificates?: CertificateSource;
}

export type TokenVerifier = (token: string) => Promise<VerifiedIdentity>;

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const certificates = options.certificates ?? googleCertificates;
  return async (token) => {
    const issuer = peekIssuer(token);
    if (issuer === DEV_ISSUER) {
      if (!options.devSecret) throw new TokenError("development tokens are disabled");
      return verifyDevToken(token, options.devSecret);
    }
    if (options.audiences.length === 0) throw new TokenError("no audience configured");
    let ticket: Awaited<ReturnType<OAuth2Client["verifySignedJwtWithCertsAsync"]>>;
    try {
      ticket = await googleClient.verifySignedJwtWithCertsAsync(
        token,
        await certificates(),
        [...options.audiences],
        GOOGLE_ISSUERS,
      );
    } catch (error) {
      throw new TokenError(error instanceof Error ? (error.message.split(":")[0] ?? "invalid") : "invalid");
    }
    const payload = ticket.getPayload();
    if (!payload?.email || payload.email_verified === false) throw new TokenError("no verified e-mail");
    return { email: payload.email.toLowerCase(), issuer: payload.iss };
  };
}

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  if (!segment) throw new TokenError("malformed token");
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    if (value === null || typeof value !== "object") throw new TokenError("malformed token");
    return value as Record<string, unknown>;
  } catch {
    throw new TokenError("malformed token");
  }
}

function peekIssuer(token: string): string {
  const payload = decodeSegment(token.split(".")[1]);
  return typeof payload.iss === "string" ? payload.iss : "";
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Signs a development token (for `tdkt token`, `npm start` and tests). */
export function signDevToken(
  email: string,
  secret: string,
  lifetimeSeconds = 3600,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: DEV_ISSUER,
      aud: DEV_ISSUER,
      email,
      email_verified: true,
      iat: nowSeconds,
      exp: nowSeconds + lifetimeSeconds,
    }),
  );
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

function verifyDevToken(token: string, secret: string): VerifiedIdentity {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new TokenError("malformed token");
  if (decodeSegment(header).alg !== "HS256") throw new TokenError("wrong algorithm");
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenError("bad signature");
  const claims = decodeSegment(payload);
  if (claims.aud !== DEV_ISSUER) throw new TokenError("wrong audience");
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number" || claims.exp < now) throw new TokenError("expired");
  if (typeof claims.email !== "string") throw new TokenError("no e-mail");
  return { email: claims.email.toLowerCase(), issuer: DEV_ISSUER };
}
