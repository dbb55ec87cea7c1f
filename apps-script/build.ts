/**
 * Builds the Apps Script project (`npm run build:apps-script`): src/main.ts and everything it
 * imports (the tab definitions and messages of functions/src included) → one dist/Code.js, plus
 * dist/appsscript.json. Apps Script sees only top-level function declarations, so the bundle is an
 * IIFE assigned to `TDKT`, followed by one stub per export of main.ts: `function onOpen(...a) {…}`.
 * Every run of the script (each edit trigger among them) loads the whole file, so the tab
 * definitions go in as JSON written here from functions/src/sheets/tabs — without their mappings,
 * the domain schemas and zod — and a build that would still bundle zod fails.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Plugin } from "esbuild";
import { tabData } from "../functions/src/sheets/definition.js";
import { TABS } from "../functions/src/sheets/tabs/index.js";

export const GLOBAL_NAME = "TDKT";

const ROOT = dirname(fileURLToPath(import.meta.url));

export interface AppsScriptBuild {
  /** Path of Code.js. */
  file: string;
  /** The globals Apps Script can call (the exports of main.ts). */
  globals: string[];
  bytes: number;
}

const DEFINITION_MODULE = join(ROOT, "../functions/src/sheets/definition.ts");

/** functions/src/sheets/tabs/index.ts, as the bundle sees it: its tabs as plain data. */
const tabsAsData: Plugin = {
  name: "tabs-as-data",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]functions[\\/]src[\\/]sheets[\\/]tabs[\\/]index\.ts$/ }, () => ({
      loader: "js",
      contents: [
        `import { tabsOfAudience } from ${JSON.stringify(DEFINITION_MODULE)};`,
        `export const TABS = ${JSON.stringify(TABS.map(tabData))};`,
        "export const tabsFor = (audience) => tabsOfAudience(TABS, audience);",
      ].join("\n"),
    }));
  },
};

const common: BuildOptions = {
  entryPoints: [join(ROOT, "src/main.ts")],
  bundle: true,
  platform: "browser",
  // Apps Script's V8 runtime; the lib of apps-script/tsconfig.json matches.
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  logLevel: "silent",
  write: false,
  plugins: [tabsAsData],
};

/** Validation is the server's; zod in the bundle would be ~450 kB loaded by every run. */
function refuseZod(inputs: readonly string[]): void {
  const zod = inputs.filter((input) => /node_modules[\\/]zod[\\/]/.test(input));
  if (zod.length > 0) throw new Error(`Code.js must not bundle zod; it reaches ${zod[0]}`);
}

/** The export names of main.ts, read from an ESM build's metafile (an IIFE's lists none). */
async function exportNames(): Promise<string[]> {
  const { metafile } = await build({ ...common, format: "esm", metafile: true });
  const entry = Object.values(metafile.outputs).find((output) => output.entryPoint !== undefined);
  return [...(entry?.exports ?? [])].sort();
}

const stub = (name: string): string =>
  `function ${name}(...args) {\n  return ${GLOBAL_NAME}.${name}(...args);\n}\n`;

export async function buildAppsScript(outDir = join(ROOT, "dist")): Promise<AppsScriptBuild> {
  const [globals, bundle] = await Promise.all([
    exportNames(),
    build({ ...common, format: "iife", globalName: GLOBAL_NAME, minify: true, metafile: true }),
  ]);
  refuseZod(Object.keys(bundle.metafile.inputs));
  const code = bundle.outputFiles?.[0]?.text ?? "";
  const header = "// TĐKT — built by apps-script/build.ts from apps-script/src; do not edit.\n";
  const text = `${header}${code}\n${globals.map(stub).join("\n")}`;
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, "Code.js");
  await writeFile(file, text, "utf8");
  await copyFile(join(ROOT, "appsscript.json"), join(outDir, "appsscript.json"));
  return { file, globals, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildAppsScript();
  console.log(
    `${relative(process.cwd(), result.file)}: ${Math.round(result.bytes / 1024)} kB, globals ${result.globals.join(", ")}`,
  );
}
