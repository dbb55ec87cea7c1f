/**
 * `tdkt decision record|publish|revoke|pdf …`: the decisions service (services/decisions.ts) for an
 * officer at a terminal. `--as EMAIL` names the stored account acting: its role and unit decide,
 * exactly as over the API.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "../../domain/errors.js";
import { decisionCliMessages as msg } from "../../domain/messages/index.js";
import { emailKey } from "../../domain/text.js";
import { baseSalaryTable } from "../../services/config.js";
import { renderStoredDecision } from "../../services/decision-document.js";
import { publishDecision, recordDecision, revokeDecision } from "../../services/decisions.js";
import { localFileStore } from "../../services/files.js";
import { loadUser } from "../../services/runtime.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

const ACTIONS = ["record", "publish", "revoke", "pdf"] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (value: string | undefined): value is Action => ACTIONS.includes(value as Action);

export const decisionCommand: CliCommand = {
  name: "decision",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch {
      io.stderr(msg.usage);
      return 2;
    }
    const [action, target] = parsed.positionals;
    const { as, reason, out } = parsed.values;
    if (!isAction(action) || !target || !as || (action === "pdf" && !out)) {
      io.stderr(msg.usage);
      return 2;
    }
    let body: unknown;
    if (action === "record")
      try {
        body = JSON.parse(await readFile(target, "utf8"));
      } catch (error) {
        io.stderr(`${msg.readFailed(target, error instanceof Error ? error.message : String(error))}\n`);
        return 2;
      }
    const requestId = `cli:decision:${action}:${Date.now()}`;
    try {
      return await withFirestore(async (db) => {
        const user = await loadUser(db, emailKey(as));
        if (!user) {
          io.stderr(`${msg.unknownUser(as)}\n`);
          return 1;
        }
        if (action === "pdf") {
          const dir = out ?? ".";
          const rendered = await renderStoredDecision(db, user, target, {
            files: localFileStore(dir),
            baseSalary: baseSalaryTable(),
          });
          io.stdout(`${msg.written(join(dir, rendered.file))}\n`);
          return 0;
        }
        const decision =
          action === "record"
            ? await recordDecision(db, user, body, { requestId })
            : action === "publish"
              ? await publishDecision(db, user, target, { requestId })
              : await revokeDecision(db, user, target, { reason: reason ?? "" }, { requestId });
        io.stdout(`${msg.done(decision.id, decision.state, decision.subjects.length)}\n`);
        return 0;
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    }
  },
};

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: "string" }, reason: { type: "string" }, out: { type: "string" } },
  });
