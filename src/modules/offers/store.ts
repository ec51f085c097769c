import { and, asc, eq, gt, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/database";
import type { ProviderType } from "../../platform/support-vocabulary";
import { type VisibilityTier, visibleTo } from "../../platform/visibility";
import { organisationCountryOf, organisationKindOf, organisationNameOf } from "../accounts";
import { regionalGroupOf } from "../reference-data";
import type { OfferContent, OfferStatus } from "./domain/offer";
import { offers as o } from "./schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The one rule for offers: owned by the provider organisation, shown by the tier it chose. */
export const visibleOffer = (actor: Actor) => visibleTo(actor, { owner: o.organisationId, visibility: o.visibility });

/**
 * The provider type, derived as `providerTypeOf` does: the organisation's kind, and for a State
 * its regional group (a State outside the groups has none).
 */
const providerKind = organisationKindOf(o.organisationId);
export const providerTypeSql: SQL<string | null> = sql<string | null>`(case when ${providerKind} = 'state'
  then 'state-' || ${regionalGroupOf(organisationCountryOf(o.organisationId))} else ${providerKind} end)`;

/** What every read of an offer selects: the row, its provider's name and type. */
export const offerColumns = {
  id: o.id,
  seq: o.seq,
  organisationId: o.organisationId,
  providerName: organisationNameOf(o.organisationId),
  providerType: providerTypeSql,
  status: o.status,
  title: o.title,
  description: o.description,
  language: o.language,
  themes: o.themes,
  sdgTargets: o.sdgTargets,
  supportKinds: o.supportKinds,
  workingLanguages: o.workingLanguages,
  eligibleGroups: o.eligibleGroups,
  eligibleStatuses: o.eligibleStatuses,
  eligibleStates: o.eligibleStates,
  capacity: o.capacity,
  engagements: o.engagements,
  contributionMinor: o.contributionMinor,
  contributionCurrency: o.contributionCurrency,
  validFrom: o.validFrom,
  validUntil: o.validUntil,
  visibility: o.visibility,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
};

/** Offers with what `offerColumns` adds; callers add their own conditions and order. */
export const selectOffers = (db: Db) => db.select(offerColumns).from(o);
export type OfferRow = Awaited<ReturnType<typeof selectOffers>>[number];

/** An offer as pages and the API show it; dates as ISO text, money as minor units and a currency. */
export function presentOffer(row: OfferRow) {
  return {
    id: row.id,
    number: row.seq,
    provider: { id: row.organisationId, name: row.providerName ?? "", type: row.providerType as ProviderType | null },
    status: row.status as OfferStatus,
    title: row.title,
    description: row.description,
    language: row.language,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    supportKinds: row.supportKinds,
    workingLanguages: row.workingLanguages,
    eligibility: {
      regionalGroups: row.eligibleGroups,
      statuses: row.eligibleStatuses,
      namedStates: row.eligibleStates,
    },
    capacity: row.capacity,
    engagements: row.engagements,
    capacityLeft: Math.max(0, row.capacity - row.engagements),
    contribution:
      row.contributionMinor !== null && row.contributionCurrency !== null
        ? { amountMinor: Number(row.contributionMinor), currency: row.contributionCurrency }
        : null,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    visibility: row.visibility as VisibilityTier,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
export type Offer = ReturnType<typeof presentOffer>;

/** The saved content of a row, in the shape the form parser returns, to compare and audit. */
export function contentOf(row: typeof o.$inferSelect): OfferContent {
  return {
    title: row.title,
    description: row.description,
    language: row.language,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    supportKinds: row.supportKinds,
    workingLanguages: row.workingLanguages,
    eligibleGroups: row.eligibleGroups,
    eligibleStatuses: row.eligibleStatuses,
    eligibleStates: row.eligibleStates,
    capacity: row.capacity,
    contributionMinor: row.contributionMinor === null ? null : Number(row.contributionMinor),
    contributionCurrency: row.contributionCurrency,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    visibility: row.visibility as VisibilityTier,
    status: row.status as OfferStatus,
  };
}

/**
 * Locks these offers for the caller's transaction, in the order of their ids, and gives their
 * statuses. Modules that change an offer together with its matches take the offer first, as the
 * offers module does when its status changes: one order everywhere, so two such changes wait for
 * each other instead of deadlocking (matching's matches-act.ts explains the whole order).
 */
export async function lockOffers(db: Db, ids: readonly string[]): Promise<{ id: string; status: string }[]> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return [];
  return db.select({ id: o.id, status: o.status }).from(o).where(inArray(o.id, valid)).orderBy(asc(o.id)).for("update");
}

/**
 * Takes one unit of an offer's capacity for a match the State consented to, in the caller's
 * transaction: false, changing nothing, when the offer is not open or its capacity is used up.
 * One conditional update, so two consents at once cannot both take the last place. The change
 * time moves, so suggestions drop an offer that has no place left.
 */
export async function consumeOfferCapacity(db: Db, offerId: string): Promise<boolean> {
  if (!isUuid(offerId)) return false;
  const taken = await db
    .update(o)
    .set({ engagements: sql`${o.engagements} + 1`, updatedAt: sql`now()` })
    .where(and(eq(o.id, offerId), eq(o.status, "open"), lt(o.engagements, o.capacity)))
    .returning({ id: o.id });
  return taken.length > 0;
}

/** Gives back the unit a match held (its consent revoked), whatever the offer's status now. */
export async function releaseOfferCapacity(db: Db, offerId: string): Promise<boolean> {
  if (!isUuid(offerId)) return false;
  const released = await db
    .update(o)
    .set({ engagements: sql`${o.engagements} - 1`, updatedAt: sql`now()` })
    .where(and(eq(o.id, offerId), gt(o.engagements, 0)))
    .returning({ id: o.id });
  return released.length > 0;
}
