/**
 * A đột xuất case end to end against the emulator (issue "From proposal to public board", item 4):
 * the school's rows of "Thành tích đột xuất" → the forms of the table (GET /v1/years/{y}/ad-hoc) →
 * the simplified dossier (Luật 2022 Đ85: tờ trình + danh sách, read back with pdftotext) → the
 * workflow → the province's decision recorded and published through services/decisions.ts → the
 * unit's public board with the student and the coach. The decided case's clock stopped on time; the
 * other case, undecided past its target, is flagged in the summary and reminded through the log
 * channel once a day.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../../functions/src/domain/decision.js";
import { adHocDossierId } from "../../../functions/src/domain/document-ids.js";
import type { AdHocReport } from "../../../functions/src/services/ad-hoc.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { logChannel, sendReminders } from "../../../functions/src/services/reminders.js";
import { personId, seedDecisionProvince, UNITS, USERS, YEAR } from "../../fixtures/decisions.js";
import { sheetRows } from "../../fixtures/sheets/rows.js";
import { startTestApi, type TestApi } from "../../support/api.js";
import { renderGray } from "../../unit/documents/pdf-tools.js";

const school = UNITS.highSchool.id;
const coach = personId(school, "GV1");
const principalId = personId(school, "HT");
const dossierId = adHocDossierId(school, YEAR);
const thu = `${school}_student_nguyen-ngoc-minh-thu_2008-04-12_ky-thi-chon-hoc-sinh-gioi-quoc-gia-thpt-nam-2026_toan`;

const provinceDecision = {
  level: "TINH",
  number: 88,
  date: "2026-03-05",
  year: YEAR,
  issuer: { name: "Ủy ban nhân dân tỉnh Hòa Bình", abbreviation: "UBND", place: "Hòa Bình" },
  issuerTitle: "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình",
  signer: { capacity: "KT. CHỦ TỊCH", title: "Phó Chủ tịch", name: "Đinh Công Sứ" },
  advisor: "Giám đốc Sở Nội vụ",
  fundSource: "quỹ thi đua, khen thưởng của tỉnh",
  executors: ["Giám đốc Sở Giáo dục và Đào tạo", "Hiệu trưởng Trường THPT Lê Quý Đôn"],
  dossierIds: [dossierId],
  proposals: [
    { dossierId, subjectId: thu, target: "BK_CT_UBND_TINH" },
    { dossierId, subjectId: coach, target: "BK_CT_UBND_TINH" },
  ],
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await seedDecisionProvince(api.db);
  await Promise.all([
    api.db.doc(`years/${YEAR}`).set({ year: YEAR, legalBasisVersion: "2025-07" }),
    api.db.doc(`people/${principalId}`).set({
      id: principalId,
      unitId: school,
      fullName: "Hoàng Văn Hiệu",
      gender: "M",
      birthDate: "1972-05-02",
      position: "Hiệu trưởng",
    }),
    api.db.doc(`people/${coach}`).set({ birthDate: "1984-10-20" }, { merge: true }),
  ]);
});
afterAll(() => api.close());

const post = (path: string, as: string, body?: unknown) =>
  api.fetch(path, { method: "POST", as, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", join(api.config.filesDir, file), "-"], { encoding: "utf8" });

describe("a đột xuất case from the sheet to the public board", { timeout: 180_000 }, () => {
  let documents: { type: string; file: string; number?: string }[] = [];

  it("stores the school's rows of Thành tích đột xuất", async () => {
    const result = await ingestTab(
      api.db,
      USERS.highSchoolPrincipal,
      "dot-xuat",
      {
        unit: school,
        year: YEAR,
        source: { spreadsheetId: "sheet-1", sheet: "Thành tích đột xuất", revision: 1 },
        rows: sheetRows("dot-xuat", [
          {
            role: "Học sinh",
            fullName: "Nguyễn Ngọc Minh Thư",
            birthDate: "12/04/2008",
            className: "12A1",
            contest: "Kỳ thi chọn học sinh giỏi quốc gia THPT năm 2026",
            contestLevel: "Quốc gia",
            subject: "Toán",
            prize: "Giải Nhất",
            decisionNo: "312/QĐ-BGDĐT",
            decisionDate: "10/02/2026",
            coachIds: coach,
          },
          {
            role: "Học sinh",
            fullName: "Trần Đức Huy",
            birthDate: "30/09/2008",
            className: "12A2",
            contest: "Cuộc thi Khoa học kỹ thuật cấp quốc gia",
            contestLevel: "Quốc gia",
            subject: "Khoa học kỹ thuật",
            prize: "Giải Ba",
            decisionNo: "845/QĐ-BGDĐT",
            decisionDate: "20/03/2026",
          },
        ]),
      },
      { requestId: "ingest-1", maxRows: 100 },
    );
    expect(result.body).toMatchObject({ accepted: 2, rejected: 0 });
    expect((await api.db.doc(`years/${YEAR}/achievements/${thu}`).get()).get("coachIds")).toEqual([coach]);
  });

  it("proposes the student, her coach and the principal by the table, each line with its rule", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/ad-hoc`, { as: USERS.highSchoolPrincipal.email });
    expect(response.status).toBe(200);
    const report = (await response.json()) as AdHocReport;
    expect(report.units.map((unit) => unit.unit.id)).toEqual([school]);
    const lines = report.units[0]?.lines.map((line) => `${line.subjectId}:${line.target}:${line.ruleId}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${thu}:BK_CT_UBND_TINH:AD-HS-10`,
        `${thu}:BK_BO_TRUONG_GDDT:AD-HS-10`,
        `${coach}:BK_CT_UBND_TINH:AD-GV-04`,
        `${principalId}:GK_GD_SO:AD-QL-04`,
      ]),
    );
    expect(report.units[0]?.proposals.every((proposal) => proposal.kind === "DOT_XUAT")).toBe(true);
  });

  it("builds the simplified dossier: tờ trình citing Đ85 and the lists, no biên bản, no báo cáo", async () => {
    const response = await post(
      `/v1/units/${school}/years/${YEAR}/ad-hoc/dossier`,
      USERS.highSchoolPrincipal.email,
      { date: "2026-02-20", signer: { title: "Hiệu trưởng", name: "Hoàng Văn Hiệu" } },
    );
    expect(response.status).toBe(201);
    const built = (await response.json()) as { id: string; documents: typeof documents };
    expect(built.id).toBe(dossierId);
    documents = built.documents;
    const types = documents.map((document) => document.type);
    expect(types.filter((type) => type === "to-trinh").length).toBeGreaterThanOrEqual(2);
    expect(types).toContain("danh-sach-student");
    expect(types).toContain("danh-sach-individual");
    for (const absent of ["bien-ban-hop", "bien-ban-kiem-phieu", "phieu-bau", "so-theo-doi"])
      expect(types).not.toContain(absent);

    const toTrinh = documents
      .filter((document) => document.type === "to-trinh")
      .map((document) => pdfText(document.file).replace(/\s+/gu, " "));
    expect(toTrinh.every((text) => text.includes("Điều 85 Luật Thi đua, khen thưởng"))).toBe(true);
    expect(toTrinh.every((text) => text.includes("đột xuất năm học 2025-2026 (thủ tục đơn giản)"))).toBe(
      true,
    );
    expect(
      toTrinh.some((text) => text.includes("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 3 cá nhân")),
    ).toBe(true);
    expect(toTrinh.join(" ")).not.toMatch(/biên bản họp|báo cáo thành tích/iu);
    const students = documents
      .filter((document) => document.type === "danh-sach-student")
      .map((document) => pdfText(document.file).replace(/\s+/gu, " "))
      .join(" ");
    expect(students).toContain("Nguyễn Ngọc Minh Thư");
    expect(students).toContain("312/QĐ-BGDĐT");
    expect(students).toContain("Nguyễn Thị Minh Anh");
    // The students' list of the province's tờ trình, rendered (its page was looked at: header, the
    // "Kèm theo Tờ trình" line, one group per form, prize decisions and the coach).
    const list = documents.find((document) => document.type === "danh-sach-student");
    const page = renderGray(readFileSync(join(api.config.filesDir, list?.file ?? "")), 40);
    expect(page.width).toBeGreaterThan(page.height);
    expect(page.pixels.filter((value) => value < 128).length / page.pixels.length).toBeGreaterThan(0.01);
    const stored = (await api.db.doc(`dossiers/${dossierId}`).get()).data();
    expect(stored).toMatchObject({ procedure: "DON_GIAN", state: "DRAFT", unitId: school, year: YEAR });
    // The annual dossier of the school is another document, untouched.
    expect((await api.db.doc(`dossiers/${school}_${YEAR}`).get()).get("state")).toBe("APPROVED");
  });

  it("goes through the workflow, is decided by the province and published", async () => {
    const step = async (as: string, to: string) => {
      const response = await post(`/v1/dossiers/${dossierId}:transition`, as, { to });
      expect(response.status, to).toBe(200);
    };
    await step(USERS.highSchoolPrincipal.email, "SUBMITTED");
    await step(USERS.department.email, "UNDER_APPRAISAL");
    await step(USERS.department.email, "COUNCIL_REVIEW");
    await step(USERS.department.email, "APPROVED");

    const recorded = await post("/v1/decisions", USERS.department.email, provinceDecision);
    expect(recorded.status).toBe(201);
    const decision = (await recorded.json()) as Decision;
    expect(decision.subjects.map((subject) => [subject.name, subject.kind, subject.positionAndUnit])).toEqual(
      [
        ["Nguyễn Ngọc Minh Thư", "DOT_XUAT", "Học sinh lớp 12A1, Trường THPT Lê Quý Đôn"],
        ["Nguyễn Thị Minh Anh", "DOT_XUAT", "Tổ trưởng Tổ Toán - Tin, Trường THPT Lê Quý Đôn"],
      ],
    );
    const award = (await api.db.doc(`awards/${school}_${thu}_${YEAR}_BK_CT_UBND_TINH_DOT_XUAT`).get()).data();
    expect(award).toMatchObject({ kind: "DOT_XUAT", decisionId: decision.id, decisionDate: "2026-03-05" });

    const published = await post(`/v1/decisions/${decision.id}:publish`, USERS.department.email);
    expect(published.status).toBe(200);
    expect(((await published.json()) as Decision).state).toBe("PUBLISHED");
    expect((await api.db.doc(`dossiers/${dossierId}`).get()).get("state")).toBe("PUBLISHED");
  });

  it("puts the student and the coach on the unit's public board", async () => {
    const response = await api.fetch(`/v1/units/${school}/years/${YEAR}/board`, {
      as: USERS.highSchoolPrincipal.email,
    });
    expect(response.status).toBe(200);
    const { board } = (await response.json()) as {
      board: { groups: { code: string; lines: { name: string; position?: string }[] }[] };
    };
    const bk = board.groups.find((group) => group.code === "BK_CT_UBND_TINH");
    expect(bk?.lines).toEqual(
      expect.arrayContaining([
        { subjectKind: "individual", name: "Nguyễn Ngọc Minh Thư", position: "Học sinh lớp 12A1" },
        expect.objectContaining({ name: "Nguyễn Thị Minh Anh" }),
      ]),
    );
  });

  it("stops the decided case's clock on time and flags the other one overdue in the summary", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/ad-hoc?unit=${school}`, {
      as: USERS.department.email,
    });
    const report = (await response.json()) as AdHocReport;
    const cases = report.units[0]?.cases ?? [];
    expect(cases.find((item) => item.name === "Nguyễn Ngọc Minh Thư")).toMatchObject({
      decisionId: "TINH_2026-03-05_88",
      clock: {
        from: "2026-02-10",
        deadline: "2026-03-12",
        decidedOn: "2026-03-05",
        days: 23,
        state: "ON_TIME",
      },
    });
    // Run after April 2026: 20 March + 30 days has passed with no decision.
    expect(cases.find((item) => item.name === "Trần Đức Huy")?.clock).toMatchObject({
      deadline: "2026-04-19",
      state: "OVERDUE",
    });
    expect(report.units[0]?.overdue).toBe(1);

    const summary = await api.fetch(`/v1/units/${school}/years/${YEAR}/summary`, {
      as: USERS.highSchoolPrincipal.email,
    });
    const body = (await summary.json()) as {
      adHocOverdue: number;
      achievements: { fullName: string; clock: { state: string } | null }[];
    };
    expect(body.adHocOverdue).toBe(1);
    expect(body.achievements.map((item) => [item.fullName, item.clock?.state])).toEqual([
      ["Trần Đức Huy", "OVERDUE"],
      ["Nguyễn Ngọc Minh Thư", "ON_TIME"],
    ]);
  });

  it("reminds the unit and the Department of the overdue case through the log channel, once a day", async () => {
    const lines: string[] = [];
    const run = () =>
      sendReminders({
        db: api.db,
        year: YEAR,
        channel: logChannel((line) => lines.push(line)),
        at: new Date("2026-05-01T02:00:00Z"),
        actor: "job:reminders",
        requestId: "remind-1",
      });
    const first = await run();
    const overdue = first.reminders.filter((reminder) => reminder.kind === "AD_HOC_OVERDUE");
    expect(overdue).toEqual([
      expect.objectContaining({
        unitId: school,
        deadline: "2026-04-19",
        daysLeft: -12,
        outcome: "sent",
        recipients: 2,
      }),
    ]);
    expect(overdue[0]?.subject).toContain("1 trường hợp");
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ event: "reminder", unitId: school, kind: "AD_HOC_OVERDUE", recipients: 2 }),
    );
    const again = await run();
    expect(again.reminders.filter((reminder) => reminder.kind === "AD_HOC_OVERDUE")).toEqual([
      expect.objectContaining({ unitId: school, outcome: "already-sent" }),
    ]);
    expect(lines.filter((line) => line.includes("AD_HOC_OVERDUE"))).toHaveLength(1);
  });
});
