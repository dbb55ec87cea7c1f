/**
 * The public board over real sockets: the JSON (and its sheet rows), the PDF read with pdftotext
 * and rendered with pdftoppm, and the HTML page's text — from the awards ledger in the emulator.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicBoard } from "../../../functions/src/domain/public-board.js";
import type { BoardSheet } from "../../../functions/src/sheets/board.js";
import {
  BIRTH_DATES,
  BOARD_COMMUNE,
  BOARD_DEPARTMENT,
  BOARD_OFFICER,
  BOARD_UNIT,
  BOARD_USERS,
  BOARD_YEAR,
  FORMULA_NAME,
  INJECTED_NAME,
  seedBoardSchool,
} from "../../fixtures/board.js";
import { startTestApi, type TestApi } from "../../support/api.js";
import { firstOutOfOrder, pdfText, renderGray } from "../../unit/documents/pdf-tools.js";

const BOARD = `/v1/units/${BOARD_UNIT}/years/${BOARD_YEAR}/board`;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: BOARD_USERS });
  await seedBoardSchool(api.db);
});
afterAll(() => api.close());

describe("GET …/board", () => {
  it("lists the year's titles and forms of the unit's people and of the unit, revoked entries left out", async () => {
    const response = await api.fetch(BOARD, { as: BOARD_OFFICER });
    expect(response.status).toBe(200);
    const text = await response.text();
    const { board, sheet } = JSON.parse(text) as { board: PublicBoard; sheet: BoardSheet };
    expect(board.groups.map((group) => group.code)).toEqual(["LDTT", "CSTD_CS", "TTLDTT", "GK_CT_UBND_XA"]);
    const names = (code: string) => board.groups.find((g) => g.code === code)?.lines.map((l) => l.name);
    // Vietnamese order by given name; the former teacher keeps the year's title.
    expect(names("LDTT")).toEqual([
      FORMULA_NAME,
      INJECTED_NAME,
      "Phạm Văn Bị Thu Hồi",
      "Đặng Quốc Hưng",
      "Hồ Sỹ Khiêm",
      "Trương Thị Mỹ Lệ",
      "Nguyễn Thị Ánh Tuyết",
    ]);
    expect(names("CSTD_CS")).toEqual(["Đặng Quốc Hưng"]);
    expect(names("TTLDTT")).toEqual(["Trường THCS Hòa Bình"]);
    expect(board.groups.find((g) => g.code === "LDTT")?.lines[5]).toEqual({
      subjectKind: "individual",
      name: "Trương Thị Mỹ Lệ",
      position: "Giáo viên Ngữ văn",
    });
    // Nothing private, nothing of another school.
    for (const date of BIRTH_DATES) expect(text).not.toContain(date);
    expect(text).not.toMatch(/birth|rating|HTXS|Võ Thị Khác Trường/);
    expect(sheet.headers).toEqual(["STT", "Danh hiệu, hình thức", "Họ và tên / Tên tập thể", "Chức vụ"]);
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.rows[0]).toEqual([1, "Lao động tiên tiến", `'${FORMULA_NAME}`, "Giáo viên"]);
  });

  it("is the same board for the commune and the Department", async () => {
    const mine = (await (await api.fetch(BOARD, { as: BOARD_OFFICER })).json()) as { board: PublicBoard };
    for (const reader of [BOARD_COMMUNE, BOARD_DEPARTMENT]) {
      const response = await api.fetch(BOARD, { as: reader });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { board: PublicBoard }).board.groups).toEqual(mine.board.groups);
    }
  });
});

describe("GET …/board.pdf", () => {
  it("prints the board in the NĐ 30/2020 layout with names and positions only", async () => {
    const response = await api.fetch(`${BOARD}.pdf`, { as: BOARD_OFFICER });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(
      `bang-cong-khai-${BOARD_UNIT}-${BOARD_YEAR}.pdf`,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfText(pdf);
    expect(
      firstOutOfOrder(text, [
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG THCS HÒA BÌNH",
        "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày",
        "BẢNG CÔNG KHAI",
        `Danh hiệu thi đua và hình thức khen thưởng năm học ${BOARD_YEAR}`,
        "I. Lao động tiên tiến (7 cá nhân)",
        "Trương Thị Mỹ Lệ",
        "Giáo viên Ngữ văn",
        "II. Chiến sĩ thi đua cơ sở (1 cá nhân)",
        "Đặng Quốc Hưng",
        "III. Tập thể lao động tiên tiến (1 tập thể)",
        "IV. Giấy khen của Chủ tịch Ủy ban nhân dân xã (1 cá nhân)",
        "HIỆU TRƯỞNG",
        "Nguyễn Thị Ánh Tuyết",
      ]),
    ).toBeUndefined();
    expect(text).toContain('<script>alert("x")</script> Lê Văn Độc');
    for (const date of BIRTH_DATES) expect(text).not.toContain(date.split("-").reverse().join("/"));
    // Rendered and looked at: the page is not blank, and a copy is kept for the reader.
    const page = renderGray(pdf, 40);
    const dark = page.pixels.filter((value) => value < 128).length / page.pixels.length;
    expect(dark).toBeGreaterThan(0.01);
    mkdirSync(".local/board", { recursive: true });
    writeFileSync(join(".local/board", "bang-cong-khai.pdf"), pdf);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      ".local/board/bang-cong-khai.pdf",
      ".local/board/bang-cong-khai-pdf",
    ]);
  });
});

describe("GET …/board.html", () => {
  it("is one self-contained page: utf-8, lang vi, escaped text, no external address, a strict policy", async () => {
    const response = await api.fetch(`${BOARD}.html`, { as: BOARD_OFFICER });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lê Văn Độc");
    expect(html).not.toContain("<script");
    // The formula's URL is the only address in the page, and it is escaped text in a cell.
    const fontsLeftOut = html.replace(/;base64,[A-Za-z0-9+/=]+/g, ";base64,");
    const addresses = [...fontsLeftOut.matchAll(/(?:https?:)?\/\/[^\s"'<>&]+/g)].map((match) => match[0]);
    expect(addresses).toEqual(["http://evil.example"]);
    expect(html).toContain("<td>=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bấm&quot;)</td>");
    expect([...html.matchAll(/url\((?!data:)/g)]).toHaveLength(0);
    expect([...html.matchAll(/\b(?:src|href)="(?!data:)/g)]).toHaveLength(0);
    expect(html).toContain('font-family:"Tinos"');
    for (const date of BIRTH_DATES) expect(html).not.toContain(date);
  });
});
