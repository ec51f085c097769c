import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { importRecommendations } from "./import-recommendations";
import { stateProfile } from "./state-profile";

const SHARED = path.resolve(import.meta.dirname, "../../../../../shared/data/upr-info-2008-2017");
let app: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;
let qatar: Record<string, string>[];

const GROUPS: Record<string, string> = {
  Africa: "african",
  Asia: "asia-pacific",
  EEG: "eastern-european",
  GRULAC: "latin-american-caribbean",
  WEOG: "western-european-other",
};

beforeAll(async () => {
  app = await startTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "item10-state-"));
  // Qatar's two reviews (sessions 7 and 19) in the real export, with everything else of session 19.
  const all = (await readFile(path.join(SHARED, "upr-recommendations-sessions-01-27.csv"), "utf8")).split(/\r?\n/);
  const chosen = [all[0]!, ...all.slice(1).filter((l) => /^uprinfo18-s(07|19)-/.test(l))];
  const file = path.join(dir, "sessions.csv");
  await writeFile(file, `${chosen.join("\n")}\n`);
  const report = await importRecommendations(
    { actor: systemActor("test"), file, skipInvalid: false },
    { db: app.database.db },
  );
  expect(report.rejected).toBe(0);
  const { parse } = await import("csv-parse/sync");
  const rows = parse(chosen.join("\n"), { columns: true, bom: true }) as Record<string, string>[];
  qatar = rows.filter((r) => r.sur_iso3 === "QAT");
});
afterAll(async () => {
  await app.stop();
  await rm(dir, { recursive: true, force: true });
});

const tally = (values: string[]) =>
  Object.fromEntries(
    [...new Set(values)]
      .map((v) => [v, values.filter((x) => x === v).length])
      .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
  );
const asObject = (counts: { value: string | number; count: number }[]) =>
  Object.fromEntries(
    counts.map((c) => [String(c.value), c.count]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
  );

describe("stateProfile", () => {
  it("counts what a reading of the file counts, by cycle, response and recommending group", async () => {
    const profile = await stateProfile({ actor: ANONYMOUS, iso3: "qat" }, { db: app.database.db });
    expect(qatar.length).toBeGreaterThan(200);
    expect(profile!.totals).toEqual({ recommendations: qatar.length, pledges: 0 });
    expect(profile!.byCycle).toEqual([
      { value: 1, count: qatar.filter((r) => r.cycle === "1").length },
      { value: 2, count: qatar.filter((r) => r.cycle === "2").length },
    ]);
    expect(asObject(profile!.byResponse)).toEqual(tally(qatar.map((r) => r.response!.toLowerCase())));
    const groups = qatar.map((r) => GROUPS[r.rec_regional_group!]).filter((g): g is string => g !== undefined);
    expect(asObject(profile!.byRecommendingGroup)).toEqual(tally(groups));
  });

  it("gives the fifteen most frequent themes, as SQL over the stored themes counts them", async () => {
    const profile = await stateProfile({ actor: ANONYMOUS, iso3: "QAT" }, { db: app.database.db });
    expect(profile!.byTheme).toHaveLength(15);
    const counts = profile!.byTheme.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const { value, count } of profile!.byTheme) {
      const { rows } = await app.database.executeSql(
        "select count(*)::int as n from recommendations where state_under_review = 'QAT' and $1 = any(themes)",
        [value],
      );
      expect(Number(rows[0]!.n), value).toBe(count);
    }
  });

  it("is null for a code that names no State", async () => {
    expect(await stateProfile({ actor: ANONYMOUS, iso3: "ZZZ" }, { db: app.database.db })).toBeNull();
    expect(await stateProfile({ actor: ANONYMOUS, iso3: "not a code" }, { db: app.database.db })).toBeNull();
  });
});

describe("the State page", () => {
  it("draws four accessible charts, each followed by a table whose figures match the counts", async () => {
    const profile = await stateProfile({ actor: ANONYMOUS, iso3: "QAT" }, { db: app.database.db });
    const response = await app.request("/en/countries/QAT/recommendations");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("<h1>Recommendations received by Qatar</h1>");
    const charts = [...page.matchAll(/<svg [^>]*role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/g)];
    expect(charts).toHaveLength(4);
    for (const [, title, desc] of charts) {
      expect(page).toMatch(new RegExp(`<title id="${title}">[^<]+</title><desc id="${desc}">[^<]+</desc>`));
    }
    const tables = page.split("</svg>").slice(1);
    expect(tables).toHaveLength(4);
    for (const part of tables) expect(part).toMatch(/^<\/div><table[^>]*><caption>[^<]+<\/caption>/);

    const rows = (part: string) =>
      Object.fromEntries(
        [
          ...part
            .slice(0, part.indexOf("</table>"))
            .matchAll(/<th scope="row"[^>]*><a href="([^"]+)">[^<]*<\/a><\/th><td>([\d,]+)<\/td>/g),
        ].map((m) => [m[1]!.replaceAll("&amp;", "&"), Number(m[2]!.replaceAll(",", ""))]),
      );
    const link = (filter: Record<string, string>) =>
      `/en/recommendations?${new URLSearchParams({ state_under_review: "QAT", kind: "recommendation", ...filter })}`;
    const [byCycle, byResponse, byTheme, byGroup] = tables.map(rows);
    expect(byCycle).toEqual(
      Object.fromEntries(profile!.byCycle.map((c) => [link({ cycle: String(c.value) }), c.count])),
    );
    expect(byResponse).toEqual(
      Object.fromEntries(profile!.byResponse.map((c) => [link({ response: c.value }), c.count])),
    );
    expect(byTheme).toEqual(Object.fromEntries(profile!.byTheme.map((c) => [link({ theme: c.value }), c.count])));
    expect(byGroup).toEqual(
      Object.fromEntries(profile!.byRecommendingGroup.map((c) => [link({ recommending_group: c.value }), c.count])),
    );
  });

  it("mirrors the charts in Arabic", async () => {
    const page = await (await app.request("/ar/countries/QAT/recommendations")).text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page.match(/<svg [^>]*direction="rtl"/g)).toHaveLength(4);
  });

  it("says when the index holds nothing for a State, and answers 404 for an unknown code", async () => {
    const page = await (await app.request("/en/countries/AFG/recommendations")).text();
    expect(page).toContain(CATALOGUES.en["stateProfile.empty"]);
    expect(page).not.toContain("<svg");
    const unknown = await app.request("/en/countries/ZZZ/recommendations");
    expect(unknown.status).toBe(404);
  });

  it("is linked from the State's reference page", async () => {
    const page = await (await app.request("/en/countries/QAT")).text();
    expect(page).toContain(
      `<a href="/en/countries/QAT/recommendations">${CATALOGUES.en["country.recommendations"]}</a>`,
    );
  });
});
