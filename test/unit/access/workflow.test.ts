import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOSSIER_STATES, type DossierState, type Role } from "../../../functions/src/domain/codes.js";
import {
  dossierStateLabels,
  roleLabels,
  workflowActionLabels,
  workflowActorLabels,
} from "../../../functions/src/domain/messages/index.js";
import {
  isRebuildable,
  judgeStep,
  nextStates,
  type StepParty,
  WORKFLOW,
  WORKFLOW_ACTORS,
  type WorkflowActor,
} from "../../../functions/src/domain/workflow.js";

/** docs/domain.md §13, written out independently of the table under test: "from action to actor [needs]". */
const SPEC = `
DRAFT SUBMIT SUBMITTED SCHOOL
RETURNED SUBMIT SUBMITTED SCHOOL
SUBMITTED RETURN RETURNED APPRAISER note
SUBMITTED ACCEPT UNDER_APPRAISAL APPRAISER
SUBMITTED SUSPEND SUSPENDED APPRAISER note
UNDER_APPRAISAL RETURN RETURNED APPRAISER note
UNDER_APPRAISAL SEND_TO_COUNCIL COUNCIL_REVIEW APPRAISER
UNDER_APPRAISAL SUSPEND SUSPENDED APPRAISER note
COUNCIL_REVIEW RETURN RETURNED APPRAISER note
COUNCIL_REVIEW APPROVE APPROVED APPRAISER
COUNCIL_REVIEW SUSPEND SUSPENDED APPRAISER note
APPROVED RECORD_DECISION DECISION_ISSUED DECIDER
APPROVED SUSPEND SUSPENDED APPRAISER note
DECISION_ISSUED PUBLISH PUBLISHED DECIDER
DECISION_ISSUED REVOKE REVOKED DECIDER note
PUBLISHED REVOKE REVOKED DECIDER note
SUSPENDED RESUME SUBMITTED APPRAISER suspender
SUSPENDED RESUME UNDER_APPRAISAL APPRAISER suspender
SUSPENDED RESUME COUNCIL_REVIEW APPRAISER suspender
SUSPENDED REVOKE REVOKED APPRAISER suspender note
`
  .trim()
  .split("\n")
  .map((line) => {
    const [from, action, to, actor, ...needs] = line.split(" ");
    return { from, action, to, actor, needs } as {
      from: DossierState;
      action: string;
      to: DossierState;
      actor: WorkflowActor;
      needs: string[];
    };
  });

const commune: StepParty = { level: "XA", unitId: "xa-an-thinh" };
const school: StepParty = { level: "SCHOOL", unitId: "thcs-nguyen-du" };
const partyOf = (actor: WorkflowActor) => (actor === "SCHOOL" ? school : commune);
/** The role each actor is played by in these cases: a principal, a commune's specialist. */
const roleOf = (actor: WorkflowActor): Role => (actor === "SCHOOL" ? "PRINCIPAL" : "COMMUNE_SPECIALIST");
const spec = (from: DossierState, to: DossierState) => SPEC.find((row) => row.from === from && row.to === to);

const everyStep = DOSSIER_STATES.flatMap((from) =>
  DOSSIER_STATES.flatMap((to) => WORKFLOW_ACTORS.map((actor) => [from, to, actor] as const)),
);

describe("the dossier workflow table", () => {
  it.each(everyStep)("%s → %s by %s", (from, to, actor) => {
    const row = spec(from, to);
    const verdict = judgeStep({
      from,
      to,
      actor,
      role: roleOf(actor),
      party: partyOf(actor),
      note: "Lý do",
      suspendedBy: commune,
    });
    if (row?.actor === actor) {
      expect(verdict).toMatchObject({ step: { from, action: row.action, to, actor } });
      return;
    }
    // The appraiser is told that the decider's steps are taken by the decision.
    const actorEverReaches = SPEC.some(
      (candidate) =>
        candidate.to === to &&
        (candidate.actor === actor || (actor === "APPRAISER" && candidate.actor === "DECIDER")),
    );
    if (row?.actor === "DECIDER" && actor === "APPRAISER")
      expect(verdict).toEqual({ refusal: { reason: "BY_DECISION", action: row.action } });
    else if (!actorEverReaches || row)
      expect(verdict).toEqual({ refusal: { reason: "NOT_THEIR_STEP", actor } });
    else
      expect(verdict).toEqual({
        refusal: { reason: "NOT_IN_WORKFLOW", allowed: SPEC.filter((r) => r.from === from).map((r) => r.to) },
      });
  });

  it("names the next states of each state", () => {
    for (const from of DOSSIER_STATES)
      expect(nextStates(from).sort()).toEqual(
        SPEC.filter((row) => row.from === from)
          .map((row) => row.to)
          .sort(),
      );
    expect(nextStates("REVOKED")).toEqual([]);
  });

  it("a school never moves its dossier past SUBMITTED", () => {
    for (const from of DOSSIER_STATES)
      for (const to of DOSSIER_STATES.filter((state) => state !== "SUBMITTED"))
        expect(judgeStep({ from, to, actor: "SCHOOL", role: "PRINCIPAL", party: school })).toHaveProperty(
          "refusal",
        );
  });

  it.each(SPEC.filter((row) => row.needs.includes("note")))(
    "$from → $to needs a reason",
    ({ from, to, actor }) => {
      const request = { from, to, actor, role: roleOf(actor), party: partyOf(actor), suspendedBy: commune };
      expect(judgeStep(request)).toEqual({ refusal: { reason: "NOTE_REQUIRED" } });
      expect(judgeStep({ ...request, note: "   " })).toEqual({ refusal: { reason: "NOTE_REQUIRED" } });
      expect(judgeStep({ ...request, note: "Hồ sơ thiếu biên bản" })).toHaveProperty("step");
    },
  );

  it.each(SPEC.filter((row) => !row.needs.includes("note")))(
    "$from → $to needs no reason",
    ({ from, to, actor }) => {
      expect(
        judgeStep({ from, to, actor, role: roleOf(actor), party: partyOf(actor), suspendedBy: commune }),
      ).toHaveProperty("step");
    },
  );

  it.each(SPEC.filter((row) => row.needs.includes("suspender")))(
    "$from → $to is taken only by the level that suspended",
    ({ from, to, actor }) => {
      const request = { from, to, actor, role: roleOf(actor), party: commune, note: "Đã xác minh xong" };
      const department: StepParty = { level: "SO", unitId: "so-gddt" };
      const otherCommune: StepParty = { level: "XA", unitId: "xa-quang-my" };
      expect(judgeStep({ ...request, suspendedBy: department })).toEqual({
        refusal: { reason: "NOT_SUSPENDER", suspendedBy: department },
      });
      expect(judgeStep({ ...request, suspendedBy: otherCommune })).toEqual({
        refusal: { reason: "NOT_SUSPENDER", suspendedBy: otherCommune },
      });
      expect(judgeStep({ ...request, suspendedBy: commune })).toHaveProperty("step");
      // The Department is one level, whichever unit its staff are filed under.
      expect(
        judgeStep({
          ...request,
          party: { level: "SO", unitId: "so-gddt" },
          suspendedBy: { level: "SO", unitId: "x" },
        }),
      ).toHaveProperty("step");
      // A suspension recorded before the history named levels: the appraiser lifts it.
      expect(judgeStep({ ...request, suspendedBy: undefined })).toHaveProperty("step");
    },
  );

  it("rebuilds only the dossiers the school still holds", () => {
    expect(DOSSIER_STATES.filter(isRebuildable)).toEqual(["DRAFT", "RETURNED"]);
  });

  it("each step is taken only by the roles of its row: a council member or a school's officer never appraises", () => {
    for (const row of WORKFLOW) {
      const request = {
        from: row.from,
        to: row.to,
        actor: row.actor,
        party: partyOf(row.actor),
        note: "Lý do",
      };
      for (const role of [
        "COUNCIL_MEMBER",
        ...(row.actor === "SCHOOL" ? [] : ["SCHOOL_OFFICER", "PRINCIPAL"]),
      ] as Role[])
        expect(judgeStep({ ...request, role })).toEqual({
          refusal: { reason: "NOT_THEIR_ROLE", roles: row.roles },
        });
      for (const role of row.roles) expect(judgeStep({ ...request, role })).toHaveProperty("step");
    }
  });
});

/** The README's copy of the table, between its markers; TDKT_UPDATE_DOCS=1 rewrites it. */
describe("the README prints the workflow table", () => {
  const START = "<!-- workflow-table:start -->";
  const END = "<!-- workflow-table:end -->";
  const conditionLabels: Record<string, string> = {
    NOTE_REQUIRED: "lý do bắt buộc (note)",
    SUSPENDER_ONLY: "chỉ cấp đã tạm dừng",
  };
  const table = [
    "| từ (from) | bước (action) | sang (to) | ai (actor) | vai trò (roles) | điều kiện |",
    "|---|---|---|---|---|---|",
    ...WORKFLOW.map((row) =>
      [
        `${row.from} — ${dossierStateLabels[row.from]}`,
        `\`${row.action}\` ${workflowActionLabels[row.action]}`,
        `${row.to} — ${dossierStateLabels[row.to]}`,
        workflowActorLabels[row.actor],
        row.roles.map((role) => roleLabels[role]).join(", "),
        [
          ...row.conditions.map((condition) => conditionLabels[condition] ?? condition),
          ...(row.actor === "DECIDER" ? ["bằng quyết định (/v1/decisions)"] : []),
        ].join("; ") || "—",
      ]
        .map((cell) => ` ${cell} `)
        .join("|")
        .replace(/^/, "|")
        .replace(/$/, "|"),
    ),
  ].join("\n");

  it("is the table of domain/workflow.ts, row for row", () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    const section = `${START}\n${table}\n${END}`;
    if (process.env.TDKT_UPDATE_DOCS === "1" && start >= 0 && end > start)
      writeFileSync("README.md", `${readme.slice(0, start)}${section}${readme.slice(end + END.length)}`);
    else expect(readme.slice(start, end + END.length)).toBe(section);
  });
});
