/**
 * Counts a security test measured (replays and duplicates, writers and lost updates), written when
 * `npm run security` sets SECURITY_FIGURES_DIR, for the table in SECURITY.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function recordSecurityFigure(name: string, figures: Record<string, number>): void {
  const dir = process.env.SECURITY_FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(figures)}\n`);
}
