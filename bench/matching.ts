/**
 * Matching at scale (issue 6): a synthetic market of open requests and open offers built from the
 * real themes, SDG targets and UPR recommendation texts. Full recomputation of every top-10 list by
 * the engine against brute-force all-pairs scoring of the same market in the same run; then the
 * update after one new request or offer (p50, p95), engine and stored lists together.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { bruteForceSuggestions, SuggestionEngine } from "../src/modules/matching/domain/engine";
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
import { DEFAULT_WEIGHTS } from "../src/modules/matching/domain/weights";
import { PROVIDER_TYPES, SUPPORT_KINDS } from "../src/platform/support-vocabulary";
import { ms, percentile, printTable, ratio, whole } from "./harness";

const REFERENCE = path.resolve(import.meta.dirname, "../reference");
const UPR = path.resolve(
  import.meta.dirname,
  "../../shared/data/upr-info-2008-2017/upr-recommendations-sessions-01-27.csv",
);

/** The day the market is scored on: its dates (desired starts, validity) are set around it. */
export const MARKET_TODAY = "2026-11-24";

/** A deterministic generator, so two runs build the same market. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function buildMarket(size: number) {
  const themes = (
    JSON.parse(await readFile(path.join(REFERENCE, "themes.json"), "utf8")) as { themes: { code: string }[] }
  ).themes.map((t) => t.code);
  const targets = (
    JSON.parse(await readFile(path.join(REFERENCE, "sdgs.json"), "utf8")) as { targets: { code: string }[] }
  ).targets.map((t) => t.code);
  const rows = parse(await readFile(UPR, "utf8"), { columns: true, to: 2 * size + 1000 }) as {
    text: string;
    sur_iso3: string;
  }[];
  const countries = JSON.parse(await readFile(path.join(REFERENCE, "countries.json"), "utf8")) as unknown;
  const states = (countries as { countries: unknown[] }).countries as {
    iso3: string;
    group: string | null;
    ldc: boolean;
    lldc: boolean;
    sids: boolean;
  }[];
  const rand = random(20261124);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const some = <T>(items: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(items))),
  ];
  const languages = ["en", "fr", "es", "ar", "ru", "zh", "pt"];
  const requests: RequestFacts[] = Array.from({ length: size }, (_, i) => {
    const state = pick(states);
    return {
      id: `r${i}`,
      organisationId: `state-${state.iso3}`,
      state: {
        iso3: state.iso3,
        regionalGroup: state.group,
        statuses: [...(state.ldc ? ["ldc"] : []), ...(state.lldc ? ["lldc"] : []), ...(state.sids ? ["sids"] : [])],
      },
      title: rows[i % rows.length]!.text.slice(0, 80),
      summary: rows[i % rows.length]!.text,
      themes: some(themes, 3),
      sdgTargets: some(targets, 2),
      supportKinds: some(SUPPORT_KINDS, 2),
      workingLanguages: some(languages, 2),
      providerTypes: rand() < 0.5 ? [] : some(PROVIDER_TYPES, 2),
      desiredStart: rand() < 0.5 ? null : `2027-0${1 + Math.floor(rand() * 9)}-01`,
      recommendationThemes: some(themes, 2),
      recommendationSdgs: some(targets, 2),
    };
  });
  const offers: OfferFacts[] = Array.from({ length: size }, (_, i) => {
    // The database derives an offer's provider type from its organisation, so an organisation has
    // one type: organisations are keyed by type (some 800 in all) for the market to be stored as rows.
    const providerType = pick(PROVIDER_TYPES);
    return {
      id: `o${i}`,
      organisationId: `provider-${providerType}-${i % 73}`,
      status: "open",
      providerType,
      title: rows[(size + i) % rows.length]!.text.slice(0, 80),
      description: rows[(size + i) % rows.length]!.text,
      themes: some(themes, 4),
      sdgTargets: some(targets, 3),
      supportKinds: some(SUPPORT_KINDS, 3),
      workingLanguages: some(languages, 3),
      eligibility:
        rand() < 0.7
          ? { regionalGroups: [], statuses: [], namedStates: [] }
          : { regionalGroups: [pick(states).group ?? "african"], statuses: [], namedStates: [] },
      capacity: 1 + Math.floor(rand() * 5),
      engagements: 0,
      validFrom: null,
      validUntil: rand() < 0.3 ? "2027-06-30" : null,
    };
  });
  return { requests, offers, states };
}

export async function benchMatching(options: { size: number; updates: number }) {
  const { requests, offers } = await buildMarket(options.size + options.updates);
  const initialRequests = requests.slice(0, options.size);
  const initialOffers = offers.slice(0, options.size);
  const statistics = textStatistics([...initialRequests.map(requestTokens), ...initialOffers.map(offerTokens)]);
  const vocabulary = new Vocabulary();
  const context: ScoringContext = { weights: DEFAULT_WEIGHTS, today: MARKET_TODAY };
  const marketRequests = initialRequests.map((r) => marketRequest(r, statistics, vocabulary));
  const marketOffers = initialOffers.map((o) => marketOffer(o, statistics, vocabulary));

  // Both sides warmed the same way first, on a market a hundredth the size, so that neither the
  // engine's second nor brute force's 30 to 60 s includes the compiler's first passes over its code.
  const warm = Math.min(1_000, Math.floor(options.size / 10));
  new SuggestionEngine(context, marketRequests.slice(0, warm), marketOffers.slice(0, warm));
  bruteForceSuggestions(marketRequests.slice(0, warm), marketOffers.slice(0, warm), context);

  let started = performance.now();
  const engine = new SuggestionEngine(context, marketRequests, marketOffers);
  const before = performance.now() - started;
  const scored = engine.scored;

  started = performance.now();
  const brute = bruteForceSuggestions(marketRequests, marketOffers, context);
  const bruteMs = performance.now() - started;

  // The engine again, once the baseline is done: this machine's speed drifts over the half minute
  // brute force takes, and the mean of a run on each side of it keeps the drift out of the ratio.
  started = performance.now();
  new SuggestionEngine(context, marketRequests, marketOffers);
  const after = performance.now() - started;
  const full = (before + after) / 2;

  // The engine's lists must be the brute force's, to the last place, or the speed means nothing.
  let differing = 0;
  for (const id of engine.requestIds())
    if (JSON.stringify(engine.offersFor(id)) !== JSON.stringify(brute.requests.get(id))) differing++;
  for (const id of engine.offerIds())
    if (JSON.stringify(engine.requestsFor(id)) !== JSON.stringify(brute.offers.get(id))) differing++;

  const requestUpdates: number[] = [];
  const offerUpdates: number[] = [];
  for (let i = 0; i < options.updates; i++) {
    const r = marketRequest(requests[options.size + i]!, statistics, vocabulary);
    started = performance.now();
    engine.upsertRequest(r);
    engine.takeChanges();
    requestUpdates.push(performance.now() - started);
    const o = marketOffer(offers[options.size + i]!, statistics, vocabulary);
    started = performance.now();
    engine.upsertOffer(o);
    engine.takeChanges();
    offerUpdates.push(performance.now() - started);
  }
  const pairs = options.size * options.size;
  printTable(
    `matching: ${whole(options.size)} open requests × ${whole(options.size)} open offers (real themes, SDG targets, UPR texts; engine and brute force each warmed on ${whole(warm)} × ${whole(warm)} first)`,
    ["measure", "time (ms)", "vs brute force", "pairs scored"],
    [
      ["brute force: every pair scored", ms(bruteMs), "1.00×", whole(pairs)],
      [
        `engine: full recomputation of all top-10 lists (mean of ${ms(before)} before and ${ms(after)} after brute force)`,
        ms(full),
        ratio(bruteMs / full),
        whole(scored),
      ],
      ["lists differing from brute force", String(differing), "", ""],
      [
        "one new request: p50 / p95",
        `${ms(percentile(requestUpdates, 50))} / ${ms(percentile(requestUpdates, 95))}`,
        "",
        "",
      ],
      ["one new offer: p50 / p95", `${ms(percentile(offerUpdates, 50))} / ${ms(percentile(offerUpdates, 95))}`, "", ""],
    ],
  );
  const p95 = Math.max(percentile(requestUpdates, 95), percentile(offerUpdates, 95));
  const ok = differing === 0 && full < 10_000 && bruteMs / full >= 20 && p95 < 50;
  console.log(
    `matching targets (full < 10 s, update p95 < 50 ms, ≥ 20× brute force, identical lists): ${ok ? "met" : "NOT met"}`,
  );
  return ok;
}
