/**
 * `tdkt demo --out DIR`: the sample province end to end. The generated sample province is loaded
 * into a separate demo project of the local emulator (started when none runs); the showcase school's
 * proposals are judged by the eligibility engine and its dossier built by the dossier service, as a
 * real unit's would be (ineligible proposals left out and listed with their rules); the Department's
 * set is what the year-end aggregation builds, run on the seeded province: its documents phase makes
 * the Department's dossier from the consolidation the aggregation stored. The documents the services do not derive (báo cáo thành tích, bản đăng ký) and the
 * meetings no tab stores come from the same seeded province (functions/sample/demo-school.ts,
 * demo-department.ts): one sample world. A development command (cli/development.ts): the build
 * leaves it out.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { departmentOptions } from "../../../sample/demo-department.js";
import { showcaseMeeting, showcaseSchoolSet } from "../../../sample/demo-school.js";
import { DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS, sampleProvince } from "../../../sample/province.js";
import { seedProvince } from "../../../sample/seed.js";
import { renderBaoCao } from "../../documents/bao-cao.js";
import { renderDangKy } from "../../documents/dang-ky.js";
import { documentCliMessages as msg } from "../../domain/messages/index.js";
import { aggregationResults } from "../../services/aggregate/results.js";
import { runAggregation, startAggregation } from "../../services/aggregate/run.js";
import { buildDossier } from "../../services/dossier/build.js";
import { localFileStore } from "../../services/files.js";
import { inspectionDocument } from "../../services/inspections.js";
import { clearCounters, createFirestore } from "../../services/runtime.js";
import type { CliCommand } from "../command.js";
import { openLocalFirestore } from "../firestore.js";
import { localOperator } from "./import.js";

const DEMO_PROJECT = "tdkt-demo";
const YEAR = "2025-2026";

export const demoCommand: CliCommand = {
  name: "demo",
  summary: msg.demoSummary,
  usage: msg.demoUsage,
  run: async (args, io) => {
    let out: string | undefined;
    try {
      out = parseArgs({ args, options: { out: { type: "string" } } }).values.out;
    } catch {
      out = undefined;
    }
    if (!out) {
      io.stderr(msg.demoUsage);
      return 2;
    }
    const local = await openLocalFirestore();
    const db = createFirestore(DEMO_PROJECT);
    try {
      // The same demo project each run, numbering restarting at 01.
      await clearCounters(db);
      const province = sampleProvince();
      await seedProvince(db, province);
      const unitId = SAMPLE_SCHOOLS.nguyenDu;
      const dossier = await buildDossier({
        db,
        unitId,
        year: YEAR,
        options: showcaseMeeting(province, unitId, YEAR),
        files: localFileStore(join(out, "truong")),
        actor: "demo",
      });
      for (const left of dossier.excluded) io.stdout(msg.excluded(left));
      const { job } = await startAggregation(db, YEAR, { actor: "demo" });
      await runAggregation(db, YEAR, job.jobId, {
        departmentDossier: {
          unitId: DEPARTMENT_UNIT_ID,
          options: departmentOptions(province, YEAR),
          files: localFileStore(join(out, "so")),
        },
      });
      const { consolidation, documents } = await aggregationResults(db, YEAR, job.jobId);
      for (const left of consolidation.excluded.filter((line) => line.managingLevel === "SO"))
        io.stdout(msg.excluded(left));
      const department = { documents: (documents.documents ?? []) as { file: string }[] };
      const school = showcaseSchoolSet(province, unitId, YEAR);
      const rendered: [string, Promise<Buffer>][] = [
        ["truong/bao-cao-thanh-tich-ca-nhan.pdf", renderBaoCao(school.baoCaoCaNhan)],
        ["truong/bao-cao-thanh-tich-tap-the.pdf", renderBaoCao(school.baoCaoTapThe)],
        ["truong/dang-ky-thi-dua-ca-nhan.pdf", renderDangKy(school.dangKyCaNhan)],
        ["truong/dang-ky-thi-dua-tap-the.pdf", renderDangKy(school.dangKyTapThe)],
      ];
      // The Biên bản kiểm tra of the showcase school's visit, from the seeded plan and findings.
      const visit = province.inspectionVisits.find((candidate) => candidate.unitId === unitId);
      if (visit) {
        const { fileName, pdf } = await inspectionDocument(
          db,
          localOperator(DEPARTMENT_UNIT_ID),
          YEAR,
          visit.visitId,
          {
            issuer: departmentOptions(province, YEAR).issuer,
          },
        );
        rendered.push([`so/${fileName}`, Promise.resolve(pdf)]);
      }
      await mkdir(join(out, "truong"), { recursive: true });
      await mkdir(join(out, "so"), { recursive: true });
      for (const [file, bytes] of rendered) await writeFile(join(out, file), await bytes);
      for (const document of dossier.documents) io.stdout(`${join(out, "truong", document.file)}\n`);
      for (const [file] of rendered) io.stdout(`${join(out, file)}\n`);
      for (const document of department.documents) io.stdout(`${join(out, "so", document.file)}\n`);
      const count = dossier.documents.length + rendered.length + department.documents.length;
      io.stdout(`${msg.demoDone(out, count)}\n`);
      return 0;
    } finally {
      await db.terminate();
      await local.close();
    }
  },
};
