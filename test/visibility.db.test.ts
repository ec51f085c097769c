import { sql } from "drizzle-orm";
import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor, Membership } from "../src/platform/actor";
import { canSee, VISIBILITY_TIERS, visibleTo } from "../src/platform/visibility";
import { createTestDatabase } from "./support/database";

const probes = pgTable("visibility_probes", {
  id: integer("id").primaryKey(),
  owner: uuid("owner").notNull(),
  visibility: text("visibility").notNull(),
});

const ORGS = [
  "00000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-000000000002",
  "00000000-0000-4000-8000-000000000003",
];
const SECRETARIAT = "00000000-0000-4000-8000-0000000000aa";

function member(organisationId: string, role: Membership["role"], secondFactor = true): Actor {
  return {
    kind: "user",
    userId: "u",
    displayName: "U",
    sessionId: "s",
    secondFactor,
    memberships: [
      {
        organisationId,
        organisationKind: organisationId === SECRETARIAT ? "un-entity" : "state",
        isSecretariat: organisationId === SECRETARIAT,
        role,
        regionalGroup: null,
        countryIso3: null,
      },
    ],
  };
}

const ACTORS: Actor[] = [
  { kind: "anonymous" },
  { kind: "system", process: "test" },
  member(ORGS[0]!, "state-focal-point"),
  member(ORGS[1]!, "provider-focal-point"),
  member(SECRETARIAT, "secretariat-officer"),
  member(SECRETARIAT, "secretariat-officer", false),
  member(SECRETARIAT, "advisory-committee-member"),
  member(SECRETARIAT, "expert"),
];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
// Every owner × tier, each shared by name with the next organisation.
const records = ORGS.flatMap((owner, o) =>
  VISIBILITY_TIERS.map((visibility, v) => ({
    id: o * 10 + v,
    owner,
    visibility,
    granted: ORGS[(o + 1) % ORGS.length]!,
  })),
);

beforeAll(async () => {
  database = await createTestDatabase();
  await database.executeSql(
    "create table visibility_probes (id integer primary key, owner uuid not null, visibility text not null); create table visibility_probe_grants (probe_id integer, organisation_id uuid)",
  );
  for (const r of records) {
    await database.executeSql("insert into visibility_probes values ($1, $2, $3)", [r.id, r.owner, r.visibility]);
    await database.executeSql("insert into visibility_probe_grants values ($1, $2)", [r.id, r.granted]);
  }
});
afterAll(async () => {
  await database.dispose();
});

it.each(ACTORS.map((a, i) => [i, a] as const))(
  "actor %i sees the same records through SQL as in memory",
  async (_i, actor) => {
    const where = visibleTo(actor, {
      owner: probes.owner,
      visibility: probes.visibility,
      grantedTo: (ids) =>
        sql`exists (select 1 from visibility_probe_grants g where g.probe_id = ${probes.id} and g.organisation_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`,
    });
    const rows = await database.db.select({ id: probes.id }).from(probes).where(where);
    const bySql = rows.map((r) => r.id).sort((a, b) => a - b);
    const inMemory = records
      .filter((r) =>
        canSee(actor, {
          ownerOrganisationId: r.owner,
          visibility: r.visibility as never,
          grantedOrganisationIds: [r.granted],
        }),
      )
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(bySql).toEqual(inMemory);
    expect(bySql.length).toBeGreaterThanOrEqual(ORGS.length);
  },
);
