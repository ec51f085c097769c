// Builds the committed reference/*.json files from the raw upstream data in
// ../shared/data (override with SHARED_DATA_DIR).
//
// The raw data is large and not part of the repo, so the app and its tests
// read only these small, normalised files. Re-run after upstream data or
// scripts/reference-curated.ts change:  npx tsx scripts/build-reference-data.ts
// The script throws on anything that would make the output silently wrong.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import {
  type Lang,
  specialProcedures,
  type Texts,
  treatyBodies,
  untermSupplement,
  uprCycles,
  uprSessionsAfterDataset,
} from "./reference-curated";

const LANGS: readonly Lang[] = ["ar", "zh", "en", "fr", "ru", "es"];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sharedDir = process.env.SHARED_DATA_DIR
  ? path.resolve(process.env.SHARED_DATA_DIR)
  : path.resolve(repoRoot, "../shared/data");
const outDir = path.join(repoRoot, "reference");

type Row = Record<string, string>;

function readText(rel: string): string {
  return readFileSync(path.join(sharedDir, rel), "utf8");
}

function readJson<T>(rel: string): T {
  return JSON.parse(readText(rel)) as T;
}

function readCsv(rel: string): Row[] {
  // bom: true because some upstream exports start with a UTF-8 BOM that would
  // otherwise end up inside the first column name.
  return parse(readText(rel), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

function fail(message: string): never {
  throw new Error(`build-reference-data: ${message}`);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function slugify(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// Plain code-unit comparison: localeCompare depends on the ICU build, and the
// output must be byte-identical on every machine.
function byString<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

// SDG codes mix numbers and letters ("1.2", "1.a", "10.b.1"); numbered parts
// sort numerically and come before lettered ones, as in the UN framework.
function compareSdgCodes(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (nx !== ny) {
      return nx ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

function writeOut(name: string, data: unknown): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, name), `${JSON.stringify(data, null, 1)}\n`);
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// ---------------------------------------------------------------------------
// countries.json
// ---------------------------------------------------------------------------

type Group = "african" | "asia-pacific" | "eastern-european" | "latin-american-caribbean" | "western-european-other";

const GROUPS: Record<string, Group> = {
  AFRICANGROUP: "african",
  ASIAPACIFICGROUP: "asia-pacific",
  EEG: "eastern-european",
  GRULAC: "latin-american-caribbean",
  WEOG: "western-european-other",
};

// The two non-member observer States invited to every Council session.
const OBSERVER_STATES = ["PSE", "VAT"];

const UNTERM_LANG: Record<Lang, string> = {
  ar: "Arabic",
  zh: "Chinese",
  en: "English",
  fr: "French",
  ru: "Russian",
  es: "Spanish",
};

// country-codes.csv calls Chinese "cn" in its UNSD columns.
const M49_NAME_COLUMN: Record<Lang, string> = {
  ar: "official_name_ar",
  zh: "official_name_cn",
  en: "official_name_en",
  fr: "official_name_fr",
  ru: "official_name_ru",
  es: "official_name_es",
};

// UNTERM marks non-member States with "*" (and non-UN States with "**"),
// footnotes that mean nothing outside the UNTERM table.
function stripUntermFootnote(name: string): string {
  return clean(name.replace(/\s*\*+\s*$/, ""));
}

// UNTERM short names carry the article needed in running text, e.g.
// "Bahamas (the)", "Fidji (les)", "État de Palestine (l')". Lists and menus use
// the name without it, as in UN lists of Member States; qualifiers such as
// "(Plurinational State of)" are kept because they are part of the name.
function stripTrailingArticle(name: string): string {
  return clean(name.replace(/\s*\((the|le|la|les|l'|l’|el|los|las)\)$/i, ""));
}

interface Country {
  iso3: string;
  iso2: string;
  m49: string;
  status: "member" | "observer";
  group: Group | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  names: Texts;
  formalNames: Texts;
}

function buildCountries(): {
  asOf: { statusDate: string; statusNote: string; groups: string };
  countries: Country[];
} {
  const rows = readCsv("countries/country-codes.csv");
  const byIso3 = new Map<string, Row>();
  for (const row of rows) {
    const iso3 = row["ISO3166-1-Alpha-3"];
    if (iso3) byIso3.set(iso3, row);
  }

  const groupsFile = readJson<{ members: { group: string; iso3: string; iso2: string; m49: string }[] }>(
    "countries/un-regional-groups.json",
  );

  const i18n = new Map<Lang, Record<string, string | string[]>>();
  for (const lang of LANGS) {
    i18n.set(
      lang,
      readJson<{ countries: Record<string, string | string[]> }>(`countries/i18n-iso-countries/${lang}.json`).countries,
    );
  }

  const wanted: { iso3: string; status: "member" | "observer"; group: Group | null }[] = [];
  for (const member of groupsFile.members) {
    const group = GROUPS[member.group] ?? fail(`unknown regional group ${member.group}`);
    wanted.push({ iso3: member.iso3, status: "member", group });
  }
  for (const iso3 of OBSERVER_STATES) wanted.push({ iso3, status: "observer", group: null });

  const seen = new Set<string>();
  const fallbacks: string[] = [];
  const countries: Country[] = [];

  for (const { iso3, status, group } of wanted) {
    assert(!seen.has(iso3), `${iso3} appears twice (in two regional groups?)`);
    seen.add(iso3);
    const row = byIso3.get(iso3) ?? fail(`${iso3} not in country-codes.csv`);
    const iso2 = row["ISO3166-1-Alpha-2"] ?? "";
    assert(/^[A-Z]{2}$/.test(iso2), `${iso3}: bad ISO alpha-2 "${iso2}"`);
    const m49Raw = row.M49 ?? "";
    assert(/^\d{1,3}$/.test(m49Raw), `${iso3}: bad M49 "${m49Raw}"`);
    const m49 = m49Raw.padStart(3, "0");
    const member = groupsFile.members.find((m) => m.iso3 === iso3);
    if (member) {
      // A mismatch would mean the two upstream files disagree on which State this is.
      assert(member.iso2 === iso2, `${iso3}: ISO2 differs between country-codes.csv and regional groups`);
      assert(member.m49.padStart(3, "0") === m49, `${iso3}: M49 differs between country-codes.csv and regional groups`);
    }

    const supplement = untermSupplement[iso3];
    const names = {} as Texts;
    const formalNames = {} as Texts;
    for (const lang of LANGS) {
      const untermShort = stripUntermFootnote(row[`UNTERM ${UNTERM_LANG[lang]} Short`] ?? "");
      const untermFormal = stripUntermFootnote(row[`UNTERM ${UNTERM_LANG[lang]} Formal`] ?? "");

      let short = untermShort;
      if (!short && supplement) {
        short = stripUntermFootnote(supplement.short[lang]);
        fallbacks.push(`${iso3} names.${lang}: UNTERM missing, used ${supplement.source}`);
      }
      if (!short) {
        // Next best: UNSD's own M49 names (same CSV, also a UN source).
        short = clean(row[M49_NAME_COLUMN[lang]] ?? "");
        if (short) fallbacks.push(`${iso3} names.${lang}: UNTERM missing, used UNSD M49 name "${short}"`);
      }
      if (!short) {
        const value = i18n.get(lang)?.[iso2];
        short = clean((Array.isArray(value) ? value[0] : value) ?? "");
        if (short) fallbacks.push(`${iso3} names.${lang}: UNTERM and M49 missing, used i18n-iso-countries "${short}"`);
      }
      names[lang] = stripTrailingArticle(short);

      let formal = untermFormal;
      if (!formal && supplement) formal = stripUntermFootnote(supplement.formal[lang]);
      if (!formal) {
        // No reliable formal name in any source: the short name is never wrong,
        // only less formal, whereas a guessed formal title could be.
        formal = names[lang];
        fallbacks.push(`${iso3} formalNames.${lang}: no UNTERM formal name, used the short name "${formal}"`);
      }
      formalNames[lang] = formal;

      assert(names[lang], `${iso3}: empty ${lang} name`);
      assert(formalNames[lang], `${iso3}: empty ${lang} formal name`);
    }

    countries.push({
      iso3,
      iso2,
      m49,
      status,
      group,
      ldc: row["Least Developed Countries (LDC)"] === "x",
      lldc: row["Land Locked Developing Countries (LLDC)"] === "x",
      sids: row["Small Island Developing States (SIDS)"] === "x",
      names,
      formalNames,
    });
  }

  assert(countries.length === 195, `expected 195 countries (193 members + 2 observers), got ${countries.length}`);
  countries.sort(byString((c) => c.iso3));

  // asOf.statusNote below describes the LDC list in force in 2024; if upstream moves
  // on, these checks fail so the description is revised instead of going stale.
  const flag = (iso3: string) => countries.find((c) => c.iso3 === iso3)?.ldc;
  assert(flag("BTN") === false, "Bhutan is flagged LDC again: revise asOf.statusDate and statusNote");
  assert(
    flag("STP") === true && flag("SLB") === true,
    "São Tomé/Solomon Islands no longer LDC: revise asOf.statusDate and statusNote",
  );
  const ldcCount = countries.filter((c) => c.ldc).length;

  for (const line of fallbacks) log(`  fallback: ${line}`);
  return {
    asOf: {
      // Bhutan's graduation (13 December 2023) is the last change this LDC list reflects.
      statusDate: "2023-12-13",
      statusNote:
        `UNSD M49 classification as carried in datasets/country-codes commit caa72d1 (2026-05-15; datapackage last_modified 2023-09-25): ` +
        `${ldcCount} LDCs = the list in force during 2024 (Bhutan, graduated Dec 2023, is not flagged; ` +
        "São Tomé and Príncipe and Solomon Islands, due to graduate Dec 2024, still are). LLDC and SIDS flags from the same table.",
      groups:
        "datenoio/internacia-db commit 6f69d84 (MIT), with Armenia, Australia, Azerbaijan and New Zealand removed from the " +
        "Asia-Pacific Group; all 193 assignments agree with the UPR Info database export of 2018-07-25.",
    },
    countries,
  };
}

// ---------------------------------------------------------------------------
// sdgs.json
// ---------------------------------------------------------------------------

interface SdgSource {
  goals: { code: string; short: Record<string, string>; title: Record<string, string> }[];
  targets: { code: string; goal: string; title: Record<string, string> }[];
  indicators: { code: string; goal: string; target: string; title: Record<string, string> }[];
}

function texts(source: Record<string, string>, where: string): Texts {
  const out = {} as Texts;
  for (const lang of LANGS) {
    const value = clean(source[lang] ?? "");
    assert(value, `${where}: empty ${lang} text`);
    out[lang] = value;
  }
  return out;
}

function buildSdgs() {
  const src = readJson<SdgSource>("sdg/sdg-framework.json");
  const goals = src.goals
    .map((g) => ({
      code: g.code,
      short: texts(g.short, `goal ${g.code} short`),
      title: texts(g.title, `goal ${g.code}`),
    }))
    .sort((a, b) => compareSdgCodes(a.code, b.code));
  const targets = src.targets
    .map((t) => ({ code: t.code, goal: t.goal, title: texts(t.title, `target ${t.code}`) }))
    .sort((a, b) => compareSdgCodes(a.code, b.code));
  const indicators = src.indicators
    .map((i) => ({ code: i.code, goal: i.goal, target: i.target, title: texts(i.title, `indicator ${i.code}`) }))
    .sort((a, b) => compareSdgCodes(a.code, b.code));

  assert(goals.length === 17, `expected 17 SDG goals, got ${goals.length}`);
  assert(targets.length === 169, `expected 169 SDG targets, got ${targets.length}`);
  const goalCodes = new Set(goals.map((g) => g.code));
  const targetCodes = new Set(targets.map((t) => t.code));
  assert(targetCodes.size === targets.length, "duplicate SDG target codes");
  assert(new Set(indicators.map((i) => i.code)).size === indicators.length, "duplicate SDG indicator codes");
  for (const t of targets) assert(goalCodes.has(t.goal), `target ${t.code} points to unknown goal ${t.goal}`);
  for (const i of indicators) {
    assert(targetCodes.has(i.target), `indicator ${i.code} points to unknown target ${i.target}`);
    assert(i.target.startsWith(`${i.goal}.`), `indicator ${i.code}: target ${i.target} is not in goal ${i.goal}`);
  }
  return { goals, targets, indicators };
}

// ---------------------------------------------------------------------------
// themes.json
// ---------------------------------------------------------------------------

// Labels of the same UHRI concept differ across the 2014/2019/2025 documents
// only in case, "&" vs "and", punctuation and a trailing "- General"
// (e.g. "Rights related to name, identity, nationality" vs
// "Rights related to name, identity & nationality").
function labelKey(label: string): string {
  return clean(
    label
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/\s+-\s+general$/, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .replace(/\band\b/g, " "),
  );
}

function sentenceCase(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

interface Theme {
  code: string;
  scheme: "upr-info" | "uhri";
  label: string;
  legacyCode?: string;
}

interface UhriVocabulary {
  themes_2014_coded: { code: string; label: string }[];
  themes_2019: string[];
  themes_2025: string[];
  affected_persons_2014_2019: string[];
  groups_of_persons_2025: string[];
}

// SDG goal headings such as "3 - GOOD HEALTH AND WELL-BEING" appear among the
// 2019 themes; SDGs are their own vocabulary in sdgs.json.
function isSdgHeading(label: string): boolean {
  return /^\d{1,2}\s*-\s*[^a-z]+$/.test(label);
}

function buildThemes() {
  const themes: Theme[] = [];

  for (const row of readCsv("hr-taxonomies/upr-info-issues.csv")) {
    const label = clean(row.issue ?? "");
    assert(label, "empty UPR Info issue");
    themes.push({ code: `upr-info:${slugify(label)}`, scheme: "upr-info", label });
  }
  assert(themes.length === 56, `expected 56 UPR Info issues, got ${themes.length}`);
  // UPR Info's 2014/15 export (the voluntary pledges) also uses a label its 2018 list dropped;
  // it stays a theme of its own so those pledges keep their coding. ("NHRI", the other old label,
  // was renamed, and the importer reads it as "National Human Rights Institution".)
  themes.push({ code: "upr-info:national-plan-of-action", scheme: "upr-info", label: "National plan of action" });

  const vocab = readJson<UhriVocabulary>("hr-taxonomies/uhri-vocabulary-observed.json");
  // Newest first, so that a concept seen in several editions keeps its
  // current wording; the 2014 code is carried over as legacyCode.
  const editions: { label: string; code?: string }[] = [
    ...vocab.themes_2025.map((label) => ({ label })),
    ...vocab.themes_2019.map((label) => ({ label })),
    ...vocab.themes_2014_coded,
  ];
  const uhri = new Map<string, { label: string; legacyCode?: string }>();
  const skipped: string[] = [];
  for (const entry of editions) {
    const label = clean(entry.label);
    if (isSdgHeading(label)) {
      skipped.push(label);
      continue;
    }
    const key = labelKey(label);
    const existing = uhri.get(key);
    if (!existing) {
      uhri.set(key, { label, ...(entry.code ? { legacyCode: entry.code } : {}) });
    } else if (entry.code) {
      assert(!existing.legacyCode, `two 2014 codes for "${label}"`);
      existing.legacyCode = entry.code;
    }
  }
  for (const label of skipped) log(`  themes: skipped SDG heading "${label}"`);
  for (const { label, legacyCode } of uhri.values()) {
    themes.push({ code: `uhri:${slugify(label)}`, scheme: "uhri", label, ...(legacyCode ? { legacyCode } : {}) });
  }

  const persons = new Map<string, string>();
  for (const raw of [...vocab.groups_of_persons_2025, ...vocab.affected_persons_2014_2019]) {
    const label = sentenceCase(clean(raw));
    const key = labelKey(label);
    if (!persons.has(key)) persons.set(key, label);
  }
  const affectedPersons = [...persons.values()].map((label) => ({ code: slugify(label), label }));

  themes.sort(byString((t) => t.code));
  affectedPersons.sort(byString((p) => p.code));
  for (const list of [themes, affectedPersons]) {
    const codes = list.map((item) => item.code);
    assert(
      new Set(codes).size === codes.length,
      `duplicate codes: ${codes.filter((c, i) => codes.indexOf(c) !== i).join(", ")}`,
    );
    for (const code of codes) assert(/^([a-z-]+:)?[a-z0-9]+(-[a-z0-9]+)*$/.test(code), `bad code "${code}"`);
  }
  return { themes, affectedPersons };
}

// ---------------------------------------------------------------------------
// mechanisms.json
// ---------------------------------------------------------------------------

function cycleOf(session: number): number {
  const cycle = uprCycles.find(
    (c) => session >= c.firstSession && (c.lastSession === null || session <= c.lastSession),
  );
  return cycle?.number ?? fail(`UPR session ${session} is in no cycle`);
}

function buildMechanisms() {
  const sessions = new Map<number, { number: number; cycle: number; month: string }>();
  for (const row of readCsv("upr-info-2008-2017/upr-sessions.csv")) {
    const number = Number(row.session);
    const month = row.wg_month ?? "";
    assert(Number.isInteger(number) && number > 0, `bad UPR session "${row.session}"`);
    assert(/^\d{4}-\d{2}$/.test(month), `UPR session ${number}: bad month "${month}"`);
    // The dataset's own cycle column must agree with the curated bounds.
    assert(Number(row.cycle) === cycleOf(number), `UPR session ${number}: cycle ${row.cycle} disagrees with uprCycles`);
    sessions.set(number, { number, cycle: cycleOf(number), month });
  }
  for (const fact of uprSessionsAfterDataset) {
    assert(!sessions.has(fact.number), `UPR session ${fact.number} is both in the dataset and curated`);
    assert(/^\d{4}-\d{2}$/.test(fact.month), `UPR session ${fact.number}: bad month "${fact.month}"`);
    sessions.set(fact.number, { number: fact.number, cycle: cycleOf(fact.number), month: fact.month });
  }
  const uprSessions = [...sessions.values()].sort((a, b) => a.number - b.number);
  for (let i = 1; i < uprSessions.length; i++) {
    const prev = uprSessions[i - 1];
    const cur = uprSessions[i];
    assert(prev && cur && cur.month > prev.month, `UPR session months are not increasing at session ${cur?.number}`);
  }

  const tbCodes = treatyBodies.map((t) => t.code);
  assert(tbCodes.length === 10 && new Set(tbCodes).size === 10, "expected ten distinct treaty bodies");
  for (const tb of treatyBodies)
    for (const lang of LANGS) assert(clean(tb.names[lang]), `${tb.code}: empty ${lang} name`);
  const spCodes = specialProcedures.map((s) => s.code);
  assert(new Set(spCodes).size === spCodes.length, "duplicate special procedure codes");

  return {
    uprCycles: [...uprCycles].sort((a, b) => a.number - b.number),
    uprSessions,
    treatyBodies: [...treatyBodies]
      .sort(byString((t) => t.code))
      .map((t) => ({ code: t.code, names: t.names, instrument: t.instrument })),
    specialProcedures: [...specialProcedures]
      .sort(byString((s) => `${s.kind}:${s.code}`))
      .map((s) => ({ code: s.code, kind: s.kind, title: s.title })),
  };
}

// ---------------------------------------------------------------------------

function main(): void {
  log(`reading ${sharedDir}`);
  // Everything is built and checked before anything is written, so a failed
  // run never leaves a mix of old and new files in reference/.
  const countries = buildCountries();
  const sdgs = buildSdgs();
  const themes = buildThemes();
  const mechanisms = buildMechanisms();

  writeOut("countries.json", countries);
  writeOut("sdgs.json", sdgs);
  writeOut("themes.json", themes);
  writeOut("mechanisms.json", mechanisms);

  const uhriCount = themes.themes.filter((t) => t.scheme === "uhri").length;
  const thematic = mechanisms.specialProcedures.filter((s) => s.kind === "thematic").length;
  log(`countries.json: ${countries.countries.length} countries`);
  log(`sdgs.json: ${sdgs.goals.length} goals, ${sdgs.targets.length} targets, ${sdgs.indicators.length} indicators`);
  log(
    `themes.json: ${themes.themes.length - uhriCount} UPR Info issues, ${uhriCount} UHRI themes, ` +
      `${themes.affectedPersons.length} affected-person groups`,
  );
  log(
    `mechanisms.json: ${mechanisms.uprCycles.length} UPR cycles, ${mechanisms.uprSessions.length} UPR sessions, ` +
      `${mechanisms.treatyBodies.length} treaty bodies, ${thematic} thematic + ` +
      `${mechanisms.specialProcedures.length - thematic} country special procedures`,
  );
}

main();
