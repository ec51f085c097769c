import { and, desc, inArray, isNotNull, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { CitationSource } from "../../../platform/citations";
import type { Db } from "../../../platform/db/database";
import { publicCount } from "../../../platform/statistics";
import { amountText } from "../../../platform/support-vocabulary";
import { audienceOf } from "../../../platform/visibility";
import { developmentStatusesOf, regionalGroupOf } from "../../reference-data";
import { disclosedFields, redactRequest, withheldFields } from "../domain/disclosure";
import { countFacets, type FacetValues, meetsFilter, type RequestFilter } from "../domain/filter";
import { isInsider } from "../domain/policy";
import { ageBandOf, waitingDays } from "../domain/request";
import type { RequestState } from "../domain/workflow";
import { supportRequests as r } from "../schema";
import { effectiveTierSql, grantedFieldsFor, requestsCiting, visibleRequest } from "../store";

const goalsOf = (targets: readonly string[]) => [...new Set(targets.map((t) => t.split(".")[0]!))];

/**
 * The request list (page and API): words matched by the database over the requests the actor
 * may see, then facets counted and filters applied over that same set, so a count never includes
 * a request the list would not show. Newest first, or best match first when words are given.
 * No word, facet or order reads a restricted field (domain/disclosure.ts): the words index only
 * the title and summary, so a list never tells which requests have a budget, a start or a
 * counterpart the reader was not shown. Each item carries its restricted fields redacted for the
 * actor, and names those withheld.
 */
export async function searchRequests(input: { actor: Actor; filter: RequestFilter; now?: Date }, deps: { db: Db }) {
  const { actor, filter } = input;
  const now = input.now ?? new Date();
  const words = filter.q ? sql`websearch_to_tsquery('english', ${filter.q})` : null;
  const candidates = await deps.db
    .select({
      id: r.id,
      state: r.state,
      stateIso3: r.stateIso3,
      themes: r.themes,
      sdgTargets: r.sdgTargets,
      supportKinds: r.supportKinds,
      providerTypes: r.providerTypes,
      workingLanguages: r.workingLanguages,
      openedAt: r.openedAt,
      matchedAt: r.matchedAt,
      group: regionalGroupOf(r.stateIso3),
      statuses: developmentStatusesOf(r.stateIso3),
    })
    .from(r)
    .where(and(visibleRequest(actor), words ? sql`${r.search} @@ ${words}` : undefined))
    .orderBy(...(words ? [desc(sql`ts_rank(${r.search}, ${words})`)] : []), desc(r.createdAt), desc(r.seq));
  const described = candidates.map((row) => {
    const days = waitingDays(row, now);
    const values: FacetValues = {
      state: [row.state],
      theme: row.themes,
      sdg: goalsOf(row.sdgTargets),
      kind: row.supportKinds,
      group: row.group ? [row.group] : [],
      status: row.statuses,
      providerType: row.providerTypes,
      language: row.workingLanguages,
      age: days === null ? [] : [ageBandOf(days)],
      country: [row.stateIso3],
    };
    return { id: row.id, values };
  });
  const matching = described.filter((d) => meetsFilter(d.values, filter));
  const pageIds = matching.slice(filter.offset, filter.offset + filter.limit).map((d) => d.id);
  const rows = pageIds.length
    ? await deps.db
        .select({
          id: r.id,
          seq: r.seq,
          title: r.title,
          summary: r.summary,
          language: r.language,
          stateIso3: r.stateIso3,
          state: r.state,
          themes: r.themes,
          supportKinds: r.supportKinds,
          workingLanguages: r.workingLanguages,
          visibility: effectiveTierSql,
          createdAt: r.createdAt,
          openedAt: r.openedAt,
          matchedAt: r.matchedAt,
          organisationId: r.organisationId,
          desiredStart: r.desiredStart,
          durationMonths: r.durationMonths,
          budgetMinor: r.budgetMinor,
          budgetCurrency: r.budgetCurrency,
          counterparts: r.counterparts,
        })
        .from(r)
        .where(inArray(r.id, pageIds))
    : [];
  // The restricted fields each listed request discloses to the actor: its grants read in one query.
  const grants = await grantedFieldsFor(deps.db, pageIds, audienceOf(actor).organisations);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    total: matching.length,
    items: pageIds
      .map((id) => byId.get(id)!)
      .map(({ organisationId, ...row }) => {
        const disclosed = disclosedFields({
          insider: isInsider(actor, { ownerOrganisationId: organisationId }),
          grants: grants.get(row.id) ?? [],
        });
        return {
          ...redactRequest(row, disclosed),
          state: row.state as RequestState,
          waitingDays: waitingDays(row, now),
          withheld: withheldFields(disclosed),
        };
      }),
    facets: countFacets(matching.map((d) => d.values)),
  };
}

/**
 * Figures anyone may read (issue 5, point 8): requests counted when public or when their State
 * allowed anonymous counting, never one that was not submitted; every figure below 3 shown as "fewer than 3".
 */
export async function publicRequestStatistics(_input: { actor: Actor }, deps: { db: Db }) {
  const rows = await deps.db
    .select({
      state: r.state,
      group: regionalGroupOf(r.stateIso3),
      n: sql<number>`count(*)::int`,
    })
    .from(r)
    .where(and(isNotNull(r.submittedAt), sql`(${effectiveTierSql} = 'public' or ${r.anonymousCounting})`))
    .groupBy(r.state, regionalGroupOf(r.stateIso3));
  const sum = (pick: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(pick).reduce((total, row) => total + Number(row.n), 0);
  const byState = new Map<string, number>();
  const byGroup = new Map<string, number>();
  for (const row of rows) {
    byState.set(row.state, (byState.get(row.state) ?? 0) + Number(row.n));
    if (row.group) byGroup.set(row.group, (byGroup.get(row.group) ?? 0) + Number(row.n));
  }
  return {
    total: publicCount(sum(() => true)),
    byState: [...byState].map(([state, n]) => ({ state: state as RequestState, count: publicCount(n) })),
    byGroup: [...byGroup].map(([group, n]) => ({ group, count: publicCount(n) })),
  };
}

/** The requests the actor may see that cite one recommendation (the recommendation page lists them). */
export async function requestsCitingRecommendation(
  { actor, recommendationId }: { actor: Actor; recommendationId: string },
  deps: { db: Db },
) {
  return deps.db
    .select({ id: r.id, seq: r.seq, title: r.title, language: r.language, state: r.state, stateIso3: r.stateIso3 })
    .from(r)
    .where(and(visibleRequest(actor), requestsCiting(recommendationId)))
    .orderBy(desc(r.createdAt))
    .limit(50);
}

/** The recommendation page's "cited by" entries from requests (platform/citations.ts). */
export const requestCitations: CitationSource = async (input, deps) =>
  (await requestsCitingRecommendation(input, deps)).map((r) => ({
    kind: "request",
    id: r.id,
    title: r.title,
    language: r.language,
    link: `/requests/${r.id}`,
  }));

export const EXPORT_COLUMNS = [
  "number",
  "title",
  "summary",
  "language",
  "state_iso3",
  "step",
  "kinds_of_support",
  "themes",
  "working_languages",
  "created_at",
  "opened_at",
  "days_open_unanswered",
  "budget_amount",
  "budget_currency",
  "desired_start",
  "duration_months",
  "counterparts",
  "withheld_fields",
  "link",
] as const;

/**
 * Every request of a list the actor may see (the same search, all pages), as export rows, the
 * restricted fields redacted as the list redacts them (an empty cell may be withheld: the
 * withheld_fields column says which). The link is absolute so a spreadsheet reader can open each request.
 */
export async function* exportRequests(
  input: { actor: Actor; filter: RequestFilter; baseUrl: string },
  deps: { db: Db },
): AsyncGenerator<(string | number | null)[]> {
  const PAGE = 500;
  for (let offset = 0; ; offset += PAGE) {
    const page = await searchRequests({ actor: input.actor, filter: { ...input.filter, limit: PAGE, offset } }, deps);
    for (const r of page.items)
      yield [
        r.seq,
        r.title,
        r.summary,
        r.language,
        r.stateIso3,
        r.state,
        r.supportKinds.join("; "),
        r.themes.join("; "),
        r.workingLanguages.join("; "),
        r.createdAt.toISOString(),
        r.openedAt?.toISOString() ?? null,
        r.waitingDays,
        r.budgetMinor === null || !r.budgetCurrency ? null : amountText(r.budgetMinor, r.budgetCurrency),
        r.budgetCurrency,
        r.desiredStart,
        r.durationMonths,
        r.counterparts.join("; "),
        r.withheld.join("; "),
        `${input.baseUrl}/requests/${r.id}`,
      ];
    if (offset + PAGE >= page.total) return;
  }
}
