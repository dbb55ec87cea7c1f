import { describe, expect, it } from "vitest";
import {
  APPS_SCRIPT_SERVER_ENTRY,
  describeViolation,
  importsOf,
  layerViolations,
  REPOSITORY_ROOT,
  readSources,
} from "./import-graph.js";

const repository = readSources(REPOSITORY_ROOT, ["functions/src", "functions/sample", "apps-script/src"]);
const violations = layerViolations(repository);

describe("the checker", () => {
  it("reads every kind of import statement", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "../b.js";',
      'export { c } from "./c.js";',
      'export * from "./d.js";',
      'import "./side-effect.js";',
      'const e = await import("./e.js");',
      'import { z } from "zod";',
    ].join("\n");
    expect(importsOf("functions/src/x/y.ts", text)).toEqual([
      { file: "functions/src/x/y.ts", specifier: "./a.js", target: "functions/src/x/a.ts" },
      { file: "functions/src/x/y.ts", specifier: "../b.js", target: "functions/src/b.ts" },
      { file: "functions/src/x/y.ts", specifier: "./c.js", target: "functions/src/x/c.ts" },
      { file: "functions/src/x/y.ts", specifier: "./d.js", target: "functions/src/x/d.ts" },
      {
        file: "functions/src/x/y.ts",
        specifier: "./side-effect.js",
        target: "functions/src/x/side-effect.ts",
      },
      { file: "functions/src/x/y.ts", specifier: "./e.js", target: "functions/src/x/e.ts" },
      { file: "functions/src/x/y.ts", specifier: "zod", target: undefined },
    ]);
  });

  it("reports each broken rule with its file and import, and nothing that keeps the rules", () => {
    const graph = new Map([
      // Allowed: within a folder, onto domain/, services/ onto store/, faces onto services/, packages.
      ["functions/src/domain/model.ts", 'import { z } from "zod";\nimport { isValidId } from "./ids.js";'],
      ["functions/src/sheets/parse.ts", 'import { Unit } from "../domain/model.js";\nimport "./cells.js";'],
      ["functions/src/services/ingest.ts", 'import { write } from "../store/writes.js";'],
      ["functions/src/http/app.ts", 'import { runtime } from "../services/runtime.js";'],
      ["functions/src/index.ts", 'import { api } from "./http/api.js";'],

      ["apps-script/src/app.ts", 'import { TABS } from "./server.js";'],
      ["apps-script/src/dirty.ts", 'import { rangesOfRows } from "./ranges.js";'],
      // Broken, one per rule.
      ["functions/src/domain/access.ts", 'import type { Db } from "../store/firestore.js";'],
      ["functions/src/domain/text.ts", 'import { createHash } from "node:crypto";'],
      ["functions/src/sheets/render.ts", 'const s = await import("../services/summary.js");'],
      ["functions/src/store/readers.ts", 'export { parse } from "../sheets/parse.js";'],
      ["functions/src/documents/layout.ts", 'import { http } from "../http/api.js";'],
      ["functions/src/cli/run.ts", 'import { db } from "../store/firestore.js";'],
      ["functions/src/http/errors.ts", 'import type { Deadline } from "../store/deadline.js";'],
      ["functions/src/services/seed.ts", 'import { fixture } from "../../../test/fixtures/units.js";'],
      ["functions/src/services/files.ts", 'import { harness } from "../../bench/harness.js";'],
      ["apps-script/src/layout.ts", 'import { TABS } from "../../functions/src/sheets/tabs/index.js";'],
      ["apps-script/src/world.ts", 'import { world } from "../../test/unit/apps-script/world.js";'],
      [
        APPS_SCRIPT_SERVER_ENTRY,
        [
          'export { TABS } from "../../functions/src/sheets/tabs/index.js";',
          'export { appsScriptMessages } from "../../functions/src/domain/messages/index.js";',
          'export { loadConfig } from "../../functions/src/services/config.js";',
        ].join("\n"),
      ],
      ["functions/src/cli/commands/serve.ts", 'import { seedProvince } from "../../../sample/seed.js";'],
      ["functions/src/services/summary.ts", 'import { seedProvince } from "../../sample/seed.js";'],
    ]);
    expect(layerViolations(graph).map(describeViolation)).toEqual([
      'functions/src/domain/access.ts: import "../store/firestore.js" — domain/ imports nothing from another folder',
      'functions/src/domain/text.ts: import "node:crypto" — domain/ is pure: no Node built-ins (Apps Script bundles it)',
      'functions/src/sheets/render.ts: import "../services/summary.js" — sheets/ imports nothing but domain/',
      'functions/src/store/readers.ts: import "../sheets/parse.js" — store/ imports nothing but domain/',
      'functions/src/documents/layout.ts: import "../http/api.js" — documents/ imports nothing but domain/',
      'functions/src/cli/run.ts: import "../store/firestore.js" — cli/ reaches store/ only through services/',
      'functions/src/http/errors.ts: import "../store/deadline.js" — http/ reaches store/ only through services/',
      'functions/src/services/seed.ts: import "../../../test/fixtures/units.js" — functions/src imports only functions/src (never test/, bench/, apps-script/, and functions/sample/ only from the development commands)',
      'functions/src/services/files.ts: import "../../bench/harness.js" — functions/src imports only functions/src (never test/, bench/, apps-script/, and functions/sample/ only from the development commands)',
      `apps-script/src/layout.ts: import "../../functions/src/sheets/tabs/index.js" — apps-script/src imports the server's code only through ${APPS_SCRIPT_SERVER_ENTRY}`,
      'apps-script/src/world.ts: import "../../test/unit/apps-script/world.js" — apps-script/src imports only apps-script/src and, through its entry module, functions/src',
      `${APPS_SCRIPT_SERVER_ENTRY}: import "../../functions/src/services/config.js" — apps-script/src bundles only the pure domain/ and sheets/`,
      'functions/src/services/summary.ts: import "../../sample/seed.js" — functions/src imports only functions/src (never test/, bench/, apps-script/, and functions/sample/ only from the development commands)',
    ]);
  });
});

describe("the repository's layering (docs/design.md)", () => {
  it("reads the whole source tree", () => {
    expect(repository.size).toBeGreaterThan(100);
    expect(repository.has("functions/src/domain/model.ts")).toBe(true);
    expect(repository.has(APPS_SCRIPT_SERVER_ENTRY)).toBe(true);
    const edges = [...repository].flatMap(([file, text]) => importsOf(file, text));
    expect(edges.filter((edge) => edge.target !== undefined).length).toBeGreaterThan(300);
  });

  it("resolves every relative import to a file it read (so no import escapes the rules)", () => {
    const unresolved = [...repository]
      .flatMap(([file, text]) => importsOf(file, text))
      .filter(({ target }) => target !== undefined && !repository.has(target))
      .map(({ file, specifier }) => `${file}: ${specifier}`);
    expect(unresolved).toEqual([]);
  });

  it("no import breaks a layering rule", () => {
    expect(violations.map(describeViolation)).toEqual([]);
  });
});
