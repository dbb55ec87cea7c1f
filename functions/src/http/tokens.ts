/**
 * ID-token verification. Production: Google ID tokens (Apps Script's ScriptApp.getIdentityToken()),
 * checked for signature, issuer, expiry and audience by google-auth-library. Development: HS256
 * tokens signed with a local secret, only when TDKT_DEV_AUTH_SECRET is set (refused in production),
 * held to the same claims: issued and valid now, a bounded lifetime. Both need a verified e-mail that
 * is an e-mail address, returned as users/{email} is keyed.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { OAuth2Client } from "google-auth-library";
import { z } from "zod";
import { emailKey } from "../domain/text.js";

const GOOGLE_ISSUERS = ["accounts.google.com", "https://accounts.google.com"];
const DEV_ISSUER = "tdkt-dev";

/** Development tokens live at most a working day (what `npm start` and `tdkt token` hand out). */
export const MAX_DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;
/** How far the signer's clock may run ahead of ours. */
const CLOCK_SKEW_SECONDS = 60;

const EmailAddress = z.email().max(254);

interface VerifiedIdentity {
  email: string;
  issuer: string;
}

export class TokenError extends Error {
  override name = "TokenError";
}

/** Public keys by key id (PEM); production fetches Google's, tests supply their own. */
export type CertificateSource = () => Promise<Record<string, string>>;

const googleClient = new OAuth2Client();
const googleCertificates: CertificateSource = async () =>
  (await googleClient.getFederatedSignonCertsAsync()).certs as Record<string, string>;

export interface VerifierOptions {
  /** The accepted audiences, read per Google token (services/auth-config.ts caches them). */
  audiences: () => Promise<readonly string[]>;
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
    const audiences = await options.audiences();
    if (audiences.length === 0) throw new TokenError("no audience configured");
    let ticket: Awaited<ReturnType<OAuth2Client["verifySignedJwtWithCertsAsync"]>>;
    try {
      ticket = await googleClient.verifySignedJwtWithCertsAsync(
        token,
        await certificates(),
        [...audiences],
        GOOGLE_ISSUERS,
      );
    } catch (error) {
      throw new TokenError(error instanceof Error ? (error.message.split(":")[0] ?? "invalid") : "invalid");
    }
    const payload = ticket.getPayload();
    if (payload?.email_verified !== true) throw new TokenError("e-mail not verified");
    return { email: verifiedEmail(payload.email), issuer: payload.iss };
  };
}

/** The token's e-mail as users/{email} is keyed; anything that is not an address is refused. */
function verifiedEmail(claim: unknown): string {
  if (typeof claim !== "string") throw new TokenError("no e-mail");
  const email = emailKey(claim);
  if (!EmailAddress.safeParse(email).success) throw new TokenError("not an e-mail address");
  return email;
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
  const { iat, nbf, exp } = claims;
  if (typeof exp !== "number" || exp < now) throw new TokenError("expired");
  if (typeof iat !== "number" || iat > now + CLOCK_SKEW_SECONDS) throw new TokenError("issued in the future");
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > now + CLOCK_SKEW_SECONDS))
    throw new TokenError("not yet valid");
  if (exp - iat > MAX_DEV_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS)
    throw new TokenError("lifetime too long");
  if (claims.email_verified !== true) throw new TokenError("e-mail not verified");
  return { email: verifiedEmail(claims.email), issuer: DEV_ISSUER };
}
