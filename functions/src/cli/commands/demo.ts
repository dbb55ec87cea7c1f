/**
 * `tdkt demo --out DIR`: the sample province end to end. The generated sample province is loaded
 * into a separate demo project of the local emulator (started when none runs); the showcase school's
 * proposals are judged by the eligibility engine and its dossier built by the dossier service, as a
 * real unit's would be (ineligible proposals left out and listed with their rules). The documents
 * the service does not derive (báo cáo thành tích, bản đăng ký, the Department's whole set) come
 * from the same seeded province (functions/sample/demo-school.ts, demo-department.ts): one sample world. A development
 * command (cli/development.ts): the build leaves it out.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { departmentSet } from "../../../sample/demo-department.js";
import { showcaseMeeting, showcaseSchoolSet } from "../../../sample/demo-school.js";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../sample/province.js";
import { seedProvince } from "../../../sample/seed.js";
import { renderBaoCao } from "../../documents/bao-cao.js";
import { renderBienBanHop } from "../../documents/bien-ban.js";
import { renderDangKy } from "../../documents/dang-ky.js";
import { renderDanhSach } from "../../documents/danh-sach.js";
import { renderQuyetDinh } from "../../documents/quyet-dinh.js";
import { renderToTrinh } from "../../documents/to-trinh.js";
import { documentCliMessages as msg } from "../../domain/messages/index.js";
import { buildDossier } from "../../services/dossier/build.js";
import { localFileStore } from "../../services/files.js";
import { clearCounters, createFirestore } from "../../services/runtime.js";
import type { CliCommand } from "../command.js";
import { openLocalFirestore } from "../firestore.js";

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
      const school = showcaseSchoolSet(province, unitId, YEAR);
      const department = departmentSet(province, YEAR);
      const rendered: [string, Promise<Buffer>][] = [
        ["truong/bao-cao-thanh-tich-ca-nhan.pdf", renderBaoCao(school.baoCaoCaNhan)],
        ["truong/bao-cao-thanh-tich-tap-the.pdf", renderBaoCao(school.baoCaoTapThe)],
        ["truong/dang-ky-thi-dua-ca-nhan.pdf", renderDangKy(school.dangKyCaNhan)],
        ["truong/dang-ky-thi-dua-tap-the.pdf", renderDangKy(school.dangKyTapThe)],
        ["so/01-to-trinh-ubnd-tinh.pdf", renderToTrinh(department.toTrinh)],
        ["so/02-bien-ban-hop-hoi-dong.pdf", renderBienBanHop(department.bienBanHop)],
        ["so/03-danh-sach-ca-nhan.pdf", renderDanhSach(department.danhSachCaNhan)],
        ["so/04-danh-sach-tap-the.pdf", renderDanhSach(department.danhSachTapThe)],
        ["so/05-quyet-dinh-khen-thuong.pdf", renderQuyetDinh(department.quyetDinh)],
      ];
      await mkdir(join(out, "so"), { recursive: true });
      for (const [file, bytes] of rendered) await writeFile(join(out, file), await bytes);
      for (const document of dossier.documents) io.stdout(`${join(out, "truong", document.file)}\n`);
      for (const [file] of rendered) io.stdout(`${join(out, file)}\n`);
      io.stdout(`${msg.demoDone(out, dossier.documents.length + rendered.length)}\n`);
      return 0;
    } finally {
      await db.terminate();
      await local.close();
    }
  },
};
