/**
 * Use case "build the Department's dossier of the year" (docs/design.md §5.4): from the year's
 * consolidation (domain/consolidation.ts), what the Department carries — the eligible proposals of
 * the units it manages that the Giám đốc decides or proposes upwards — becomes its set of documents:
 * the biên bản of its council with the council's votes on what it forwards (stored as votes of the Department's unit,
 * tab "Biểu quyết Hội đồng Sở"), one tờ trình to the Chủ tịch UBND tỉnh and one per higher decider
 * through the Chủ tịch UBND tỉnh (Luật Đ83 k2, k4), each with its danh sách cá nhân and tập thể, and
 * the Giám đốc's own quyết định for what the Department decides. Stored as dossiers/{unit}_{year} of
 * the Department's unit. A rebuild keeps the numbers the dossier holds and renders reproducibly
 * (fixed creation date), so the same consolidated input gives the same documents and no new number.
 */
import { createHash } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { type DanhSachInput, renderDanhSach } from "../documents/danh-sach.js";
import type { Draft } from "../documents/inputs.js";
import type { RenderOptions } from "../documents/layout.js";
import { renderQuyetDinh } from "../documents/quyet-dinh.js";
import { renderToTrinh } from "../documents/to-trinh.js";
import { managingLevelOfUnit } from "../domain/access.js";
import { type DecidingLevel, HIGHER_LEVELS, type HigherLevel, isHigherLevel } from "../domain/authority.js";
import {
  type ConsolidatedLine,
  type Consolidation,
  consolidatedLists,
  type LeftOutLine,
} from "../domain/consolidation.js";
import type { Dossier, DossierDocument } from "../domain/dossier.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError } from "../domain/errors.js";
import {
  deciderThrough,
  documentKindText,
  documentMessages,
  documentText,
  higherDeciderTitles,
  managingDeciderTitle,
} from "../domain/messages/index.js";
import type { CouncilVote, YearConfig } from "../domain/model.js";
import { allocateDocumentNumber } from "../store/counters.js";
import { COLLECTIONS } from "../store/firestore.js";
import { dossierNumbersOf, dossierStateOf, unitYearDocuments } from "../store/readers.js";
import { updateDocument } from "../store/writes.js";
import { loadYearConfig } from "../store/years.js";
import { latestConsolidation } from "./aggregate/stored.js";
import { requireComplete, requireRebuildable, requireSchoolYear } from "./dossier/build.js";
import { type Channel, channelFile, type DossierEntry } from "./dossier/channels.js";
import { type DossierContext, dossierContext } from "./dossier/context.js";
import { loadDossierData } from "./dossier/load.js";
import { NumberBook, numberingYearOf } from "./dossier/numbering.js";
import { type ParsedDepartmentDossierOptions, parseDepartmentDossierOptions } from "./dossier/options.js";
import { type ListCommon, meetingMinutes, type PlannedDocument } from "./dossier/plan.js";
import { type CollectiveRow, collectiveRows, type IndividualRow, individualRows } from "./dossier/rows.js";
import { ballotTypeOf, meetingOf, voteLines } from "./dossier/votes.js";
import type { FileStore } from "./files.js";
import { consolidateStoredYear } from "./year-consolidation.js";

export interface DepartmentDossierRequest {
  /** The Department's unit: its council's votes, its dossier record, its document numbers. */
  departmentUnitId: string;
  /** The caller's DepartmentDossierOptions, checked here (a fault names its field as `body.<path>`). */
  options: unknown;
  files: FileStore;
  actor: string;
  requestId?: string;
  render?: RenderOptions;
}

export interface BuiltDepartmentDossier {
  id: string;
  legalBasisVersion: string;
  documents: DossierDocument[];
  /** The proposals the dossier carries, in consolidation order. */
  included: ConsolidatedLine[];
  /** The Department-managed units' proposals the consolidation left out, with their failed rules. */
  excluded: LeftOutLine[];
}

/** What the Department carries: its own decisions and everything decided above it. */
const DEPARTMENT_DECIDERS: ReadonlySet<DecidingLevel> = new Set(["SO", "TINH", "BO", "TTG", "CTN"]);
const MEETING_REF = "bien-ban-hop";
const DECISION_REF = "quyet-dinh";
const toTrinhRef = (level: HigherLevel): string => `to-trinh:${level}`;
const REGISTER_YEARS = 5;

const lineKey = (line: { subjectId: string; target: string }): string =>
  `${line.subjectId}\u0000${line.target}`;

export async function buildDepartmentDossier(
  db: Firestore,
  year: string,
  consolidated: Consolidation,
  request: DepartmentDossierRequest,
): Promise<BuiltDepartmentDossier> {
  const options = parseDepartmentDossierOptions(request.options);
  requireSchoolYear(year);
  if (consolidated.year !== year)
    throw new AppError(
      "INVALID_ARGUMENT",
      documentMessages.consolidationOfYear(year, consolidated.year),
      undefined,
      "path.year",
    );
  const lists = consolidatedLists(consolidated).filter(
    (list) => list.managingLevel === "SO" && DEPARTMENT_DECIDERS.has(list.decider),
  );
  const included = lists.flatMap((list) => list.groups.flatMap((group) => group.lines));
  if (included.length === 0)
    // The year has nothing the Department carries: the error is about the year asked for.
    throw new AppError(
      "MISSING_DATA",
      documentMessages.noDepartmentProposals(year),
      { missing: ["proposals"] },
      "path.year",
    );
  const excluded = consolidated.excluded.filter((left) => left.managingLevel === "SO");

  const { departmentUnitId } = request;
  const id = `${departmentUnitId}_${year}`;
  requireRebuildable(await dossierStateOf(db, id));
  const material = await loadMaterial(db, year, departmentUnitId, included, options);
  const plan = planDepartmentDossier(material, options, {
    ...request.render,
    creationDate: request.render?.creationDate ?? new Date(`${options.date}T00:00:00Z`),
  });
  await requireComplete(plan, options.issuer.abbreviation);

  const numbers = { ...(await dossierNumbersOf(db, id)) };
  const book = new NumberBook(options.issuer.abbreviation);
  const numberingYear = numberingYearOf(options.date);
  for (const planned of plan) {
    if (!planned.kindCode) continue;
    // Numbers run per calendar year: one held for another year's series is not this one's.
    const key = `${numberingYear}/${planned.ref}`;
    numbers[key] ??= await allocateDocumentNumber(db, {
      issuerId: departmentUnitId,
      year: numberingYear,
      type: planned.kindCode,
    });
    book.record(planned.ref, numbers[key] as number);
  }
  const rendered = await Promise.all(
    plan.map(async (planned) => ({ planned, bytes: await planned.render(book) })),
  );
  const hashes = rendered.map(({ bytes }) => createHash("sha256").update(bytes).digest("hex"));
  // The folder is named by the documents' content: a rebuild of the same input writes the same
  // files again, and a different one never overwrites the files the stored record describes.
  const folder = `${departmentUnitId}/${year}/${createHash("sha256").update(hashes.join()).digest("hex").slice(0, 8)}`;
  const documents: DossierDocument[] = [];
  for (const [index, { planned, bytes }] of rendered.entries())
    documents.push({
      type: planned.type,
      ...(planned.kindCode ? { number: book.formatted(planned.ref, planned.kindCode) } : {}),
      file: await request.files.put(`${folder}/${planned.file}`, bytes, "application/pdf"),
      sha256: hashes[index] as string,
      bytes: bytes.length,
    });

  const legalBasisVersion = legalBasisVersionOn(options.date);
  await updateDocument<Dossier>(
    db,
    `${COLLECTIONS.dossiers}/${id}`,
    (existing) => {
      requireRebuildable(existing?.state);
      return {
        ...existing,
        id,
        unitId: departmentUnitId,
        year,
        state: existing?.state ?? "DRAFT",
        legalBasisVersion,
        documents,
        numbers,
        history: existing?.history ?? [
          { from: null, to: "DRAFT", actor: request.actor, at: new Date().toISOString(), legalBasisVersion },
        ],
      };
    },
    { actor: request.actor, requestId: request.requestId ?? `department-dossier:${id}` },
  );
  return { id, legalBasisVersion, documents, included, excluded };
}

/**
 * The face of `tdkt dossier --department` and of the route: the consolidation of the year's latest
 * succeeded aggregation, else (no aggregation yet) the units the Department manages judged now.
 */
export async function buildDepartmentDossierFromStore(
  db: Firestore,
  year: string,
  request: DepartmentDossierRequest,
): Promise<BuiltDepartmentDossier> {
  // Faults of the request are told before the year's proposals are judged.
  parseDepartmentDossierOptions(request.options);
  requireSchoolYear(year);
  const consolidated =
    (await latestConsolidation(db, year))?.consolidation ??
    (await consolidateStoredYear(db, year, (unit) => managingLevelOfUnit(unit) === "SO"));
  return buildDepartmentDossier(db, year, consolidated, request);
}

/** The lines with the stored data behind them: each unit's context, with the Department's votes. */
interface Material {
  year: string;
  included: ConsolidatedLine[];
  legalTexts: YearConfig["legalTexts"];
  votes: CouncilVote[];
  /** Per line (by subject and target): its proposal line and its danh sách row. */
  entryOf: (line: ConsolidatedLine) => DossierEntry;
  individualRowOf: (line: ConsolidatedLine) => IndividualRow | undefined;
  collectiveRowOf: (line: ConsolidatedLine) => CollectiveRow | undefined;
  contexts: Map<string, DossierContext>;
}

async function loadMaterial(
  db: Firestore,
  year: string,
  departmentUnitId: string,
  included: ConsolidatedLine[],
  options: ParsedDepartmentDossierOptions,
): Promise<Material> {
  const keys = new Set(included.map(lineKey));
  // Only the votes on what the dossier carries: a vote on a proposal the consolidation left out
  // does not reach the biên bản.
  const [yearConfig, votes] = await Promise.all([
    loadYearConfig(db, year),
    unitYearDocuments(db, departmentUnitId, year, "votes").then((all) =>
      all.filter((vote) => keys.has(lineKey(vote))),
    ),
  ]);
  const unitIds = [...new Set(included.map((line) => line.unitId))];
  const contexts = new Map<string, DossierContext>();
  const entries = new Map<string, DossierEntry>();
  const individuals = new Map<string, IndividualRow>();
  const collectives = new Map<string, CollectiveRow>();
  const rowKey = (unitId: string, entry: { subjectId: string; code: string }) =>
    `${unitId}\u0000${lineKey({ subjectId: entry.subjectId, target: entry.code })}`;
  for (const unitId of unitIds) {
    const data = await loadDossierData(db, unitId, year, REGISTER_YEARS);
    const lines = included.filter((line) => line.unitId === unitId);
    const unitKeys = new Set(lines.map(lineKey));
    // The danh sách's vote column is the Department council's vote on the line.
    const context = dossierContext(
      year,
      { ...data, votes: votes.filter((vote) => unitKeys.has(lineKey(vote))) },
      options.signer,
    );
    contexts.set(unitId, context);
    const unitEntries: DossierEntry[] = lines.map((line) => ({
      code: line.target,
      subjectKind: line.subjectKind,
      subjectId: line.subjectId,
      name: line.name,
      summary:
        data.proposals.find(
          (proposal) => proposal.subjectId === line.subjectId && proposal.target === line.target,
        )?.summary || undefined,
    }));
    for (const entry of unitEntries) entries.set(rowKey(unitId, entry), entry);
    // Rows of the unit's whole share, so that a collective counts its members proposed alongside it.
    const unitIndividuals = unitEntries.filter((entry) => entry.subjectKind === "individual");
    individualRows(context, unitIndividuals).forEach((row, index) => {
      const entry = unitIndividuals[index];
      if (entry) individuals.set(rowKey(unitId, entry), row);
    });
    const unitCollectives = unitEntries.filter((entry) => entry.subjectKind === "collective");
    collectiveRows(context, unitEntries).forEach((row, index) => {
      const entry = unitCollectives[index];
      if (entry) collectives.set(rowKey(unitId, entry), row);
    });
  }
  const keyOf = (line: ConsolidatedLine) =>
    rowKey(line.unitId, { subjectId: line.subjectId, code: line.target });
  return {
    year,
    included,
    legalTexts: yearConfig?.legalTexts ?? [],
    votes,
    entryOf: (line) => entries.get(keyOf(line)) as DossierEntry,
    individualRowOf: (line) => individuals.get(keyOf(line)),
    collectiveRowOf: (line) => collectives.get(keyOf(line)),
    contexts,
  };
}

/**
 * The documents in the order they are numbered: the biên bản (which the tờ trình cite), a tờ trình
 * per higher decider (the Chủ tịch UBND tỉnh's first), their danh sách, the quyết định.
 */
function planDepartmentDossier(
  material: Material,
  options: ParsedDepartmentDossierOptions,
  render: RenderOptions,
): PlannedDocument[] {
  const { issuer, signer } = options;
  const { included, year } = material;
  const meeting = meetingOf(options.meeting, material.votes);
  const ballotType = ballotTypeOf(material.votes);
  const meetingNumber = (book: NumberBook) => book.formatted(MEETING_REF, documentKindText.bienBanHop.code);
  // Vote lines in consolidation order, each named as its unit's context names it.
  const votes = included.flatMap((line) => {
    const context = material.contexts.get(line.unitId);
    const vote = material.votes.find((candidate) => lineKey(candidate) === lineKey(line));
    return context && vote ? voteLines(context, [vote]) : [];
  });
  const channels: Channel[] = [];
  for (const line of included) {
    if (!isHigherLevel(line.decider)) continue;
    const level = line.decider;
    let channel = channels.find((candidate) => candidate.key === level);
    if (!channel) {
      channel = {
        key: level,
        decider:
          level === "TINH"
            ? higherDeciderTitles.TINH
            : deciderThrough(higherDeciderTitles[level], higherDeciderTitles.TINH),
        entries: [],
      };
      channels.push(channel);
    }
    channel.entries.push(material.entryOf(line));
  }
  channels.sort(
    (a, b) => HIGHER_LEVELS.indexOf(a.key as HigherLevel) - HIGHER_LEVELS.indexOf(b.key as HigherLevel),
  );

  // The council votes on what the Department forwards; what the Giám đốc decides comes with its
  // schools' own council votes, judged by the engine.
  const forwarded = channels.flatMap((channel) => channel.entries);
  const plan: PlannedDocument[] = [];
  if (forwarded.length > 0)
    plan.push(
      meetingMinutes({ issuer, schoolYear: year, meeting, ballotType, votes, entries: forwarded }, render),
    );
  for (const channel of channels) {
    const level = channel.key as HigherLevel;
    plan.push({
      type: "to-trinh",
      file: channelFile("01-to-trinh.pdf", channels, level),
      ref: toTrinhRef(level),
      kindCode: documentKindText.toTrinh.code,
      render: (book) =>
        renderToTrinh(
          {
            issuer,
            number: book.numberOf(toTrinhRef(level)),
            date: options.date,
            schoolYear: year,
            recipients: options.recipients ?? [higherDeciderTitles.TINH],
            decider: channel.decider,
            legalTexts: material.legalTexts,
            extraBases: options.extraBases,
            councilMeeting: options.meeting
              ? { number: meetingNumber(book), date: options.meeting.date }
              : undefined,
            entries: channel.entries,
            signer,
          },
          render,
        ),
    });
  }
  const lists = <Row>(
    kind: DanhSachInput["kind"],
    file: string,
    rowOf: (line: ConsolidatedLine) => Row | undefined,
    input: (rows: Row[], common: ListCommon) => Draft<DanhSachInput>,
  ) => {
    for (const channel of channels) {
      const level = channel.key as HigherLevel;
      const rows = included
        .filter((line) => line.decider === level)
        .flatMap((line) => {
          const row = rowOf(line);
          return row ? [row] : [];
        });
      if (rows.length === 0) continue;
      plan.push({
        type: `danh-sach-${kind}`,
        file: channelFile(file, channels, level),
        ref: `danh-sach-${kind}:${level}`,
        render: (book) =>
          renderDanhSach(
            input(rows, {
              issuer,
              schoolYear: year,
              proposalRef: { number: book.numberOf(toTrinhRef(level)), date: options.date },
              signer,
            }),
            render,
          ),
      });
    }
  };
  lists("individual", "03-danh-sach-ca-nhan.pdf", material.individualRowOf, (rows, common) => ({
    kind: "individual",
    ...common,
    rows,
  }));
  lists("collective", "04-danh-sach-tap-the.pdf", material.collectiveRowOf, (rows, common) => ({
    kind: "collective",
    ...common,
    rows,
  }));

  const decided = included.filter((line) => line.decider === "SO");
  if (decided.length > 0) {
    const unitNames = [...new Set(decided.map((line) => line.unitName))];
    plan.push({
      type: "quyet-dinh",
      file: "05-quyet-dinh.pdf",
      ref: DECISION_REF,
      kindCode: documentKindText.quyetDinh.code,
      render: (book) =>
        renderQuyetDinh(
          {
            issuer,
            number: book.numberOf(DECISION_REF),
            date: options.date,
            schoolYear: year,
            issuerTitle: options.decision?.issuerTitle ?? managingDeciderTitle("SO", issuer.name),
            legalTexts: material.legalTexts,
            extraBases: options.extraBases,
            proposalRef: documentText.proposalsOf(unitNames),
            advisor: options.decision?.advisor ?? "",
            fundSource: options.decision?.fundSource ?? "",
            executors: [
              ...(options.decision?.executors ?? []),
              ...unitNames.map((name) => `${documentText.principalTitle} ${name}`),
            ],
            entries: decided.map((line) => ({
              code: line.target,
              subjectKind: line.subjectKind,
              name: line.name,
              positionAndUnit:
                (line.subjectKind === "individual"
                  ? material.individualRowOf(line)?.positionAndUnit
                  : material.collectiveRowOf(line)?.parentUnit) || line.unitName,
            })),
            signer,
          },
          render,
        ),
    });
  }
  return plan;
}
