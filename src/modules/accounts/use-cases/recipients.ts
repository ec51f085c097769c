import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Membership, Role } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { isLocale, type Locale } from "../../../platform/i18n/locales";
import { memberships, organisations, users } from "../schema";
import { MEMBERSHIP_COLUMNS, toMembership } from "../store";

/**
 * Who a message is for, in the terms of memberships: each given field must hold for one and the
 * same membership. `userId` alone names a person whatever their memberships; `{}` names nobody,
 * so a selector built from a missing value never reaches everyone.
 */
export interface RecipientSelector {
  role?: Role;
  organisationId?: string;
  /** Whether the membership is in the organisation that administers the facility (OHCHR). */
  secretariat?: boolean;
  userId?: string;
}

/** A person who may be told something, with what is needed to judge what they may see and to write to them. */
export interface Recipient {
  userId: string;
  displayName: string;
  email: string;
  locale: Locale;
  memberships: Membership[];
}

/**
 * Active people matching any selector, each with all their memberships (not only the one that
 * matched: what a person may see depends on every role they hold), in one query.
 */
export async function findRecipients(db: Db, selectors: readonly RecipientSelector[]): Promise<Recipient[]> {
  const candidate = alias(memberships, "candidate");
  const candidateOrganisation = alias(organisations, "candidate_organisation");
  const byPerson = selectors.filter((s) => s.userId && !s.role && !s.organisationId && s.secretariat === undefined);
  const byMembership: SQL[] = [];
  for (const s of selectors) {
    if (byPerson.includes(s)) continue;
    const clauses: SQL[] = [];
    if (s.role) clauses.push(eq(candidate.role, s.role));
    if (s.organisationId) clauses.push(eq(candidate.organisationId, s.organisationId));
    if (s.secretariat !== undefined) clauses.push(eq(candidateOrganisation.isSecretariat, s.secretariat));
    if (s.userId) clauses.push(eq(candidate.userId, s.userId));
    if (clauses.length > 0) byMembership.push(and(...clauses)!);
  }
  const who: SQL[] = [];
  if (byPerson.length > 0)
    who.push(
      inArray(
        users.id,
        byPerson.map((s) => s.userId!),
      ),
    );
  if (byMembership.length > 0)
    who.push(
      inArray(
        users.id,
        db
          .select({ userId: candidate.userId })
          .from(candidate)
          .innerJoin(candidateOrganisation, eq(candidateOrganisation.id, candidate.organisationId))
          .where(or(...byMembership)),
      ),
    );
  if (who.length === 0) return [];

  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      locale: users.locale,
      ...MEMBERSHIP_COLUMNS,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.status, "active"), or(...who)))
    .orderBy(asc(users.id), asc(memberships.createdAt), asc(memberships.role));

  const recipients = new Map<string, Recipient>();
  for (const r of rows) {
    let recipient = recipients.get(r.userId);
    if (!recipient) {
      recipient = {
        userId: r.userId,
        displayName: r.displayName,
        email: r.email,
        locale: isLocale(r.locale) ? r.locale : "en",
        memberships: [],
      };
      recipients.set(r.userId, recipient);
    }
    // A person with no membership comes back once, with nulls from the outer joins.
    if (r.organisationId && r.role && r.organisationKind && r.isSecretariat !== null)
      recipient.memberships.push(
        toMembership({
          ...r,
          organisationId: r.organisationId,
          role: r.role,
          organisationKind: r.organisationKind,
          isSecretariat: r.isSecretariat,
        }),
      );
  }
  return [...recipients.values()];
}
