/**
 * The province's TĐKT code tables (docs/province-formats.md): the codes and names its Excel lists use
 * for forms and titles (HTKT, DANHMUC), subject classes (PLDT, "Mã phân loại cán bộ/tập thể"), sex,
 * fields of activity (LVHD) and the kind of commendation ("phan loai kt"), each mapped to TĐKT's codes
 * where TĐKT has one (the rules that class a person are in subject-classes.ts). The one definition for reading (history
 * import), writing (export) and counting (statistics) those lists. The Department extends and updates
 * it with mappings of its own (config/province-codes), never by editing code.
 */
import { z } from "zod";
import { AwardCode, type Gender, type SubjectKind } from "./codes.js";
import { awardCodeLabels } from "./messages/vocabulary.js";
import { foldForMatching } from "./text.js";

/** Phân loại đối tượng (PLDT): the classes of the ministry's statistics, keyed by TĐKT's own codes. */
const SUBJECT_CLASSES = [
  "CO_QUAN_DANG",
  "CO_QUAN_TRUNG_UONG",
  "HO_GIA_DINH",
  "LANH_DAO_BO_TINH",
  "LANH_DAO_VU_SO",
  "DOANH_NHAN",
  "LANH_DAO_TU_PHO_PHONG",
  "TRUC_TIEP",
  "CO_QUAN_HANH_CHINH",
  "DON_VI_SU_NGHIEP",
  "DOANH_NGHIEP",
  "HOP_TAC_XA",
  "KHAC",
] as const;
export const SubjectClass = z.enum(SUBJECT_CLASSES);
export type SubjectClass = z.infer<typeof SubjectClass>;

/** One row of a province code sheet: its code, the names it goes by, and TĐKT's code when there is one. */
interface ProvinceEntry<V extends string> {
  code: string;
  names: readonly string[];
  value?: V;
}

/**
 * A Bằng khen "cấp bộ, ban, ngành, tỉnh" is one province code for two TĐKT forms: the issuer tells them
 * apart (an issuer naming the Ministry of Education is the Bộ trưởng's; otherwise the Chủ tịch UBND tỉnh's).
 */
const MINISTRY_ISSUER = "bo giao duc";

/** HTKT of the general list and the DANHMUC form/title columns of the individual and collective lists. */
const AWARDS: readonly ProvinceEntry<AwardCode>[] = [
  {
    code: "1647508703",
    names: ["Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương"],
    value: "CSTD_TINH",
  },
  { code: "1647933042", names: ["Lao động tiên tiến"], value: "LDTT" },
  { code: "1647933054", names: ["Chiến sĩ tiên tiến"] },
  { code: "1647933079", names: ["Cờ thi đua của Chính phủ"], value: "CO_TD_CP" },
  { code: "1647933114", names: ["Cờ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương"], value: "CO_TD_TINH" },
  { code: "1647933151", names: ["Tập thể lao động xuất sắc"], value: "TTLDXS" },
  { code: "1647933178", names: ["Đơn vị quyết thắng"] },
  { code: "1647933198", names: ["Tập thể lao động tiên tiến"], value: "TTLDTT" },
  { code: "1647933213", names: ["Đơn vị tiên tiến"] },
  { code: "1647933227", names: ["Gia đình văn hóa"] },
  { code: "1647933380", names: ["Chiến sĩ thi đua cơ sở"], value: "CSTD_CS" },
  { code: "1647933381", names: ["Chiến sĩ thi đua toàn quốc"], value: "CSTD_TQ" },
  { code: "1650359884", names: ["Huân chương Sao vàng"] },
  { code: "1650359965", names: ["Huân chương Hồ Chí Minh"] },
  { code: "1650360128", names: ["Huân chương Độc Lập"] },
  { code: "1650360174", names: ["Huân chương Quân công"] },
  // The DANHMUC's "Huân chương Lao động" names no hạng: TĐKT cannot tell which of HCLD_1..3 it is.
  { code: "1650360184", names: ["Huân chương Lao động"] },
  { code: "1650360198", names: ["Huân chương Chiến công"] },
  { code: "1650360214", names: ["Huân chương Đại đoàn kết dân tộc"] },
  { code: "1650360227", names: ["Huân chương Dũng cảm"] },
  { code: "1650360234", names: ["Huân chương Hữu nghị"] },
  { code: "1650360247", names: ["Huân chương Bảo vệ Tổ quốc"] },
  { code: "1650360299", names: ["Huân chương Quân kỳ quyết thắng", "Huy chương Quân kỳ quyết thắng"] },
  { code: "1650360312", names: ["Huân chương Chiến sĩ vẻ vang", "Huy chương Chiến sĩ vẻ vang"] },
  { code: "1650360323", names: ["Huy chương Hữu nghị"] },
  { code: "1650360334", names: ["Huân chương Vì an ninh Tổ quốc", "Huy chương Vì an ninh Tổ quốc"] },
  { code: "1650360372", names: ["Anh hùng Lao động"] },
  { code: "1650360387", names: ["Nhà giáo nhân dân"], value: "NGND" },
  { code: "1650360413", names: ["Nhà giáo ưu tú"], value: "NGUT" },
  {
    code: "1650360491",
    names: ["Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương", "Bằng khen"],
    value: "BK_CT_UBND_TINH",
  },
  // A Giấy khen of the former district level: TĐKT has no such form (districts ended in 2025).
  { code: "1650360499", names: ["Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", "Giấy khen"] },
  { code: "1668522916", names: ["Cờ thi đua của UBND tỉnh"], value: "CO_TD_TINH" },
  { code: "1671246141", names: ["Huân chương Độc lập hạng Nhất"] },
  { code: "1671246307", names: ["Huân chương Độc lập hạng Nhì"] },
  { code: "1671246319", names: ["Huân chương Độc lập hạng Ba"] },
  { code: "1671246377", names: ["Huân chương Quân công hạng nhất"] },
  { code: "1671246392", names: ["Huân chương Quân công hạng nhì"] },
  { code: "1671246400", names: ["Huân chương Quân công hạng ba"] },
  { code: "1671246434", names: ["Huân chương Lao động hạng nhất"], value: "HCLD_1" },
  { code: "1671246446", names: ["Huân chương Lao động hạng nhì"], value: "HCLD_2" },
  { code: "1671246455", names: ["Huân chương Lao động hạng ba"], value: "HCLD_3" },
  { code: "1671246509", names: ["Huân chương Bảo vệ Tổ quốc hạng nhất"] },
  { code: "1671246519", names: ["Huân chương Bảo vệ Tổ quốc hạng nhì"] },
  { code: "1671246527", names: ["Huân chương Bảo vệ Tổ quốc hạng ba"] },
  { code: "1671246568", names: ["Huân chương Chiến công hạng nhất"] },
  { code: "1671246576", names: ["Huân chương Chiến công hạng nhì"] },
  { code: "1671246583", names: ["Huân chương Chiến công hạng ba"] },
  { code: "1671246672", names: ["Huân chương Chiến sĩ vẻ vang hạng nhất"] },
  { code: "1671246681", names: ["Huân chương Chiến sĩ vẻ vang hạng nhì"] },
  { code: "1671246690", names: ["Huân chương Chiến sĩ vẻ vang hạng ba"] },
  { code: "1671246759", names: ["Huân chương Chiến thắng hạng nhất"] },
  { code: "1671246796", names: ["Huân chương Chiến thắng hạng nhì"] },
  { code: "1671246804", names: ["Huân chương Chiến thắng hạng ba"] },
  { code: "1671246871", names: ["Huân chương Kháng chiến chống Mỹ hạng nhất"] },
  { code: "1671246880", names: ["Huân chương Kháng chiến chống Mỹ hạng nhì"] },
  { code: "1671246889", names: ["Huân chương Kháng chiến chống Mỹ hạng ba"] },
  { code: "1671246907", names: ["Huân chương Kháng chiến chống Pháp hạng nhất"] },
  { code: "1671246920", names: ["Huân chương Kháng chiến chống Pháp hạng nhì"] },
  { code: "1671246929", names: ["Huân chương Kháng chiến chống Pháp hạng ba"] },
  { code: "1671247085", names: ["Huy chương Chiến sĩ vẻ vang hạng ba"] },
  { code: "1671247098", names: ["Huy chương Chiến sĩ vẻ vang hạng nhì"] },
  { code: "1671247111", names: ["Huy chương Chiến sĩ vẻ vang hạng nhất"] },
  { code: "1671247176", names: ["Huy chương chiến thắng hạng nhất"] },
  { code: "1671247208", names: ["Huy chương chiến thắng hạng nhì"] },
  { code: "1671247235", names: ["Huy chương Hữu nghị"] },
  { code: "1671247276", names: ["Huy chương Kháng chiến chống mỹ hạng nhất"] },
  { code: "1671247291", names: ["Huy chương Kháng chiến chống mỹ hạng nhì"] },
  { code: "1671247344", names: ["Huy chương Kháng chiến chống Pháp hạng nhất"] },
  { code: "1671247355", names: ["Huy chương Kháng chiến chống Pháp hạng nhì"] },
  { code: "1671247390", names: ["Huy chương Quân kỳ Quyết thắng"] },
  { code: "1671247419", names: ["Huy chương Vì an ninh Tổ quốc"] },
  { code: "1671247613", names: ["Anh hùng Lực lượng vũ trang Nhân dân"] },
  { code: "1671247630", names: ["Bà mẹ Việt Nam anh hùng"] },
  { code: "1671247650", names: ["Bảng vàng danh dự"] },
  { code: "1671247667", names: ["Bằng có công với nước"] },
  { code: "1671247686", names: ["Bằng Tổ quốc ghi công"] },
  { code: "1671247716", names: ["Bằng khen của Thủ tướng Chính phủ"], value: "BK_TTG" },
  { code: "1671247920", names: ["Giải thưởng Hồ Chí Minh"] },
  { code: "1671247953", names: ["Giải thưởng Nhà nước"] },
  { code: "1671248008", names: ["Nghệ sĩ Nhân dân"] },
  { code: "1671248021", names: ["Nghệ sĩ Ưu tú"] },
  { code: "1671248060", names: ["Nghệ nhân Nhân dân"] },
  { code: "1671248072", names: ["Nghệ nhân Ưu tú"] },
  { code: "1671248092", names: ["Nhà giáo Nhân dân"], value: "NGND" },
  { code: "1671248127", names: ["Tỉnh Anh hùng"] },
  { code: "1671248144", names: ["Thành phố Anh hùng"] },
  { code: "1671248170", names: ["Thầy thuốc Nhân dân"] },
  { code: "1671248182", names: ["Thầy thuốc Ưu tú"] },
  { code: "1671248221", names: ["Kỷ niệm chương chiến sĩ cách mạng bị địch bắt tù đày"] },
  // The education sector's Kỷ niệm chương is the one its lists carry under this code.
  { code: "1671248245", names: ["Kỷ niệm chương, Huy hiệu"], value: "KNC_VSNGD" },
  {
    code: "1672804384",
    names: [
      "Giấy khen của Thủ trưởng cơ quan, đơn vị thuộc bộ, ngành, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
    ],
  },
  {
    code: "1672804435",
    names: ["Giấy khen của Thủ trưởng cơ quan chuyên môn và tương đương thuộc Ủy ban nhân dân cấp tỉnh"],
    value: "GK_GD_SO",
  },
  { code: "1672804473", names: ["Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"], value: "GK_CT_UBND_XA" },
  { code: "1672806150", names: ["Thôn văn hóa"] },
];

/** PLDT of the general list; the individual list's "Mã phân loại cán bộ" uses the same codes. */
const SUBJECT_CLASS_ENTRIES: readonly ProvinceEntry<SubjectClass>[] = [
  { code: "1660638226", names: ["Cơ quan Đảng"], value: "CO_QUAN_DANG" },
  { code: "1660638247", names: ["Cơ quan Trung Ương đóng trên địa bàn"], value: "CO_QUAN_TRUNG_UONG" },
  { code: "1660638538", names: ["Hộ gia đình"], value: "HO_GIA_DINH" },
  {
    code: "1660638808",
    names: ["Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"],
    value: "LANH_DAO_BO_TINH",
  },
  { code: "1660638843", names: ["Lãnh đạo cấp vụ, sở, ngành và tương đương"], value: "LANH_DAO_VU_SO" },
  { code: "1660638864", names: ["Doanh nhân"], value: "DOANH_NHAN" },
  { code: "1660638930", names: ["Các cấp lãnh đạo từ phó phòng trở lên"], value: "LANH_DAO_TU_PHO_PHONG" },
  {
    code: "1660638976",
    names: ["Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"],
    value: "TRUC_TIEP",
  },
  { code: "1668477383", names: ["Cơ quan Hành chính"], value: "CO_QUAN_HANH_CHINH" },
  { code: "1668477403", names: ["Đơn vị sự nghiệp"], value: "DON_VI_SU_NGHIEP" },
  { code: "1668477425", names: ["Doanh nghiệp"], value: "DOANH_NGHIEP" },
  { code: "1668477439", names: ["Hợp tác xã"], value: "HOP_TAC_XA" },
  { code: "1668477463", names: ["Đối tượng khác"], value: "KHAC" },
];

/**
 * The collective list's own "Mã phân loại tập thể": the same numbers as PLDT mean other classes there
 * (1660638226 is "Cơ quan hành chính, sự nghiệp", not "Cơ quan Đảng"), so it is a table of its own.
 * A school is a đơn vị sự nghiệp.
 */
const COLLECTIVE_CLASS_ENTRIES: readonly ProvinceEntry<SubjectClass>[] = [
  { code: "1660638226", names: ["Cơ quan hành chính, sự nghiệp"], value: "DON_VI_SU_NGHIEP" },
  { code: "1660638247", names: ["Doanh nghiệp"], value: "DOANH_NGHIEP" },
  { code: "1660638538", names: ["Hộ gia đình"], value: "HO_GIA_DINH" },
];

/** DANHMUC's "Giới tính" of the individual list. */
const GENDER_ENTRIES: readonly ProvinceEntry<Gender>[] = [
  { code: "NAM", names: ["Giới tính Nam", "Nam"], value: "M" },
  { code: "NU", names: ["Giới tính Nữ", "Nữ"], value: "F" },
];

/** LVHD: fields of activity. TĐKT's subjects are all "Giáo dục - Đào tạo" (0003). */
const PROVINCE_FIELDS: readonly ProvinceEntry<string>[] = [
  ["0001", "An ninh - Quốc phòng"],
  ["0009", "Báo chí - Thông tin - Truyền thông"],
  ["0021", "Bảo hiểm xã hội"],
  ["0022", "Các cơ quan, tổ chức Đảng"],
  ["0020", "Các tổ chức Hội và Đoàn thể"],
  ["0002", "Công nghiệp - Thương mại"],
  ["0023", "Cơ quan lập pháp"],
  ["0003", "Giáo dục - Đào tạo"],
  ["0004", "Giao thông vận tải"],
  ["0024", "Kế hoạch - Đầu tư"],
  ["0014", "Kinh tế - Xã hội"],
  ["0006", "Khoa học - Công nghệ"],
  ["0019", "Lao động, Thương Binh và Xã hội"],
  ["0005", "N/A"],
  ["0007", "Nông nghiệp - Nông thôn"],
  ["0015", "Ngoại giao"],
  ["0013", "Quản lý Nhà nước"],
  ["0008", "Tài chính - Ngân hàng"],
  ["0018", "Tài nguyên - Môi trường"],
  ["0016", "Tôn giáo - Tín ngưỡng"],
  ["0017", "Tư pháp - Thanh tra - Tòa án - Kiểm sát"],
  ["0010", "Văn hóa - Thể Thao - Du lịch"],
  ["0011", "Xây dựng"],
  ["0012", "Y tế"],
].map(([code, name]) => ({ code: code as string, names: [name as string], value: code as string }));

/** "phan loai kt": the kind of commendation of a general-list row; households are not TĐKT's subjects. */
const COMMENDATION_KINDS: readonly ProvinceEntry<SubjectKind>[] = [
  { code: "CANHAN", names: ["Khen thưởng cá nhân", "Cá nhân"], value: "individual" },
  { code: "TAPTHE", names: ["Khen thưởng tập thể", "Tập thể"], value: "collective" },
  { code: "HOGIADINH", names: ["Khen thưởng hộ gia đình"] },
];

/** The tables a Department mapping may extend. */
const PROVINCE_TABLES = ["award", "subjectClass", "collectiveClass"] as const;
type ProvinceTable = (typeof PROVINCE_TABLES)[number];

/**
 * One mapping the Department adds (config/province-codes): a code or a name of its lists, read as one
 * of TĐKT's codes. It wins over the built-in table (a Department may read "Giấy khen" as its own form).
 * With `export: true` its code is also the one the export writes for that value (a code the provincial
 * system renumbered); without, it only reads (an old code of a past list).
 */
export const ProvinceCodeMapping = z
  .object({
    table: z.enum(PROVINCE_TABLES),
    // Letters, digits and "_ . -" after the first, as the province's codes are: a code the export
    // writes can never begin a formula.
    code: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u)
      .optional(),
    name: z.string().trim().min(1).max(300).optional(),
    value: z.string().min(1),
    export: z.boolean().optional(),
  })
  .strict()
  .refine((mapping) => mapping.code !== undefined || mapping.name !== undefined, {
    message: "code-or-name",
    path: ["code"],
  })
  .refine((mapping) => mapping.export !== true || mapping.code !== undefined, {
    message: "export-needs-code",
    path: ["code"],
  })
  .refine(
    (mapping) => (mapping.table === "award" ? AwardCode : SubjectClass).safeParse(mapping.value).success,
    { message: "unknown-value", path: ["value"] },
  );
export type ProvinceCodeMapping = z.infer<typeof ProvinceCodeMapping>;

export const ProvinceCodesConfig = z.object({ mappings: z.array(ProvinceCodeMapping).max(500) }).strict();
export type ProvinceCodesConfig = z.infer<typeof ProvinceCodesConfig>;

/** What a cell resolves to: TĐKT's code, a province entry TĐKT has no code for, or nothing known. */
type Resolution<V> =
  | { kind: "mapped"; value: V; code: string | undefined }
  | { kind: "unmapped"; name: string }
  | { kind: "unknown" };

/** Codes are compared as written (digits, letters); names folded (NFC, case, diacritics, spacing). */
const codeKey = (text: string): string => text.trim().toUpperCase();
const nameKey = (text: string): string =>
  foldForMatching(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

class Lookup<V extends string> {
  private readonly byCode = new Map<string, ProvinceEntry<V>>();
  private readonly byName = new Map<string, ProvinceEntry<V>>();
  /** The province code and name written for each value: the Department's export mappings, then the built-in. */
  private readonly written = new Map<V, { code: string; name: string }>();

  /**
   * `builtIn` are the province's entries; `aliases` are further texts read (never written); `department`
   * the Department's mappings, which override in reading, and `exported` those of them the export writes.
   */
  constructor(
    builtIn: readonly ProvinceEntry<V>[],
    department: { read: readonly ProvinceEntry<V>[]; exported: readonly ProvinceEntry<V>[] } = {
      read: [],
      exported: [],
    },
    aliases: readonly ProvinceEntry<V>[] = [],
  ) {
    // Built-in first (the first name wins among the built-in), then the Department's, which override.
    for (const entry of [...builtIn, ...aliases]) this.add(entry, false);
    for (const entry of department.read) this.add(entry, true);
    const builtInName = (value: V) => builtIn.find((entry) => entry.value === value)?.names[0];
    for (const entry of [...department.exported, ...builtIn])
      if (entry.value !== undefined && entry.code && !this.written.has(entry.value))
        this.written.set(entry.value, {
          code: entry.code,
          name: entry.names[0] ?? builtInName(entry.value) ?? entry.code,
        });
  }

  private add(entry: ProvinceEntry<V>, override: boolean): void {
    if (entry.code && (override || !this.byCode.has(codeKey(entry.code))))
      this.byCode.set(codeKey(entry.code), entry);
    for (const name of entry.names)
      if (override || !this.byName.has(nameKey(name))) this.byName.set(nameKey(name), entry);
  }

  resolve(text: string): Resolution<V> {
    const entry = this.byCode.get(codeKey(text)) ?? this.byName.get(nameKey(text));
    if (!entry) return { kind: "unknown" };
    if (entry.value === undefined) return { kind: "unmapped", name: entry.names[0] ?? text };
    return { kind: "mapped", value: entry.value, code: entry.code || undefined };
  }

  /** The province's code and name of a TĐKT value, as the export writes it. */
  codeOf(value: V): ProvinceCode | undefined {
    return this.written.get(value);
  }
}

interface ProvinceCode {
  code: string;
  name: string;
}

/** The code table of one Department: the built-in entries and its own mappings. */
export interface ProvinceCodeTable {
  award(text: string, issuer?: string): Resolution<AwardCode>;
  subjectClass(text: string): Resolution<SubjectClass>;
  collectiveClass(text: string): Resolution<SubjectClass>;
  commendationKind(text: string): Resolution<SubjectKind>;
  /** The province's code and name for a TĐKT form or title (for writing its lists). */
  provinceAward(code: AwardCode): ProvinceCode | undefined;
  /** A class in the individual list ("Mã phân loại cán bộ", PLDT's codes). */
  provinceSubjectClass(value: SubjectClass): ProvinceCode | undefined;
  /** A class in the collective list ("Mã phân loại tập thể", its own codes). */
  provinceCollectiveClass(value: SubjectClass): ProvinceCode | undefined;
  provinceGender(gender: Gender): ProvinceCode | undefined;
  /** An LVHD field by its code ("0003" is Giáo dục - Đào tạo). */
  provinceField(code: string): ProvinceCode | undefined;
}

function departmentEntries<V extends string>(mappings: readonly ProvinceCodeMapping[], table: ProvinceTable) {
  const read = mappings
    .filter((mapping) => mapping.table === table)
    .map((mapping) => ({
      code: mapping.code ?? "",
      names: mapping.name ? [mapping.name] : [],
      value: mapping.value as V,
      exported: mapping.export === true,
    }));
  return { read, exported: read.filter((entry) => entry.exported) };
}

/** TĐKT's own codes and labels ("CSTD_CS", "Chiến sĩ thi đua cơ sở"), for lists written in TĐKT's words. */
const TDKT_AWARD_NAMES: readonly ProvinceEntry<AwardCode>[] = Object.entries(awardCodeLabels).map(
  ([code, label]) => ({ code, names: [label], value: code as AwardCode }),
);

export function provinceCodeTable(mappings: readonly ProvinceCodeMapping[] = []): ProvinceCodeTable {
  const awards = new Lookup<AwardCode>(
    AWARDS,
    departmentEntries<AwardCode>(mappings, "award"),
    TDKT_AWARD_NAMES,
  );
  const classes = new Lookup<SubjectClass>(
    SUBJECT_CLASS_ENTRIES,
    departmentEntries<SubjectClass>(mappings, "subjectClass"),
  );
  const collectiveClasses = new Lookup<SubjectClass>(
    COLLECTIVE_CLASS_ENTRIES,
    departmentEntries<SubjectClass>(mappings, "collectiveClass"),
  );
  const kinds = new Lookup<SubjectKind>(COMMENDATION_KINDS);
  const genders = new Lookup<Gender>(GENDER_ENTRIES);
  const fields = new Lookup<string>(PROVINCE_FIELDS);
  return {
    award: (text, issuer) => {
      const resolved = awards.resolve(text);
      if (
        resolved.kind === "mapped" &&
        resolved.value === "BK_CT_UBND_TINH" &&
        issuer !== undefined &&
        foldForMatching(issuer).includes(MINISTRY_ISSUER)
      )
        return { ...resolved, value: "BK_BO_TRUONG_GDDT" };
      return resolved;
    },
    subjectClass: (text) => classes.resolve(text),
    collectiveClass: (text) => collectiveClasses.resolve(text),
    commendationKind: (text) => kinds.resolve(text),
    provinceAward: (code) => awards.codeOf(code === "BK_BO_TRUONG_GDDT" ? "BK_CT_UBND_TINH" : code),
    provinceSubjectClass: (value) => classes.codeOf(value),
    provinceCollectiveClass: (value) => collectiveClasses.codeOf(value),
    provinceGender: (gender) => genders.codeOf(gender),
    provinceField: (code) => fields.codeOf(code),
  };
}

/** A class's name as PLDT gives it (the statistics' column headers). */
export const subjectClassName = (value: SubjectClass): string =>
  SUBJECT_CLASS_ENTRIES.find((entry) => entry.value === value)?.names[0] ?? value;
