import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { getCountry } from "../../reference-data";
import { parseOrganisationInput } from "../domain/organisation-input";
import { can } from "../domain/policy";
import { likePattern } from "../domain/search";
import { memberships, organisations, users } from "../schema";
import { ForbiddenError } from "./list-audit-events";

export async function listOrganisations(
  input: { actor: Actor; search: string; kind: string; limit: number; offset: number },
  deps: { db: Db },
) {
  if (!can(input.actor, "organisations.manage")) throw new ForbiddenError();
  const conditions: SQL[] = [];
  const search = input.search.trim();
  if (search)
    conditions.push(
      or(ilike(organisations.name, likePattern(search)), ilike(organisations.acronym, likePattern(search)))!,
    );
  if (input.kind) conditions.push(eq(organisations.kind, input.kind));
  const where = conditions.length ? and(...conditions) : undefined;
  const members = sql<number>`(select count(*)::int from ${memberships} where ${memberships.organisationId} = ${organisations.id})`;
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        id: organisations.id,
        name: organisations.name,
        acronym: organisations.acronym,
        kind: organisations.kind,
        countryIso3: organisations.countryIso3,
        members,
      })
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { organisations: rows.map((r) => ({ ...r, members: Number(r.members) })), total: Number(count?.n ?? 0) };
}

export type CreateOrganisationResult =
  | { outcome: "created"; id: string }
  | { outcome: "invalid"; errors: Record<string, string> };

export async function createOrganisation(
  input: { actor: Actor; raw: Record<string, string>; request: AuditContext },
  deps: { db: Db },
): Promise<CreateOrganisationResult> {
  if (!can(input.actor, "organisations.manage")) throw new ForbiddenError();
  const { value, errors } = parseOrganisationInput(input.raw);
  if (!value) return { outcome: "invalid", errors };
  if (value.countryIso3 && !(await getCountry({ actor: input.actor, iso3: value.countryIso3 }, deps)))
    return { outcome: "invalid", errors: { countryIso3: "organisation.error.country" } };
  const id = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [row] = await db.insert(organisations).values(value).returning();
    await recordAudit(
      db,
      input.actor,
      { action: "organisation.create", subjectType: "organisation", subjectId: row!.id, after: { ...value } },
      input.request,
    );
    return row!.id;
  });
  return { outcome: "created", id };
}

/** An organisation's profile and members, for signed-in people. */
export async function getOrganisation({ actor, id }: { actor: Actor; id: string }, deps: { db: Db }) {
  if (actor.kind !== "user") throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [organisation] = await deps.db.select().from(organisations).where(eq(organisations.id, id));
  if (!organisation) return null;
  const people = await deps.db
    .select({ displayName: users.displayName, role: memberships.role, regionalGroup: memberships.regionalGroup })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, id), eq(users.status, "active")))
    .orderBy(asc(users.displayName));
  return { organisation, people };
}

export async function listUsers(
  input: { actor: Actor; search: string; limit: number; offset: number },
  deps: { db: Db },
) {
  if (!can(input.actor, "users.manage")) throw new ForbiddenError();
  const search = input.search.trim();
  const where = search
    ? or(ilike(users.displayName, likePattern(search)), ilike(users.email, likePattern(search.toLowerCase())))
    : undefined;
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        id: users.id,
        displayName: users.displayName,
        email: users.email,
        status: users.status,
        secondFactor: sql<boolean>`${users.totpEnabledAt} is not null`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName))
      .limit(input.limit)
      .offset(input.offset),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  const roles = rows.length
    ? await deps.db
        .select({
          userId: memberships.userId,
          role: memberships.role,
          organisationId: memberships.organisationId,
          organisationName: organisations.name,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          sql`${memberships.userId} in (${sql.join(
            rows.map((r) => sql`${r.id}::uuid`),
            sql`, `,
          )})`,
        )
    : [];
  return {
    users: rows.map((u) => ({
      ...u,
      memberships: roles
        .filter((r) => r.userId === u.id)
        .map((r) => ({ role: r.role, organisationId: r.organisationId, organisationName: r.organisationName })),
    })),
    total: Number(count?.n ?? 0),
  };
}
