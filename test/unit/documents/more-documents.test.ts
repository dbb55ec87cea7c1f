import { describe, expect, it } from "vitest";
import {
  sampleBaoCaoCaNhan,
  sampleBaoCaoTapThe,
  sampleDangKyCaNhan,
  sampleDangKyTapThe,
  sampleQuyetDinh,
  sampleSoTheoDoi,
  sampleToTrinhSo,
} from "../../../functions/sample/documents.js";
import { renderBaoCao } from "../../../functions/src/documents/bao-cao.js";
import { renderDangKy } from "../../../functions/src/documents/dang-ky.js";
import { renderQuyetDinh } from "../../../functions/src/documents/quyet-dinh.js";
import { baseSalaryOn, rewardAmount } from "../../../functions/src/documents/reward-amounts.js";
import { consecutiveYears, renderSoTheoDoi } from "../../../functions/src/documents/so-theo-doi.js";
import { renderToTrinh } from "../../../functions/src/documents/to-trinh.js";
import type { AppError } from "../../../functions/src/domain/errors.js";
import { expectMatchesReference, firstOutOfOrder, pdfInfo, pdfText } from "./pdf-tools.js";

const FIXED = { creationDate: new Date("2026-07-15T08:00:00Z") };

describe("quyết định khen thưởng", () => {
  it("awards with amounts on the lương cơ sở of the decision date and an annex numbered on its own", async () => {
    const pdf = await renderQuyetDinh(sampleQuyetDinh, FIXED);
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 512/QĐ-SGDĐT",
        "Hà Tĩnh, ngày 15 tháng 7 năm 2026",
        "QUYẾT ĐỊNH",
        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Căn cứ Luật Thi đua, khen thưởng",
        "Theo đề nghị của Trưởng phòng Tổ chức cán bộ.",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
        "Điều 2.",
        "2.530.000 đồng",
        "14.170.000 đồng",
        "Điều 3.",
        "GIÁM ĐỐC",
        "Hoàng Văn Khánh",
        "DANH SÁCH",
        "(Kèm theo Quyết định số 512/QĐ-SGDĐT ngày 15/07/2026",
        "Nguyễn Thị Minh Anh",
        "1.520.000",
        "Tổng cộng",
        "14.170.000",
      ]),
    ).toBeUndefined();
    expect(pdfInfo(pdf).Pages).toBe("3");
    expectMatchesReference("quyet-dinh", pdf);
  });

  it("computes amounts from the configurable tables and reports a missing coefficient", async () => {
    expect(baseSalaryOn("2026-06-30")).toBe(2_340_000);
    expect(baseSalaryOn("2026-07-01")).toBe(2_530_000);
    expect(baseSalaryOn("2024-01-01")).toBeUndefined();
    expect(rewardAmount(0.3, 2_340_000)).toBe(710_000);
    expect(rewardAmount(1, 2_530_000)).toBe(2_530_000);
    const error: AppError = await renderQuyetDinh({
      ...sampleQuyetDinh,
      entries: [{ code: "NGUT", subjectKind: "individual", name: "A", positionAndUnit: "B" }],
    }).then(
      () => expect.unreachable(),
      (caught: unknown) => caught as AppError,
    );
    expect(error.code).toBe("MISSING_DATA");
    expect(error.message).toContain("hệ số tiền thưởng của “Nhà giáo ưu tú”");
  });
});

describe("tờ trình of the Department", () => {
  it("goes to the Chủ tịch UBND tỉnh through the Sở Nội vụ", async () => {
    const text = pdfText(await renderToTrinh(sampleToTrinhSo, FIXED));
    expect(
      firstOutOfOrder(text, [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 41/TTr-SGDĐT",
        "TỜ TRÌNH",
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ).",
        "Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: 1 cá nhân;",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 1 tập thể, 1 cá nhân;",
        "Tổng cộng: 2 tập thể, 2 cá nhân.",
      ]),
    ).toBeUndefined();
  });
});

describe("báo cáo thành tích and bản đăng ký", () => {
  it("báo cáo thành tích cá nhân and tập thể", async () => {
    const individual = await renderBaoCao(sampleBaoCaoCaNhan, FIXED);
    expect(
      firstOutOfOrder(pdfText(individual), [
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm học 2025-2026",
        "I. SƠ LƯỢC LÝ LỊCH",
        "Họ và tên: Nguyễn Thị Minh Anh; giới tính: Nữ.",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "2023-2024",
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
      ]),
    ).toBeUndefined();
    expectMatchesReference("bao-cao-ca-nhan", individual);
    const collective = pdfText(await renderBaoCao(sampleBaoCaoTapThe, FIXED));
    expect(
      firstOutOfOrder(collective, ["I. ĐẶC ĐIỂM, TÌNH HÌNH", "Tổ Toán - Tin", "Chưa được khen thưởng."]),
    ).toBeUndefined();
  });

  it("bản đăng ký thi đua cá nhân and tập thể with their commitments", async () => {
    const individual = await renderDangKy(sampleDangKyCaNhan, FIXED);
    expect(
      firstOutOfOrder(pdfText(individual), [
        "BẢN ĐĂNG KÝ THI ĐUA",
        "Năm học 2025-2026",
        "Kính gửi: Hội đồng Thi đua - Khen thưởng Trường THPT Lê Quý Đôn.",
        "Lao động tiên tiến, Chiến sĩ thi đua cơ sở",
        "Tỷ lệ học sinh khá, giỏi môn Tiếng Anh",
        "70",
        "NGƯỜI ĐĂNG KÝ",
        "Lê Thị Châu",
      ]),
    ).toBeUndefined();
    expectMatchesReference("dang-ky-ca-nhan", individual);
    const collective = pdfText(await renderDangKy(sampleDangKyTapThe, FIXED));
    expect(
      firstOutOfOrder(collective, [
        "tổng số cán bộ, giáo viên, nhân viên: 68",
        "Tỷ lệ duy trì sĩ số",
        "99,5",
      ]),
    ).toBeUndefined();
  });
});

describe("sổ theo dõi thi đua, khen thưởng", () => {
  it("lists every year of the period and derives the streaks from the ledger", async () => {
    const pdf = await renderSoTheoDoi(sampleSoTheoDoi, FIXED);
    expect(pdfInfo(pdf)["Page size"]).toContain("841.89 x 595.28");
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "SỔ THEO DÕI THI ĐUA, KHEN THƯỞNG",
        "Giai đoạn từ năm học 2021-2022 đến năm học 2025-2026 (5 năm)",
        "I. SỔ THEO DÕI CÁ NHÂN",
        "1. Nguyễn Thị Minh Anh",
        "2021-2022",
        "2025-2026",
        "II. SỔ THEO DÕI TẬP THỂ",
        "Tổ Toán - Tin",
        "III. SỐ NĂM LIÊN TỤC",
      ]),
    ).toBeUndefined();
    // P1: LĐTT 2022-23, 2023-24 then CSTĐCS 2024-25, 2025-26; HTXS all five years.
    const streakLine = text.split("\n").find((line) => /^\s*1\s+Nguyễn Thị Minh Anh/.test(line)) ?? "";
    expect(streakLine.replace(/\s+/g, " ")).toContain("Nguyễn Thị Minh Anh 0 2 5");
    expectMatchesReference("so-theo-doi", pdf);
  });

  it("counts consecutive years back from the last one", () => {
    const held = new Set(["2023-2024", "2024-2025", "2025-2026"]);
    expect(consecutiveYears((year) => held.has(year), "2025-2026")).toBe(3);
    expect(consecutiveYears((year) => held.has(year), "2026-2027")).toBe(0);
  });
});
