/**
 * Searches people make of the recommendation index, as the page's and the API's query strings:
 * words, phrases, OR, exclusions, facets (States and their regional groups, cycle, session, year,
 * response, action category, theme, SDG goal), paging, both sorts, and browsing without words.
 * The scale-up's copies move sessions and years on, so a session or a year is a small slice there.
 */
export const SEARCHES: { label: string; params: string }[] = [
  { label: "browse everything (the page as it opens)", params: "" },
  { label: '"death penalty" · cycle 2 · noted', params: 'q="death penalty"&cycle=2&response=noted' },
  { label: "women -violence", params: "q=women -violence" },
  { label: 'torture OR "ill-treatment"', params: 'q=torture OR "ill-treatment"' },
  {
    label: 'ratify "optional protocol" · under review IRN',
    params: 'q=ratify "optional protocol"&state_under_review=IRN',
  },
  { label: "children · theme rights of the child", params: "q=children&theme=upr-info:rights-of-the-child" },
  { label: "trafficking · recommended by USA", params: "q=trafficking&recommending_state=USA" },
  { label: '"freedom of expression" · under review CHN', params: 'q="freedom of expression"&state_under_review=CHN' },
  {
    label: 'journalists OR "human rights defenders" · cycle 2',
    params: 'q=journalists OR "human rights defenders"&cycle=2',
  },
  { label: "disabilities · supported", params: "q=disabilities&response=supported" },
  {
    label: '"national human rights institution" paris principles',
    params: 'q="national human rights institution" paris principles',
  },
  { label: "education girls · recommended by NOR", params: "q=education girls&recommending_state=NOR" },
  { label: "migrants -children", params: "q=migrants -children" },
  { label: "no words · under review USA · cycle 2", params: "state_under_review=USA&cycle=2" },
  { label: "no words · theme women's rights · noted", params: "theme=upr-info:womens-rights&response=noted" },
  {
    label: 'discrimination "sexual orientation" · noted',
    params: 'q=discrimination "sexual orientation"&response=noted',
  },
  { label: "corruption · UPR", params: "q=corruption&mechanism=upr" },
  { label: '"female genital mutilation"', params: 'q="female genital mutilation"' },
  {
    label: "prison OR detention conditions · under review BRA",
    params: "q=prison OR detention conditions&state_under_review=BRA",
  },
  { label: "indigenous land", params: "q=indigenous land" },
  { label: "climate change", params: "q=climate change" },
  { label: "birth registration · cycle 1", params: "q=birth registration&cycle=1" },
  { label: 'ratify "Rome Statute" · noted', params: 'q=ratify "Rome Statute"&response=noted' },
  { label: "education · voluntary pledges", params: "q=education&kind=voluntary-pledge" },
  { label: "women, page 3", params: "q=women&offset=40" },
  { label: "torture, newest first", params: "q=torture&sort=date" },
  { label: "torture · under review: African States", params: "q=torture&state_under_review_group=african" },
  {
    label: '"death penalty" · recommended by Western European and other States',
    params: 'q="death penalty"&recommending_group=western-european-other',
  },
  { label: "women · session 19", params: "q=women&session=19" },
  {
    label: "no words · session 19 · recommended by Eastern European States",
    params: "session=19&recommending_group=eastern-european",
  },
  { label: "ratify · year 2015", params: "q=ratify&year=2015" },
  { label: "no words · specific action (category 5) · cycle 2", params: "action_category=5&cycle=2" },
  { label: "education · SDG 4", params: "q=education&sdg=4" },
  {
    label: "no words · SDG 5 · under review: Latin American and Caribbean States",
    params: "sdg=5&state_under_review_group=latin-american-caribbean",
  },
];

/** The filters a query string sets, for the naive scan (the same parameter names as the API). */
export const FILTER_COLUMNS: Record<string, (n: number) => string> = {
  state_under_review: (n) => `state_under_review = $${n}`,
  recommending_state: (n) => `recommending_states @> array[$${n}]::text[]`,
  mechanism: (n) => `mechanism = $${n}`,
  cycle: (n) => `cycle = $${n}::smallint`,
  response: (n) => `response = $${n}`,
  kind: (n) => `kind = $${n}`,
  theme: (n) => `themes @> array[$${n}]::text[]`,
  affected_person: (n) => `affected_persons @> array[$${n}]::text[]`,
  sdg: (n) => `sdgs @> array[$${n}]::text[]`,
  session: (n) => `session = $${n}::smallint`,
  year: (n) => `year = $${n}::smallint`,
  action_category: (n) => `action_category = $${n}::smallint`,
  state_under_review_group: (n) => `state_under_review in (select iso3 from countries where regional_group = $${n})`,
  recommending_group: (n) =>
    `recommending_states && array(select iso3::text from countries where regional_group = $${n})`,
};

const NUMERIC_FILTERS = new Set(["cycle", "session", "year", "action_category"]);

/**
 * The naive way: `text ILIKE '%word%'` for each word or phrase of the query (OR between two terms,
 * NOT for `-word`), the same filters, the first page by date and the count.
 */
export function ilikeStatements(params: URLSearchParams): { items: [string, unknown[]]; count: [string, unknown[]] } {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const pattern = (term: string) => {
    values.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return `$${values.length}`;
  };
  const groups: string[][] = [];
  let joinNext = false;
  for (const m of (params.get("q") ?? "").matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    const negated = m[1] === "-" || (m[3]?.startsWith("-") ?? false);
    const term = m[2] ?? m[3]!.replace(/^-/, "");
    if (m[3] === "OR") {
      joinNext = true;
      continue;
    }
    if (!term) continue;
    const condition = `text ${negated ? "not ilike" : "ilike"} ${pattern(term)}`;
    if (joinNext && groups.length > 0) groups.at(-1)!.push(condition);
    else groups.push([condition]);
    joinNext = false;
  }
  for (const g of groups) conditions.push(g.length > 1 ? `(${g.join(" or ")})` : g[0]!);
  for (const [name, column] of Object.entries(FILTER_COLUMNS)) {
    const v = params.get(name);
    if (v) {
      values.push(NUMERIC_FILTERS.has(name) ? Number(v) : v);
      conditions.push(column(values.length));
    }
  }
  const where = conditions.length > 0 ? `where ${conditions.join(" and ")}` : "";
  const limit = Number(params.get("limit") ?? 20);
  const offset = Number(params.get("offset") ?? 0);
  return {
    items: [
      `select id, key, kind, mechanism, cycle, session, year, state_under_review, recommending_states, text, language, response, action_category, themes from recommendations ${where} order by year desc, session desc, key limit ${limit} offset ${offset}`,
      values,
    ],
    count: [`select count(*)::int from recommendations ${where}`, values],
  };
}
