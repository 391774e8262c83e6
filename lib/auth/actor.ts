import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { roleCan, type Permission } from "./permissions";
import type { Role } from "./roles";

/** A signed-in staff member, re-read from the database on every request (role changes apply at once). */
export type StaffActor = {
  kind: "staff";
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The IANA zone the console shows and reads times in (loadActor resolves the agency default). */
  timeZone?: string;
};

/** Background work (sign-up API, verification engine, health workers). Allowed only what SYSTEM_PERMISSIONS lists. */
export type SystemActor = { kind: "system"; name: string };

export type Actor = StaffActor | SystemActor;

const SYSTEM_PERMISSIONS: readonly Permission[] = [
  "merchant:read",
  "merchant:create",
  "merchant:update",
  "credentials:record",
  "verification:run",
  "health:read",
  // Seeds and test factories build histories without calling Lightspeed; the override is recorded as such.
  "step:override",
  // The sla-recompute job rebuilds derived clock rows.
  "sla:recompute",
];

export function systemActor(name: string): SystemActor {
  return { kind: "system", name };
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return actor.kind === "system" ? SYSTEM_PERMISSIONS.includes(permission) : roleCan(actor.role, permission);
}

/** Throws unless the actor may do `permission`. Call it first in every verb, before any data is read. */
export function authorize<A extends Actor>(actor: A | null | undefined, permission: Permission): asserts actor is A {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission)) throw new ForbiddenError();
}

/** The staff id to record as `actorId` (null for the system). */
export function actorId(actor: Actor): string | null {
  return actor.kind === "staff" ? actor.id : null;
}
