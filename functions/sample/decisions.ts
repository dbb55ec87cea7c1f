/**
 * Who signs what, and the numbers and dates of their decisions. One decision per issuer, year and
 * batch (all LĐTT of a commune in one year share a number, as in real life); đột xuất awards get a
 * decision of their own. Numbers follow NĐ 30/2020 ("123/QĐ-UBND") and grow with the date within a
 * calendar year, as an issuer's register does: ten numbers a day.
 */
import { startYearOf } from "../src/domain/school-year.js";
import type { Random } from "./prng.js";

export interface Issuer {
  key: string;
  /** The signer's title as it appears in the ledger: "Chủ tịch Ủy ban nhân dân xã Hòa Bình". */
  name: string;
  /** The issuing body's short form in document numbers: "UBND", "SGDĐT", "THPTLQĐ". */
  symbol: string;
}

export interface Decision {
  decisionNo: string;
  decisionDate: string;
}

/** When in the school year a batch is decided: month of the second calendar year, day range. */
export interface DateWindow {
  month: number;
  fromDay: number;
  toDay: number;
}

export const WINDOWS = {
  initiativeCoSo: { month: 5, fromDay: 8, toDay: 20 },
  giayKhenHieuTruong: { month: 5, fromDay: 22, toDay: 31 },
  thematic: { month: 6, fromDay: 1, toDay: 20 },
  initiativeTinh: { month: 7, fromDay: 1, toDay: 15 },
  grassrootsTitles: { month: 7, fromDay: 18, toDay: 31 },
  provincialAwards: { month: 9, fromDay: 5, toDay: 25 },
} as const satisfies Record<string, DateWindow>;

const pad2 = (n: number): string => String(n).padStart(2, "0");

export class DecisionBook {
  /** Numbers taken in each issuer's register of a calendar year. */
  private readonly registers = new Map<string, Set<number>>();
  /** issuer key → school year → batch → decision: nested maps, as this runs once per award. */
  private readonly batches = new Map<string, Map<string, Map<string, Decision>>>();

  constructor(private readonly random: Random) {}

  /** The shared decision of one batch (e.g. every LĐTT a commune grants in a year). */
  batch(issuer: Issuer, year: string, batchKey: string, window: DateWindow): Decision {
    const byYear = entry(this.batches, issuer.key, () => new Map<string, Map<string, Decision>>());
    const byBatch = entry(byYear, year, () => new Map<string, Decision>());
    let decision = byBatch.get(batchKey);
    if (!decision) {
      const end = startYearOf(year) + 1;
      const day = this.random.int(window.fromDay, window.toDay);
      decision = this.issue(issuer, `${end}-${pad2(window.month)}-${pad2(day)}`);
      byBatch.set(batchKey, decision);
    }
    return decision;
  }

  /** A decision of its own on a day of the school year (đột xuất). */
  single(issuer: Issuer, year: string): Decision {
    const start = startYearOf(year);
    const month = this.random.int(10, 17);
    const date =
      month <= 12
        ? `${start}-${pad2(month)}-${pad2(this.random.int(1, 28))}`
        : `${start + 1}-${pad2(month - 12)}-${pad2(this.random.int(1, 28))}`;
    return this.issue(issuer, date);
  }

  private issue(issuer: Issuer, decisionDate: string): Decision {
    const register = entry(
      this.registers,
      `${issuer.key}|${decisionDate.slice(0, 4)}`,
      () => new Set<number>(),
    );
    let number = dayOfYear(decisionDate) * NUMBERS_PER_DAY + 1;
    while (register.has(number)) number++;
    register.add(number);
    return { decisionNo: `${number}/QĐ-${issuer.symbol}`, decisionDate };
  }
}

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const NUMBERS_PER_DAY = 10;
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
function dayOfYear(iso: string): number {
  const month = Number(iso.slice(5, 7));
  return (DAYS_BEFORE_MONTH[month - 1] ?? 0) + Number(iso.slice(8, 10)) - 1;
}
