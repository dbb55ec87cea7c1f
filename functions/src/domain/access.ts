/** Unit-level authorization (DESIGN.md §7): who may read or write which unit's data. */
import type { Role } from "./codes.js";
import type { User } from "./model.js";

const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set(["DEPT_SPECIALIST", "ADMIN"]);
const READ_ALL_ROLES: ReadonlySet<Role> = new Set(["DEPT_SPECIALIST", "ADMIN", "COUNCIL_MEMBER"]);

export type AccessMode = "read" | "write";

/** The unit as far as access is concerned: its id and, for commune-managed schools, the commune unit. */
export interface UnitScope {
  id: string;
  communeUnitId?: string | undefined;
}

export function canAccessUnit(user: User, unit: UnitScope, mode: AccessMode): boolean {
  if (mode === "read" && READ_ALL_ROLES.has(user.role)) return true;
  if (mode === "write" && DEPARTMENT_ROLES.has(user.role)) return true;
  if (user.unitId === unit.id) return user.role !== "COUNCIL_MEMBER" || mode === "read";
  // A commune specialist works for the UBND xã that manages its schools.
  return (
    user.role === "COMMUNE_SPECIALIST" &&
    unit.communeUnitId !== undefined &&
    unit.communeUnitId === user.unitId
  );
}

export const isDepartmentRole = (role: Role): boolean => DEPARTMENT_ROLES.has(role);
