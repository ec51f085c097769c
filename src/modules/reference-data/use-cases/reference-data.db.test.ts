import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database";
import { ANONYMOUS, systemActor } from "../../../platform/actor";
import { REFERENCE_DIR } from "../../../platform/boot";
import { countries, referenceDatasets, specialProcedures } from "../schema";
import { checkReferenceData } from "./check-reference-data";
import { getCountry } from "./get-country";
import { getSdgGoal } from "./get-sdg-goal";
import { listCountries } from "./list-countries";
import { listSdgGoals } from "./list-sdg-goals";
import { loadReferenceData, ReferenceDataError } from "./load-reference-data";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const system = systemActor("test");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("countries", () => {
  it("lists the 193 Member States and the two observer States", async () => {
    const all = await listCountries({ actor: ANONYMOUS, filter: {}, locale: "en" }, database);
    expect(all).toHaveLength(195);
    expect(
      all
        .filter((c) => c.unStatus === "observer")
        .map((c) => c.iso3)
        .sort(),
    ).toEqual(["PSE", "VAT"]);
  });

  it("filters by regional group and by status", async () => {
    const asiaPacific = await listCountries(
      { actor: ANONYMOUS, filter: { group: "asia-pacific" }, locale: "en" },
      database,
    );
    expect(asiaPacific).toHaveLength(54);
    const sidsInAsiaPacific = await listCountries(
      { actor: ANONYMOUS, filter: { group: "asia-pacific", status: "sids" }, locale: "en" },
      database,
    );
    expect(sidsInAsiaPacific.map((c) => c.iso3)).toContain("FJI");
    expect(sidsInAsiaPacific.every((c) => c.regionalGroup === "asia-pacific" && c.statuses.includes("sids"))).toBe(
      true,
    );
  });

  it("sorts by the name in the page's language", async () => {
    const fr = await listCountries({ actor: ANONYMOUS, filter: {}, locale: "fr" }, database);
    const collator = new Intl.Collator("fr");
    const names = fr.map((c) => c.names.fr);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names[0]).toBe("Afghanistan");
  });

  it("finds Fiji by code in any case, in the Asia-Pacific Group, flagged SIDS, named in six languages", async () => {
    const fiji = await getCountry({ actor: ANONYMOUS, iso3: "fji" }, database);
    expect(fiji).toMatchObject({
      iso3: "FJI",
      iso2: "FJ",
      m49: "242",
      regionalGroup: "asia-pacific",
      unStatus: "member",
    });
    expect(fiji?.statuses).toEqual(["sids"]);
    expect(fiji?.names).toMatchObject({ en: "Fiji", fr: "Fidji", ar: "فيجي", zh: "斐济", ru: "Фиджи", es: "Fiji" });
    expect(await getCountry({ actor: ANONYMOUS, iso3: "ZZZ" }, database)).toBeNull();
    expect(await getCountry({ actor: ANONYMOUS, iso3: "'; drop table countries; --" }, database)).toBeNull();
  });
});

describe("SDGs", () => {
  it("has 17 goals and 169 targets, lettered targets after numbered ones", async () => {
    const goals = await listSdgGoals({ actor: ANONYMOUS, withIndicators: false }, database);
    expect(goals.map((g) => g.code)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(goals.reduce((n, g) => n + g.targets.length, 0)).toBe(169);
    const goal1 = goals[0]!.targets.map((t) => t.code);
    expect(goal1).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]);
  });

  it("gives one goal with indicators, in all six languages", async () => {
    const goal16 = await getSdgGoal({ actor: ANONYMOUS, code: "16" }, database);
    expect(goal16?.targets.map((t) => t.code).slice(-3)).toEqual(["16.10", "16.a", "16.b"]);
    expect(goal16?.targets.find((t) => t.code === "16.10")?.indicators.map((i) => i.code)).toEqual([
      "16.10.1",
      "16.10.2",
    ]);
    expect(goal16?.title.zh).toMatch(/和平/);
    expect(await getSdgGoal({ actor: ANONYMOUS, code: "18" }, database)).toBeNull();
  });
});

describe("integrity check", () => {
  it("finds the loaded reference data complete", async () => {
    expect(await checkReferenceData({ actor: system }, database)).toEqual([]);
  });

  it("notices a State that lost its regional group", async () => {
    await database.db.update(countries).set({ regionalGroup: null }).where(eq(countries.iso3, "NOR"));
    try {
      const findings = await checkReferenceData({ actor: system }, database);
      expect(findings.map((f) => f.code)).toEqual(["countries.group-size", "countries.no-group"]);
      expect(findings[1]?.detail).toContain("NOR");
    } finally {
      await database.db
        .update(countries)
        .set({ regionalGroup: "western-european-other" })
        .where(eq(countries.iso3, "NOR"));
    }
  });
});

describe("loading", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "item10-reference-"));
    await cp(REFERENCE_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("skips files that have not changed since the last load", async () => {
    const report = await loadReferenceData({ actor: system }, { db: database.db, referenceDir: dir });
    expect(report).toEqual({
      loaded: [],
      unchanged: ["countries.json", "sdgs.json", "themes.json", "mechanisms.json"],
    });
  });

  it("is only for the platform itself", async () => {
    await expect(loadReferenceData({ actor: ANONYMOUS }, { db: database.db, referenceDir: dir })).rejects.toThrow(
      ReferenceDataError,
    );
  });

  it("keeps a status the secretariat corrected when the files are loaded again", async () => {
    await database.db
      .update(countries)
      .set({ isLdc: false, developmentStatusSource: "secretariat", developmentStatusAsOf: "2024-12-13" })
      .where(eq(countries.iso3, "STP"));
    await database.db
      .insert(specialProcedures)
      .values({ code: "sr-test-mandate", kind: "thematic", title: "Added by the secretariat", origin: "secretariat" });
    // Force a reload, as after a new release of the reference files.
    await database.db.update(referenceDatasets).set({ checksum: "stale" });
    const report = await loadReferenceData({ actor: system }, { db: database.db, referenceDir: dir });
    expect(report.loaded.map((l) => l.file)).toEqual(["countries.json", "sdgs.json", "themes.json", "mechanisms.json"]);
    const stp = await getCountry({ actor: ANONYMOUS, iso3: "STP" }, database);
    expect(stp?.statuses).not.toContain("ldc");
    expect(stp?.developmentStatusAsOf).toBe("2024-12-13");
    const [kept] = await database.db
      .select()
      .from(specialProcedures)
      .where(eq(specialProcedures.code, "sr-test-mandate"));
    expect(kept?.title).toBe("Added by the secretariat");
    const still = await listCountries({ actor: ANONYMOUS, filter: {}, locale: "en" }, database);
    expect(still).toHaveLength(195);
  });

  it("refuses a broken file whole, naming the file, the row and the field", async () => {
    const file = path.join(dir, "countries.json");
    const data = JSON.parse(await readFile(file, "utf8"));
    data.countries[0].names.en = "Changed name that must not land";
    data.countries[3].iso2 = "not a code";
    await writeFile(file, JSON.stringify(data));
    const error = await loadReferenceData({ actor: system }, { db: database.db, referenceDir: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(ReferenceDataError);
    expect(error.message).toContain("countries.json: countries.3.iso2");
    const [first] = await database.db
      .select({ name: sql<string>`${countries.names}->>'en'` })
      .from(countries)
      .where(eq(countries.iso3, data.countries[0].iso3));
    expect(first?.name).not.toBe("Changed name that must not land");
  });

  it("names a file that is not JSON", async () => {
    await cp(path.join(REFERENCE_DIR, "countries.json"), path.join(dir, "countries.json"));
    await writeFile(path.join(dir, "sdgs.json"), "{ not json");
    await expect(loadReferenceData({ actor: system }, { db: database.db, referenceDir: dir })).rejects.toThrow(
      /sdgs\.json: not valid JSON/,
    );
  });
});
