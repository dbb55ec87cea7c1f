/**
 * Idempotency keys per send: a fresh nonce for every send, so that a real resend of earlier values
 * (A → B → A) or a resend after the Department fixed its configuration is applied, not replayed.
 * Only the retries of one send reuse its key: within callApi, and across submits while its answer is
 * unknown (the network failed), so a send the server may have applied is replayed, not applied twice.
 * The sends still awaiting an answer are kept per tab in a document property, changed under the
 * document lock that the submit holds.
 */
import type { PropertiesPort } from "./ports.js";

const keyOf = (sheetId: number): string => `tdkt.unanswered.${sheetId}`;

/** Digest of a request → its key. */
type Unanswered = Record<string, string>;

function readUnanswered(properties: PropertiesPort, sheetId: number): Unanswered {
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(keyOf(sheetId)) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Unanswered) : {};
  } catch {
    return {};
  }
}

export interface SendKeys {
  /** The key of a send: the unanswered one of the same request, else a new nonce. */
  keyFor(digest: string): string;
  /** Records whether the send was answered; `save` then keeps only the unanswered ones. */
  settle(digest: string, answered: boolean): void;
  save(): void;
}

export function sendKeys(properties: PropertiesPort, sheetId: number, newId: () => string): SendKeys {
  const previous = readUnanswered(properties, sheetId);
  const unanswered: Unanswered = {};
  const used: Unanswered = {};
  return {
    keyFor: (digest) => {
      used[digest] ??= previous[digest] ?? `tdkt-${newId()}`;
      return used[digest];
    },
    settle: (digest, answered) => {
      if (answered) delete unanswered[digest];
      else if (used[digest] !== undefined) unanswered[digest] = used[digest];
    },
    save: () => {
      if (Object.keys(unanswered).length === 0) properties.deleteProperty(keyOf(sheetId));
      else properties.setProperty(keyOf(sheetId), JSON.stringify(unanswered));
    },
  };
}
