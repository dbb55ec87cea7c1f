/**
 * `tdkt demo --out DIR`: the sample province end to end. The generated sample province is loaded
 * into a separate demo project of the local emulator (started when none runs); the showcase school's
 * proposals are judged by the eligibility engine and its dossier built by the dossier service, as a
 * real unit's would be (ineligible proposals left out and listed with their rules). The documents
 * the service does not derive from stored data (báo cáo thành tích, bản đăng ký, the Department's
 * whole set) are rendered from the sample inputs.
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
import { buildDossier, type DossierOptions } from "../../services/dossier.js";
import { localFileStore } from "../../services/files.js";
import { clearCounters, createFirestore } from "../../services/runtime.js";
import { type Province, SAMPLE_SCHOOLS, sampleProvince } from "../../services/sample/province.js";
import { seedProvince } from "../../services/seed.js";
import type { CliCommand } from "../command.js";
import { openLocalFirestore } from "../firestore.js";

const DEMO_PROJECT = "tdkt-demo";
const YEAR = "2025-2026";

/** The school council's meeting, which no tab stores: chaired by the principal, as the Điều lệ says. */
function showcaseMeeting(province: Province, unitId: string): DossierOptions {
  const staff = province.people.filter((person) => person.unitId === unitId);
  const byPosition = (position: string) => staff.filter((person) => person.position === position);
  const principal = byPosition("Hiệu trưởng")[0];
  const [secretary, ...tellers] = byPosition("Giáo viên").slice(-3);
  const members = Math.max(
    ...province.votes.filter((vote) => vote.unitId === unitId).map((vote) => vote.members),
  );
  const unit = province.units.find((candidate) => candidate.id === unitId);
  return {
    date: "2026-05-20",
    meeting: {
      date: "2026-05-15",
      startTime: "14:00",
      endTime: "16:30",
      location: `Phòng họp ${unit?.name ?? unitId}`,
      members,
      present: members,
      absentees: [],
      chair: { name: principal?.fullName ?? "", title: "Hiệu trưởng, Chủ tịch Hội đồng" },
      secretary: { name: secretary?.fullName ?? "", title: "Giáo viên, Thư ký Hội đồng" },
    },
    tellers: { head: tellers[0]?.fullName ?? "", members: tellers.slice(1).map((person) => person.fullName) },
  };
}

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
        options: showcaseMeeting(province, unitId),
        files: localFileStore(join(out, "truong")),
        actor: "demo",
      });
      for (const left of dossier.excluded) io.stdout(msg.excluded(left));
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
