/** Vietnamese labels of the domain codes (docs/domain.md §1), as users read and type them. */
import type {
  AwardCode,
  AwardKind,
  DisciplineLevel,
  DossierState,
  Gender,
  ManagingAuthority,
  Rating,
  RecognitionLevel,
  Role,
  SchoolLevel,
} from "../codes.js";

export const ratingLabels: Record<Rating, string> = {
  HTXS: "Hoàn thành xuất sắc nhiệm vụ",
  HTT: "Hoàn thành tốt nhiệm vụ",
  HT: "Hoàn thành nhiệm vụ",
  KHT: "Không hoàn thành nhiệm vụ",
  NONE: "Không xếp loại",
};

export const awardCodeLabels: Record<AwardCode, string> = {
  LDTT: "Lao động tiên tiến",
  CSTD_CS: "Chiến sĩ thi đua cơ sở",
  CSTD_TINH: "Chiến sĩ thi đua cấp tỉnh",
  CSTD_TQ: "Chiến sĩ thi đua toàn quốc",
  TTLDTT: "Tập thể lao động tiên tiến",
  TTLDXS: "Tập thể lao động xuất sắc",
  CO_TD_TINH: "Cờ thi đua của Ủy ban nhân dân tỉnh",
  CO_TD_CP: "Cờ thi đua của Chính phủ",
  GK_HIEU_TRUONG: "Giấy khen của Hiệu trưởng",
  GK_GD_SO: "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo",
  GK_CT_UBND_XA: "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
  BK_CT_UBND_TINH: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
  BK_BO_TRUONG_GDDT: "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
  BK_TTG: "Bằng khen của Thủ tướng Chính phủ",
  HCLD_3: "Huân chương Lao động hạng Ba",
  HCLD_2: "Huân chương Lao động hạng Nhì",
  HCLD_1: "Huân chương Lao động hạng Nhất",
  KNC_VSNGD: "Kỷ niệm chương Vì sự nghiệp giáo dục",
  NGUT: "Nhà giáo ưu tú",
  NGND: "Nhà giáo nhân dân",
};

export const awardKindLabels: Record<AwardKind, string> = {
  CONG_TRANG: "Công trạng",
  DOT_XUAT: "Đột xuất",
  CHUYEN_DE: "Chuyên đề",
  PHONG_TRAO: "Phong trào",
  CONG_HIEN: "Cống hiến",
  DOI_NGOAI: "Đối ngoại",
};

export const disciplineLevelLabels: Record<DisciplineLevel, string> = {
  KHIEN_TRACH: "Khiển trách",
  CANH_CAO: "Cảnh cáo",
  HA_BAC_LUONG: "Hạ bậc lương",
  CACH_CHUC: "Cách chức",
  BUOC_THOI_VIEC: "Buộc thôi việc",
};

export const recognitionLevelLabels: Record<RecognitionLevel, string> = {
  CO_SO: "Cấp cơ sở",
  TINH: "Cấp tỉnh",
  BO: "Cấp Bộ",
  TOAN_QUOC: "Toàn quốc",
};

export const schoolLevelLabels: Record<SchoolLevel, string> = {
  MAM_NON: "Mầm non",
  TIEU_HOC: "Tiểu học",
  THCS: "Trung học cơ sở",
  LIEN_CAP_THCS: "Liên cấp (cao nhất THCS)",
  THPT: "Trung học phổ thông",
  LIEN_CAP_THPT: "Liên cấp (có cấp THPT)",
  GDTX: "Giáo dục thường xuyên",
};

export const managingAuthorityLabels: Record<ManagingAuthority, string> = {
  SO_GDDT: "Sở Giáo dục và Đào tạo",
  UBND_XA: "Ủy ban nhân dân xã",
};

export const genderLabels: Record<Gender, string> = { M: "Nam", F: "Nữ" };

export const roleLabels: Record<Role, string> = {
  SCHOOL_OFFICER: "Cán bộ thi đua trường",
  PRINCIPAL: "Hiệu trưởng",
  COMMUNE_SPECIALIST: "Chuyên viên xã (Phòng Văn hóa - Xã hội)",
  DEPT_SPECIALIST: "Chuyên viên Sở (Thường trực HĐTĐKT)",
  COUNCIL_MEMBER: "Thành viên Hội đồng Thi đua - Khen thưởng",
  ADMIN: "Quản trị hệ thống",
};

export const dossierStateLabels: Record<DossierState, string> = {
  DRAFT: "Dự thảo",
  SUBMITTED: "Đã gửi",
  RETURNED: "Trả lại để bổ sung",
  UNDER_APPRAISAL: "Đang thẩm định",
  COUNCIL_REVIEW: "Hội đồng đang xét",
  APPROVED: "Đã thông qua",
  DECISION_ISSUED: "Đã có quyết định",
  PUBLISHED: "Đã công bố",
  SUSPENDED: "Tạm dừng xét (G-04)",
  REVOKED: "Đã hủy bỏ",
};
