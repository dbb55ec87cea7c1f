#!/usr/bin/env node
/**
 * The `tdkt` command. It runs the TypeScript CLI through tsx, so that `npx tdkt` works right after
 * `npm ci` with no build step, every command included. A production install has no tsx (a
 * devDependency); there the command runs the CLI that `npm run build` compiled, if any, whose
 * development commands (serve, demo: functions/sample/ is not built) say they need a development install.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../functions/src/cli/main.ts", import.meta.url);
const built = new URL("../functions/lib/cli/main.js", import.meta.url);

async function loadTsx() {
  try {
    return await import("tsx/esm/api");
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}

const tsx = await loadTsx();
if (tsx !== undefined) {
  tsx.register();
  await import(source.href);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  // The Vietnamese messages module is TypeScript, which cannot load without tsx: the one string here.
  process.stderr.write(
    "tdkt: thiếu tsx (gói phát triển) và bản dựng functions/lib; chạy `npm ci` hoặc `npm run build`.\n",
  );
  process.exitCode = 2;
}
