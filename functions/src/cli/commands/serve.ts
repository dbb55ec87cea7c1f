/**
 * `tdkt serve` (what `npm start` runs): the local stack. Starts the official Firestore emulator with
 * the data kept in .local/, loads the sample province on the first run, serves `api` on
 * 127.0.0.1:8080 with development tokens enabled, and prints what to try next. Ctrl+C saves the
 * data (an export of the emulator) and then stops the emulator.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../sample/province.js";
import { hasProvince, seedProvince } from "../../../sample/seed.js";
import { cliMessages } from "../../domain/messages/index.js";
import { createApi } from "../../http/api.js";
import { listen } from "../../http/server.js";
import { signDevToken } from "../../http/tokens.js";
import { loadConfig } from "../../services/config.js";
import type { CliCommand, CliIo } from "../command.js";
import { localDevSecret } from "../dev-secret.js";
import { localDataDir, localDir, openLocalFirestore } from "../firestore.js";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** Copies of one Ctrl+C (the terminal's, and the ones npm and tsx forward) arrive within this time. */
const SAME_CTRL_C_MS = 1000;
const PARENT_CHECK_MS = 1000;

/**
 * Resolves on the first Ctrl+C, SIGTERM or SIGHUP, or when the process that started us is gone
 * (npm killed with SIGKILL: nobody could press Ctrl+C any more). The handlers stay until
 * `release()`: without one, Node dies of the next signal (a repeated Ctrl+C, a copy forwarded by
 * npm or tsx, the terminal's SIGHUP) in the middle of saving the data, so they only say to wait.
 */
function stopRequests(io: CliIo): { requested: Promise<void>; release(): void } {
  let firstAt: number | undefined;
  let toldToWait = false;
  let request: () => void = () => {};
  const requested = new Promise<void>((resolve) => {
    request = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      request();
    } else if (signal === "SIGINT" && !toldToWait && Date.now() - firstAt > SAME_CTRL_C_MS) {
      toldToWait = true;
      io.stdout(`${cliMessages.serveStillStopping}\n`);
    }
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  // A closed terminal (SIGHUP) makes every write to it fail with EIO, up to the last line: the data
  // is saved all the same.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  const parent = process.ppid;
  const parentCheck = setInterval(() => {
    if (process.ppid !== parent) onSignal("SIGHUP");
  }, PARENT_CHECK_MS);
  parentCheck.unref();
  return {
    requested,
    release: () => {
      clearInterval(parentCheck);
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    },
  };
}

export const serveCommand: CliCommand = {
  name: "serve",
  summary: cliMessages.serveSummary,
  usage: cliMessages.serveUsage,
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { port: { type: "string" }, "emulator-port": { type: "string" }, reset: { type: "boolean" } },
    });
    const dataDir = localDataDir();
    if (values.reset) rmSync(dataDir, { recursive: true, force: true });
    const secret = localDevSecret();
    const config = loadConfig({
      TDKT_ENV: "development",
      TDKT_FILES_DIR: join(localDir(), "files"),
      ...process.env,
      TDKT_DEV_AUTH_SECRET: secret,
    });
    const local = await openLocalFirestore({
      record: true,
      ...(values["emulator-port"] ? { port: Number(values["emulator-port"]) } : {}),
    });
    let stop: ReturnType<typeof stopRequests> | undefined;
    try {
      if (!(await hasProvince(local.db))) {
        io.stdout(`${cliMessages.serveSeeding}\n`);
        const counts = await seedProvince(local.db, sampleProvince());
        io.stdout(`${cliMessages.serveSeeded(cliMessages.seedCounts(counts))}\n`);
      }
      const port = Number(values.port ?? process.env.PORT ?? 8080);
      const server = await listen(createApi({ db: local.db, config }), port);
      const officer = `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org`;
      const specialist = "chuyenvien1@sogddt.example.org";
      stop = stopRequests(io);
      io.stdout(
        cliMessages.serveReady({
          url: server.url,
          emulator: local.emulator?.hostPort ?? "",
          officer,
          officerToken: signDevToken(officer, secret, 8 * 3600),
          specialistToken: signDevToken(specialist, secret, 8 * 3600),
          unitId: SAMPLE_SCHOOLS.nguyenDu,
          dataDir,
        }),
      );
      await stop.requested;
      io.stdout(`${cliMessages.serveStopping}\n`);
      await server.close();
    } finally {
      // Also when start-up failed (a taken port): the emulator must not outlive the command.
      try {
        await local.close();
      } finally {
        stop?.release();
      }
    }
    io.stdout(`${cliMessages.serveStopped(dataDir)}\n`);
    return 0;
  },
};
