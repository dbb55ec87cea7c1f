/**
 * What a dossier is made of: the unit's stored data of the year (loaded by load.ts) and the
 * lookups every mapper shares — the issuer, the signer, a subject's name, its record of the year.
 */
import { Agency, parseDocumentInput, type Signer } from "../../documents/inputs.js";
import type { SubjectKind } from "../../domain/codes.js";
import { documentText } from "../../domain/messages/index.js";
import type {
  Achievement,
  Award,
  CouncilVote,
  Initiative,
  Person,
  Proposal,
  Unit,
  YearConfig,
  YearRecord,
} from "../../domain/model.js";

/** The unit's own documents, withdrawn ones left out (store/readers.ts). */
export interface DossierData {
  unit: Unit;
  /** The Department's configuration of the year: its căn cứ (legalTexts) go into the tờ trình. */
  yearConfig: YearConfig | undefined;
  people: Person[];
  proposals: Proposal[];
  votes: CouncilVote[];
  achievements: Achievement[];
  awards: Award[];
  initiatives: Initiative[];
  /** Year records over the sổ theo dõi's period, oldest year first. */
  records: YearRecord[];
  /** The first school year of the sổ theo dõi's period. */
  registerFrom: string;
}

export interface DossierContext {
  year: string;
  data: DossierData;
  issuer: Agency;
  /** Who signs the school's documents: the one named in the options, else the stored principal. */
  signer: Signer | undefined;
  personOf(personId: string): Person | undefined;
  /** A person's full name, the unit's name for the unit itself; the id when neither is known. */
  nameOf(subjectKind: SubjectKind, subjectId: string): string;
  /** A subject's record of the dossier's year. */
  recordOf(subjectId: string): YearRecord | undefined;
}

/** The issuing agency of the school's documents; a blank name or ký hiệu is reported as missing. */
const issuerOf = (unit: Unit): Agency =>
  parseDocumentInput(
    Agency,
    {
      parentName: unit.managingBodyName,
      name: unit.name,
      abbreviation: unit.abbreviation,
      place: unit.place,
    },
    "hồ sơ",
  );

export function dossierContext(year: string, data: DossierData, signer: Signer | undefined): DossierContext {
  const { unit } = data;
  const personById = new Map(data.people.map((person) => [person.id, person]));
  return {
    year,
    data,
    issuer: issuerOf(unit),
    signer:
      signer ??
      (unit.principalName ? { title: documentText.principalTitle, name: unit.principalName } : undefined),
    personOf: (personId) => personById.get(personId),
    nameOf: (subjectKind, subjectId) =>
      subjectKind === "individual"
        ? (personById.get(subjectId)?.fullName ?? subjectId)
        : subjectId === unit.id
          ? unit.name
          : subjectId,
    recordOf: (subjectId) =>
      data.records.find((record) => record.subjectId === subjectId && record.year === year),
  };
}
