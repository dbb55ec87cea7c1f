/** The dropdown choices of the tabs' enum and code-list columns, labelled from the vocabulary. */
import {
  AWARD_FORMS,
  AWARD_KINDS,
  type AwardCode,
  BALLOT_TYPES,
  DISCIPLINE_LEVELS,
  GENDERS,
  INSPECTION_ITEMS,
  MANAGING_AUTHORITIES,
  RATINGS,
  RECOGNITION_LEVELS,
  ROLES,
  SCHOOL_LEVELS,
  SUBJECT_KINDS,
  TARGETS,
  TITLES,
} from "../../domain/codes.js";
import { DecisionLevel } from "../../domain/decision.js";
import { FINDINGS, TEAM_ROLES, VISIT_KINDS } from "../../domain/inspection.js";
import {
  achieverRoleLabels,
  awardCodeLabels,
  awardKindLabels,
  ballotTypeLabels,
  contestLevelLabels,
  criteriaSourceLabels,
  decisionLevelLabels,
  disciplineLevelLabels,
  findingLabels,
  genderLabels,
  htxsCapDenominatorLabels,
  initiativeKindLabels,
  inspectionItemLabels,
  managingAuthorityLabels,
  prizeLabels,
  ratingLabels,
  recognitionLevelLabels,
  roleLabels,
  schoolLevelLabels,
  subjectKindLabels,
  teamRoleLabels,
  thematicRatingLabels,
  visitKindLabels,
} from "../../domain/messages/index.js";
import {
  ACHIEVER_ROLES,
  CONTEST_LEVELS,
  CRITERIA_SOURCES,
  HTXS_CAP_DENOMINATORS,
  Initiative,
  PRIZES,
} from "../../domain/model.js";
import { THEMATIC_FORMS, THEMATIC_RATINGS } from "../../domain/thematic.js";
import type { EnumOption } from "../definition.js";

/** Enum choices in the order of `codes`, labelled from the vocabulary. */
export function enumOptions<C extends string>(
  labels: Readonly<Record<C, string>>,
  codes: readonly C[],
): EnumOption[] {
  return codes.map((code) => ({ code, label: labels[code] }));
}

const awardCodeOptions = <C extends AwardCode>(codes: readonly C[]) => enumOptions(awardCodeLabels, codes);

export const OPTIONS = {
  subjectKind: enumOptions(subjectKindLabels, SUBJECT_KINDS),
  gender: enumOptions(genderLabels, GENDERS),
  rating: enumOptions(ratingLabels, RATINGS),
  title: awardCodeOptions(TITLES),
  form: awardCodeOptions(AWARD_FORMS),
  target: awardCodeOptions(TARGETS),
  awardCode: awardCodeOptions([...TITLES, ...AWARD_FORMS]),
  awardKind: enumOptions(awardKindLabels, AWARD_KINDS),
  discipline: enumOptions(disciplineLevelLabels, DISCIPLINE_LEVELS),
  recognitionLevel: enumOptions(recognitionLevelLabels, RECOGNITION_LEVELS),
  initiativeKind: enumOptions(initiativeKindLabels, Initiative.shape.kind.options),
  ballotType: enumOptions(ballotTypeLabels, BALLOT_TYPES),
  achieverRole: enumOptions(achieverRoleLabels, ACHIEVER_ROLES),
  contestLevel: enumOptions(contestLevelLabels, CONTEST_LEVELS),
  prize: enumOptions(prizeLabels, PRIZES),
  schoolLevel: enumOptions(schoolLevelLabels, SCHOOL_LEVELS),
  managingAuthority: enumOptions(managingAuthorityLabels, MANAGING_AUTHORITIES),
  role: enumOptions(roleLabels, ROLES),
  htxsCapDenominator: enumOptions(htxsCapDenominatorLabels, HTXS_CAP_DENOMINATORS),
  criteriaSource: enumOptions(criteriaSourceLabels, CRITERIA_SOURCES),
  thematicRating: enumOptions(thematicRatingLabels, THEMATIC_RATINGS),
  thematicForm: awardCodeOptions(THEMATIC_FORMS),
  decisionLevel: enumOptions(decisionLevelLabels, DecisionLevel.options),
  inspectionItem: enumOptions(inspectionItemLabels, INSPECTION_ITEMS),
  visitKind: enumOptions(visitKindLabels, VISIT_KINDS),
  teamRole: enumOptions(teamRoleLabels, TEAM_ROLES),
  finding: enumOptions(findingLabels, FINDINGS),
} as const;
