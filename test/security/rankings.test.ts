/**
 * Attacks on the ranking (GET /v1/years/{year}/rankings) and on the data it stands on: another
 * cluster's rows, a Department route asked by a school, odd cluster ids and years, a school scoring
 * itself through the Department's tabs. Each is refused with its status and code, and nothing in the
 * store changes.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { type RankingWorld, rankingUsers, rankingWorld, seedRankingWorld } from "../fixtures/ranking.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

let api: TestApi;
let world: RankingWorld;
beforeAll(async () => {
  world = rankingWorld(randomUUID().slice(0, 6));
  api = await startTestApi({ users: rankingUsers(world) });
  await seedRankingWorld(api.db, world);
}, 60_000);
afterAll(() => api.close());

/** What a refused request must leave as it was: the scores, the criteria, the audit log. */
async function storeState() {
  const ids = async (path: string) => (await api.db.collection(path).get()).docs.map((doc) => doc.id).sort();
  return {
    scores: await ids(`${COLLECTIONS.years}/${world.year}/${COLLECTIONS.scores}`),
    criteria: await ids(`${COLLECTIONS.years}/${world.year}/${COLLECTIONS.criteria}`),
    audit: (await api.db.collection(COLLECTIONS.audit).count().get()).data().count,
  };
}

async function expectRefused(request: Promise<Response>, status: number, code: string, field?: string) {
  const before = await storeState();
  const response = await request;
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  expect(await storeState()).toEqual(before);
}

const rankings = (as: string | undefined, query = "", year = world.year) =>
  api.fetch(`/v1/years/${year}/rankings${query}`, as === undefined ? {} : { as });

describe("attacks on the rankings", { timeout: 60_000 }, () => {
  it("attack: a school asks for another cụm's ranking", async () => {
    await expectRefused(
      rankings(world.users.womenOfficer, `?cluster=${world.clusterB}`),
      403,
      "PERMISSION_DENIED",
      "query.cluster",
    );
  });

  it("attack: a Department school's officer asks for a commune's cụm", async () => {
    await expectRefused(
      rankings(world.users.departmentSchoolOfficer, `?cluster=${world.clusterA}`),
      403,
      "PERMISSION_DENIED",
      "query.cluster",
    );
  });

  it("attack: a commune asks for the cụm of the Department's schools", async () => {
    await expectRefused(
      rankings(world.users.commune, `?cluster=${world.clusterB}`),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school repeats ?cluster= to smuggle in another cụm, and sees only its own row", async () => {
    const before = await storeState();
    const response = await rankings(
      world.users.womenOfficer,
      `?cluster=${world.clusterA}&cluster=${world.clusterB}`,
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const other of [world.men, world.unreported, world.department, world.clusterB])
      expect(body).not.toContain(other);
    expect(await storeState()).toEqual(before);
  });

  it.each([
    ["a path", `../${"cum-a"}`],
    ["a bidi override", `cum\u202Ea`],
    ["a Firestore-reserved name", "__cum__"],
    ["a decomposed (non-NFC) name", "Cụm".normalize("NFD")],
  ])("attack: a cluster id with %s", async (_, cluster) => {
    await expectRefused(
      rankings(world.users.department, `?cluster=${encodeURIComponent(cluster)}`),
      400,
      "INVALID_ARGUMENT",
      "query.cluster",
    );
  });

  it("attack: a year that is a path", async () => {
    await expectRefused(
      rankings(world.users.department, "", encodeURIComponent("../users")),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: no token, and a token of an unregistered address", async () => {
    await expectRefused(rankings(undefined), 401, "UNAUTHENTICATED");
    await expectRefused(rankings("la@example.org"), 403, "PERMISSION_DENIED");
  });

  it("attack: writing to the rankings route", async () => {
    const before = await storeState();
    const response = await api.fetch(`/v1/years/${world.year}/rankings`, {
      method: "POST",
      as: world.users.department,
      body: JSON.stringify({ clusters: [] }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school gives itself a manual score through the Department's tab", async () => {
    await expectRefused(
      api.fetch("/v1/sheets/cham-diem:ingest", {
        method: "POST",
        as: world.users.womenOfficer,
        body: JSON.stringify({
          unit: world.women,
          year: world.year,
          rows: [
            { row: 2, values: { "Mã đơn vị": world.women, "Mã nhóm tiêu chí": "thuong-truc", Điểm: 10 } },
          ],
        }),
      }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune rewrites the year's criteria to favour its schools", async () => {
    await expectRefused(
      api.fetch("/v1/sheets/tieu-chi:ingest", {
        method: "POST",
        as: world.users.commune,
        body: JSON.stringify({
          unit: world.commune,
          year: world.year,
          rows: [
            {
              row: 2,
              values: {
                "Mã nhóm tiêu chí": "thuong-truc",
                "Tên nhóm tiêu chí": "Thường trực",
                "Nguồn dữ liệu": "Thường trực chấm điểm",
                "Điểm tối đa": 1000,
              },
            },
          ],
        }),
      }),
      403,
      "PERMISSION_DENIED",
    );
  });
});
