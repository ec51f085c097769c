import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Membership, OrganisationKind, Role } from "../../platform/actor";
import type { Db } from "../../platform/db/database";
import { memberships, organisations, recoveryCodes, sessions, signInFailures, users } from "./schema";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

export async function selectUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function selectUser(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** A membership's columns, with its organisation's, as a session's actor needs them. */
export const MEMBERSHIP_COLUMNS = {
  organisationId: memberships.organisationId,
  role: memberships.role,
  regionalGroup: memberships.regionalGroup,
  organisationKind: organisations.kind,
  isSecretariat: organisations.isSecretariat,
  countryIso3: organisations.countryIso3,
};

export function toMembership(r: {
  organisationId: string;
  role: string;
  regionalGroup: string | null;
  organisationKind: string;
  isSecretariat: boolean;
  countryIso3: string | null;
}): Membership {
  return {
    organisationId: r.organisationId,
    organisationKind: r.organisationKind as OrganisationKind,
    isSecretariat: r.isSecretariat,
    role: r.role as Role,
    regionalGroup: r.regionalGroup,
    countryIso3: r.countryIso3,
  };
}

export async function selectMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db
    .select(MEMBERSHIP_COLUMNS)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.role));
  return rows.map(toMembership);
}

export async function selectLiveSession(db: Db, id: string, now: Date): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function selectFailures(db: Db, keys: string[], since: Date): Promise<Map<string, Date[]>> {
  const rows = await db
    .select()
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.failedAt, since)));
  const byKey = new Map<string, Date[]>(keys.map((k) => [k, []]));
  for (const r of rows) byKey.get(r.key)?.push(r.failedAt);
  return byKey;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function selectOrganisations(db: Db, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}
