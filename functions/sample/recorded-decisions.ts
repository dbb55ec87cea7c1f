/**
 * Recorded decisions of the sample province (what the tab "Quyết định khen thưởng" records,
 * decisions/{id}): the Department's công trạng decisions of the last closed year that gave THPT Lê
 * Quý Đôn its titles, as the Department entered them. THCS Nguyễn Du's (UBND xã An Thịnh's) are left
 * for the commune's officer to enter through the tab: its ledger stays as the school's history tab
 * sent it, which a full resend of that tab leaves unchanged. A decision of the ledger covers every school of its batch
 * (one number for all the LĐTT of an issuer and year): each is recorded whole, published, on the
 * dossiers of those schools, and each of its ledger entries is tied to it (a sheet row can no longer
 * overwrite it). `npm start` and `tdkt demo` then show decisions to read back (GET /v1/decisions/{id}),
 * print (`tdkt decision pdf`) and revoke, counted by the open year's eligibility.
 */
import { deciderOf } from "../src/domain/authority.js";
import { Target } from "../src/domain/codes.js";
import type { Decision, DecisionSubject } from "../src/domain/decision.js";
import { awardId, decisionId } from "../src/domain/document-ids.js";
import { parseDocumentNumber } from "../src/domain/document-number.js";
import type { Dossier } from "../src/domain/dossier.js";
import { documentKindText } from "../src/domain/messages/index.js";
import type { Award, Unit } from "../src/domain/model.js";
import { schoolYearStarting, startYearOf } from "../src/domain/school-year.js";
import { personName } from "./names.js";
import { Random } from "./prng.js";
import { DEPARTMENT_UNIT_ID, type Province, SAMPLE_SCHOOLS } from "./province.js";

export type ProvinceWithDecisions = Province & { decisions: Decision[]; dossiers: Dossier[] };

type Level = "XA" | "SO";

/** Who advises and signs each level's decisions, and the sample account that entered them. */
const LEVELS: Record<Level, { signerTitle: string; advisor: string; fundSource: string; office: string }> = {
  XA: {
    signerTitle: "Chủ tịch",
    advisor: "Trưởng phòng Văn hóa - Xã hội",
    fundSource: "quỹ thi đua, khen thưởng của xã",
    office: "Văn phòng Ủy ban nhân dân xã",
  },
  SO: {
    signerTitle: "Giám đốc",
    advisor: "Trưởng phòng Tổ chức cán bộ",
    fundSource: "quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
    office: "Chánh Văn phòng Sở",
  },
};

const levelOf = (unit: Unit): Level => (unit.managingAuthority === "UBND_XA" ? "XA" : "SO");
const batchKey = (award: Award): string => `${award.issuer}|${award.decisionNo}|${award.decisionDate}`;

export function withRecordedDecisions(province: Province): ProvinceWithDecisions {
  if (!province.openYear) return { ...province, decisions: [], dossiers: [] };
  const year = schoolYearStarting(startYearOf(province.openYear) - 1);
  const unitById = new Map(province.units.map((unit) => [unit.id, unit]));
  const decidedByLevel = (award: Award): boolean => {
    const unit = unitById.get(award.unitId);
    return (
      unit !== undefined &&
      award.year === year &&
      award.kind === "CONG_TRANG" &&
      award.decisionNo !== undefined &&
      Target.safeParse(award.code).success &&
      deciderOf(award.code, unit.managingAuthority) === levelOf(unit)
    );
  };
  const sampleSchools = new Set<string>([SAMPLE_SCHOOLS.leQuyDon]);
  const keys = new Set(
    province.awards.filter((award) => sampleSchools.has(award.unitId) && decidedByLevel(award)).map(batchKey),
  );
  // The chairmen of the communes have no account: their names are drawn, once per commune.
  const random = new Random(province.seed).fork(7);
  const signers = new Map<string, string>();
  const director = province.users.find(
    (user) => user.unitId === DEPARTMENT_UNIT_ID && user.role === "COUNCIL_MEMBER",
  )?.displayName;
  const decisions = [...keys].flatMap((key) => {
    const awards = province.awards.filter((award) => decidedByLevel(award) && batchKey(award) === key);
    const issuer = awards[0]?.issuer ?? "";
    if (!signers.has(issuer))
      signers.set(issuer, director && issuer.startsWith("Giám đốc") ? director : personName(random, "M"));
    const decision = decisionOf(province, unitById, year, awards, signers.get(issuer) ?? "");
    return decision ? [decision] : [];
  });
  const decisionOfAward = new Map(
    decisions.flatMap((decision) =>
      decision.subjects.map((subject) => [subject.awardId, decision.id] as const),
    ),
  );
  const legalBasisVersion =
    province.yearConfigs.find((config) => config.year === year)?.legalBasisVersion ?? "";
  const dossiers = [...new Set(decisions.flatMap((decision) => decision.dossierIds))].map(
    (id): Dossier => ({
      id,
      unitId: id.slice(0, -year.length - 1),
      year,
      state: "PUBLISHED",
      legalBasisVersion,
      documents: [],
      history: [],
      decisions: Object.fromEntries(
        decisions
          .filter((decision) => decision.dossierIds.includes(id))
          .map((decision) => [decision.id, "PUBLISHED" as const]),
      ),
    }),
  );
  const awards = province.awards.map((award) => {
    const decision = decisionOfAward.get(awardId(award));
    return decision ? { ...award, decisionId: decision } : award;
  });
  return { ...province, awards, decisions, dossiers };
}

function decisionOf(
  province: Province,
  unitById: ReadonlyMap<string, Unit>,
  year: string,
  awards: readonly Award[],
  signerName: string,
): Decision | undefined {
  const [first] = awards;
  const unit = first ? unitById.get(first.unitId) : undefined;
  const number = parseDocumentNumber(first?.decisionNo ?? "", documentKindText.quyetDinh.code);
  if (!first?.decisionDate || !first.decisionNo || !unit || !number) return undefined;
  const level = levelOf(unit);
  const text = LEVELS[level];
  const communeId = level === "XA" ? unit.communeUnitId : undefined;
  const issuerName = level === "XA" ? unit.managingBodyName : `Sở Giáo dục và Đào tạo tỉnh ${province.name}`;
  const actor = level === "XA" ? `vhxh.${communeId}@xa.example.org` : "chuyenvien1@sogddt.example.org";
  const dossierIdOf = (unitId: string) => `${unitId}_${year}`;
  const personById = new Map(province.people.map((person) => [person.id, person]));
  const subjects = awards.map((award): DecisionSubject => {
    const school = unitById.get(award.unitId) ?? unit;
    const person = personById.get(award.subjectId);
    return {
      dossierId: dossierIdOf(award.unitId),
      unitId: award.unitId,
      subjectKind: award.subjectKind,
      subjectId: award.subjectId,
      target: Target.parse(award.code),
      kind: award.kind,
      name: award.subjectKind === "individual" ? (person?.fullName ?? award.subjectId) : school.name,
      positionAndUnit:
        award.subjectKind === "individual"
          ? [person?.position, school.name].filter(Boolean).join(", ")
          : school.managingBodyName,
      awardId: awardId(award),
    };
  });
  const schools = [...new Set(awards.map((award) => award.unitId))].map((id) => unitById.get(id) ?? unit);
  const at = `${first.decisionDate}T02:00:00.000Z`;
  return {
    id: decisionId({ level, issuerUnitId: communeId, date: first.decisionDate, number: number.number }),
    level,
    ...(communeId ? { issuerUnitId: communeId } : {}),
    issuer: {
      parentName: `Ủy ban nhân dân tỉnh ${province.name}`,
      name: issuerName,
      abbreviation: number.abbreviation,
      place: unit.place,
    },
    issuerTitle: level === "XA" ? `Chủ tịch ${unit.managingBodyName}` : `Giám đốc ${issuerName}`,
    number: number.number,
    numberText: first.decisionNo,
    date: first.decisionDate,
    year,
    signer: {
      ...(level === "XA" ? { capacity: "TM. ỦY BAN NHÂN DÂN" } : {}),
      title: text.signerTitle,
      name: signerName,
    },
    proposalRef: schools.map((school) => `Tờ trình của ${school.name}`).join("; "),
    advisor: text.advisor,
    fundSource: text.fundSource,
    executors: [text.office, ...schools.map((school) => `Hiệu trưởng ${school.name}`)],
    copies: [],
    dossierIds: schools.map((school) => dossierIdOf(school.id)),
    subjects,
    state: "PUBLISHED",
    history: [
      { state: "ISSUED", actor, at },
      { state: "PUBLISHED", actor, at },
    ],
  };
}
