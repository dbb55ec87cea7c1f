/**
 * Rate limits: a token bucket per key (a client address before authentication, a user after), kept
 * in this instance's memory. Cloud Run runs a few instances, so the effective limit is the per-instance
 * limit times the instances (README, Security); it is a guard against floods and runaway scripts.
 */

import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Past this many keys, buckets that have refilled (the same as absent) are dropped. */
const PRUNE_ABOVE_KEYS = 10_000;

export type Allowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  /** Doubles with the live keys, so pruning stays amortised O(1) under a flood of new addresses. */
  private pruneAbove = PRUNE_ABOVE_KEYS;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns the seconds to wait when none is left. */
  take(key: string): Allowance {
    const now = this.now();
    if (this.buckets.size > this.pruneAbove) this.prune(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = this.refilled(bucket, now);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute) };
  }

  private refilled(bucket: { tokens: number; updatedAt: number }, now: number): number {
    return Math.min(this.perMinute, bucket.tokens + ((now - bucket.updatedAt) / 60_000) * this.perMinute);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (this.refilled(bucket, now) >= this.perMinute) this.buckets.delete(key);
    this.pruneAbove = Math.max(PRUNE_ABOVE_KEYS, 2 * this.buckets.size);
  }
}

/**
 * The address a request is counted under. Behind Cloud Run the socket is Google's front end, which
 * sets X-Forwarded-For to the caller's address (its first entry); a local server trusts only the
 * socket, since any client can write that header. IPv6 callers are counted by their /64, the block
 * one subscriber gets, so rotating addresses inside it does not reset the limit.
 */
export function clientAddress(req: IncomingMessage, source: "x-forwarded-for" | "socket"): string {
  const forwarded = req.headers["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const address = (source === "x-forwarded-for" && first) || req.socket.remoteAddress || "unknown";
  return addressKey(address);
}

function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const groups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const expanded = address.includes("::")
    ? [...groups, ...Array(8 - groups.length - tailGroups.length).fill("0"), ...tailGroups]
    : groups;
  return `${expanded
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
