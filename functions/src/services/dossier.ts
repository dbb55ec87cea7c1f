/**
 * Builds a unit's dossier for a school year from stored data (DESIGN.md §6, §8): tờ trình, danh
 * sách trích ngang, biên bản họp, biên bản kiểm phiếu, phiếu bầu, sổ theo dõi. Data not stored
 * (the meeting's details, the signer) comes as explicit input. Every document is rendered once
 * with a provisional number to surface missing data before any number is taken, so a refused
 * dossier never leaves a gap in the numbering; then numbers are allocated and the files stored,
 * their sha256 recorded in dossiers/{unit}_{year}. A dossier is (re)built only while the school
 * holds it (DRAFT, RETURNED), and a repeated request with the same Idempotency-Key gets the first
 * build's answer instead of a second set of numbers.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Firestore, Query } from "@google-cloud/firestore";
import { z } from "zod";
import { renderBienBanHop, renderBienBanKiemPhieu, renderPhieuBau } from "../documents/bien-ban.js";
import { type DanhSachInput, renderDanhSach } from "../documents/danh-sach.js";
import { Agency, Signer } from "../documents/inputs.js";
import type { RenderOptions } from "../documents/layout.js";
import { renderSoTheoDoi } from "../documents/so-theo-doi.js";
import { renderToTrinh } from "../documents/to-trinh.js";
import { isHigherLevel, managingLevelOf, proposalChannelOf } from "../domain/authority.js";
import type { AwardCode, DossierState, Gender, Rating, SubjectKind, Target } from "../domain/codes.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError } from "../domain/errors.js";
import {
  awardCodeLabels,
  deciderThrough,
  documentKindText,
  documentMessages,
  dossierStateLabels,
  eligibilityServiceMessages,
  higherDeciderTitles,
  httpMessages,
  managingDeciderTitle,
  workflowMessages,
} from "../domain/messages/index.js";
import type { DossierDocument } from "../domain/model.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear, schoolYearStarting, schoolYearsBetween, startYearOf } from "../domain/school-year.js";
import { formatDateVi } from "../domain/text.js";
import { isRebuildable, rebuildableStates } from "../domain/workflow.js";
import { allocateDocumentNumber } from "../store/counters.js";
import { COLLECTIONS } from "../store/firestore.js";
import { fingerprintOf, withIdempotency } from "../store/idempotency.js";
import { updateDocument } from "../store/writes.js";
import { loadYearConfig } from "../store/years.js";
import type { FileStore } from "./files.js";
import { evaluateUnitProposals } from "./unit-eligibility.js";

const text = z.string().trim().min(1);

/** What the caller supplies beyond the stored data (POST body of the route, flags of the CLI). */
export const DossierOptions = z.object({
  /** Date of the tờ trình (and of the dossier's legal basis). */
  date: IsoDate,
  signer: Signer.optional(),
  recipients: z.array(text).optional(),
  decider: text.optional(),
  extraBases: z.array(text).default([]),
  meeting: z
    .object({
      date: IsoDate,
      startTime: z.string(),
      endTime: z.string(),
      location: text,
      /** Council size; by default the one stored with the votes. */
      members: z.number().int().positive().optional(),
      present: z.number().int().nonnegative(),
      absentees: z.array(text).default([]),
      chair: z.object({ name: text, title: text }),
      secretary: z.object({ name: text, title: text }),
    })
    .optional(),
  tellers: z.object({ head: text, members: z.array(text).min(1) }).optional(),
  /** Years of the sổ theo dõi ending with the dossier's year. */
  registerYears: z.union([z.literal(5), z.literal(10)]).default(5),
  /**
   * Proposals the engine judges ineligible are left out of the tờ trình and lists (and reported);
   * a unit that disagrees with a verdict may keep them, and answers for it.
   */
  includeIneligible: z.boolean().default(false),
});
export type DossierOptions = z.input<typeof DossierOptions>;

export interface BuildDossierRequest {
  db: Firestore;
  unitId: string;
  year: string;
  options: DossierOptions;
  files: FileStore;
  actor: string;
  /** The request behind the build, for the audit log. */
  requestId?: string;
  /** Idempotency-Key of the request: a repeat returns the first build's answer, numbers and all. */
  idempotencyKey?: string | undefined;
  render?: RenderOptions;
}

export interface BuiltDossier {
  id: string;
  legalBasisVersion: string;
  /** Each file as the file store names it (relative to its folder, or a Drive id), never a server path. */
  documents: DossierDocument[];
  /** Proposals left out because the law's conditions are not met, with the failed rules. */
  excluded: { subjectId: string; name: string; target: string; failed: string[] }[];
}

type Stored = Record<string, unknown> & { id: string };

/** How far back the danh sách's "danh hiệu, hình thức đã được tặng" column looks. */
const PRIOR_AWARD_YEARS = 5;
const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

const PRIZE_LABELS: Record<string, string> = {
  NHAT: "Giải Nhất",
  NHI: "Giải Nhì",
  BA: "Giải Ba",
  KK: "Giải Khuyến khích",
  HCV: "Huy chương Vàng",
  HCB: "Huy chương Bạc",
  HCD: "Huy chương Đồng",
};

interface Planned {
  type: string;
  file: string;
  /** Ký hiệu of a numbered document ("TTr", "BB"); the number is allocated after the dry run. */
  numbered?: string;
  /** Tờ trình only: the decider whose proposal this is; its lists cite its number. */
  channel?: string;
  render: (number: number) => Promise<Buffer>;
}

/** Refuses (CONFLICT) a build over a dossier the school no longer holds: its documents are under review or decided. */
function requireRebuildable(stored: Record<string, unknown> | undefined): void {
  const state = (stored?.state ?? "DRAFT") as DossierState;
  if (!isRebuildable(state))
    throw new AppError(
      "CONFLICT",
      workflowMessages.rebuildNotAllowed(
        dossierStateLabels[state] ?? String(state),
        rebuildableStates().map((allowed) => dossierStateLabels[allowed]),
      ),
    );
}

/** Document files of a channel other than the managing level's: "01-to-trinh.pdf" → "01-to-trinh-2.pdf". */
const channelFile = (file: string, index: number): string =>
  index === 0 ? file : file.replace(/\.pdf$/, `-${index + 1}.pdf`);

async function loadUnitData(db: Firestore, unitId: string, year: string, registerYears: number) {
  const unitSnapshot = await db.collection(COLLECTIONS.units).doc(unitId).get();
  if (!unitSnapshot.exists) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  const unit = { ...unitSnapshot.data(), id: unitId } as Stored;
  const list = async (query: Query) =>
    (await query.get()).docs
      .filter((doc) => doc.get("withdrawn") !== true)
      .map((doc) => ({ ...doc.data(), id: doc.id }) as Stored);
  const yearDoc = (y: string) => db.collection(COLLECTIONS.years).doc(y);
  const first = schoolYearStarting(startYearOf(year) - registerYears + 1);
  const registerYearList = schoolYearsBetween(first, year);
  const yearConfig = await loadYearConfig(db, year);
  const [people, proposals, votes, achievements, awards, initiatives, recordsByYear] = await Promise.all([
    list(db.collection(COLLECTIONS.people).where("unitId", "==", unitId)),
    list(yearDoc(year).collection(COLLECTIONS.proposals).where("unitId", "==", unitId)),
    list(yearDoc(year).collection(COLLECTIONS.votes).where("unitId", "==", unitId)),
    list(yearDoc(year).collection(COLLECTIONS.achievements).where("unitId", "==", unitId)),
    list(db.collection(COLLECTIONS.awards).where("unitId", "==", unitId)),
    list(db.collection(COLLECTIONS.initiatives).where("unitId", "==", unitId)),
    Promise.all(
      registerYearList.map((y) =>
        list(yearDoc(y).collection(COLLECTIONS.records).where("unitId", "==", unitId)),
      ),
    ),
  ]);
  return {
    unit,
    /** The Department's configuration of the year: its căn cứ (legalTexts) go into the tờ trình. */
    yearConfig,
    people,
    proposals,
    votes,
    achievements,
    awards,
    initiatives,
    records: recordsByYear.flat(),
    first,
  };
}

export async function buildDossier(request: BuildDossierRequest): Promise<BuiltDossier> {
  const { db, unitId, year } = request;
  if (!SchoolYear.safeParse(year).success)
    throw new AppError(
      "INVALID_ARGUMENT",
      eligibilityServiceMessages.invalidYear(year),
      undefined,
      "path.year",
    );
  const options = DossierOptions.parse(request.options);
  if (!request.idempotencyKey) return build(request, options);
  const stored = await withIdempotency(
    db,
    { key: request.idempotencyKey, scope: `dossier:${unitId}:${year}`, fingerprint: fingerprintOf(options) },
    () => build(request, options),
  );
  return stored.value;
}

async function build(
  request: BuildDossierRequest,
  options: z.output<typeof DossierOptions>,
): Promise<BuiltDossier> {
  const { db, unitId, year } = request;
  const id = `${unitId}_${year}`;
  const dossierPath = `${COLLECTIONS.dossiers}/${id}`;
  requireRebuildable((await db.doc(dossierPath).get()).data());
  const data = await loadUnitData(db, unitId, year, options.registerYears);
  const { unit, people } = data;
  if (data.proposals.length === 0 && data.achievements.length === 0)
    throw new AppError("MISSING_DATA", documentMessages.noProposals(unitId, year), {
      missing: ["proposals"],
    });

  const unitName = str(unit.name) ?? unitId;
  const issuer = Agency.parse({
    parentName: str(unit.managingBodyName),
    name: unitName,
    abbreviation: str(unit.abbreviation) ?? unitId,
    place: str(unit.place) ?? "",
  });
  const personById = new Map(people.map((person) => [person.id, person]));
  const nameOf = (subjectKind: string, subjectId: string): string =>
    subjectKind === "individual"
      ? (str(personById.get(subjectId)?.fullName) ?? subjectId)
      : subjectId === unitId
        ? unitName
        : subjectId;
  const recordOf = (subjectId: string, y = year) =>
    data.records.find((record) => record.subjectId === subjectId && record.year === y);
  const voteOf = (subjectId: string, target: string) =>
    data.votes.find((vote) => vote.subjectId === subjectId && vote.target === target);

  const verdicts = options.includeIneligible ? [] : (await evaluateUnitProposals(db, unitId, year)).results;
  const excluded = verdicts
    .filter((verdict) => verdict.status === "ineligible")
    .map((verdict) => ({
      subjectId: verdict.subjectId,
      name: verdict.subjectName,
      target: verdict.target,
      failed: verdict.failed,
    }));
  const isExcluded = (proposal: Stored) =>
    excluded.some((e) => e.subjectId === proposal.subjectId && e.target === proposal.target);
  const entries = data.proposals
    .filter((proposal) => !isExcluded(proposal))
    .map((proposal) => {
      const subjectKind = String(proposal.subjectKind) as SubjectKind;
      const subjectId = String(proposal.subjectId);
      return {
        code: String(proposal.target) as AwardCode,
        subjectKind,
        subjectId,
        name: nameOf(subjectKind, subjectId),
        summary: str(proposal.summary),
      };
    });
  const managing = str(unit.managingBodyName) ?? "";
  const authority = unit.managingAuthority === "UBND_XA" ? "UBND_XA" : "SO_GDDT";
  const managingLevel = managingLevelOf(authority);
  const decider = options.decider ?? managingDeciderTitle(managingLevel, managing);
  // The managing level's channel first (numbered first), then one per higher decider.
  const channelKeyOf = (code: AwardCode) => proposalChannelOf(code, authority);
  const channels = [...new Set([managingLevel, ...entries.map((entry) => channelKeyOf(entry.code))])]
    .map((key) => ({
      key,
      decider: isHigherLevel(key) ? deciderThrough(higherDeciderTitles[key], decider) : decider,
      entries: entries.filter((entry) => channelKeyOf(entry.code) === key),
    }))
    .filter((channel) => channel.entries.length > 0);
  const toTrinhNumbers = new Map<string, number>();
  const signer =
    options.signer ??
    (str(unit.principalName) ? { title: "Hiệu trưởng", name: String(unit.principalName) } : undefined);
  const members = Math.max(0, ...data.votes.map((vote) => num(vote.members) ?? 0));
  const votes = data.votes.map((vote) => ({
    name: nameOf("individual", String(vote.subjectId)),
    target: String(vote.target) as Target,
    issued: num(vote.issued),
    returned: num(vote.returned),
    valid: num(vote.valid),
    agree: num(vote.agree),
  }));
  const ballotType = data.votes.some((vote) => vote.ballotType === "GIO_TAY")
    ? ("GIO_TAY" as const)
    : ("KIN" as const);
  const meeting = options.meeting && {
    ...options.meeting,
    members: options.meeting.members ?? (members || undefined),
  };
  const bbNumber = (n: number) =>
    `${String(n).padStart(2, "0")}/${documentKindText.bienBanHop.code}-${issuer.abbreviation}`;

  // Stored data may lack what a document needs: the document's own schema then reports each
  // missing item (MISSING_DATA), hence inputs passed on unchecked here (`as never`).
  const plan: Planned[] = [];
  let meetingNumber = 0;
  if (entries.length > 0) {
    plan.push({
      type: "bien-ban-hop",
      file: "02-bien-ban-hop-hoi-dong.pdf",
      numbered: documentKindText.bienBanHop.code,
      render: (number) => {
        meetingNumber = number;
        return renderBienBanHop(
          {
            issuer,
            number,
            schoolYear: year,
            meeting: meeting as never,
            ballotType,
            votes: votes as never,
            entries,
          },
          request.render,
        );
      },
    });
    // One tờ trình per decider: the managing level's own titles, and each higher decider's forms
    // proposed through it (a Chủ tịch UBND xã cannot award a Bằng khen of the province).
    for (const [index, channel] of channels.entries()) {
      plan.push({
        type: "to-trinh",
        file: channelFile("01-to-trinh.pdf", index),
        numbered: documentKindText.toTrinh.code,
        channel: channel.key,
        render: (number) =>
          renderToTrinh(
            {
              issuer,
              number,
              date: options.date,
              schoolYear: year,
              recipients: options.recipients ?? [decider],
              decider: channel.decider,
              legalTexts: data.yearConfig?.legalTexts,
              extraBases: options.extraBases,
              councilMeeting: options.meeting
                ? { number: bbNumber(meetingNumber || 1), date: options.meeting.date }
                : undefined,
              entries: channel.entries,
              signer: signer as never,
            },
            request.render,
          ),
      });
    }
  }
  const priorAwardsFrom = schoolYearStarting(startYearOf(year) - PRIOR_AWARD_YEARS);
  const individualRows = entries
    .filter((entry) => entry.subjectKind === "individual")
    .map((entry) => {
      const person: Partial<Stored> = personById.get(entry.subjectId) ?? {};
      const vote = voteOf(entry.subjectId, entry.code);
      const agree = num(vote?.agree);
      const voteMembers = num(vote?.members);
      const prior = data.awards
        // The basis column cites the last five years' higher awards; LĐTT, held by most, would bury them.
        .filter(
          (award) =>
            award.subjectId === entry.subjectId &&
            String(award.year) < year &&
            String(award.year) >= priorAwardsFrom &&
            award.code !== "LDTT",
        )
        .map(
          (award) =>
            `${awardCodeLabels[award.code as AwardCode] ?? String(award.code)} ${String(award.year)}`,
        );
      const ownInitiatives = data.initiatives
        .filter(
          (item) =>
            item.year === year && Array.isArray(item.ownerIds) && item.ownerIds.includes(entry.subjectId),
        )
        .map(
          (item) =>
            `${String(item.title)}${str(item.decisionNo) ? ` (QĐ ${String(item.decisionNo)}${str(item.decisionDate) ? ` ngày ${formatDateVi(String(item.decisionDate))}` : ""})` : ""}`,
        );
      return {
        code: entry.code,
        fullName: entry.name,
        gender: person.gender as Gender,
        birthDate: str(person.birthDate),
        ethnicity: str(person.ethnicity),
        positionAndUnit: [str(person.position), unitName].filter(Boolean).join(", "),
        rating: recordOf(entry.subjectId)?.rating as Rating,
        initiatives: ownInitiatives.join("; ") || undefined,
        priorAwards: prior.join("; ") || undefined,
        achievements: entry.summary,
        vote:
          agree !== undefined && voteMembers
            ? `${agree}/${voteMembers} (${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format((100 * agree) / voteMembers)}%)`
            : undefined,
      };
    });
  /**
   * One list per kind and channel, each attached to its channel's tờ trình. Students' đột xuất
   * prizes go with the managing level's tờ trình, which carries the school's whole proposal.
   */
  const listOf = (kind: DanhSachInput["kind"], rows: { code?: unknown }[], file: string) => {
    const keyOf = (row: { code?: unknown }) =>
      kind === "student" || typeof row.code !== "string"
        ? managingLevel
        : channelKeyOf(row.code as AwardCode);
    for (const key of new Set(rows.map(keyOf))) {
      const index = Math.max(
        0,
        channels.findIndex((channel) => channel.key === key),
      );
      plan.push({
        type: `danh-sach-${kind}`,
        file: channelFile(file, index),
        render: () =>
          renderDanhSach(
            {
              kind,
              issuer,
              schoolYear: year,
              proposalRef: { number: toTrinhNumbers.get(key) ?? 1, date: options.date },
              signer,
              rows: rows.filter((row) => keyOf(row) === key),
            } as DanhSachInput,
            request.render,
          ),
      });
    }
  };
  listOf("individual", individualRows, "03-danh-sach-ca-nhan.pdf");
  listOf(
    "collective",
    entries
      .filter((entry) => entry.subjectKind === "collective")
      .map((entry) => {
        const memberIds = people
          .filter((person) => entry.subjectId === unitId || person.group === entry.name)
          .map((person) => person.id);
        const memberRecords = memberIds.map((id) => recordOf(id)).filter((record) => record !== undefined);
        const countRating = (rating: string) =>
          memberRecords.filter((record) => record.rating === rating).length;
        const holds = (code: string) =>
          memberIds.filter((id) => entries.some((other) => other.subjectId === id && other.code === code))
            .length;
        return {
          code: entry.code,
          name: entry.name,
          // The school itself answers to its managing body; its tổ answer to the school.
          parentUnit: entry.subjectId === unitId && managing ? managing : unitName,
          members: memberIds.length,
          ldttCount: holds("LDTT"),
          cstdcsCount: holds("CSTD_CS"),
          ratingBreakdown: ["HTXS", "HTT", "HT", "KHT"]
            .map((rating) => `${rating} ${countRating(rating)}`)
            .join(", "),
          rating: recordOf(entry.subjectId)?.rating,
          achievements: entry.summary,
        };
      }),
    "04-danh-sach-tap-the.pdf",
  );
  listOf(
    "student",
    data.achievements
      .filter((achievement) => achievement.role === "STUDENT")
      .map((achievement) => ({
        code: achievement.proposedForm,
        fullName: achievement.fullName,
        birthDate: str(achievement.birthDate),
        className: str(achievement.className),
        school: unitName,
        competition: achievement.contest,
        subject: achievement.subject,
        prize: PRIZE_LABELS[String(achievement.prize)] ?? achievement.prize,
        prizeDecision: str(achievement.decisionNo)
          ? `QĐ số ${String(achievement.decisionNo)}${str(achievement.decisionDate) ? ` ngày ${formatDateVi(String(achievement.decisionDate))}` : ""}`
          : undefined,
        supervisor:
          (Array.isArray(achievement.coachIds) ? achievement.coachIds : [])
            .map((id) => nameOf("individual", String(id)))
            .join(", ") || undefined,
      })),
    "05-danh-sach-hoc-sinh.pdf",
  );
  if (votes.length > 0) {
    plan.push({
      type: "bien-ban-kiem-phieu",
      file: "06-bien-ban-kiem-phieu.pdf",
      numbered: documentKindText.bienBanKiemPhieu.code,
      render: (number) =>
        renderBienBanKiemPhieu(
          {
            issuer,
            number,
            schoolYear: year,
            meeting: meeting as never,
            ballotType,
            votes: votes as never,
            tellers: options.tellers as never,
          },
          request.render,
        ),
    });
    plan.push({
      type: "phieu-bau",
      file: "07-phieu-bau.pdf",
      render: () =>
        renderPhieuBau(
          {
            issuer,
            schoolYear: year,
            candidates: votes.map((vote, index) => ({
              name: vote.name,
              target: vote.target,
              position: str(personById.get(String(data.votes[index]?.subjectId))?.position) ?? unitName,
            })),
          },
          request.render,
        ),
    });
  }
  plan.push({
    type: "so-theo-doi",
    file: "08-so-theo-doi.pdf",
    render: () =>
      renderSoTheoDoi(
        {
          issuer,
          date: options.date,
          period: { first: data.first, years: options.registerYears },
          people: people.map((person) => ({
            id: person.id,
            fullName: String(person.fullName),
            gender: person.gender as Gender,
            birthDate: str(person.birthDate),
            position: str(person.position),
          })),
          collectives: [{ id: unitId, name: unitName, memberIds: people.map((person) => person.id) }],
          records: data.records.map((record) => ({
            subjectId: String(record.subjectId),
            year: String(record.year),
            rating: record.rating as Rating,
            discipline: Array.isArray(record.discipline) ? (record.discipline as never[]) : [],
          })),
          awards: data.awards as never[],
          initiatives: data.initiatives as never[],
          signer: signer as never,
        },
        request.render,
      ),
  });

  // Dry run: every missing item of every document, before a single number is taken.
  const missing: string[] = [];
  for (const planned of plan) {
    await planned.render(1).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "MISSING_DATA") {
        const items = (error.details as { missing?: string[] } | undefined)?.missing ?? [];
        missing.push(...items.map((item) => `${planned.type}: ${item}`));
      } else throw error;
    });
  }
  if (missing.length > 0)
    throw new AppError("MISSING_DATA", documentMessages.missingData("hồ sơ", missing), { missing });

  const calendarYear = Number(options.date.slice(0, 4));
  // Each build has a folder of its own: files of the stored dossier are never overwritten by a build
  // that is then refused, so the recorded sha256 always matches.
  const folder = `${unitId}/${year}/${randomUUID().slice(0, 8)}`;
  const documents: DossierDocument[] = [];
  for (const planned of plan) {
    const number = planned.numbered
      ? await allocateDocumentNumber(db, { issuerId: unitId, year: calendarYear, type: planned.numbered })
      : 0;
    if (planned.channel !== undefined) toTrinhNumbers.set(planned.channel, number);
    const bytes = await planned.render(number || 1);
    const location = await request.files.put(`${folder}/${planned.file}`, bytes, "application/pdf");
    documents.push({
      type: planned.type,
      ...(planned.numbered
        ? { number: `${String(number).padStart(2, "0")}/${planned.numbered}-${issuer.abbreviation}` }
        : {}),
      file: location,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
    });
  }

  const legalBasisVersion = legalBasisVersionOn(options.date);
  // The record keeps its workflow state and history across rebuilds; the change goes to the audit log.
  // The state is checked again in the write's transaction: a step taken during the build wins.
  await updateDocument<Record<string, unknown>>(
    db,
    dossierPath,
    (existing) => {
      requireRebuildable(existing);
      return {
        ...existing,
        id,
        unitId,
        year,
        state: existing?.state ?? "DRAFT",
        legalBasisVersion,
        documents,
        history: existing?.history ?? [
          { from: null, to: "DRAFT", actor: request.actor, at: new Date().toISOString(), legalBasisVersion },
        ],
      };
    },
    { actor: request.actor, requestId: request.requestId ?? `dossier:${id}` },
  );
  return { id, legalBasisVersion, documents, excluded };
}
