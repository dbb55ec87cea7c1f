/**
 * Vietnamese names and places for the synthetic province. Frequencies of family names follow the
 * usual national estimates (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, …). Every string is NFC.
 */
import type { Gender } from "../src/domain/codes.js";
import { type Random, WeightedTable } from "./prng.js";

const nfc = (words: readonly string[]): string[] => words.map((word) => word.normalize("NFC"));
const weighted = (entries: ReadonlyArray<readonly [string, number]>): WeightedTable<string> =>
  new WeightedTable(entries.map(([word, weight]) => [word.normalize("NFC"), weight] as const));

const FAMILY_NAMES = weighted([
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 3],
  ["Huỳnh", 2.1],
  ["Phan", 4.5],
  ["Vũ", 2],
  ["Võ", 1.9],
  ["Đặng", 2.1],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
  ["Đinh", 0.8],
  ["Trịnh", 0.6],
  ["Đoàn", 0.6],
  ["Mai", 0.5],
  ["Cao", 0.5],
  ["Lương", 0.4],
  ["Hà", 0.4],
  ["Chu", 0.3],
  ["Tạ", 0.3],
  ["Lâm", 0.3],
  ["Thái", 0.2],
  ["Kiều", 0.1],
]);

const FEMALE_MIDDLE = weighted([
  ["Thị", 52],
  ["Thị Thu", 5],
  ["Thị Thanh", 4],
  ["Thị Kim", 3],
  ["Thị Hồng", 3],
  ["Thị Minh", 2],
  ["Ngọc", 6],
  ["Thu", 4],
  ["Thanh", 4],
  ["Thùy", 3],
  ["Kim", 2],
  ["Hồng", 2],
  ["Minh", 2],
  ["Phương", 2],
  ["Bảo", 1.5],
  ["Hoài", 1.5],
  ["Diệu", 1],
  ["Mỹ", 1],
  ["Khánh", 1],
]);

const MALE_MIDDLE = weighted([
  ["Văn", 34],
  ["Đức", 9],
  ["Minh", 8],
  ["Quang", 6],
  ["Hữu", 6],
  ["Công", 5],
  ["Thanh", 5],
  ["Ngọc", 4],
  ["Xuân", 4],
  ["Đình", 4],
  ["Trọng", 3],
  ["Quốc", 3],
  ["Anh", 2],
  ["Hoàng", 2],
  ["Tuấn", 2],
  ["Văn Minh", 1],
  ["Bá", 1],
  ["Viết", 1],
]);

const FEMALE_GIVEN = nfc([
  "Anh",
  "Hương",
  "Hà",
  "Lan",
  "Linh",
  "Trang",
  "Thảo",
  "Huyền",
  "Hằng",
  "Nga",
  "Hoa",
  "Mai",
  "Nhung",
  "Thủy",
  "Yến",
  "Vân",
  "Phương",
  "Dung",
  "Hạnh",
  "Loan",
  "Oanh",
  "Trinh",
  "Ngân",
  "Quyên",
  "Thư",
  "Vy",
  "Nhi",
  "Giang",
  "Hiền",
  "Liên",
  "Tâm",
  "Thúy",
  "Xuân",
  "Châu",
  "Diệp",
  "Duyên",
  "Hồng",
  "Tuyết",
  "Nguyệt",
  "Thắm",
  "Nhàn",
  "Lý",
  "Hải",
  "Ly",
  "Chi",
  "Quỳnh",
  "Thoa",
  "Hậu",
  "Sương",
  "Uyên",
]);

const MALE_GIVEN = nfc([
  "Anh",
  "Hùng",
  "Dũng",
  "Tuấn",
  "Minh",
  "Nam",
  "Hải",
  "Sơn",
  "Long",
  "Thắng",
  "Hiếu",
  "Trung",
  "Quang",
  "Cường",
  "Đức",
  "Thành",
  "Phong",
  "Khánh",
  "Bình",
  "Hoàng",
  "Tùng",
  "Vinh",
  "Phúc",
  "Lâm",
  "Toàn",
  "Hưng",
  "Huy",
  "Việt",
  "Đạt",
  "Tài",
  "Tiến",
  "Lợi",
  "Nghĩa",
  "Thịnh",
  "Kiên",
  "Quân",
  "Hiệp",
  "Lộc",
  "Tân",
  "Chiến",
]);

export function personName(random: Random, gender: Gender): string {
  const family = FAMILY_NAMES.draw(random);
  const middle = (gender === "F" ? FEMALE_MIDDLE : MALE_MIDDLE).draw(random);
  const given = random.pick(gender === "F" ? FEMALE_GIVEN : MALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

export const ETHNICITIES = weighted([
  ["Kinh", 90],
  ["Tày", 2],
  ["Thái", 2],
  ["Mường", 2],
  ["Nùng", 1],
  ["Khmer", 1],
  ["Hoa", 0.6],
  ["Dao", 0.5],
  ["H'Mông", 0.5],
  ["Chăm", 0.4],
]);

/** Two-syllable commune names ("Hòa Bình", "Tân Lập", …): first × second, skipping repeats. */
const COMMUNE_FIRST = nfc([
  "Tân",
  "Hòa",
  "Phú",
  "An",
  "Bình",
  "Long",
  "Xuân",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Vĩnh",
  "Phước",
  "Thuận",
  "Quang",
  "Hưng",
  "Thạch",
  "Cẩm",
  "Kỳ",
  "Đức",
  "Sơn",
  "Thiên",
  "Yên",
  "Hồng",
]);
const COMMUNE_SECOND = nfc([
  "Bình",
  "Lợi",
  "Hòa",
  "An",
  "Phú",
  "Thành",
  "Hưng",
  "Lộc",
  "Sơn",
  "Thịnh",
  "Lập",
  "Tiến",
  "Phong",
  "Mỹ",
  "Trung",
  "Hải",
  "Lâm",
  "Xuyên",
  "Thủy",
  "Long",
]);

/** `count` distinct commune names in a seed-dependent order. */
export function communeNames(random: Random, count: number): string[] {
  const all: string[] = [];
  for (const first of COMMUNE_FIRST)
    for (const second of COMMUNE_SECOND) if (first !== second) all.push(`${first} ${second}`);
  for (let i = all.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [all[i], all[j]] = [all[j] as string, all[i] as string];
  }
  const names = all.slice(0, count);
  // Past 460 communes, number them: a province never has that many, but the generator must not fail.
  for (let i = names.length; i < count; i++)
    names.push(`${all[i % all.length]} ${Math.floor(i / all.length) + 1}`);
  return names;
}

/**
 * People schools are named after, in the order each level uses them: the first THPT of every province
 * is "Lê Quý Đôn" and the first THCS "Nguyễn Du", so the sample schools exist whatever the seed.
 */
export const SCHOOL_NAMESAKES = nfc([
  "Lê Quý Đôn",
  "Nguyễn Du",
  "Trần Phú",
  "Phan Bội Châu",
  "Nguyễn Trãi",
  "Lê Lợi",
  "Quang Trung",
  "Lý Thường Kiệt",
  "Trần Hưng Đạo",
  "Chu Văn An",
  "Nguyễn Huệ",
  "Hai Bà Trưng",
  "Võ Thị Sáu",
  "Kim Đồng",
  "Lê Hồng Phong",
  "Nguyễn Văn Trỗi",
  "Phan Đình Phùng",
  "Huỳnh Thúc Kháng",
  "Nguyễn Thị Minh Khai",
  "Hàm Nghi",
  "Mai Thúc Loan",
  "Nguyễn Công Trứ",
  "Hà Huy Tập",
  "Trần Quốc Toản",
  "Lê Văn Tám",
  "Nguyễn Khuyến",
  "Tô Hiến Thành",
  "Ngô Quyền",
  "Đinh Tiên Hoàng",
  "Lý Tự Trọng",
]);

/** Mầm non schools are often named after flowers. */
export const FLOWER_NAMES = nfc([
  "Hoa Sen",
  "Hoa Mai",
  "Hoa Hồng",
  "Sơn Ca",
  "Họa Mi",
  "Tuổi Thơ",
  "Hướng Dương",
  "Bình Minh",
  "Vành Khuyên",
  "Hoa Phượng",
  "Ánh Dương",
  "Măng Non",
]);

const SUBJECTS_BY_STAGE = {
  preschool: nfc([
    "phát triển ngôn ngữ",
    "làm quen với toán",
    "giáo dục kỹ năng sống",
    "vận động",
    "tạo hình",
  ]),
  primary: nfc(["Tiếng Việt", "Toán", "Tự nhiên và Xã hội", "Đạo đức", "Tiếng Anh", "Tin học"]),
  secondary: nfc([
    "Ngữ văn",
    "Toán",
    "Khoa học tự nhiên",
    "Lịch sử và Địa lý",
    "Tiếng Anh",
    "Tin học",
    "Giáo dục công dân",
    "Vật lý",
    "Hóa học",
    "Sinh học",
    "Giáo dục thể chất",
  ]),
};
export type Stage = keyof typeof SUBJECTS_BY_STAGE;

const INITIATIVE_TEMPLATES = nfc([
  "Một số biện pháp nâng cao chất lượng dạy học môn {subject}",
  "Ứng dụng công nghệ thông tin trong dạy học {subject}",
  "Giải pháp phát triển năng lực tự học {subject} cho học sinh",
  "Một số kinh nghiệm tổ chức hoạt động trải nghiệm gắn với {subject}",
  "Biện pháp bồi dưỡng học sinh năng khiếu {subject}",
  "Đổi mới kiểm tra, đánh giá theo định hướng phát triển năng lực trong {subject}",
]);
const PRESCHOOL_TEMPLATES = nfc([
  "Một số biện pháp {subject} cho trẻ mẫu giáo",
  "Xây dựng môi trường giáo dục lấy trẻ làm trung tâm qua hoạt động {subject}",
  "Kinh nghiệm tổ chức hoạt động {subject} cho trẻ 5–6 tuổi",
]);
const RESEARCH_TEMPLATES = nfc([
  "Nghiên cứu ứng dụng chuyển đổi số trong quản lý {subject}",
  "Đề tài: Thực trạng và giải pháp nâng cao chất lượng giáo dục {subject} tại địa phương",
]);

export function initiativeTitle(random: Random, stage: Stage, research: boolean): string {
  const subject = random.pick(SUBJECTS_BY_STAGE[stage]);
  const templates = research
    ? RESEARCH_TEMPLATES
    : stage === "preschool"
      ? PRESCHOOL_TEMPLATES
      : INITIATIVE_TEMPLATES;
  return random.pick(templates).replace("{subject}", subject);
}
