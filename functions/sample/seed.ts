/**
 * Loads a whole province (the synthetic one of province.ts, or any data of the same shape) into
 * Firestore at the paths of docs/design.md §6, with natural-key document IDs so that seeding twice is
 * harmless. Used by `npm start` on the first run, by the demo and by the benchmarks.
 *
 * Seeding deliberately bypasses the audit log and the idempotency keys of store/writes.ts: it creates
 * the initial state of an empty database (no one's change to record), and 600,000 audited
 * transactions would take the emulator many minutes. Never use it for user data.
 */
import type { Firestore, WriteBatch } from "@google-cloud/firestore";
import { COLLECTIONS, collectionPath } from "../src/domain/collections.js";
import type { Decision } from "../src/domain/decision.js";
import {
  awardId,
  criteriaGroupId,
  inspectionFindingId,
  inspectionMemberId,
  manualScoreId,
  proposalId,
  subjectYearId,
} from "../src/domain/document-ids.js";
import type { Dossier } from "../src/domain/dossier.js";
import type { InspectionFinding, InspectionMember, InspectionVisit } from "../src/domain/inspection.js";
import type { MeritEvidence } from "../src/domain/merit-evidence.js";
import type {
  Achievement,
  Award,
  CouncilVote,
  CriteriaGroup,
  Initiative,
  ManualScore,
  Person,
  Proposal,
  Registration,
  Unit,
  User,
  YearConfig,
  YearRecord,
} from "../src/domain/model.js";
import { type IndexedWrite, indexUpdates, writeIndexUpdates } from "../src/store/unit-index.js";
import { type DutiesSample, dutiesCount, dutiesDocuments } from "./dissemination.js";
import { type ThematicSample, thematicDocuments } from "./thematic.js";

export interface ProvinceData {
  units: readonly Unit[];
  people: readonly Person[];
  records: readonly YearRecord[];
  initiatives: readonly Initiative[];
  awards: readonly Award[];
  votes: readonly CouncilVote[];
  proposals: readonly Proposal[];
  yearConfigs: readonly YearConfig[];
  users: readonly User[];
  registrations: readonly Registration[];
  criteria: readonly CriteriaGroup[];
  manualScores: readonly ManualScore[];
  /** The records of the guidance's other duties (dissemination.ts); absent in older data sets. */
  duties?: DutiesSample;
  evidence: readonly MeritEvidence[];
  thematic?: ThematicSample | undefined;
  achievements?: readonly Achievement[];
  /** Recorded decisions and the dossiers they answer (sample/recorded-decisions.ts). */
  decisions?: readonly Decision[];
  dossiers?: readonly Dossier[];
  inspectionTeams: readonly InspectionMember[];
  inspectionVisits: readonly InspectionVisit[];
  inspectionFindings: readonly InspectionFinding[];
}

export type SeedCounts = { [K in keyof ProvinceData]: number } & { batches: number };

export interface SeedOptions {
  /** Batches committed at the same time. */
  concurrency?: number;
}

/** Firestore's limit of writes in one batch. */
const BATCH_LIMIT = 500;

/* The same document ids as the tabs give the same rows (domain/document-ids.ts). */

export const recordPath = (record: Pick<YearRecord, "year" | "unitId" | "subjectId">): string =>
  `${collectionPath("records", record.year)}/${subjectYearId(record.unitId, record.subjectId)}`;

const awardPath = (award: Award): string => `${COLLECTIONS.awards}/${awardId(award)}`;

const votePath = (vote: Pick<CouncilVote, "year" | "unitId" | "subjectId" | "target">): string =>
  `${collectionPath("votes", vote.year)}/${proposalId(vote)}`;

const proposalPath = (proposal: Pick<Proposal, "year" | "unitId" | "subjectId" | "target">): string =>
  `${collectionPath("proposals", proposal.year)}/${proposalId(proposal)}`;

function* provinceDocuments(province: ProvinceData): Generator<IndexedWrite> {
  for (const unit of province.units) yield { path: `${COLLECTIONS.units}/${unit.id}`, data: unit };
  for (const person of province.people) yield { path: `${COLLECTIONS.people}/${person.id}`, data: person };
  for (const record of province.records) yield { path: recordPath(record), data: record };
  for (const initiative of province.initiatives)
    yield { path: `${COLLECTIONS.initiatives}/${initiative.id}`, data: initiative };
  for (const award of province.awards) yield { path: awardPath(award), data: award };
  for (const vote of province.votes) yield { path: votePath(vote), data: vote };
  for (const proposal of province.proposals) yield { path: proposalPath(proposal), data: proposal };
  for (const config of province.yearConfigs)
    yield { path: `${COLLECTIONS.years}/${config.year}`, data: config };
  for (const user of province.users) yield { path: `${COLLECTIONS.users}/${user.email}`, data: user };
  for (const registration of province.registrations)
    yield {
      path: `${collectionPath("registrations", registration.year)}/${subjectYearId(registration.unitId, registration.subjectId)}`,
      data: registration,
    };
  for (const group of province.criteria)
    yield { path: `${collectionPath("criteria", group.year)}/${criteriaGroupId(group)}`, data: group };
  for (const achievement of province.achievements ?? [])
    yield {
      path: `${collectionPath("achievements", achievement.year)}/${achievement.id}`,
      data: achievement,
    };
  for (const score of province.manualScores)
    yield { path: `${collectionPath("scores", score.year)}/${manualScoreId(score)}`, data: score };
  if (province.duties) yield* dutiesDocuments(province.duties);
  for (const row of province.evidence)
    yield {
      path: `${collectionPath("evidence", row.year)}/${subjectYearId(row.unitId, row.subjectId)}`,
      data: row,
    };
  yield* thematicDocuments(province.thematic);
  for (const decision of province.decisions ?? [])
    yield { path: `${COLLECTIONS.decisions}/${decision.id}`, data: decision };
  for (const dossier of province.dossiers ?? [])
    yield { path: `${COLLECTIONS.dossiers}/${dossier.id}`, data: dossier };
  for (const member of province.inspectionTeams)
    yield {
      path: `${collectionPath("inspectionTeams", member.year)}/${inspectionMemberId(member)}`,
      data: member,
    };
  for (const visit of province.inspectionVisits)
    yield { path: `${collectionPath("inspectionVisits", visit.year)}/${visit.visitId}`, data: visit };
  for (const finding of province.inspectionFindings)
    yield {
      path: `${collectionPath("inspectionFindings", finding.year)}/${inspectionFindingId(finding)}`,
      data: finding,
    };
}

/** Writes every document of the province, with the units' index, in batches of ≤ 500 writes, a few at a time. */
export async function seedProvince(
  db: Firestore,
  province: ProvinceData,
  options: SeedOptions = {},
): Promise<SeedCounts> {
  const concurrency = options.concurrency ?? 4;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let batches = 0;

  const commit = async (batch: WriteBatch) => {
    batches++;
    const pending: Promise<void> = batch.commit().then(
      () => {
        inFlight.delete(pending);
      },
      (error: unknown) => {
        inFlight.delete(pending);
        failure ??= { error };
      },
    );
    inFlight.add(pending);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
  };

  // Each batch holds its documents and their units' index entries (store/unit-index.ts), ≤ 500 writes.
  let held: IndexedWrite[] = [];
  const indexes = new Set<string>();
  const flush = async () => {
    const batch = db.batch();
    for (const document of held) batch.set(db.doc(document.path), document.data);
    writeIndexUpdates(db, batch, held);
    await commit(batch);
    held = [];
    indexes.clear();
  };
  for (const document of provinceDocuments(province)) {
    const index = indexUpdates([document])[0]?.path;
    const adds = index === undefined || indexes.has(index) ? 1 : 2;
    if (held.length + indexes.size + adds > BATCH_LIMIT) await flush();
    held.push(document);
    if (index !== undefined) indexes.add(index);
  }
  if (held.length > 0) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure.error;

  return {
    units: province.units.length,
    people: province.people.length,
    records: province.records.length,
    initiatives: province.initiatives.length,
    awards: province.awards.length,
    votes: province.votes.length,
    proposals: province.proposals.length,
    yearConfigs: province.yearConfigs.length,
    users: province.users.length,
    registrations: province.registrations.length,
    criteria: province.criteria.length,
    manualScores: province.manualScores.length,
    duties: province.duties ? dutiesCount(province.duties) : 0,
    evidence: province.evidence.length,
    thematic: province.thematic
      ? province.thematic.fields.length +
        province.thematic.registrations.length +
        province.thematic.results.length
      : 0,
    achievements: province.achievements?.length ?? 0,
    decisions: province.decisions?.length ?? 0,
    dossiers: province.dossiers?.length ?? 0,
    inspectionTeams: province.inspectionTeams.length,
    inspectionVisits: province.inspectionVisits.length,
    inspectionFindings: province.inspectionFindings.length,
    batches,
  };
}

/** True when the database already holds units (npm start seeds only an empty database). */
export async function hasProvince(db: Firestore): Promise<boolean> {
  const snapshot = await db.collection(COLLECTIONS.units).limit(1).get();
  return !snapshot.empty;
}
