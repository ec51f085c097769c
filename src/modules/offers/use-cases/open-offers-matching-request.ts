import { and, eq, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { isEligible, type StateProfile } from "../../../platform/eligibility";
import { isoDay } from "../domain/offer";
import { offers } from "../schema";

/**
 * The offers a newly opened request may interest (issue 5: notify the providers): open, valid
 * today, with capacity left, sharing a theme, and for which the requesting State is eligible.
 * The caller notifies through `notify`, which judges each recipient's visibility itself.
 */
export async function openOffersMatchingRequest(
  db: Db,
  request: { themes: readonly string[]; state: StateProfile; today?: Date },
): Promise<{ id: string; organisationId: string; title: string; visibility: string }[]> {
  if (request.themes.length === 0) return [];
  const today = isoDay(request.today ?? new Date());
  const themes = sql`array[${sql.join(
    request.themes.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const rows = await db
    .select({
      id: offers.id,
      organisationId: offers.organisationId,
      title: offers.title,
      visibility: offers.visibility,
      eligibleGroups: offers.eligibleGroups,
      eligibleStatuses: offers.eligibleStatuses,
      eligibleStates: offers.eligibleStates,
    })
    .from(offers)
    .where(
      and(
        eq(offers.status, "open"),
        lt(offers.engagements, offers.capacity),
        or(isNull(offers.validFrom), lte(offers.validFrom, today)),
        or(isNull(offers.validUntil), gte(offers.validUntil, today)),
        sql`${offers.themes} && ${themes}`,
      ),
    )
    .orderBy(offers.seq);
  return rows
    .filter((r) =>
      isEligible(
        { regionalGroups: r.eligibleGroups, statuses: r.eligibleStatuses, namedStates: r.eligibleStates },
        request.state,
      ),
    )
    .map(({ id, organisationId, title, visibility }) => ({ id, organisationId, title, visibility }));
}
