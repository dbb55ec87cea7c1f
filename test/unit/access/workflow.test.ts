import { describe, expect, it } from "vitest";
import { DOSSIER_STATES, type DossierState } from "../../../functions/src/domain/codes.js";
import {
  isRebuildable,
  judgeStep,
  nextStates,
  type StepParty,
  WORKFLOW_ACTORS,
  type WorkflowActor,
} from "../../../functions/src/domain/workflow.js";

/** docs/domain.md §13, written out independently of the table under test: "from to actor [needs]". */
const SPEC = `
DRAFT SUBMITTED SCHOOL
RETURNED SUBMITTED SCHOOL
SUBMITTED RETURNED APPRAISER note
SUBMITTED UNDER_APPRAISAL APPRAISER
SUBMITTED SUSPENDED APPRAISER note
UNDER_APPRAISAL RETURNED APPRAISER note
UNDER_APPRAISAL COUNCIL_REVIEW APPRAISER
UNDER_APPRAISAL SUSPENDED APPRAISER note
COUNCIL_REVIEW RETURNED APPRAISER note
COUNCIL_REVIEW APPROVED APPRAISER
COUNCIL_REVIEW SUSPENDED APPRAISER note
APPROVED DECISION_ISSUED APPRAISER
APPROVED SUSPENDED APPRAISER note
DECISION_ISSUED PUBLISHED APPRAISER
DECISION_ISSUED REVOKED APPRAISER note
PUBLISHED REVOKED APPRAISER note
SUSPENDED SUBMITTED APPRAISER suspender
SUSPENDED UNDER_APPRAISAL APPRAISER suspender
SUSPENDED COUNCIL_REVIEW APPRAISER suspender
SUSPENDED REVOKED APPRAISER suspender note
`
  .trim()
  .split("\n")
  .map((line) => {
    const [from, to, actor, ...needs] = line.split(" ");
    return { from, to, actor, needs } as {
      from: DossierState;
      to: DossierState;
      actor: WorkflowActor;
      needs: string[];
    };
  });

const commune: StepParty = { level: "XA", unitId: "xa-an-thinh" };
const school: StepParty = { level: "SCHOOL", unitId: "thcs-nguyen-du" };
const partyOf = (actor: WorkflowActor) => (actor === "SCHOOL" ? school : commune);
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
      party: partyOf(actor),
      note: "Lý do",
      suspendedBy: commune,
    });
    if (row?.actor === actor) {
      expect(verdict).toMatchObject({ step: { from, to, actor } });
      return;
    }
    const actorEverReaches = SPEC.some((candidate) => candidate.to === to && candidate.actor === actor);
    if (!actorEverReaches || row) expect(verdict).toEqual({ refusal: { reason: "NOT_THEIR_STEP", actor } });
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
        expect(judgeStep({ from, to, actor: "SCHOOL", party: school })).toHaveProperty("refusal");
  });

  it.each(SPEC.filter((row) => row.needs.includes("note")))(
    "$from → $to needs a reason",
    ({ from, to, actor }) => {
      const request = { from, to, actor, party: partyOf(actor), suspendedBy: commune };
      expect(judgeStep(request)).toEqual({ refusal: { reason: "NOTE_REQUIRED" } });
      expect(judgeStep({ ...request, note: "   " })).toEqual({ refusal: { reason: "NOTE_REQUIRED" } });
      expect(judgeStep({ ...request, note: "Hồ sơ thiếu biên bản" })).toHaveProperty("step");
    },
  );

  it.each(SPEC.filter((row) => !row.needs.includes("note")))(
    "$from → $to needs no reason",
    ({ from, to, actor }) => {
      expect(judgeStep({ from, to, actor, party: partyOf(actor), suspendedBy: commune })).toHaveProperty(
        "step",
      );
    },
  );

  it.each(SPEC.filter((row) => row.needs.includes("suspender")))(
    "$from → $to is taken only by the level that suspended",
    ({ from, to, actor }) => {
      const request = { from, to, actor, party: commune, note: "Đã xác minh xong" };
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
});
