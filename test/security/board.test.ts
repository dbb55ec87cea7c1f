/**
 * Attacks on the public board (GET …/board, .pdf, .html): another school or commune reading a
 * board that is not theirs, odd ids and years, a write to a read route, and a name that carries
 * markup into the page a school posts on its portal. Each asserts the status and error code, and
 * that the store did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import {
  BOARD_OFFICER,
  BOARD_UNIT,
  BOARD_USERS,
  BOARD_YEAR,
  INJECTED_NAME,
  OTHER_OFFICER,
  seedBoardSchool,
} from "../fixtures/board.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const OTHER_COMMUNE = "vhxh@xa-quangtrung.example.org";
const COUNCIL = "hoidong@hoabinh.example.org";
const board = (unit = BOARD_UNIT, year = BOARD_YEAR, form = "") =>
  `/v1/units/${unit}/years/${year}/board${form}`;

let api: TestApi;
let before: string;
const storeContents = async (): Promise<string> => {
  const collections = [COLLECTIONS.units, COLLECTIONS.people, COLLECTIONS.awards, COLLECTIONS.audit];
  const snapshots = await Promise.all(collections.map((name) => api.db.collection(name).get()));
  return JSON.stringify(snapshots.map((snapshot) => snapshot.docs.map((doc) => [doc.ref.path, doc.data()])));
};

beforeAll(async () => {
  api = await startTestApi({
    users: [
      ...BOARD_USERS,
      { email: OTHER_COMMUNE, role: "COMMUNE_SPECIALIST", unitId: "xa-quang-trung" },
      { email: COUNCIL, role: "COUNCIL_MEMBER", unitId: BOARD_UNIT },
    ],
  });
  await seedBoardSchool(api.db);
  before = await storeContents();
});
afterAll(() => api.close());

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await storeContents()).toBe(before);
}

describe("the public board", () => {
  for (const form of ["", ".pdf", ".html"])
    it(`attack: another school's officer reads a board${form} that is not theirs`, async () => {
      await expectRefused(
        await api.fetch(board(BOARD_UNIT, BOARD_YEAR, form), { as: OTHER_OFFICER }),
        403,
        "PERMISSION_DENIED",
      );
    });

  it("attack: another commune's specialist reads the board of a school it does not manage", async () => {
    await expectRefused(
      await api.fetch(board(BOARD_UNIT, BOARD_YEAR, ".html"), { as: OTHER_COMMUNE }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: no token, or a token of no known user", async () => {
    await expectRefused(await api.fetch(board(BOARD_UNIT, BOARD_YEAR, ".pdf")), 401, "UNAUTHENTICATED");
    await expectRefused(await api.fetch(board(), { as: "stranger@example.org" }), 403, "PERMISSION_DENIED");
  });

  it("attack: an officer asks for the board of a unit that does not exist", async () => {
    await expectRefused(await api.fetch(board("thcs-khong-co"), { as: BOARD_OFFICER }), 404, "NOT_FOUND");
  });

  for (const [label, unit] of [
    ["an encoded slash", `${BOARD_UNIT}%2F..%2Fthcs-quang-trung`],
    ["a right-to-left override", `${BOARD_UNIT}%E2%80%AE`],
    ["a lone surrogate", `${BOARD_UNIT}%ED%A0%80`],
    ["decomposed Unicode (NFD), to pass for another spelling of a name", "tho%CC%80a-bi%CC%80nh"],
  ] as const)
    it(`attack: the unit id carries ${label}`, async () => {
      await expectRefused(
        await api.fetch(board(unit, BOARD_YEAR, ".html"), { as: BOARD_OFFICER }),
        400,
        "INVALID_ARGUMENT",
        "path.unit",
      );
    });

  it("attack: a year that is not a school year", async () => {
    await expectRefused(
      await api.fetch(board(BOARD_UNIT, "2025-2027"), { as: BOARD_OFFICER }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: a POST to the read-only board", async () => {
    const response = await api.fetch(board(), {
      method: "POST",
      as: BOARD_OFFICER,
      body: JSON.stringify({ groups: [] }),
    });
    await expectRefused(response, 405, "METHOD_NOT_ALLOWED");
  });

  it("attack: another form of the board's path (board.js, board.html/x)", async () => {
    await expectRefused(
      await api.fetch(board(BOARD_UNIT, BOARD_YEAR, ".js"), { as: BOARD_OFFICER }),
      404,
      "NOT_FOUND",
    );
    await expectRefused(
      await api.fetch(board(BOARD_UNIT, BOARD_YEAR, ".html/x"), { as: BOARD_OFFICER }),
      404,
      "NOT_FOUND",
    );
  });

  it("attack: a name carrying <script> to run in the portal page", async () => {
    const response = await api.fetch(board(BOARD_UNIT, BOARD_YEAR, ".html"), { as: BOARD_OFFICER });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(INJECTED_NAME).toContain("<script>");
    expect(html).not.toMatch(/<script|<\/script/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lê Văn Độc");
    expect(await storeContents()).toBe(before);
  });

  it("a council member of the unit may read it (the board is public): not an attack that succeeds by mistake", async () => {
    const response = await api.fetch(board(), { as: COUNCIL });
    expect(response.status).toBe(200);
  });
});
