import { describe, expect, it } from "vitest";
import {
  canAccessUnit,
  isAppraiserOf,
  type UnitScope,
  workflowRolesOf,
} from "../../../functions/src/domain/access.js";
import type { User } from "../../../functions/src/domain/model.js";

const units = {
  /** Managed by UBND xã An Thịnh. */
  communeSchool: { id: "thcs-nguyen-du", managingAuthority: "UBND_XA", communeUnitId: "xa-an-thinh" },
  /** Managed by the Department, standing in An Thịnh. */
  departmentSchool: { id: "thpt-le-quy-don", managingAuthority: "SO_GDDT", communeUnitId: "xa-an-thinh" },
  /** Managed by UBND xã Quang Mỹ. */
  otherCommuneSchool: { id: "thcs-quang-my", managingAuthority: "UBND_XA", communeUnitId: "xa-quang-my" },
  /** The commune's own unit. */
  commune: { id: "xa-an-thinh", managingAuthority: undefined },
  /** The Department's own unit (its dossier to the Chủ tịch UBND tỉnh). */
  department: { id: "so-gddt", managingAuthority: "SO_GDDT" },
} satisfies Record<string, UnitScope>;
type UnitName = keyof typeof units;

const users = {
  principal: { email: "ht@nd.example.org", role: "PRINCIPAL", unitId: "thcs-nguyen-du" },
  officer: { email: "cb@nd.example.org", role: "SCHOOL_OFFICER", unitId: "thcs-nguyen-du" },
  communeSpecialist: {
    email: "vhxh@an-thinh.example.org",
    role: "COMMUNE_SPECIALIST",
    unitId: "xa-an-thinh",
  },
  deptSpecialist: { email: "cv@so.example.org", role: "DEPT_SPECIALIST", unitId: "so-gddt" },
  admin: { email: "qt@so.example.org", role: "ADMIN", unitId: "so-gddt" },
  councilMember: { email: "hd@so.example.org", role: "COUNCIL_MEMBER", unitId: "so-gddt" },
} satisfies Record<string, User>;
type UserName = keyof typeof users;

/** [user, unit, may read, may write]: every pair. */
const ACCESS: readonly [UserName, UnitName, boolean, boolean][] = [
  ["principal", "communeSchool", true, true],
  ["principal", "departmentSchool", false, false],
  ["principal", "otherCommuneSchool", false, false],
  ["principal", "commune", false, false],
  ["principal", "department", false, false],
  ["officer", "communeSchool", true, true],
  ["officer", "departmentSchool", false, false],
  ["officer", "otherCommuneSchool", false, false],
  ["officer", "commune", false, false],
  ["officer", "department", false, false],
  ["communeSpecialist", "communeSchool", true, true],
  ["communeSpecialist", "departmentSchool", false, false],
  ["communeSpecialist", "otherCommuneSchool", false, false],
  ["communeSpecialist", "commune", true, true],
  ["communeSpecialist", "department", false, false],
  ["deptSpecialist", "communeSchool", true, true],
  ["deptSpecialist", "departmentSchool", true, true],
  ["deptSpecialist", "otherCommuneSchool", true, true],
  ["deptSpecialist", "commune", true, true],
  ["deptSpecialist", "department", true, true],
  ["admin", "communeSchool", true, true],
  ["admin", "departmentSchool", true, true],
  ["admin", "otherCommuneSchool", true, true],
  ["admin", "commune", true, true],
  ["admin", "department", true, true],
  ["councilMember", "communeSchool", true, false],
  ["councilMember", "departmentSchool", true, false],
  ["councilMember", "otherCommuneSchool", true, false],
  ["councilMember", "commune", true, false],
  ["councilMember", "department", true, false],
];

/** [user, unit, actor in the unit's workflow]. */
const WORKFLOW_ROLES: readonly [UserName, UnitName, string[]][] = [
  ["principal", "communeSchool", ["SCHOOL"]],
  ["officer", "communeSchool", ["SCHOOL"]],
  ["principal", "departmentSchool", []],
  ["communeSpecialist", "communeSchool", ["APPRAISER"]],
  ["communeSpecialist", "departmentSchool", []],
  ["communeSpecialist", "otherCommuneSchool", []],
  ["deptSpecialist", "departmentSchool", ["APPRAISER"]],
  ["admin", "departmentSchool", ["APPRAISER"]],
  ["deptSpecialist", "communeSchool", []],
  ["councilMember", "communeSchool", []],
  ["councilMember", "departmentSchool", []],
  // The Department's own dossier to the province: it sends it, and records the province's steps.
  ["deptSpecialist", "department", ["SCHOOL", "APPRAISER"]],
  ["admin", "department", ["SCHOOL", "APPRAISER"]],
  ["councilMember", "department", []],
  ["principal", "department", []],
  ["communeSpecialist", "department", []],
];

describe("unit access follows who manages the unit", () => {
  it("lists every user and unit of the fixture", () => {
    expect(ACCESS.length).toBe(Object.keys(users).length * Object.keys(units).length);
  });

  it.each(ACCESS)("%s on %s: read %s, write %s", (user, unit, read, write) => {
    expect(canAccessUnit(users[user], units[unit], "read")).toBe(read);
    expect(canAccessUnit(users[user], units[unit], "write")).toBe(write);
  });

  it("gives a commune nothing of a school whose managing authority is not recorded", () => {
    const unrecorded: UnitScope = { id: "x", managingAuthority: undefined, communeUnitId: "xa-an-thinh" };
    expect(canAccessUnit(users.communeSpecialist, unrecorded, "read")).toBe(false);
    expect(isAppraiserOf(users.communeSpecialist, unrecorded)).toBe(false);
    expect(isAppraiserOf(users.deptSpecialist, unrecorded)).toBe(true);
  });
});

describe("who acts in a unit's workflow", () => {
  it.each(WORKFLOW_ROLES)("%s on %s: %s", (user, unit, actor) => {
    expect(workflowRolesOf(users[user], units[unit]).map((role) => role.actor)).toEqual(actor);
  });

  it("records the level each actor acts for", () => {
    expect(workflowRolesOf(users.communeSpecialist, units.communeSchool)[0]?.party).toEqual({
      level: "XA",
      unitId: "xa-an-thinh",
    });
    expect(workflowRolesOf(users.deptSpecialist, units.departmentSchool)[0]?.party).toEqual({
      level: "SO",
      unitId: "so-gddt",
    });
    expect(workflowRolesOf(users.principal, units.communeSchool)[0]?.party).toEqual({
      level: "SCHOOL",
      unitId: "thcs-nguyen-du",
    });
    expect(workflowRolesOf(users.deptSpecialist, units.department)).toEqual([
      { actor: "SCHOOL", party: { level: "SO", unitId: "so-gddt" } },
      { actor: "APPRAISER", party: { level: "SO", unitId: "so-gddt" }, onBehalfOf: "TINH" },
    ]);
  });
});
