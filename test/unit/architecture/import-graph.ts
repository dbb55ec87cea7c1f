/**
 * The import graph of the repository and the layering rules of docs/design.md, as code: which folder
 * of functions/src may import which, and how apps-script/src reaches the server's code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Repository-relative path (forward slashes) → source text. */
export type SourceFiles = ReadonlyMap<string, string>;

export interface ImportEdge {
  /** The importing file, repository-relative. */
  file: string;
  /** The specifier as written. */
  specifier: string;
  /** The imported file, repository-relative, when the specifier is relative; undefined for packages. */
  target: string | undefined;
}

export interface Violation extends ImportEdge {
  rule: string;
}

const SERVER = "functions/src/";
const APPS_SCRIPT = "apps-script/src/";
const SAMPLE = "functions/sample/";
/**
 * The development commands, which tsconfig.build.json leaves out of the deployed build
 * (test/e2e/build.test.ts checks it): the only server files that may use the sample province.
 */
const DEVELOPMENT_COMMANDS = new Set([
  "functions/src/cli/commands/serve.ts",
  "functions/src/cli/commands/demo.ts",
]);
/** The one module of apps-script/src that imports the server's code. */
export const APPS_SCRIPT_SERVER_ENTRY = `${APPS_SCRIPT}server.ts`;

/** Every import of a source: `import`, `import type`, `export … from`, dynamic `import()`. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName: specifier }) => ({
    file,
    specifier,
    target: specifier.startsWith(".")
      ? posix.join(posix.dirname(file), specifier).replace(/\.js$/, ".ts")
      : undefined,
  }));
}

/** "domain" for functions/src/domain/…; "" for a file directly in functions/src. */
function serverFolder(path: string): string | undefined {
  if (!path.startsWith(SERVER)) return undefined;
  const rest = path.slice(SERVER.length);
  return rest.includes("/") ? rest.slice(0, rest.indexOf("/")) : "";
}

/** Folders of functions/src that may import only domain/ (besides themselves). */
const ON_DOMAIN_ONLY = new Set(["sheets", "store", "documents"]);
/** What the Apps Script bundle may take from the server: pure code, no store, services or faces. */
const BUNDLED = new Set(["domain", "sheets"]);
/** Faces that reach storage through services/, never store/ directly. */
const FACES = new Set(["http", "cli", "jobs"]);

function ruleBroken({ file, specifier, target }: ImportEdge): string | undefined {
  const from = serverFolder(file);
  if (from !== undefined) {
    if (target === undefined) {
      return from === "domain" && specifier.startsWith("node:")
        ? "domain/ is pure: no Node built-ins (Apps Script bundles it)"
        : undefined;
    }
    const to = serverFolder(target);
    if (to === undefined && target.startsWith(SAMPLE) && DEVELOPMENT_COMMANDS.has(file)) return undefined;
    if (to === undefined)
      return "functions/src imports only functions/src (never test/, bench/, apps-script/, and functions/sample/ only from the development commands)";
    if (to === from) return undefined;
    if (from === "domain") return "domain/ imports nothing from another folder";
    if (ON_DOMAIN_ONLY.has(from) && to !== "domain") return `${from}/ imports nothing but domain/`;
    if (FACES.has(from) && to === "store") return `${from}/ reaches store/ only through services/`;
    return undefined;
  }
  if (file.startsWith(APPS_SCRIPT) && target !== undefined) {
    if (target.startsWith(APPS_SCRIPT)) return undefined;
    const to = serverFolder(target);
    if (to === undefined)
      return "apps-script/src imports only apps-script/src and, through its entry module, functions/src";
    if (file !== APPS_SCRIPT_SERVER_ENTRY)
      return `apps-script/src imports the server's code only through ${APPS_SCRIPT_SERVER_ENTRY}`;
    return BUNDLED.has(to) ? undefined : "apps-script/src bundles only the pure domain/ and sheets/";
  }
  return undefined;
}

/** Every import of `sources` that breaks a layering rule. */
export function layerViolations(sources: SourceFiles): Violation[] {
  return [...sources].flatMap(([file, text]) =>
    importsOf(file, text).flatMap((edge) => {
      const rule = ruleBroken(edge);
      return rule === undefined ? [] : [{ ...edge, rule }];
    }),
  );
}

export const describeViolation = ({ file, specifier, rule }: Violation): string =>
  `${file}: import "${specifier}" — ${rule}`;

/** The .ts files under `folders` of the repository at `root`, read into memory. */
export function readSources(root: string, folders: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
      const path = join(entry.parentPath, entry.name);
      sources.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  }
  return sources;
}

export const REPOSITORY_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
