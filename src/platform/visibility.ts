import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "./actor";
import { effectiveMemberships } from "./actor";

/**
 * The safe space (PRODUCT.md principle 4): every State update and request carries the tier its
 * State chose. One rule, used by every list, search, export, dashboard, API and notification:
 * `canSee` for one record in memory, `visibleTo` for the same rule as SQL.
 */
export const VISIBILITY_TIERS = ["private", "secretariat", "providers", "public"] as const;
export type VisibilityTier = (typeof VISIBILITY_TIERS)[number];

export interface VisibleRecord {
  ownerOrganisationId: string;
  visibility: VisibilityTier;
  /** Organisations the owner shared this record with by name (a consented match, for example). */
  grantedOrganisationIds: readonly string[];
}

/** What the actor's memberships let it see: computed once, used by both forms of the rule. */
export function audienceOf(actor: Actor) {
  const memberships = effectiveMemberships(actor);
  const organisations = [...new Set(memberships.map((m) => m.organisationId))];
  // Decided by role, not by organisation: an expert or a token of OHCHR is not the secretariat,
  // and the officer's role counts only once the second factor is passed (effectiveMemberships).
  const secretariat = memberships.some(
    (m) =>
      (m.isSecretariat && (m.role === "secretariat-officer" || m.role === "platform-administrator")) ||
      m.role === "advisory-committee-member",
  );
  const signedIn = actor.kind === "user" || actor.kind === "token";
  // Any signed-in organisation can provide support: States, UN entities, NHRIs, NGOs alike.
  const provider = signedIn && memberships.length > 0;
  return { organisations, secretariat, provider };
}

export function canSee(actor: Actor, record: VisibleRecord): boolean {
  if (record.visibility === "public") return true;
  const audience = audienceOf(actor);
  if (audience.organisations.includes(record.ownerOrganisationId)) return true;
  if (record.grantedOrganisationIds.some((id) => audience.organisations.includes(id))) return true;
  if (record.visibility === "secretariat") return audience.secretariat;
  if (record.visibility === "providers") return audience.secretariat || audience.provider;
  return false;
}

/**
 * The same rule as a WHERE clause. `visibility` may be an expression when a record's tier depends
 * on its state (a draft request is private whatever tier it will have). `grantedTo` is a subquery column list of organisation ids the
 * record was shared with (for example `select organisation_id from request_grants where request_id = requests.id`).
 */
export function visibleTo(
  actor: Actor,
  columns: { owner: AnyPgColumn; visibility: AnyPgColumn | SQL; grantedTo?: (organisationIds: string[]) => SQL },
): SQL {
  const audience = audienceOf(actor);
  const tiers: VisibilityTier[] = ["public"];
  if (audience.secretariat) tiers.push("secretariat", "providers");
  else if (audience.provider) tiers.push("providers");
  const tierList = sql.join(
    tiers.map((t) => sql`${t}`),
    sql`, `,
  );
  const clauses: SQL[] = [sql`${columns.visibility} in (${tierList})`];
  if (audience.organisations.length > 0) {
    const ids = sql.join(
      audience.organisations.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    clauses.push(sql`${columns.owner} in (${ids})`);
    if (columns.grantedTo) clauses.push(columns.grantedTo(audience.organisations));
  }
  return sql`(${sql.join(clauses, sql` or `)})`;
}
