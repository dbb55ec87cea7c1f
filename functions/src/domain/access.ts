/**
 * Unit-level authorization (docs/design.md §7, §11): who may read or write which unit's data, and who
 * acts for a unit in its dossier's workflow. Follows the decider matrix (authority.ts): a commune
 * acts only on the schools it manages.
 */
import { type ManagingLevel, managingLevelOf } from "./authority.js";
import type { ManagingAuthority, Role } from "./codes.js";
import type { User } from "./model.js";
import type { StepParty, WorkflowActor } from "./workflow.js";

const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set(["DEPT_SPECIALIST", "ADMIN"]);
const SCHOOL_ROLES: ReadonlySet<Role> = new Set(["SCHOOL_OFFICER", "PRINCIPAL"]);

export type AccessMode = "read" | "write";

/** The unit as far as access is concerned. */
export interface UnitScope {
  id: string;
  /** Undefined when the stored unit names none (or none valid): no commune manages it. */
  managingAuthority: ManagingAuthority | undefined;
  /** The commune the school stands in; it manages the school only when `managingAuthority` is UBND_XA. */
  communeUnitId?: string | undefined;
}

export const isDepartmentRole = (role: Role): boolean => DEPARTMENT_ROLES.has(role);

/** The Department's people, council members included: they run and read the province's year-end aggregation. */
const PROVINCE_ROLES: ReadonlySet<Role> = new Set(["DEPT_SPECIALIST", "COUNCIL_MEMBER", "ADMIN"]);

export const mayAggregateProvince = (user: User): boolean => PROVINCE_ROLES.has(user.role);

/** The Department answers for a unit whose managing authority is not recorded. */
export const managingLevelOfUnit = (unit: UnitScope): ManagingLevel =>
  managingLevelOf(unit.managingAuthority ?? "SO_GDDT");

/** The commune specialist of the UBND xã that manages `unit` (a school in the commune, managed by the Department, is not its). */
const isManagingCommuneOf = (user: User, unit: UnitScope): boolean =>
  user.role === "COMMUNE_SPECIALIST" &&
  unit.managingAuthority === "UBND_XA" &&
  unit.communeUnitId !== undefined &&
  unit.communeUnitId === user.unitId;

export function canAccessUnit(user: User, unit: UnitScope, mode: AccessMode): boolean {
  if (isDepartmentRole(user.role)) return true;
  switch (user.role) {
    case "COUNCIL_MEMBER":
      return mode === "read";
    case "COMMUNE_SPECIALIST":
      return user.unitId === unit.id || isManagingCommuneOf(user, unit);
    default:
      return SCHOOL_ROLES.has(user.role) && user.unitId === unit.id;
  }
}

/** The level that appraises `unit`'s dossier and takes every step after the school's. */
export const isAppraiserOf = (user: User, unit: UnitScope): boolean =>
  managingLevelOfUnit(unit) === "SO" ? isDepartmentRole(user.role) : isManagingCommuneOf(user, unit);

export interface WorkflowRole {
  actor: WorkflowActor;
  party: StepParty;
  /** The level whose step the user records for it: the province, which has no accounts here. */
  onBehalfOf?: "TINH";
}

/**
 * Who `user` may be in the workflow of `unit`'s dossier, each with the party the history records;
 * none for readers. The Department's own dossier to the Chủ tịch UBND tỉnh (services/department-
 * dossier.ts) travels the same table: the Department sends it (the steps of the unit whose dossier
 * it is) and records the steps of its appraiser, the province (Sở Nội vụ, the provincial council),
 * on the province's behalf, as it records the province's decision.
 */
export function workflowRolesOf(user: User, unit: UnitScope): WorkflowRole[] {
  if (isDepartmentRole(user.role) && user.unitId === unit.id) {
    const party: StepParty = { level: "SO", unitId: unit.id };
    return [
      { actor: "SCHOOL", party },
      { actor: "APPRAISER", party, onBehalfOf: "TINH" },
    ];
  }
  const role = workflowRoleOf(user, unit);
  return role ? [role] : [];
}

/** Who `user` is in the workflow of a school's dossier, and the party the history records; none for readers. */
function workflowRoleOf(user: User, unit: UnitScope): WorkflowRole | undefined {
  if (isAppraiserOf(user, unit))
    return { actor: "APPRAISER", party: { level: managingLevelOfUnit(unit), unitId: user.unitId } };
  if (SCHOOL_ROLES.has(user.role) && user.unitId === unit.id)
    return { actor: "SCHOOL", party: { level: "SCHOOL", unitId: unit.id } };
  return undefined;
}
