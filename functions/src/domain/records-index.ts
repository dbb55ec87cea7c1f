/**
 * Mục lục hồ sơ thi đua, khen thưởng (docs/domain.md §8.3): the documents a unit's year must hold,
 * by kind of emulation — thường xuyên every year, chuyên đề and đột xuất when the unit proposes
 * anything of that kind — each found or not among what the system stores: registrations, council
 * votes, the dossiers' generated files, the awards ledger. The same codes for every unit of the
 * sector, so that units compare. Pure.
 */
import type { AwardKind, SubjectKind, Target } from "./codes.js";
import { DEFAULT_ELIGIBILITY_CONFIG } from "./eligibility/config.js";
import type { Achievement, Award, CouncilVote, Proposal, Registration } from "./model.js";

const RECORD_KINDS = ["THUONG_XUYEN", "CHUYEN_DE", "DOT_XUAT"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const RECORD_DOCUMENTS = [
  "DANG_KY",
  "BIEN_BAN",
  "KET_QUA_BO_PHIEU",
  "TO_TRINH",
  "DANH_SACH",
  "BAO_CAO",
  "TOM_TAT",
  "MINH_CHUNG",
  "QUYET_DINH",
  "SO_THEO_DOI",
] as const;
export type RecordDocument = (typeof RECORD_DOCUMENTS)[number];

/** The set a proposal's documents belong to: chuyên đề and tổng kết phong trào, đột xuất, the rest annual. */
export const recordKindOf = (kind: AwardKind): RecordKind =>
  kind === "DOT_XUAT"
    ? "DOT_XUAT"
    : kind === "CHUYEN_DE" || kind === "PHONG_TRAO"
      ? "CHUYEN_DE"
      : "THUONG_XUYEN";

/**
 * The type a stored dossier document carries for the unit-wide documents (services/dossier/plan.ts),
 * and the prefix of a báo cáo thành tích stored for one proposal: "bao-cao-thanh-tich:{proposal id}".
 */
const DOSSIER_TYPES: Partial<Record<RecordDocument, (type: string) => boolean>> = {
  BIEN_BAN: (type) => type === "bien-ban-hop",
  TO_TRINH: (type) => type === "to-trinh",
  DANH_SACH: (type) => type.startsWith("danh-sach-"),
  SO_THEO_DOI: (type) => type === "so-theo-doi",
};
export const reportDocumentType = (proposalId: string): string => `bao-cao-thanh-tich:${proposalId}`;

/** LĐTT and Giấy khen are listed in the danh sách only; every other target has its báo cáo (§8.3). */
const needsReport = (target: Target): boolean => target !== "LDTT" && !target.startsWith("GK_");

/** The targets the council votes on (V-06). */
const VOTED_TARGETS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_ELIGIBILITY_CONFIG.voteThreshold));

interface StoredDossierFiles {
  id: string;
  documents: readonly { type: string; file: string; number?: string | undefined }[];
}

export interface RecordsIndexInput {
  unit: { id: string; name: string };
  year: string;
  proposals: readonly (Proposal & { id: string })[];
  registrations: readonly Registration[];
  votes: readonly CouncilVote[];
  achievements: readonly Achievement[];
  dossiers: readonly StoredDossierFiles[];
  /** The unit's awards ledger of the year. */
  awards: readonly Award[];
  /** A subject's name (person or collective). */
  nameOf: (subjectKind: SubjectKind, subjectId: string) => string;
}

/** What an item is about: the unit as a whole (absent), or one proposal's subject and target. */
interface RecordSubject {
  subjectKind: SubjectKind;
  subjectId: string;
  name: string;
  target?: Target;
}

/** The detail behind a present item, for the reader to find it: a file, a date, a decision. */
export type RecordReference =
  | { file: string; number?: string | undefined }
  | { registeredOn: string | undefined }
  | { agree: number; members: number }
  | { decisionNo: string | undefined; decisionDate: string | undefined }
  | { summary: true };

export interface RecordItem {
  document: RecordDocument;
  subject?: RecordSubject;
  present: boolean;
  reference?: RecordReference;
}

interface RecordSet {
  kind: RecordKind;
  items: RecordItem[];
  expected: number;
  present: number;
  missing: number;
}

export interface RecordsIndex {
  unitId: string;
  unitName: string;
  year: string;
  sets: RecordSet[];
  expected: number;
  present: number;
  missing: number;
}

const counted = (items: readonly RecordItem[]) => {
  const present = items.filter((item) => item.present).length;
  return { expected: items.length, present, missing: items.length - present };
};

export function recordsIndex(input: RecordsIndexInput): RecordsIndex {
  const { unit, year } = input;
  const files = input.dossiers.flatMap((dossier) => dossier.documents);
  const fileItem = (document: RecordDocument): RecordItem => {
    const matches = DOSSIER_TYPES[document];
    const file = files.find((candidate) => matches?.(candidate.type));
    return file
      ? { document, present: true, reference: { file: file.file, number: file.number } }
      : { document, present: false };
  };
  const subjectOf = (proposal: Proposal): RecordSubject => ({
    subjectKind: proposal.subjectKind,
    subjectId: proposal.subjectId,
    name: input.nameOf(proposal.subjectKind, proposal.subjectId),
    target: proposal.target,
  });
  const registrationItem = (subject: RecordSubject | undefined, subjectId: string): RecordItem => {
    const registration = input.registrations.find((candidate) => candidate.subjectId === subjectId);
    return {
      document: "DANG_KY",
      ...(subject ? { subject } : {}),
      present: registration !== undefined,
      ...(registration ? { reference: { registeredOn: registration.registeredOn } } : {}),
    };
  };
  const decisionItem = (proposal: Proposal): RecordItem => {
    const award = input.awards.find(
      (candidate) =>
        candidate.subjectId === proposal.subjectId &&
        candidate.code === proposal.target &&
        candidate.kind === proposal.kind,
    );
    return {
      document: "QUYET_DINH",
      subject: subjectOf(proposal),
      present: award !== undefined,
      ...(award ? { reference: { decisionNo: award.decisionNo, decisionDate: award.decisionDate } } : {}),
    };
  };
  const reportItem = (proposal: Proposal & { id: string }): RecordItem => {
    const file = files.find((candidate) => candidate.type === reportDocumentType(proposal.id));
    return {
      document: "BAO_CAO",
      subject: subjectOf(proposal),
      present: file !== undefined,
      ...(file ? { reference: { file: file.file, number: file.number } } : {}),
    };
  };
  const voteItem = (proposal: Proposal): RecordItem => {
    const vote = input.votes.find(
      (candidate) => candidate.subjectId === proposal.subjectId && candidate.target === proposal.target,
    );
    return {
      document: "KET_QUA_BO_PHIEU",
      subject: subjectOf(proposal),
      present: vote !== undefined,
      ...(vote ? { reference: { agree: vote.agree, members: vote.members } } : {}),
    };
  };
  /** The tờ trình, danh sách and biên bản a batch of proposals goes with (one each, unit-wide). */
  const batchItems = (documents: readonly RecordDocument[]) => documents.map(fileItem);

  const ofKind = (kind: RecordKind) =>
    input.proposals.filter((proposal) => recordKindOf(proposal.kind) === kind);
  const sets: RecordSet[] = [];

  // Thường xuyên: every year — the unit's own registration and the sổ theo dõi — and, when it
  // proposes, each subject's registration, the council's biên bản and votes, the batch, the reports.
  const annual = ofKind("THUONG_XUYEN");
  const registeredSubjects = new Map(
    annual.map((proposal) => [proposal.subjectId, subjectOf(proposal)] as const),
  );
  registeredSubjects.delete(unit.id);
  const annualItems: RecordItem[] = [
    registrationItem(undefined, unit.id),
    ...[...registeredSubjects].map(([subjectId, subject]) =>
      registrationItem({ subjectKind: subject.subjectKind, subjectId, name: subject.name }, subjectId),
    ),
    ...(annual.length > 0 ? batchItems(["BIEN_BAN", "TO_TRINH", "DANH_SACH"]) : []),
    ...annual.filter((proposal) => VOTED_TARGETS.has(proposal.target)).map(voteItem),
    ...annual.filter((proposal) => needsReport(proposal.target)).map(reportItem),
    ...annual.map(decisionItem),
    fileItem("SO_THEO_DOI"),
  ];
  sets.push({ kind: "THUONG_XUYEN", items: annualItems, ...counted(annualItems) });

  const thematic = ofKind("CHUYEN_DE");
  if (thematic.length > 0) {
    const items = [
      ...batchItems(["BIEN_BAN", "TO_TRINH", "DANH_SACH"]),
      ...thematic.map(reportItem),
      ...thematic.map(decisionItem),
    ];
    sets.push({ kind: "CHUYEN_DE", items, ...counted(items) });
  }

  // Đột xuất (SP-01): tờ trình, danh sách, each proposal's tóm tắt thành tích, each prize's proof.
  const adHoc = ofKind("DOT_XUAT");
  if (adHoc.length > 0 || input.achievements.length > 0) {
    const items: RecordItem[] = [
      ...batchItems(["TO_TRINH", "DANH_SACH"]),
      ...adHoc.map(
        (proposal): RecordItem => ({
          document: "TOM_TAT",
          subject: subjectOf(proposal),
          present: Boolean(proposal.summary?.trim()),
          ...(proposal.summary?.trim() ? { reference: { summary: true as const } } : {}),
        }),
      ),
      ...input.achievements.map(
        (achievement): RecordItem => ({
          document: "MINH_CHUNG",
          subject: {
            subjectKind: "individual",
            subjectId: achievement.personId ?? achievement.id,
            name: achievement.fullName,
          },
          present: Boolean(achievement.decisionNo),
          ...(achievement.decisionNo
            ? { reference: { decisionNo: achievement.decisionNo, decisionDate: achievement.decisionDate } }
            : {}),
        }),
      ),
      ...adHoc.map(decisionItem),
    ];
    sets.push({ kind: "DOT_XUAT", items, ...counted(items) });
  }

  const all = sets.flatMap((set) => set.items);
  return { unitId: unit.id, unitName: unit.name, year, sets, ...counted(all) };
}
