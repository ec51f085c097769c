import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { listCountries } from "../../reference-data";
import { UPDATE_FACETS, type UpdateFacet, type UpdateQuery } from "../domain/query";
import { excerptOf } from "../domain/rich-text";
import type { UpdateStatus } from "../domain/update";
import { nationalUpdates as u, nationalUpdateVersions as v } from "../schema";
import { currentVersion, visibleUpdate } from "./shared";

/**
 * What a list shows of each update: its working copy while a draft (only its State sees it),
 * otherwise its current published version; the same copy is what the words are matched against,
 * so an edit not yet published is never found by anyone else's search.
 */
const isDraft = sql`${u.status} = 'draft'`;
const shown = <T>(draft: SQL | AnyPgColumn, published: SQL | AnyPgColumn) =>
  sql<T>`(case when ${isDraft} then ${draft} else ${published} end)`;
const shownSearch = shown<string>(
  sql`${u.search}`,
  sql`setweight(to_tsvector('english', coalesce(${v.title}, '')), 'A') || to_tsvector('english', coalesce(${v.achievements}, '') || ' ' || coalesce(${v.challenges}, '') || ' ' || coalesce(${v.goodPractices}, '') || ' ' || coalesce(${v.lessons}, ''))`,
);

interface Candidate {
  id: string;
  stateIso3: string;
  status: UpdateStatus;
  title: string;
  language: string;
  themes: string[];
  sdgTargets: string[];
  version: number;
  date: Date;
  rank: number;
  group: string | null;
  statuses: string[];
  year: string;
}

const goalOf = (target: string) => target.split(".")[0]!;

function valuesOf(candidate: Candidate, facet: UpdateFacet): string[] {
  switch (facet) {
    case "state":
      return [candidate.stateIso3];
    case "group":
      return candidate.group ? [candidate.group] : [];
    case "status":
      return candidate.statuses;
    case "theme":
      return candidate.themes;
    case "sdg":
      return [...new Set(candidate.sdgTargets.map(goalOf))];
    case "year":
      return [candidate.year];
  }
}

function selected(query: UpdateQuery, facet: UpdateFacet): string | undefined {
  return facet === "year" ? (query.year ? String(query.year) : undefined) : query[facet];
}

/**
 * Voluntary national updates the actor may see, newest first (best match first when searching),
 * with counts for each facet: State, its regional group and development status, theme, SDG goal
 * and year. Each facet is counted over the updates the other filters keep, so its other values
 * say how many a change of that filter would find.
 *
 * Updates are few (a State writes a handful a year), so the visible ones are read whole and
 * filtered and counted here; the database does the visibility rule and the word match.
 */
export async function listUpdates({ actor, query }: { actor: Actor; query: UpdateQuery }, deps: { db: Db }) {
  const tsquery = query.q ? sql`websearch_to_tsquery('english', ${query.q})` : null;
  const [rows, countries] = await Promise.all([
    deps.db
      .select({
        id: u.id,
        stateIso3: u.stateIso3,
        status: u.status,
        title: shown<string>(u.title, v.title),
        language: shown<string>(u.language, v.language),
        themes: shown<string[]>(u.themes, v.themes),
        sdgTargets: shown<string[]>(u.sdgTargets, v.sdgTargets),
        version: u.publishedVersion,
        date: sql<Date | string>`coalesce(${v.publishedAt}, ${u.updatedAt})`,
        rank: tsquery ? sql<number>`ts_rank(${shownSearch}, ${tsquery})` : sql<number>`0`,
      })
      .from(u)
      .leftJoin(v, currentVersion)
      .where(and(visibleUpdate(actor), tsquery ? sql`${shownSearch} @@ ${tsquery}` : undefined)),
    listCountries({ actor, filter: {}, locale: "en" }, deps),
  ]);
  const countryOf = new Map(countries.map((c) => [c.iso3, c]));
  const candidates: Candidate[] = rows.map((row) => {
    const date = new Date(row.date);
    const country = countryOf.get(row.stateIso3);
    return {
      ...row,
      status: row.status as UpdateStatus,
      date,
      rank: Number(row.rank),
      group: country?.regionalGroup ?? null,
      statuses: country?.statuses ?? [],
      year: String(date.getUTCFullYear()),
    };
  });

  const keeps = (candidate: Candidate, except?: UpdateFacet) =>
    UPDATE_FACETS.every((facet) => {
      const wanted = facet === except ? undefined : selected(query, facet);
      return wanted === undefined || valuesOf(candidate, facet).includes(wanted);
    });
  const facets = Object.fromEntries(
    UPDATE_FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const candidate of candidates)
        if (keeps(candidate, facet))
          for (const value of valuesOf(candidate, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const ordered = [...counts].map(([value, count]) => ({ value, count }));
      ordered.sort((a, b) =>
        facet === "year" ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
      return [facet, ordered];
    }),
  ) as Record<UpdateFacet, { value: string; count: number }[]>;

  const matching = candidates
    .filter((candidate) => keeps(candidate))
    .sort((a, b) => b.rank - a.rank || b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const page = matching.slice(query.offset, query.offset + query.limit);
  const excerpts = await excerptsOf(
    deps.db,
    page.map((c) => c.id),
  );
  return {
    total: matching.length,
    facets,
    items: page.map(({ rank: _rank, group: _group, statuses: _statuses, year: _year, ...item }) => ({
      ...item,
      excerpt: excerpts.get(item.id) ?? "",
    })),
  };
}

/** The opening words of each listed update's shown copy, as plain text. */
async function excerptsOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: u.id,
      achievements: shown<string>(u.achievements, v.achievements),
      challenges: shown<string>(u.challenges, v.challenges),
      goodPractices: shown<string>(u.goodPractices, v.goodPractices),
      lessons: shown<string>(u.lessons, v.lessons),
    })
    .from(u)
    .leftJoin(v, currentVersion)
    .where(inArray(u.id, ids));
  return new Map(
    rows.map((row) => [
      row.id,
      excerptOf([row.achievements, row.challenges, row.goodPractices, row.lessons].find((text) => text) ?? ""),
    ]),
  );
}
