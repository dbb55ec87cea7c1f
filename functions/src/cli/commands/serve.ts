/**
 * `tdkt serve` (what `npm start` runs): the local stack. Starts the official Firestore emulator with
 * the data kept in .local/, loads the sample province on the first run, serves `api` on
 * 127.0.0.1:8080 with development tokens enabled, and prints what to try next.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../sample/province.js";
import { hasProvince, seedProvince } from "../../../sample/seed.js";
import { cliMessages } from "../../domain/messages/index.js";
import { createApi } from "../../http/api.js";
import { listen } from "../../http/server.js";
import { signDevToken } from "../../http/tokens.js";
import { loadConfig } from "../../services/config.js";
import type { CliCommand } from "../command.js";
import { localDevSecret } from "../dev-secret.js";
import { LOCAL_DATA_DIR, openLocalFirestore } from "../firestore.js";

export const serveCommand: CliCommand = {
  name: "serve",
  summary: cliMessages.serveSummary,
  usage: cliMessages.serveUsage,
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { port: { type: "string" }, "emulator-port": { type: "string" }, reset: { type: "boolean" } },
    });
    if (values.reset) rmSync(LOCAL_DATA_DIR, { recursive: true, force: true });
    const secret = localDevSecret();
    const config = loadConfig({ TDKT_ENV: "development", ...process.env, TDKT_DEV_AUTH_SECRET: secret });
    const local = await openLocalFirestore({
      record: true,
      ...(values["emulator-port"] ? { port: Number(values["emulator-port"]) } : {}),
    });
    if (!(await hasProvince(local.db))) {
      io.stdout(`${cliMessages.serveSeeding}\n`);
      const counts = await seedProvince(local.db, sampleProvince());
      io.stdout(`${cliMessages.serveSeeded(cliMessages.seedCounts(counts))}\n`);
    }
    const port = Number(values.port ?? process.env.PORT ?? 8080);
    const server = await listen(createApi({ db: local.db, config }), port);
    const officer = `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org`;
    const specialist = "chuyenvien1@sogddt.example.org";
    io.stdout(
      cliMessages.serveReady({
        url: server.url,
        emulator: local.emulator?.hostPort ?? "",
        officer,
        officerToken: signDevToken(officer, secret, 8 * 3600),
        specialistToken: signDevToken(specialist, secret, 8 * 3600),
        unitId: SAMPLE_SCHOOLS.nguyenDu,
      }),
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    io.stdout(`${cliMessages.serveStopping}\n`);
    await server.close();
    await local.close();
    return 0;
  },
};
