import { buildFacetIndex, searchRecommendations } from "../src/modules/recommendations";
import { parseRecommendationQuery, type RecommendationQuery } from "../src/modules/recommendations/domain/query";
import { THEME_SDGS } from "../src/modules/recommendations/domain/theme-sdgs";
import { searchRecommendationsInSql } from "../src/modules/recommendations/use-cases/search-in-sql";
import { ANONYMOUS, systemActor } from "../src/platform/actor";
import type { Database } from "../src/platform/db/database";
import { driverOf, recordingDb, replay, type Statement } from "./driver";
import { ms, percentile, printTable, ratio, timed, whole } from "./harness";
import { ilikeStatements, SEARCHES } from "./search-queries";

const SCALE_UP_SOURCE = "bench:scale-up";

/**
 * The UPR Info export carries no SDG goals; on the platform they come from the secretariat
 * accepting the classifier's suggestions, which start from the goals a row's themes link to
 * (domain/theme-sdgs.ts). The benchmark gives every row those goals, as if all were accepted,
 * so that the SDG facet and filter work on realistic data. Returns the rows that got goals.
 */
export async function tagSdgsFromThemes(database: Database): Promise<number> {
  const links = Object.entries(THEME_SDGS).flatMap(([theme, goals]) => goals.map((goal) => [theme, goal] as const));
  const [[tagged]] = (await driverOf(database).query(
    `with tagged as (
       update recommendations set sdgs = array(
         select distinct l.goal::int from unnest(themes) t join unnest($1::text[], $2::text[]) l(theme, goal) on l.theme = t
         order by 1)::text[]
       where themes && $1::text[] and sdgs = '{}' returning 1)
     select count(*)::int from tagged`,
    [links.map(([theme]) => theme), links.map(([, goal]) => goal)],
  )) as [[number]];
  return tagged;
}

/**
 * Grows the index to `target` rows with copies of the real rows, made in SQL: each copy is the
 * next "three cycles" (cycle + 3, session + 27, year + 10 per copy, as if reviews went on) and
 * moves every State to another one (a different rotation of the ISO codes per copy), so facets keep
 * the real data's shape: every State is reviewed and recommends, with realistic counts.
 */
export async function scaleUp(database: Database, target: number): Promise<{ rows: number; seconds: number }> {
  const driver = driverOf(database);
  const started = performance.now();
  const [[codes]] = (await driver.query(
    "select array_agg(code order by code) from (select state_under_review::text as code from recommendations union select unnest(recommending_states) from recommendations) x",
  )) as [[string[]]];
  const [[real]] = (await driver.query("select count(*)::int from recommendations")) as [[number]];
  let total = real;
  for (let copy = 1; total < target; copy++) {
    const take = Math.min(real, target - total);
    const move = (column: string) =>
      `($3::text[])[(array_position($3::text[], ${column}) - 1 + 37 * $1::int) % cardinality($3::text[]) + 1]`;
    await driver.query(
      `insert into recommendations (key, kind, mechanism, body, cycle, session, year, document_symbol, paragraph,
         state_under_review, recommending_states, text, language, response, action_category, themes, affected_persons,
         sdgs, source, content_hash)
       select r.key || '-x' || $1::int, r.kind, r.mechanism, r.body, r.cycle + 3 * $1::int, r.session + 27 * $1::int,
         r.year + 10 * $1::int, r.document_symbol, r.paragraph, ${move("r.state_under_review::text")},
         array(select ${move("s")} from unnest(r.recommending_states) s), r.text, r.language, r.response,
         r.action_category, r.themes, r.affected_persons, r.sdgs, '${SCALE_UP_SOURCE}', r.content_hash
       from (select * from recommendations where source <> '${SCALE_UP_SOURCE}' order by key limit $2) r`,
      [copy, take, codes],
    );
    total += take;
  }
  await driver.query("vacuum analyze recommendations");
  return { rows: total, seconds: (performance.now() - started) / 1000 };
}

interface Prepared {
  label: string;
  query: RecommendationQuery;
  run: Record<Subject, () => Promise<unknown>>;
  /** What `searchRecommendationsInSql` sent: the direct SQL baseline. */
  inSql: Statement[][];
  /** What the use case itself sent, once its facet index was built. */
  own: Statement[][];
  total: number;
  inSqlTotal: number;
  ilikeTotal: number;
  times: Record<Subject, number[]>;
}

const SUBJECTS = ["useCase", "direct", "own", "ilike"] as const;
type Subject = (typeof SUBJECTS)[number];

export interface SearchOptions {
  label: string;
  /** Rounds of every search by the use case and by its own statements, at most. */
  rounds: number;
  /** Rounds of the direct SQL baseline (a GROUP BY per facet, far slower at scale), at most. */
  directRounds: number;
  /** Rounds of the naive scan, at most. */
  ilikeRounds: number;
  /**
   * After this many seconds the slow baselines (direct SQL, ILIKE) take part in no new round (the
   * first round always runs); the use case and its statements, cheap, finish their rounds unless
   * twice this time has passed.
   */
  budgetSeconds: number;
  /** Limits to enforce (PostgreSQL at full scale): p95 of the use case, and its ratio to direct SQL. */
  limits?: { p95: number; ratio: number };
}

const BROWSE = parseRecommendationQuery(new URLSearchParams()).query;
const statementCount = (waves: Statement[][]) => waves.flat().length;
const span = (values: number[]) =>
  Math.min(...values) === Math.max(...values)
    ? `${Math.min(...values)}`
    : `${Math.min(...values)}–${Math.max(...values)}`;

export async function benchSearch(database: Database, options: SearchOptions): Promise<boolean> {
  const driver = driverOf(database);
  const [[rows]] = (await driver.query("select count(*)::int from recommendations")) as [[number]];

  // The facet index is built by the first search after the data changed (an import, the scale-up):
  // that one search is timed apart, and untimed for the rounds.
  const search = (query: RecommendationQuery) =>
    searchRecommendations({ actor: ANONYMOUS, query }, { db: database.db });
  const first = await timed(() => search(BROWSE));
  const again = await timed(() => search(BROWSE));
  // The use case's own statements are recorded on a copy of the connection, which holds a facet
  // index of its own: built here, so that the recordings hold what a search sends once it is built.
  const own = recordingDb(database);
  const ownBuild = await timed(() =>
    own.record((db) => searchRecommendations({ actor: ANONYMOUS, query: BROWSE }, { db })),
  );
  console.log(
    `facet index build (once after each change): ${whole(first.ms - again.ms)} ms for ${whole(rows)} rows ` +
      `(the first search after the change took ${whole(first.ms)} ms, the same search then ${ms(again.ms)} ms; ` +
      `a second build, for the recording connection: ${whole(ownBuild.ms)} ms)`,
  );

  const started = performance.now();
  const inSql = recordingDb(database);
  const prepared: Prepared[] = [];
  // Recording runs every way once per search: that is the warm-up of the database's caches.
  for (const s of SEARCHES) {
    const params = new URLSearchParams(s.params);
    const { query, errors } = parseRecommendationQuery(params);
    if (Object.keys(errors).length > 0) throw new Error(`${s.label}: ${JSON.stringify(errors)}`);
    let total = 0;
    let inSqlTotal = 0;
    const ownWaves = await own.record(async (db) => {
      total = (await searchRecommendations({ actor: ANONYMOUS, query }, { db })).total;
    });
    const inSqlWaves = await inSql.record(async (db) => {
      inSqlTotal = (await searchRecommendationsInSql({ actor: ANONYMOUS, query }, { db })).total;
    });
    const ilike = ilikeStatements(params);
    const [[ilikeTotal]] = (await driver.query(...ilike.count)) as [[number]];
    prepared.push({
      label: s.label,
      query,
      inSql: inSqlWaves,
      own: ownWaves,
      total,
      inSqlTotal,
      ilikeTotal,
      run: {
        useCase: () => search(query),
        direct: () => replay(driver, inSqlWaves),
        own: () => replay(driver, ownWaves),
        ilike: () => Promise.all([driver.query(...ilike.items), driver.query(...ilike.count)]),
      },
      times: { useCase: [], direct: [], own: [], ilike: [] },
    });
  }

  // Rounds in turns (the order rotates), so that noise and caches hit every way alike. The slow
  // baselines take part in some rounds only, spread over the run.
  const spread = (n: number) =>
    new Set(Array.from({ length: Math.min(n, options.rounds) }, (_, j) => Math.floor((j * options.rounds) / n)));
  const roundsOf: Record<Subject, Set<number> | null> = {
    useCase: null,
    own: null,
    direct: spread(options.directRounds),
    ilike: spread(options.ilikeRounds),
  };
  const budget = options.budgetSeconds * 1000;
  let round = 0;
  for (; round < options.rounds; round++) {
    const elapsed = performance.now() - started;
    if (round > 0 && elapsed > 2 * budget) break;
    const slowOpen = round === 0 || elapsed <= budget;
    for (const [i, p] of prepared.entries()) {
      for (let k = 0; k < SUBJECTS.length; k++) {
        const subject = SUBJECTS[(round + i + k) % SUBJECTS.length]!;
        const slots = roundsOf[subject];
        if (slots && !(slowOpen && slots.has(round))) continue;
        p.times[subject].push((await timed(p.run[subject])).ms);
      }
    }
  }
  const slowRounds = (subject: Subject) => prepared[0]!.times[subject].length;
  const cut = round < options.rounds || slowRounds("direct") < roundsOf.direct!.size;
  const budgetNote = cut
    ? `; within the ${options.budgetSeconds} s budget: ${round} of ${options.rounds} rounds, direct SQL in ${slowRounds("direct")} of ${roundsOf.direct!.size}`
    : "";

  const all = (subject: Subject) => prepared.flatMap((p) => p.times[subject]);
  const stat = (subject: Subject) => ({
    n: all(subject).length,
    p50: percentile(all(subject), 50),
    p95: percentile(all(subject), 95),
  });
  const useCase = stat("useCase");
  const direct = stat("direct");
  const ownSql = stat("own");
  const ilike = stat("ilike");
  const shape = (waves: (p: Prepared) => Statement[][]) =>
    `${span(prepared.map((p) => statementCount(waves(p))))} a search, in ${span(prepared.map((p) => waves(p).length))} wave(s)`;
  printTable(
    `[${options.label}] search over ${whole(rows)} rows: ${prepared.length} searches, p50/p95 across all searches and rounds${budgetNote}`,
    ["way to answer", "samples", "p50 ms", "p95 ms", "p50 ratio", "p95 ratio", "ratio against"],
    [
      [
        `direct SQL: searchRecommendationsInSql's statements (${shape((p) => p.inSql)}) replayed on the driver`,
        whole(direct.n),
        ms(direct.p50),
        ms(direct.p95),
        ratio(1),
        ratio(1),
        "",
      ],
      [
        "searchRecommendations (use case: text match in SQL, facet index in memory)",
        whole(useCase.n),
        ms(useCase.p50),
        ms(useCase.p95),
        ratio(useCase.p50 / direct.p50),
        ratio(useCase.p95 / direct.p95),
        "direct SQL",
      ],
      [
        `(informational) the use case's own statements alone (${shape((p) => p.own)}) replayed on the driver`,
        whole(ownSql.n),
        ms(ownSql.p50),
        ms(ownSql.p95),
        ratio(ownSql.p50 / useCase.p50),
        ratio(ownSql.p95 / useCase.p95),
        "use case",
      ],
      [
        "naive ILIKE '%word%' scan (first page + count, no facets)",
        whole(ilike.n),
        ms(ilike.p50),
        ms(ilike.p95),
        ratio(ilike.p50 / useCase.p50),
        ratio(ilike.p95 / useCase.p95),
        "use case",
      ],
    ],
  );
  const median = (v: number[]) => percentile(v, 50);
  printTable(
    `[${options.label}] per search (medians; "in memory" is the use case's median less its own statements' median — ` +
      "the facet index and the mapping, a difference of two noisy figures)",
    [
      "search",
      "matches",
      "ILIKE matches",
      "use case ms",
      "direct ms",
      "ratio",
      "own SQL ms",
      "in memory ms",
      "ILIKE ms",
      "use case p95",
    ],
    prepared.map((p) => [
      p.label,
      whole(p.total),
      whole(p.ilikeTotal),
      ms(median(p.times.useCase)),
      ms(median(p.times.direct)),
      ratio(median(p.times.useCase) / median(p.times.direct)),
      ms(median(p.times.own)),
      ms(median(p.times.useCase) - median(p.times.own)),
      ms(median(p.times.ilike)),
      ms(percentile(p.times.useCase, 95)),
    ]),
  );

  // Both answers are tested equal (search-recommendations.db.test.ts); at scale, a difference
  // would make the comparison meaningless.
  const disagree = prepared.filter((p) => p.total !== p.inSqlTotal);
  for (const p of disagree)
    console.log(`FAIL [${options.label}] "${p.label}": the use case counts ${p.total}, direct SQL ${p.inSqlTotal}`);

  if (!options.limits) return disagree.length === 0;
  const limits = options.limits;
  const checks = [
    { ok: useCase.p95 < limits.p95, text: `use case p95 ${ms(useCase.p95)} ms < ${limits.p95} ms` },
    {
      ok: useCase.p50 / direct.p50 <= limits.ratio && useCase.p95 / direct.p95 <= limits.ratio,
      text: `use case within ${limits.ratio}× direct SQL (p50 ${ratio(useCase.p50 / direct.p50)}, p95 ${ratio(useCase.p95 / direct.p95)})`,
    },
  ];
  for (const c of checks) console.log(`${c.ok ? "ok  " : "SLOW"} [${options.label}] ${c.text}`);
  if (checks.every((c) => c.ok)) return disagree.length === 0;
  await diagnose(database, prepared, limits.p95);
  return false;
}

/** A statement in one line, short enough to tell what it computes. */
const gist = (text: string) => text.replace(/\s+/g, " ").replaceAll('"recommendations".', "").slice(0, 120);

/**
 * For the searches over the p95 limit (or the slowest five): where the use case's time goes —
 * each of its statements timed alone on the driver, and `FacetIndex.search` timed alone on the
 * text match's answer — then the plan of the slowest statements.
 */
async function diagnose(database: Database, prepared: Prepared[], p95Limit: number): Promise<void> {
  const driver = driverOf(database);
  const byP95 = [...prepared].sort((a, b) => percentile(b.times.useCase, 95) - percentile(a.times.useCase, 95));
  const over = byP95.filter((p) => percentile(p.times.useCase, 95) >= p95Limit);
  const slow = (over.length > 0 ? over : byP95).slice(0, 8);
  const index = await buildFacetIndex(systemActor("bench"), database.db);
  const found: { search: Prepared; statements: { statement: Statement; ms: number }[]; indexMs: number }[] = [];
  for (const search of slow) {
    const statements: { statement: Statement; ms: number }[] = [];
    for (const statement of search.own.flat()) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push((await timed(() => driver.query(statement.text, statement.params))).ms);
      statements.push({ statement, ms: percentile(times, 50) });
    }
    statements.sort((a, b) => b.ms - a.ms);
    const textMatch = search.own.flat().find((s) => s.text.includes("json_agg"));
    let matches: { seqs: number[]; ranks: number[] | null } | null = null;
    if (textMatch) {
      const [[seqs, ranks]] = (await driver.query(textMatch.text, textMatch.params)) as [[number[], number[] | null]];
      matches = { seqs, ranks };
    }
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(async () => index.search(search.query, matches))).ms);
    found.push({ search, statements, indexMs: percentile(times, 50) });
  }
  printTable(
    `SLOW: ${over.length} searches have a use case p95 over ${p95Limit} ms; for ${found.length} of them, ` +
      "FacetIndex.search and each of the use case's statements timed alone (medians of 5 and 3 runs)",
    ["search", "use case p95", "use case p50", "FacetIndex ms", "statement ms", "statement"],
    found.flatMap(({ search, statements, indexMs }) =>
      statements.map((t, i) => [
        i === 0 ? search.label : "",
        i === 0 ? ms(percentile(search.times.useCase, 95)) : "",
        i === 0 ? ms(percentile(search.times.useCase, 50)) : "",
        i === 0 ? ms(indexMs) : "",
        ms(t.ms),
        gist(t.statement.text),
      ]),
    ),
  );
  // The text match is what grows with the data; the plans of the three slowest ones.
  const textMatches = found
    .flatMap(({ search, statements }) =>
      statements.filter((t) => t.statement.text.includes("json_agg")).map((t) => ({ search, ...t })),
    )
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  for (const { search, statement } of textMatches) {
    const plan = (await driver.query(`explain (analyze, buffers) ${statement.text}`, statement.params)) as [string][];
    console.log(
      `\nEXPLAIN ANALYZE of the text match of "${search.label}" (parameters ${JSON.stringify(statement.params)}):\n${statement.text}\n`,
    );
    console.log(plan.map((row) => row[0]).join("\n"));
  }
}
