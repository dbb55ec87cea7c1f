/**
 * `tdkt demo --out DIR`: the complete sample dossier set. The sample school is stored in a
 * separate demo project of the local emulator (started when none runs) and its dossier built by
 * the dossier service, as a real unit's would be; the documents the service does not derive from
 * stored data (báo cáo thành tích, bản đăng ký, the Department's whole set) are
 * rendered from the sample inputs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderBaoCao } from "../../documents/bao-cao.js";
import { renderBienBanHop } from "../../documents/bien-ban.js";
import { renderDangKy } from "../../documents/dang-ky.js";
import { renderDanhSach } from "../../documents/danh-sach.js";
import { renderQuyetDinh } from "../../documents/quyet-dinh.js";
import * as samples from "../../documents/samples.js";
import { renderToTrinh } from "../../documents/to-trinh.js";
import { documentCliMessages as msg } from "../../domain/messages/index.js";
import { buildDossier } from "../../services/dossier.js";
import { localFileStore } from "../../services/files.js";
import { createFirestore } from "../../store/firestore.js";
import type { CliCommand } from "../command.js";
import { openLocalFirestore } from "../firestore.js";

const DEMO_PROJECT = "tdkt-demo";
const SCHOOL_ID = "THPT_LQD";

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
      // A fresh demo project each run: numbering starts again at 01.
      await db.recursiveDelete(db.collection("counters"));
      await Promise.all(
        samples.sampleStoredSchool(SCHOOL_ID).map(({ path, data }) => db.doc(path).set(data)),
      );
      const dossier = await buildDossier({
        db,
        unitId: SCHOOL_ID,
        year: "2025-2026",
        options: samples.sampleDossierOptions,
        files: localFileStore(join(out, "truong")),
        actor: "demo",
      });
      const rendered: [string, Promise<Buffer>][] = [
        ["truong/bao-cao-thanh-tich-ca-nhan.pdf", renderBaoCao(samples.sampleBaoCaoCaNhan)],
        ["truong/bao-cao-thanh-tich-tap-the.pdf", renderBaoCao(samples.sampleBaoCaoTapThe)],
        ["truong/dang-ky-thi-dua-ca-nhan.pdf", renderDangKy(samples.sampleDangKyCaNhan)],
        ["truong/dang-ky-thi-dua-tap-the.pdf", renderDangKy(samples.sampleDangKyTapThe)],
        ["truong/danh-sach-hoc-sinh.pdf", renderDanhSach(samples.sampleDanhSachHocSinh)],
        ["so/01-to-trinh-ubnd-tinh.pdf", renderToTrinh(samples.sampleToTrinhSo)],
        ["so/02-bien-ban-hop-hoi-dong.pdf", renderBienBanHop(samples.sampleBienBanHopSo)],
        ["so/03-danh-sach-ca-nhan.pdf", renderDanhSach(samples.sampleDanhSachSo)],
        ["so/04-danh-sach-tap-the.pdf", renderDanhSach(samples.sampleDanhSachSoTapThe)],
        ["so/05-quyet-dinh-khen-thuong.pdf", renderQuyetDinh(samples.sampleQuyetDinh)],
      ];
      await mkdir(join(out, "so"), { recursive: true });
      for (const [file, bytes] of rendered) await writeFile(join(out, file), await bytes);
      for (const document of dossier.documents) io.stdout(`${document.file}\n`);
      for (const [file] of rendered) io.stdout(`${join(out, file)}\n`);
      io.stdout(`${msg.demoDone(out, dossier.documents.length + rendered.length)}\n`);
      return 0;
    } finally {
      await db.terminate();
      await local.close();
    }
  },
};
