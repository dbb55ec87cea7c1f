import { describe, expect, it } from "vitest";
import {
  sampleBienBanHop,
  sampleBienBanKiemPhieu,
  sampleDanhSach,
  sampleDanhSachHocSinh,
  sampleDanhSachTapThe,
  samplePhieuBau,
  sampleToTrinh,
} from "../../../functions/sample/documents.js";
import {
  renderBienBanHop,
  renderBienBanKiemPhieu,
  renderPhieuBau,
} from "../../../functions/src/documents/bien-ban.js";
import { renderDanhSach } from "../../../functions/src/documents/danh-sach.js";
import { renderToTrinh } from "../../../functions/src/documents/to-trinh.js";
import { AppError } from "../../../functions/src/domain/errors.js";
import { legalBasesFor } from "../../../functions/src/domain/legal-timeline.js";
import {
  expectMatchesReference,
  firstOutOfOrder,
  pdfFonts,
  pdfInfo,
  pdfText,
  pdfWords,
} from "./pdf-tools.js";

const FIXED = { creationDate: new Date("2026-05-20T08:00:00Z") };
const MM = 72 / 25.4;

describe("tờ trình đề nghị khen thưởng", () => {
  it("has the NĐ 30/2020 components in order with the counts by title and form", async () => {
    const pdf = await renderToTrinh(sampleToTrinh, FIXED);
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TRƯỜNG THPT LÊ QUÝ ĐÔN",
        "Số: 05/TTr-THPTLQĐ",
        "Hà Tĩnh, ngày 20 tháng 5 năm 2026",
        "TỜ TRÌNH",
        "Về việc đề nghị tặng danh hiệu thi đua năm học 2025-2026",
        "Kính gửi: Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh.",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Nghị định số 152/2025/NĐ-CP",
        "Thông tư số 07/2026/TT-BGDĐT",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng số 02/BB-THPTLQĐ ngày 15/05/2026.",
        "Danh hiệu “Lao động tiên tiến”: 5 cá nhân;",
        "Danh hiệu “Chiến sĩ thi đua cơ sở”: 2 cá nhân;",
        "Danh hiệu “Tập thể lao động tiên tiến”: 1 tập thể;",
        "Tổng cộng: 1 tập thể, 5 cá nhân.",
        "HIỆU TRƯỞNG",
        "Phạm Quốc Dũng",
      ]),
    ).toBeUndefined();
    expect(text).toBe(text.normalize("NFC"));
    const fonts = pdfFonts(pdf);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "Tinos-Bold",
      "Tinos-BoldItalic",
      "Tinos-Italic",
      "Tinos-Regular",
    ]);
    expect(fonts.every((font) => font.embedded && font.subset)).toBe(true);
    const info = pdfInfo(pdf);
    expect(info["Page size"]).toContain("595.28 x 841.89");
    expect(info.Title).toContain("Tờ trình");
    expect(info.Author).toContain("TĐKT");
    expect(info.Subject).toBe("Tờ trình đề nghị khen thưởng");
    expectMatchesReference("to-trinh", pdf);
  });

  it("keeps the margins 20/20/30/15 mm and numbers pages from page 2 at the top", async () => {
    const long = { ...sampleToTrinh, summary: "Kết quả nổi bật của năm học. ".repeat(120) };
    const words = pdfWords(await renderToTrinh(long, FIXED));
    const pages = Math.max(...words.map((word) => word.page));
    expect(pages).toBeGreaterThan(1);
    const body = words.filter((word) => word.yMin > 20 * MM - 1);
    expect(Math.min(...body.map((word) => word.xMin))).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(Math.max(...body.map((word) => word.xMax))).toBeLessThanOrEqual(595.28 - 15 * MM + 1);
    expect(Math.max(...body.map((word) => word.yMax))).toBeLessThanOrEqual(841.89 - 20 * MM + 1);
    const inTopMargin = (page: number) => words.filter((word) => word.page === page && word.yMax < 20 * MM);
    expect(inTopMargin(1)).toEqual([]);
    expect(inTopMargin(2).map((word) => word.text)).toEqual(["2"]);
  });

  it("cites the texts in force on the document date", () => {
    expect(legalBasesFor("2025-03-01").join("\n")).toMatch(/98\/2023\/NĐ-CP[\s\S]*29\/2023\/TT-BGDĐT/);
    expect(legalBasesFor("2026-05-20").join("\n")).not.toContain("98/2023");
    expect(legalBasesFor("2026-10-01").join("\n")).toContain("06/2026/QH16");
  });

  it("cites the year's configured texts: the province's Quy chế after the circulars, a corrected citation in place of the built-in one", async () => {
    const quyChe =
      "Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy chế công tác thi đua, khen thưởng";
    const corrected =
      "Thông tư số 07/2026/TT-BGDĐT ngày 16 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục";
    const text = pdfText(
      await renderToTrinh(
        {
          ...sampleToTrinh,
          legalTexts: [
            { kind: "QUY_CHE_TINH", citation: quyChe },
            { replaces: "TT_07_2026_BGDDT", citation: corrected },
          ],
        },
        FIXED,
      ),
    );
    expect(
      firstOutOfOrder(text, [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP",
        "Căn cứ Thông tư số 15/2025/TT-BNV",
        `Căn cứ ${corrected};`,
        `Căn cứ ${quyChe};`,
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng",
      ]),
    ).toBeUndefined();
    expect(text.replace(/\s+/g, " ")).not.toContain("ngày 15 tháng 02 năm 2026");
  });

  it("lists every missing item instead of printing an empty field", async () => {
    const { signer: _signer, councilMeeting: _meeting, ...partial } = sampleToTrinh;
    const error = await renderToTrinh({ ...partial, recipients: [] } as never).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("MISSING_DATA");
    expect((error as AppError).details).toEqual({ missing: ["nơi gửi (Kính gửi)", "người ký"] });
    const noMeeting = await renderToTrinh(partial as never).catch((caught: unknown) => caught);
    expect((noMeeting as AppError).message).toContain("người ký");
  });
});

describe("danh sách trích ngang", () => {
  it("is landscape, sorted the Vietnamese way inside each title, with totals", async () => {
    const pdf = await renderDanhSach(sampleDanhSach, FIXED);
    expect(pdfInfo(pdf)["Page size"]).toContain("841.89 x 595.28");
    // Landscape: the binding margin (30 mm) on the top edge, 20 mm left and right, 15 mm bottom.
    const all = pdfWords(pdf);
    const inTopMargin = all.filter((word) => word.yMax < 30 * MM);
    expect(inTopMargin.every((word) => /^\d+$/.test(word.text) && word.page > 1)).toBe(true);
    const words = all.filter((word) => !inTopMargin.includes(word));
    expect(Math.min(...words.map((word) => word.yMin))).toBeGreaterThanOrEqual(30 * MM - 1);
    expect(Math.min(...words.map((word) => word.xMin))).toBeGreaterThanOrEqual(20 * MM - 1);
    expect(Math.max(...words.map((word) => word.xMax))).toBeLessThanOrEqual(841.89 - 20 * MM + 1);
    expect(Math.max(...words.map((word) => word.yMax))).toBeLessThanOrEqual(595.28 - 15 * MM + 1);
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ TĨNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG THPT LÊ QUÝ ĐÔN",
        "Độc lập - Tự do - Hạnh phúc",
        "DANH SÁCH",
        "(Kèm theo Tờ trình số 05/TTr-THPTLQĐ ngày 20/05/2026 của Trường THPT Lê Quý Đôn)",
        "I. Danh hiệu “Lao động tiên tiến” (5 cá nhân)",
        // Given name first: Anh, Ánh Hồng (given "Hồng")… ordered by given name, then middle, family.
        "Nguyễn Thị Minh Anh",
        "Trần Văn Bình",
        "Lê Thị Châu",
        "Đặng Quốc Đạt",
        "Võ Thị Ánh Hồng",
        "II. Danh hiệu “Chiến sĩ thi đua cơ sở” (2 cá nhân)",
        "Nguyễn Thị Minh Anh",
        "Đặng Quốc Đạt",
        "Tổng cộng: 7 cá nhân.",
      ]),
    ).toBeUndefined();
    expectMatchesReference("danh-sach-ca-nhan", pdf);
  });

  it("repeats the header row on every page and never splits a name", async () => {
    const rows = Array.from({ length: 120 }, (_, index) => ({
      ...(sampleDanhSach as { rows: Record<string, unknown>[] }).rows[0],
      code: "LDTT",
      fullName: `Nguyễn Thị Phương Thảo ${String.fromCharCode(65 + (index % 26))}`,
    }));
    const pdf = await renderDanhSach({ ...sampleDanhSach, rows } as never, FIXED);
    const words = pdfWords(pdf);
    const pages = Math.max(...words.map((word) => word.page));
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++)
      expect(words.some((word) => word.page === page && word.text === "STT")).toBe(true);
    const lines = pdfText(pdf).split("\n");
    expect(lines.filter((line) => line.includes("Nguyễn Thị Phương Thảo")).length).toBe(120);
  });

  it("renders collectives and students", async () => {
    const collectives = pdfText(await renderDanhSach(sampleDanhSachTapThe, FIXED));
    expect(
      firstOutOfOrder(collectives, ["Tên tập thể", "Tổ Toán - Tin", "75%", "Tổng cộng: 1 tập thể."]),
    ).toBeUndefined();
    const students = await renderDanhSach(sampleDanhSachHocSinh, FIXED);
    expect(
      firstOutOfOrder(pdfText(students), ["Hoàng Gia Bảo", "12A1", "Giải Nhì", "Nguyễn Thị Minh Anh"]),
    ).toBeUndefined();
    expectMatchesReference("danh-sach-hoc-sinh", students);
  });
});

describe("biên bản and phiếu bầu", () => {
  it("biên bản họp: vote table with rates over all members, thư ký left and chủ tọa right", async () => {
    const pdf = await renderBienBanHop(sampleBienBanHop, FIXED);
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "Số: 02/BB-THPTLQĐ",
        "BIÊN BẢN",
        "Thời gian bắt đầu: 14 giờ 00, ngày 15 tháng 5 năm 2026.",
        "gồm 9 thành viên; có mặt 9, vắng mặt 0",
        "Phiếu",
        "Nguyễn Thị Minh Anh",
        "100%",
        "Đặng Quốc Đạt",
        "88,9%",
        "Kết luận:",
      ]),
    ).toBeUndefined();
    const words = pdfWords(pdf);
    const secretary = words.find((word) => word.text === "THƯ");
    const chair = words.find((word) => word.text === "CHỦ" && word.yMin === secretary?.yMin);
    expect(secretary && chair && secretary.xMin < chair.xMin).toBe(true);
    expectMatchesReference("bien-ban-hop", pdf);
  });

  it("biên bản họp refuses a voted title without its vote", async () => {
    const error = await renderBienBanHop({ ...sampleBienBanHop, votes: [] }).catch(
      (caught: unknown) => caught,
    );
    expect((error as AppError).code).toBe("MISSING_DATA");
    expect((error as AppError).details).toEqual({
      missing: [
        "kết quả bỏ phiếu của Nguyễn Thị Minh Anh (Chiến sĩ thi đua cơ sở)",
        "kết quả bỏ phiếu của Đặng Quốc Đạt (Chiến sĩ thi đua cơ sở)",
      ],
    });
  });

  it("biên bản kiểm phiếu and phiếu bầu", async () => {
    const count = await renderBienBanKiemPhieu(sampleBienBanKiemPhieu, FIXED);
    expect(
      firstOutOfOrder(pdfText(count), [
        "Số: 03/BB-THPTLQĐ",
        "BIÊN BẢN KIỂM PHIẾU",
        "số phiếu phát ra: 9",
        "TRƯỞNG BAN KIỂM PHIẾU",
        "Trần Văn Bình",
      ]),
    ).toBeUndefined();
    const ballot = await renderPhieuBau(samplePhieuBau, FIXED);
    expect(
      firstOutOfOrder(pdfText(ballot), ["PHIẾU BẦU", "Đồng ý", "Không đồng ý", "Nguyễn Thị Minh Anh"]),
    ).toBeUndefined();
    expectMatchesReference("bien-ban-kiem-phieu", count);
    expectMatchesReference("phieu-bau", ballot);
  });

  it("renders byte-identical files for the same input and creation date", async () => {
    const first = await renderToTrinh(sampleToTrinh, FIXED);
    const second = await renderToTrinh(sampleToTrinh, FIXED);
    expect(first.equals(second)).toBe(true);
  });
});
