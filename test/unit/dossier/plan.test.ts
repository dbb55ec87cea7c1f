import { describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import { dossierEntries } from "../../../functions/src/services/dossier/channels.js";
import { NumberBook } from "../../../functions/src/services/dossier/numbering.js";
import { parseDossierOptions } from "../../../functions/src/services/dossier/options.js";
import { planDossier } from "../../../functions/src/services/dossier/plan.js";
import { pdfText } from "../documents/pdf-tools.js";
import { contextOf, MEETING, record, schoolData, vote, YEAR } from "./fixture.js";

const proposal = (subjectId: string, target: "LDTT" | "CSTD_CS" | "BK_CT_UBND_TINH") => ({
  year: YEAR,
  unitId: "THCS_ND",
  subjectKind: "individual" as const,
  subjectId,
  target,
  kind: "CONG_TRANG" as const,
});
const data = schoolData({
  proposals: [proposal("GV1", "LDTT"), proposal("GV1", "CSTD_CS"), proposal("GV2", "BK_CT_UBND_TINH")],
  records: [record("GV1", "HTXS"), record("GV2", "HTT")],
  votes: [vote("GV1", "CSTD_CS", 9)],
});
const context = contextOf(data);
const entries = dossierEntries(context, data.proposals, []);
const options = parseDossierOptions({
  date: "2026-05-20",
  meeting: MEETING,
  tellers: { head: "Lê Văn Nam", members: ["Trần Minh Khoa"] },
});
const FIXED = { creationDate: new Date("2026-05-20T08:00:00Z") };

describe("dossier plan", () => {
  it("plans the documents in numbering order, one tờ trình and list per channel", () => {
    const plan = planDossier(context, entries, options, FIXED);
    expect(plan.map((planned) => [planned.type, planned.file, planned.kindCode])).toEqual([
      ["bien-ban-hop", "02-bien-ban-hop-hoi-dong.pdf", "BB"],
      ["to-trinh", "01-to-trinh.pdf", "TTr"],
      ["to-trinh", "01-to-trinh-2.pdf", "TTr"],
      ["danh-sach-individual", "03-danh-sach-ca-nhan.pdf", undefined],
      ["danh-sach-individual", "03-danh-sach-ca-nhan-2.pdf", undefined],
      ["bien-ban-kiem-phieu", "06-bien-ban-kiem-phieu.pdf", "BB"],
      ["phieu-bau", "07-phieu-bau.pdf", undefined],
      ["so-theo-doi", "08-so-theo-doi.pdf", undefined],
    ]);
    expect(new Set(plan.map((planned) => planned.ref)).size).toBe(plan.length);
  });

  it("cites the numbers taken: the tờ trình its biên bản họp, each list its own channel's tờ trình", async () => {
    const plan = planDossier(context, entries, options, FIXED);
    const book = new NumberBook("THCSND");
    const refOf = (file: string) => plan.find((planned) => planned.file === file)?.ref ?? "";
    book.record(refOf("02-bien-ban-hop-hoi-dong.pdf"), 7);
    book.record(refOf("01-to-trinh.pdf"), 11);
    book.record(refOf("01-to-trinh-2.pdf"), 12);
    const textOf = async (file: string) =>
      pdfText((await plan.find((planned) => planned.file === file)?.render(book)) ?? Buffer.alloc(0)).replace(
        /\s+/g,
        " ",
      );
    const toTrinh = await textOf("01-to-trinh.pdf");
    expect(toTrinh).toContain("Số: 11/TTr-THCSND");
    expect(toTrinh).toContain("07/BB-THCSND");
    expect(toTrinh).toContain("Chủ tịch Ủy ban nhân dân xã An Thịnh");
    const higher = await textOf("01-to-trinh-2.pdf");
    expect(higher).toContain("Số: 12/TTr-THCSND");
    expect(higher).toContain("Chủ tịch Ủy ban nhân dân tỉnh (qua Chủ tịch Ủy ban nhân dân xã An Thịnh)");
    expect(await textOf("03-danh-sach-ca-nhan.pdf")).toContain("11/TTr-THCSND");
    expect(await textOf("03-danh-sach-ca-nhan-2.pdf")).toContain("12/TTr-THCSND");
  });

  it("lets the documents report what the options lack (the dry run's MISSING_DATA)", async () => {
    const { meeting: _meeting, tellers: _tellers, ...partial } = options;
    const plan = planDossier(context, entries, partial, FIXED);
    const meetingMinutes = plan.find((planned) => planned.type === "bien-ban-hop");
    const error = await meetingMinutes?.render(new NumberBook("THCSND")).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "MISSING_DATA", details: { missing: ["thông tin cuộc họp"] } });
  });
});
