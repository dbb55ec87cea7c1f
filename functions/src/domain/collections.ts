/**
 * Where stored documents live (docs/design.md §6): the one definition of the collection names and
 * of their paths, for the tabs, the store and the services. Document ids are in document-ids.ts.
 */

export const COLLECTIONS = {
  units: "units",
  people: "people",
  years: "years",
  registrations: "registrations",
  records: "records",
  initiatives: "initiatives",
  awards: "awards",
  votes: "votes",
  achievements: "achievements",
  proposals: "proposals",
  /** The year's criteria groups of the cụm/khối ranking and the Thường trực's manual scores. */
  criteria: "criteria",
  scores: "scores",
  /** Khen thưởng chuyên đề: the year's fields, the units' registrations, the inspections' results. */
  thematicFields: "thematicFields",
  thematicRegistrations: "thematicRegistrations",
  thematicResults: "thematicResults",
  /** Kiểm tra, tư vấn: the teams' members, the planned visits, the findings per visit and item. */
  inspectionTeams: "inspectionTeams",
  inspectionVisits: "inspectionVisits",
  inspectionFindings: "inspectionFindings",
  dossiers: "dossiers",
  /** Quyết định khen thưởng as recorded by their deciding level (services/decisions.ts). */
  decisions: "decisions",
  audit: "audit",
  users: "users",
  counters: "counters",
  idempotency: "idempotency",
  /** Settings changed without a redeploy: config/auth (the accepted ID-token audiences). */
  config: "config",
  /** The year-end aggregation's jobs, under years/{year}/ (aggregationPath). */
  aggregations: "aggregations",
  /** One record per CloudEvent that started an aggregation: a redelivery finds its job. */
  aggregationEvents: "aggregationEvents",
  /** One record per unit, reminder and day, so a rerun the same day sends nothing twice. */
  reminders: "reminders",
  /**
   * Tuyên truyền, quán triệt (docs/duties.md): the Department's register of the year's legal documents,
   * each unit's Hội nghị quán triệt and its staff's acknowledgements.
   */
  legalDocuments: "legalDocuments",
  briefingSessions: "briefingSessions",
  acknowledgements: "acknowledgements",
  /** Đội ngũ làm công tác thi đua: each unit's officers, training courses and attendance, exchange visits. */
  emulationOfficers: "emulationOfficers",
  trainingCourses: "trainingCourses",
  trainingAttendance: "trainingAttendance",
  exchangeVisits: "exchangeVisits",
  /** Minh chứng hiệu quả công việc: the evidence beside each proposal (domain/merit-evidence.ts). */
  evidence: "evidence",
  /** Under units/{unitId}/: the ids of the unit's documents of a collection (unitIndexPath). */
  unitIndex: "documentIndex",
} as const;

export type Collection = keyof typeof COLLECTIONS;

/** The collections the tabs write; the others belong to the server. */
export type StoreCollection = Exclude<
  Collection,
  | "dossiers"
  | "decisions"
  | "audit"
  | "counters"
  | "idempotency"
  | "config"
  | "aggregations"
  | "aggregationEvents"
  | "reminders"
  | "unitIndex"
>;

const YEAR_COLLECTION_NAMES = [
  "registrations",
  "records",
  "votes",
  "achievements",
  "proposals",
  "criteria",
  "scores",
  "legalDocuments",
  "briefingSessions",
  "acknowledgements",
  "trainingCourses",
  "trainingAttendance",
  "exchangeVisits",
  "evidence",
  "thematicFields",
  "thematicRegistrations",
  "thematicResults",
  "inspectionTeams",
  "inspectionVisits",
  "inspectionFindings",
] as const;

/** A collection that lives under years/{year}/. */
export type YearCollection = (typeof YEAR_COLLECTION_NAMES)[number];

/** Collections that live under years/{year}/; the others are top level. */
export const YEAR_COLLECTIONS: ReadonlySet<Collection> = new Set<Collection>(YEAR_COLLECTION_NAMES);

/** The path of a collection: under years/{year}/ for the year's collections, else top level. */
export const collectionPath = (collection: Collection, year: string): string =>
  YEAR_COLLECTIONS.has(collection)
    ? `${COLLECTIONS.years}/${year}/${COLLECTIONS[collection]}`
    : COLLECTIONS[collection];

/** The path of one document (`year` places the year's collections; others ignore it). */
export const documentPath = (collection: Collection, id: string, year: string): string =>
  `${collectionPath(collection, year)}/${id}`;

/**
 * An aggregation job of the year, years/{year}/aggregations/{jobId}; its `chunks` (each chunk's
 * done mark) and `units` (each unit's judged proposals) are subcollections of it.
 */
export const aggregationPath = (year: string, jobId: string): string =>
  `${COLLECTIONS.years}/${year}/${COLLECTIONS.aggregations}/${jobId}`;

/**
 * The index of one unit's documents of one collection (of one year for the year's collections),
 * units/{unitId}/documentIndex/{collection}[_{year}]: each document's id with its subject and year,
 * so a chunk of units is read by id (store/unit-index.ts).
 */
export const unitIndexPath = (unitId: string, collection: Collection, year: string): string =>
  `${COLLECTIONS.units}/${unitId}/${COLLECTIONS.unitIndex}/${
    YEAR_COLLECTIONS.has(collection) ? `${COLLECTIONS[collection]}_${year}` : COLLECTIONS[collection]
  }`;
