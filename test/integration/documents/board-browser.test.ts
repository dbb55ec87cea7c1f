/**
 * The board's HTML page in a real headless Chromium (Debian's package, driven by playwright-core):
 * loaded from the API on 127.0.0.1, it makes no request but its own, shows the Vietnamese names
 * exactly, loads the embedded Tinos faces, and its screenshot is not blank. Chromium missing is a
 * failure, not a skip: .ci/run installs it.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BOARD_OFFICER,
  BOARD_UNIT,
  BOARD_USERS,
  BOARD_YEAR,
  INJECTED_NAME,
  seedBoardSchool,
} from "../../fixtures/board.js";
import { startTestApi, type TestApi } from "../../support/api.js";

const CHROMIUM = "/usr/bin/chromium";
const PAGE = `/v1/units/${BOARD_UNIT}/years/${BOARD_YEAR}/board.html`;

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} (apt-get install chromium; .ci/run does)`).toBe(true);
  api = await startTestApi({ users: BOARD_USERS });
  await seedBoardSchool(api.db);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe("the board's page in Chromium", () => {
  it("renders the Vietnamese names with the embedded fonts and asks for nothing else", async () => {
    const context = await browser.newContext({
      viewport: { width: 1000, height: 1100 },
      extraHTTPHeaders: { authorization: `Bearer ${api.devToken(BOARD_OFFICER)}` },
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) blocked.push(message.text());
    });

    const response = await page.goto(`${api.url}${PAGE}`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await page.evaluate("document.fonts.ready.then(() => undefined)");

    expect(requests).toEqual([`${api.url}${PAGE}`]);
    expect(blocked).toEqual([]);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what is checked
    const text = await page.innerText("body");
    for (const name of [
      "Nguyễn Thị Ánh Tuyết",
      "Đặng Quốc Hưng",
      "Trương Thị Mỹ Lệ",
      "Hồ Sỹ Khiêm",
      "Tổ trưởng tổ Khoa học tự nhiên",
      INJECTED_NAME,
    ])
      expect(text).toContain(name);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain(`Danh hiệu thi đua và hình thức khen thưởng năm học ${BOARD_YEAR}`);
    // The injected script stayed text: no element, no effect.
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.evaluate("document.documentElement.lang")).toBe("vi");
    // Run in the page (a string: the test's own types know no DOM).
    const fonts = await page.evaluate(
      "[...document.fonts].map((face) => ({ family: face.family, weight: face.weight, status: face.status }))",
    );
    expect(fonts).toEqual(
      expect.arrayContaining([
        { family: "Tinos", weight: "400", status: "loaded" },
        { family: "Tinos", weight: "700", status: "loaded" },
      ]),
    );
    expect(await page.evaluate(`document.fonts.check('16px "Tinos"', "Đặng Quốc Hưng")`)).toBe(true);

    const screenshot = await page.screenshot({ fullPage: true });
    mkdirSync(".local/board", { recursive: true });
    writeFileSync(".local/board/bang-cong-khai-html.png", screenshot);
    // The screenshot's pixels, read back by the browser itself: a white page with dark text.
    const inked = await page.evaluate(`(async () => {
      const image = new Image();
      image.src = "data:image/png;base64,${screenshot.toString("base64")}";
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context2d = canvas.getContext("2d");
      context2d.drawImage(image, 0, 0);
      const { data } = context2d.getImageData(0, 0, image.width, image.height);
      let dark = 0;
      for (let index = 0; index < data.length; index += 4)
        if (data[index] + data[index + 1] + data[index + 2] < 300) dark++;
      return dark / (data.length / 4);
    })()`);
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);
    await context.close();
  }, 60_000);
});
