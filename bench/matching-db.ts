/**
 * Matching at scale in the database (issue 6). The synthetic market of bench/matching.ts is stored
 * as real rows — State and provider organisations, open requests citing recommendations, open
 * offers — and the real use case, `refreshSuggestions`, is measured against brute force on the
 * market it loads, in the same run: the full refresh (load, compute, store), its stored lists
 * against brute force's, and one new request or offer applied incrementally (p50, p95), end to end.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { asc, type SQL, sql } from "drizzle-orm";
import { organisations } from "../src/modules/accounts/schema";
import { bruteForceSuggestions, type Suggestion } from "../src/modules/matching/domain/engine";
import {
  marketOffer,
  marketRequest,
  type OfferFacts,
  offerTokens,
  type RequestFacts,
  requestTokens,
} from "../src/modules/matching/domain/market";
import type { ScoringContext } from "../src/modules/matching/domain/score";
import { textStatistics, Vocabulary } from "../src/modules/matching/domain/text";
import { matchSuggestions as s } from "../src/modules/matching/schema";
import { loadOffers, loadRequests } from "../src/modules/matching/use-cases/market";
import { refreshSuggestions } from "../src/modules/matching/use-cases/refresh-suggestions";
import { currentWeights, ensureMatchWeights } from "../src/modules/matching/use-cases/weights";
import { offers } from "../src/modules/offers/schema";
import { recommendations } from "../src/modules/recommendations/schema";
import { requestRecommendations, supportRequests } from "../src/modules/requests/schema";
import type { Database, Db } from "../src/platform/db/database";
import { ms, percentile, printTable, ratio, timed, whole } from "./harness";
import { buildMarket, MARKET_TODAY } from "./matching";

// Every refresh scores on the day the market was built around, as the in-memory run does: the
// desired starts and validity periods are set relative to it, and a turning day would make the
// use case rebuild its engine instead of applying the change.
const NOW = new Date(`${MARKET_TODAY}T12:00:00Z`);

// One statement per slice, each a JSON document the database unpacks (as the use case stores its
// rows): thousands of rows without thousands of bind parameters, the same on PGlite and PostgreSQL.
const SLICE = 2_000;
async function insertSlices(db: Db, rows: readonly object[], statement: (json: string) => SQL) {
  for (let i = 0; i < rows.length; i += SLICE) await db.execute(statement(JSON.stringify(rows.slice(i, i + SLICE))));
}

/**
 * The synthetic market with the ids its rows will have: the facts `loadRequests` and `loadOffers`
 * must give back, and the organisations behind them.
 */
async function storableMarket(total: number) {
  const market = await buildMarket(total);
  const ids = new Map<string, string>();
  const uuidOf = (key: string) => {
    let id = ids.get(key);
    if (!id) {
      id = randomUUID();
      ids.set(key, id);
    }
    return id;
  };
  const orgs = new Map<string, { id: string; kind: string; name: string; country_iso3: string | null }>();
  const groups = new Map<string, string[]>();
  for (const state of market.states)
    if (state.group) groups.set(state.group, [...(groups.get(state.group) ?? []), state.iso3]);
  const requests: RequestFacts[] = market.requests.map((r) => {
    const organisationId = uuidOf(r.organisationId);
    orgs.set(organisationId, { id: organisationId, kind: "state", name: r.organisationId, country_iso3: r.state.iso3 });
    return { ...r, id: uuidOf(r.id), organisationId };
  });
  const offerFacts: OfferFacts[] = market.offers.map((o) => {
    const organisationId = uuidOf(o.organisationId);
    if (!orgs.has(organisationId)) {
      // A State provider is a State organisation of its group (any of them: its type is all the
      // market says); other kinds are the type itself.
      const group = o.providerType?.startsWith("state-") ? o.providerType.slice("state-".length) : null;
      const states = group ? groups.get(group) : undefined;
      if (group && !states) throw new Error(`no State in the group of provider type ${o.providerType}`);
      orgs.set(organisationId, {
        id: organisationId,
        kind: group ? "state" : (o.providerType ?? "ngo"),
        name: o.organisationId,
        country_iso3: states ? states[orgs.size % states.length]! : null,
      });
    }
    return { ...o, id: uuidOf(o.id), organisationId };
  });
  return { requests, offers: offerFacts, organisations: [...orgs.values()] };
}

/**
 * Requests as rows, each citing one recommendation of its own State about exactly the themes and
 * SDG targets the synthetic request's recommendations are about. `ageMinutes` dates the change.
 */
async function insertRequests(db: Db, requests: readonly RequestFacts[], ageMinutes: (i: number) => number) {
  const rows = requests.map((r, i) => ({
    id: r.id,
    organisation_id: r.organisationId,
    state_iso3: r.state.iso3,
    title: r.title,
    summary: r.summary,
    themes: r.themes,
    sdg_targets: r.sdgTargets,
    support_kinds: r.supportKinds,
    provider_types: r.providerTypes,
    working_languages: r.workingLanguages,
    desired_start: r.desiredStart,
    recommendation_id: randomUUID(),
    recommendation_themes: r.recommendationThemes,
    recommendation_sdgs: r.recommendationSdgs,
    age: ageMinutes(i),
  }));
  await insertSlices(
    db,
    rows,
    (json) => sql`insert into ${recommendations} (id, key, kind, mechanism, state_under_review, text, themes, sdgs,
        source, content_hash)
      select x.recommendation_id, 'bench-' || x.recommendation_id, 'recommendation', 'upr', x.state_iso3, x.summary,
        x.recommendation_themes, x.recommendation_sdgs, 'bench', 'bench'
      from jsonb_to_recordset(${json}::jsonb) as x(recommendation_id uuid, state_iso3 text, summary text,
        recommendation_themes text[], recommendation_sdgs text[])`,
  );
  await insertSlices(
    db,
    rows,
    (json) => sql`insert into ${supportRequests} (id, organisation_id, state_iso3, state, title, summary, themes,
        sdg_targets, support_kinds, provider_types, working_languages, desired_start, visibility,
        created_at, updated_at, submitted_at, opened_at)
      select x.id, x.organisation_id, x.state_iso3, 'open', x.title, x.summary, x.themes, x.sdg_targets,
        x.support_kinds, x.provider_types, x.working_languages, x.desired_start, 'public',
        t.at, t.at, t.at, t.at
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, organisation_id uuid, state_iso3 text, title text,
        summary text, themes text[], sdg_targets text[], support_kinds text[], provider_types text[],
        working_languages text[], desired_start date, age integer)
      cross join lateral (select now() - x.age * interval '1 minute' as at) as t`,
  );
  await insertSlices(
    db,
    rows,
    (json) => sql`insert into ${requestRecommendations} (request_id, recommendation_id)
      select x.id, x.recommendation_id from jsonb_to_recordset(${json}::jsonb) as x(id uuid, recommendation_id uuid)`,
  );
}

async function insertOffers(db: Db, items: readonly OfferFacts[], ageMinutes: (i: number) => number) {
  const rows = items.map((o, i) => ({
    id: o.id,
    organisation_id: o.organisationId,
    status: o.status,
    title: o.title,
    description: o.description,
    themes: o.themes,
    sdg_targets: o.sdgTargets,
    support_kinds: o.supportKinds,
    working_languages: o.workingLanguages,
    eligible_groups: o.eligibility.regionalGroups,
    eligible_statuses: o.eligibility.statuses,
    eligible_states: o.eligibility.namedStates,
    capacity: o.capacity,
    engagements: o.engagements,
    valid_from: o.validFrom,
    valid_until: o.validUntil,
    age: ageMinutes(i),
  }));
  await insertSlices(
    db,
    rows,
    (json) => sql`insert into ${offers} (id, organisation_id, status, title, description, themes, sdg_targets,
        support_kinds, working_languages, eligible_groups, eligible_statuses, eligible_states, capacity, engagements,
        valid_from, valid_until, visibility, created_at, updated_at)
      select x.id, x.organisation_id, x.status, x.title, x.description, x.themes, x.sdg_targets, x.support_kinds,
        x.working_languages, x.eligible_groups, x.eligible_statuses, x.eligible_states, x.capacity, x.engagements,
        x.valid_from, x.valid_until, 'public', t.at, t.at
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, organisation_id uuid, status text, title text,
        description text, themes text[], sdg_targets text[], support_kinds text[], working_languages text[],
        eligible_groups text[], eligible_statuses text[], eligible_states text[], capacity integer,
        engagements integer, valid_from date, valid_until date, age integer)
      cross join lateral (select now() - x.age * interval '1 minute' as at) as t`,
  );
}

/** How many of `loaded` differ from the facts stored for them, or are missing or extra. */
function differingFacts<T extends { id: string }>(expected: readonly T[], loaded: readonly T[]) {
  const byId = new Map(expected.map((f) => [f.id, f]));
  let differing = 0;
  for (const facts of loaded) {
    const wanted = byId.get(facts.id);
    byId.delete(facts.id);
    if (isDeepStrictEqual(facts, wanted)) continue;
    if (differing === 0) console.log("first differing facts:\n", { stored: wanted, loaded: facts });
    differing++;
  }
  return differing + byId.size;
}

/** The stored top-10 lists (ids in rank order), by side and subject. */
async function storedLists(db: Db) {
  const rows = await db
    .select({ side: s.side, subjectId: s.subjectId, candidateId: s.candidateId })
    .from(s)
    .orderBy(asc(s.side), asc(s.subjectId), asc(s.rank));
  const lists = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.side} ${row.subjectId}`;
    const list = lists.get(key);
    if (list) list.push(row.candidateId);
    else lists.set(key, [row.candidateId]);
  }
  return lists;
}

export async function benchMatchingDb(database: Database, options: { size: number; updates: number }) {
  const { db } = database;
  const { size, updates } = options;
  const market = await storableMarket(size + updates);
  const seeded = { requests: market.requests.slice(0, size), offers: market.offers.slice(0, size) };

  // Seeded rows changed an hour apart, as in a market built up over months. Stamped all with the
  // moment of seeding, they would all fall in the couple of minutes each incremental run looks
  // back before the last change it applied (OVERLAP_MS in refresh-suggestions.ts), and the first
  // update would re-read the whole market.
  const seeding = await timed(() =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await insertSlices(
        t,
        market.organisations,
        (json) => sql`insert into ${organisations} (id, kind, name, country_iso3)
          select x.id, x.kind, x.name, x.country_iso3
          from jsonb_to_recordset(${json}::jsonb) as x(id uuid, kind text, name text, country_iso3 text)`,
      );
      await insertRequests(t, seeded.requests, (i) => (size - i) * 60 + 30);
      await insertOffers(t, seeded.offers, (i) => (size - i) * 60);
    }),
  );
  // PostgreSQL's autovacuum would have analysed tables that grew this much; PGlite has none.
  await db.execute(sql`analyze`);
  await ensureMatchWeights(db);
  console.log(
    `seeded ${whole(size)} open requests (each citing a recommendation), ${whole(size)} open offers and ${whole(market.organisations.length)} organisations in ${(seeding.ms / 1000).toFixed(1)} s (one transaction; not measured)`,
  );

  // The full refresh first, on a database no query has read yet, as the job would meet it.
  const full = await timed(() => refreshSuggestions({ db }, { now: NOW, full: true }));
  const { load, store } = full.value.timings;
  if (full.value.mode !== "full") throw new Error(`a full refresh reported mode ${full.value.mode}`);

  // Brute force on the market as the use case loads it, which must be the synthetic market.
  const requests = await loadRequests(db);
  const loadedOffers = await loadOffers(db, { openOnly: true });
  const requestFacts = requests.map((r) => r.facts);
  const offerFacts = loadedOffers.map((o) => o.facts);
  const factsDiffering = differingFacts(seeded.requests, requestFacts) + differingFacts(seeded.offers, offerFacts);
  console.log(
    `loaded back ${whole(requests.length)} requests and ${whole(loadedOffers.length)} offers: ${factsDiffering} differing from the synthetic market`,
  );
  const context: ScoringContext = { weights: (await currentWeights(db)).weights, today: MARKET_TODAY };
  // Timed from the same point as the refresh's compute: text statistics and market objects built
  // as `rebuild` builds them, then every pair scored.
  const brute = await timed(async () => {
    const requestWords = requests.map((r) => requestTokens(r.facts));
    const offerWords = loadedOffers.map((o) => offerTokens(o.facts));
    const statistics = textStatistics([...requestWords, ...offerWords]);
    const vocabulary = new Vocabulary();
    return bruteForceSuggestions(
      requests.map((r, i) => marketRequest(r.facts, statistics, vocabulary, requestWords[i])),
      loadedOffers.map((o, i) => marketOffer(o.facts, statistics, vocabulary, offerWords[i])),
      context,
    );
  });

  // The full refresh again, once the baseline is done: this machine's speed drifts over the half
  // minute brute force takes, and the mean of a run on each side of it keeps the drift out of the
  // ratio. It writes the same lists, checked below.
  const again = await refreshSuggestions({ db }, { now: NOW, full: true });
  const compute = (full.value.timings.compute + again.timings.compute) / 2;

  // The stored lists must be brute force's, to the last place, or the speed means nothing.
  const lists = await storedLists(db);
  const storedCount = lists.size;
  let differing = 0;
  const check = (key: string, expected: readonly Suggestion[]) => {
    const stored = lists.get(key) ?? [];
    lists.delete(key);
    const ids = expected.map((x) => x.id);
    if (!isDeepStrictEqual(stored, ids)) differing++;
  };
  for (const [id, list] of brute.value.requests) check(`request ${id}`, list);
  for (const [id, list] of brute.value.offers) check(`offer ${id}`, list);
  differing += lists.size; // lists of subjects brute force does not know

  // Each update: one new row committed, then the refresh the job would run, which must apply just
  // that row to the engine it keeps between runs (the first one after the full refresh included).
  const requestUpdates: number[] = [];
  const offerUpdates: number[] = [];
  const parts: { load: number[]; compute: number[]; store: number[] } = { load: [], compute: [], store: [] };
  let notIncremental = 0;
  const refresh = async (into: number[]) => {
    const run = await timed(() => refreshSuggestions({ db }, { now: NOW }));
    into.push(run.ms);
    for (const part of ["load", "compute", "store"] as const) parts[part].push(run.value.timings[part]);
    if (run.value.mode !== "incremental" || run.value.requests + run.value.offers !== 1) notIncremental++;
  };
  for (let i = size; i < size + updates; i++) {
    await db.transaction((tx) => insertRequests(tx as unknown as Db, [market.requests[i]!], () => 0));
    await refresh(requestUpdates);
    await insertOffers(db, [market.offers[i]!], () => 0);
    await refresh(offerUpdates);
  }

  const p50p95 = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
  printTable(
    `matching on ${database.kind}: ${whole(size)} open requests × ${whole(size)} open offers stored as rows, through refreshSuggestions`,
    ["measure", "time (ms)", "vs brute force"],
    [
      ["brute force: market built as the refresh builds it, every pair scored", ms(brute.ms), "1.00×"],
      [
        `engine: the full refresh's compute, same scope (mean of ${ms(full.value.timings.compute)} before and ${ms(again.timings.compute)} after brute force)`,
        ms(compute),
        ratio(brute.ms / compute),
      ],
      [
        `full refresh end to end (load ${ms(load)} + compute ${ms(full.value.timings.compute)} + store ${ms(store)}, one transaction)`,
        ms(full.ms),
        // Brute force is timed for its compute only: an end-to-end figure for it would be a sum, not a measure.
        "",
      ],
      [`lists differing from brute force (${whole(storedCount)} non-empty lists stored)`, String(differing), ""],
      [`one new request, incremental refresh end to end: p50 / p95 (${updates} runs)`, p50p95(requestUpdates), ""],
      [`one new offer, incremental refresh end to end: p50 / p95 (${updates} runs)`, p50p95(offerUpdates), ""],
      [
        "  of which load / compute / store, p50 of all updates",
        `${ms(percentile(parts.load, 50))} / ${ms(percentile(parts.compute, 50))} / ${ms(percentile(parts.store, 50))}`,
        "",
      ],
    ],
  );
  if (notIncremental > 0) console.log(`${notIncremental} update(s) not applied alone by an incremental refresh`);
  const p95 = Math.max(percentile(requestUpdates, 95), percentile(offerUpdates, 95));
  const ok =
    factsDiffering === 0 &&
    differing === 0 &&
    notIncremental === 0 &&
    full.ms < 10_000 &&
    brute.ms / compute >= 20 &&
    p95 < 50;
  console.log(
    `matching targets on ${database.kind} (full refresh end to end < 10 s, update p95 < 50 ms, compute ≥ 20× brute force, identical lists): ${ok ? "met" : "NOT met"}`,
  );
  return ok;
}
