/**
 * `npm run security`: the figures table of SECURITY.md. Runs the security tests (test/security),
 * counts the `attack: …` tests (a passing one is an attack refused) and the `fault: …` tests (a
 * passing one converged), reads the counts those tests recorded (replays, concurrent writers), the
 * figures of the last `npm run fuzz` (.local/fuzz-figures/) and of the last load benchmark
 * (.local/load-figures.json), and prints the Markdown table. `--write` puts it into SECURITY.md
 * between its figures markers.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const RESULTS = ".local/security-results.json";
const SECURITY_FIGURES = ".local/security-figures";
const FUZZ_FIGURES = ".local/fuzz-figures";
const LOAD_FIGURES = ".local/load-figures.json";
const START = "<!-- figures:start -->";
const END = "<!-- figures:end -->";
const UNMEASURED = "to be measured";

interface AssertionResult {
  title: string;
  fullName: string;
  status: "passed" | "failed" | "skipped" | "pending" | "todo";
}

interface FuzzFile {
  runs: number;
  figures: { target: string; inputs: number; failures: number; unnamed: number }[];
}

function runSecurityTests(): AssertionResult[] {
  rmSync(SECURITY_FIGURES, { recursive: true, force: true });
  rmSync(RESULTS, { force: true });
  spawnSync("npx", ["vitest", "run", "test/security", "--reporter=json", `--outputFile=${RESULTS}`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SECURITY_FIGURES_DIR: SECURITY_FIGURES },
  });
  if (!existsSync(RESULTS)) throw new Error(`vitest wrote no ${RESULTS}`);
  const report = JSON.parse(readFileSync(RESULTS, "utf8")) as {
    testResults: { assertionResults: AssertionResult[] }[];
  };
  return report.testResults.flatMap((file) => file.assertionResults);
}

const readJson = <T>(file: string): T | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;

const tally = (tests: AssertionResult[], prefix: string) => {
  const matching = tests.filter((test) => test.title.startsWith(prefix));
  return {
    tried: matching.length,
    passed: matching.filter((test) => test.status === "passed").length,
    failed: matching.filter((test) => test.status !== "passed").map((test) => test.fullName),
  };
};

function fuzzFigure(name: string, what: string): string {
  const file = readJson<FuzzFile>(join(FUZZ_FIGURES, `${name}.json`));
  if (!file) return UNMEASURED;
  const sum = (key: "inputs" | "failures" | "unnamed") =>
    file.figures.reduce((total, target) => total + target[key], 0);
  const failures = name === "routes" ? "5xx or no answer" : "throws";
  const unnamed = name === "routes" ? "400/422 naming no field" : "rejected rows naming no column";
  return (
    `${sum("inputs").toLocaleString("en")} inputs (${file.runs.toLocaleString("en")} per ${what} × ` +
    `${file.figures.length}) / ${sum("failures").toLocaleString("en")} ${failures} / ` +
    `${sum("unnamed").toLocaleString("en")} ${unnamed}`
  );
}

function table(tests: AssertionResult[]): string {
  const attacks = tally(tests, "attack:");
  const faults = tally(tests, "fault:");
  const replays = readJson<{ replays: number; duplicates: number }>(join(SECURITY_FIGURES, "replays.json"));
  const writers = readJson<{ writers: number; lostUpdates: number }>(
    join(SECURITY_FIGURES, "concurrent-writers.json"),
  );
  const load = readJson<Record<string, number>>(LOAD_FIGURES);
  const rows: [string, string, string][] = [
    ["Attacks tried / refused", `${attacks.tried} / ${attacks.passed}`, "`npm run security`"],
    [
      "Faults injected / converged after retry",
      faults.tried > 0 ? `${faults.tried} / ${faults.passed}` : UNMEASURED,
      "`npm run security`",
    ],
    [
      "Fuzz: routes over HTTP — inputs / failures / unnamed",
      fuzzFigure("routes", "target"),
      "`npm run fuzz`",
    ],
    ["Fuzz: tab parsers — inputs / failures / unnamed", fuzzFigure("tab-parsers", "tab"), "`npm run fuzz`"],
    [
      "Replays / duplicates",
      replays ? `${replays.replays} / ${replays.duplicates}` : UNMEASURED,
      "`npx vitest run test/security/replays.test.ts`",
    ],
    [
      "Concurrent writers / lost updates",
      writers ? `${writers.writers} / ${writers.lostUpdates}` : UNMEASURED,
      "`npx vitest run test/security/replays.test.ts`",
    ],
    [
      "Load on loopback",
      load
        ? `${load.schools} schools × ${load.rowsPerSchool?.toLocaleString("en")} rows, ${load.concurrency} in flight: ` +
          `${load.seconds} s (target ${load.targetSeconds} s), p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ` +
          `${load.errors} errors, ${load.rowsPerSecond?.toLocaleString("en")} rows/s, server peak RSS ${load.serverPeakRssMb} MB`
        : UNMEASURED,
      "`npm run bench -- load`",
    ],
  ];
  const lines = [
    "| What | Figure | Reproduce with |",
    "|---|---|---|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
  const open = [...attacks.failed, ...faults.failed];
  if (open.length > 0)
    lines.push("", "Not refused (or not converged) yet:", "", ...open.map((name) => `- ${name}`));
  return lines.join("\n");
}

const markdown = table(runSecurityTests());
console.log(markdown);
if (process.argv.includes("--write")) {
  const text = readFileSync("SECURITY.md", "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`SECURITY.md lacks the ${START} … ${END} markers`);
  writeFileSync("SECURITY.md", `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
  process.stderr.write("SECURITY.md: figures updated\n");
}
