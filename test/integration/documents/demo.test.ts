import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleProvince } from "../../../functions/sample/province.js";
import { demoCommand } from "../../../functions/src/cli/commands/demo.js";
import { emulatorHost } from "../../support/firestore.js";

const pdfsUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".pdf"))
    .map((name) => join(dir, name));

const pdfText = (file: string): string =>
  execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/gu, " ");

/** "Trường THPT Lê Quý Đôn" and the like, with perhaps the next capitalised word run on. */
const SCHOOL_NAME = /Trường (?:THPT|THCS|Tiểu học|Mầm non)(?: (?:số \d+|\p{Lu}\p{Ll}*))+/gu;

/** The names the sample inputs invented before the demo drew them from the seeded province. */
const FORMER_INVENTIONS = [
  "Phan Đình Phùng",
  "Nguyễn Thị Minh Anh",
  "Đặng Quốc Đạt",
  "Phạm Quốc Dũng",
  "Hoàng Văn Khánh",
  "Phan Thị Lan",
  "Lê Văn Hải",
  "Hoàng Gia Bảo",
];

describe("tdkt demo", () => {
  it("writes the sample school's and the Department's dossier sets", async () => {
    emulatorHost();
    const out = mkdtempSync(join(tmpdir(), "tdkt-demo-"));
    const lines: string[] = [];
    const code = await demoCommand.run(["--out", out], {
      stdout: (text) => lines.push(text),
      stderr: (text) => lines.push(text),
      readStdin: async () => "",
    });
    expect(code).toBe(0);
    const files = pdfsUnder(out);
    // The school's 9 dossier documents and 4 báo cáo/bản đăng ký; the Department's biên bản, tờ
    // trình, danh sách cá nhân and quyết định (its one Cờ thi đua candidate lacks its vote), and the
    // Biên bản kiểm tra of the showcase school's visit.
    expect(files.length).toBe(18);
    expect(
      files
        .filter((file) => file.includes("/so/"))
        .map((file) => file.replace(/.*\//, ""))
        .sort(),
    ).toEqual([
      "01-to-trinh.pdf",
      "02-bien-ban-hop-hoi-dong.pdf",
      "03-danh-sach-ca-nhan.pdf",
      "05-quyet-dinh.pdf",
      "bien-ban-kiem-tra-kt-01-2025-2026.pdf",
    ]);
    const province = sampleProvince();
    // A name the old inputs invented may since be one the generator draws for a real person.
    const provinceNames = new Set(province.people.map((person) => person.fullName));
    const unitNames = province.units.map((unit) => unit.name);
    const isProvinceUnit = (name: string) =>
      unitNames.some((unit) => name === unit || name.startsWith(`${unit} `));
    const named = new Set<string>();
    for (const file of files) {
      const text = pdfText(file);
      expect(text, file).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      // One sample world: every school a document names is a unit of the seeded province.
      for (const [school] of text.matchAll(SCHOOL_NAME)) {
        expect(isProvinceUnit(school), `${file}: ${school}`).toBe(true);
        named.add(unitNames.find((unit) => school.startsWith(unit)) ?? school);
      }
      for (const invented of FORMER_INVENTIONS.filter((name) => !provinceNames.has(name)))
        expect(text, file).not.toContain(invented);
    }
    // The showcase school's set and the Department's (whose units it manages) are both there.
    expect([...named].sort()).toEqual(["Trường THCS Nguyễn Du", "Trường THPT Lê Quý Đôn"]);
    const schoolFiles = files.filter((file) => /\/truong\/(bao-cao|dang-ky)/.test(file));
    expect(schoolFiles.length).toBe(4);
    const showcaseStaff = province.people.filter((person) => person.unitId === "thcs-nguyen-du");
    for (const file of schoolFiles) {
      // Its báo cáo and bản đăng ký are signed and written by its own stored people.
      const text = pdfText(file);
      expect(text, file).toContain("Trường THCS Nguyễn Du");
      expect(
        showcaseStaff.some((person) => text.includes(person.fullName)),
        file,
      ).toBe(true);
    }
    expect(files.some((file) => file.includes("quyet-dinh"))).toBe(true);
    // The showcase school's doubtful proposals are judged and left out, each with its failed rule.
    const output = lines.join("");
    expect(output).toMatch(/Không đưa vào tờ trình: .+ — Lao động tiên tiến \(không đạt: .*LDTT-01/);
    expect(output).toMatch(/Không đưa vào tờ trình: .+ — Chiến sĩ thi đua cơ sở \(không đạt: CSCS-04\)/);
    // The Department's set is the whole year-end aggregation of the seeded province now.
  }, 400_000);

  it("asks for --out", async () => {
    const errors: string[] = [];
    const code = await demoCommand.run([], {
      stdout: () => {},
      stderr: (text) => errors.push(text),
      readStdin: async () => "",
    });
    expect(code).toBe(2);
    expect(errors.join("")).toContain("tdkt demo --out");
  });
});
