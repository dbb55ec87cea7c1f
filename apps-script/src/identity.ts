/**
 * What the script's ID token says about itself: its audience is the OAuth client ID that the server
 * must list in TDKT_AUTH_AUDIENCES (docs/design.md §7). Apps Script has no atob, hence the decoder.
 */
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function base64UrlBytes(text: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/=+$/, "")) {
    const value = BASE64URL.indexOf(char === "+" ? "-" : char === "/" ? "_" : char);
    if (value < 0) return [];
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** The claims of a JWT, unverified (only for showing them). */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const text = decodeURIComponent(
      base64UrlBytes(payload)
        .map((byte) => `%${byte.toString(16).padStart(2, "0")}`)
        .join(""),
    );
    const claims: unknown = JSON.parse(text);
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
