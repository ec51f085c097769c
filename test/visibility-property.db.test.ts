import { randomBytes } from "node:crypto";
import { inArray, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken, DEMO_PASSWORD } from "../src/modules/accounts";
import { createApiToken } from "../src/modules/accounts/use-cases/api-tokens";
import { notify } from "../src/modules/notifications";
import { notifications } from "../src/modules/notifications/schema";
import { getOffer, searchOffers } from "../src/modules/offers";
import { parseOfferQuery } from "../src/modules/offers/domain/query";
import { offers } from "../src/modules/offers/schema";
import { recommendations } from "../src/modules/recommendations/schema";
import {
  actOnRequest,
  currentCriteria,
  getRequest,
  publicRequestStatistics,
  REQUEST_STATES,
  type RequestState,
  requestsCitingRecommendation,
  ScreeningForbiddenError,
  screeningQueue,
  screenRequest,
  searchRequests,
} from "../src/modules/requests";
import { parseRequestFilter } from "../src/modules/requests/domain/filter";
import { requestGrants, requestRecommendations, supportRequests } from "../src/modules/requests/schema";
import { parseUpdateQuery } from "../src/modules/updates/domain/query";
import { nationalUpdates, nationalUpdateVersions } from "../src/modules/updates/schema";
import { getUpdate, getUpdateVersion, updatesCitingRecommendation } from "../src/modules/updates/use-cases/get-update";
import { listUpdates } from "../src/modules/updates/use-cases/list-updates";
import { type Actor, ANONYMOUS, ROLES } from "../src/platform/actor";
import type { Db } from "../src/platform/db/database";
import { outboxMessages } from "../src/platform/mail/schema";
import { actorOf } from "./support/actors";
import { startTestPlatform } from "./support/platform";
import { Browser } from "./support/session";

/*
 * Issue 5's acceptance point as a property: random requests, updates and offers with random tiers,
 * states and grants, read by random actors through every route (use cases, API, pages, citations,
 * public statistics, notifications and their emails). No actor may see, count or be told of a
 * record its tier hides from it, and each sees all that its tier allows.
 *
 * The rule is restated here from PRODUCT.md and decisions 010 and 014, on purpose without calling
 * the product's canSee/effectiveTier: the test must be able to disagree with them.
 */

type Tier = "private" | "secretariat" | "providers" | "public";
const TIERS: readonly Tier[] = ["private", "secretariat", "providers", "public"];

/** What an actor may read by: its organisations, and whether it reads as the secretariat or as any provider. */
interface Audience {
  organisations: ReadonlySet<string>;
  /** Secretariat officers and administrators with a second factor, advisory committee members. */
  secretariat: boolean;
  /** Signed in with at least one usable membership, or a token. */
  signedIn: boolean;
  /** May open the screening queue: an officer with a second factor or a committee member. */
  reviews: boolean;
}

interface Judged {
  owner: string;
  tier: Tier;
  grants: readonly string[];
}

function sees(a: Audience, record: Judged): boolean {
  if (record.tier === "public") return true;
  if (a.organisations.has(record.owner)) return true;
  if (record.grants.some((g) => a.organisations.has(g))) return true;
  if (record.tier === "secretariat") return a.secretariat;
  if (record.tier === "providers") return a.secretariat || a.signedIn;
  return false;
}

/**
 * Decision 014: a draft is its State's; under screening, and once withdrawn, the secretariat's;
 * opened, the chosen tier, never below the secretariat.
 */
function requestTier(state: RequestState, chosen: Tier, submitted: boolean): Tier {
  if (state === "draft" || (state === "withdrawn" && !submitted)) return "private";
  if (["submitted", "screening", "returned", "withdrawn"].includes(state)) return "secretariat";
  return chosen === "private" ? "secretariat" : chosen;
}

const NEEDS_SECOND_FACTOR = new Set([
  "secretariat-officer",
  "fund-manager",
  "fund-board-member",
  "platform-administrator",
]);

interface MembershipFact {
  organisationId: string;
  role: string;
  isSecretariat: boolean;
}

function audienceOfMemberships(all: readonly MembershipFact[], secondFactor: boolean): Audience {
  const usable = secondFactor ? all : all.filter((m) => !NEEDS_SECOND_FACTOR.has(m.role));
  const officer = usable.some((m) => m.isSecretariat && m.role === "secretariat-officer");
  const committee = usable.some((m) => m.role === "advisory-committee-member");
  return {
    organisations: new Set(usable.map((m) => m.organisationId)),
    secretariat: officer || committee || usable.some((m) => m.isSecretariat && m.role === "platform-administrator"),
    signedIn: usable.length > 0,
    reviews: officer || committee,
  };
}

const NOBODY: Audience = { organisations: new Set(), secretariat: false, signedIn: false, reviews: false };

// ---------------------------------------------------------------------------------------------
// The world one run builds.

const STATE_KEYS = ["fiji", "honduras", "bhutan", "maldives"] as const;
const PROVIDER_KEYS = ["norway", "thailand", "undp", "ngo", "nhri"] as const;
const GRANTEE_KEYS = ["norway", "undp", "ngo", "honduras", "bhutan"] as const;
type OrgKey = (typeof STATE_KEYS)[number] | (typeof PROVIDER_KEYS)[number];
type Action = "submit" | "start-screening" | "open" | "return" | "withdraw";
const STEPS: Record<RequestState, readonly Action[]> = {
  draft: ["submit", "withdraw"],
  submitted: ["start-screening", "open", "return", "withdraw"],
  screening: ["open", "return", "withdraw"],
  returned: ["submit", "withdraw"],
  open: ["withdraw"],
  matched: ["withdraw"],
  "in-implementation": ["withdraw"],
  completed: [],
  "reported-back": [],
  withdrawn: [],
};

const tierArb = fc.constantFrom(...TIERS);
// Two themes, so that an opened request often shares one with an offer (and its providers are told).
const themePick = fc.subarray([0, 1], { minLength: 1 });
const requestArb = fc.record({
  owner: fc.constantFrom(...STATE_KEYS),
  state: fc.constantFrom(...REQUEST_STATES),
  chosen: tierArb,
  anonymousCounting: fc.boolean(),
  grants: fc.oneof(
    { arbitrary: fc.constant<(typeof GRANTEE_KEYS)[number][]>([]), weight: 3 },
    { arbitrary: fc.subarray([...GRANTEE_KEYS], { minLength: 1, maxLength: 2 }), weight: 1 },
  ),
  cites: fc.boolean(),
  themes: themePick,
  /** Which of the steps open to it the request takes (most take one), through the real use cases. */
  move: fc.option(fc.nat({ max: 3 }), { nil: null, freq: 3 }),
  tell: fc.boolean(),
});
const updateArb = fc.record({
  owner: fc.constantFrom(...STATE_KEYS),
  status: fc.constantFrom("draft", "published", "withdrawn"),
  versions: fc.array(fc.record({ tier: tierArb, cites: fc.boolean() }), { minLength: 1, maxLength: 2 }),
  workingTier: tierArb,
  workingCites: fc.boolean(),
  tell: fc.boolean(),
});
const offerArb = fc.record({
  owner: fc.constantFrom(...PROVIDER_KEYS),
  tier: tierArb,
  status: fc.constantFrom("open", "paused", "closed"),
  themes: themePick,
  tell: fc.boolean(),
});
const BROWSER_KEYS = ["fiji", "norway", "secretariat", "committee", "expert", "secretariat-pending"] as const;
const worldArb = fc.record({
  requests: fc.array(requestArb, { minLength: 1, maxLength: 5 }),
  updates: fc.array(updateArb, { maxLength: 3 }),
  offers: fc.array(offerArb, { maxLength: 3 }),
  browsers: fc.shuffledSubarray([...BROWSER_KEYS], { minLength: 1, maxLength: 2 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

interface RequestModel {
  id: string;
  marker: string;
  title: string;
  owner: string;
  ownerKey: OrgKey;
  iso3: string;
  state: RequestState;
  /** The state it was built in, before its step. */
  before: RequestState;
  /** Whether it was ever submitted (a request withdrawn as a draft never left its State). */
  submitted: boolean;
  chosen: Tier;
  anonymousCounting: boolean;
  grants: string[];
  cites: boolean;
  themes: string[];
  action: Action | null;
  tell: boolean;
}
interface VersionModel {
  n: number;
  tier: Tier;
  cites: boolean;
  marker: string;
}
interface UpdateModel {
  id: string;
  owner: string;
  iso3: string;
  status: "draft" | "published" | "withdrawn";
  versions: VersionModel[];
  working: { marker: string; cites: boolean };
  tell: boolean;
}
interface OfferModel {
  id: string;
  marker: string;
  title: string;
  owner: string;
  tier: Tier;
  status: string;
  themes: string[];
  tell: boolean;
}
interface Built {
  run: string;
  requests: RequestModel[];
  updates: UpdateModel[];
  offers: OfferModel[];
  /** Every word that names one record (or one version of it), with who may read it. */
  markers: { marker: string; readable: (a: Audience) => boolean }[];
}

/** A request as the rule judges it in a state: withdrawing takes back every grant it gave (consents to matches included). */
const judgedRequest = (r: RequestModel, state: RequestState): Judged => ({
  owner: r.owner,
  tier: requestTier(state, r.chosen, r.submitted),
  grants: state === "withdrawn" ? [] : r.grants,
});
const seesRequestIn = (a: Audience, r: RequestModel, state: RequestState) => sees(a, judgedRequest(r, state));
const seesRequest = (a: Audience, r: RequestModel) => seesRequestIn(a, r, r.state);
/** Decision 014: a withdrawal is told to those who could read the request before it. */
const wasToldOf = (a: Audience, r: RequestModel, kind: string) =>
  kind === "request-withdrawn" ? seesRequestIn(a, r, r.before) : seesRequest(a, r);
const updateTier = (u: UpdateModel): Tier => (u.status === "published" ? u.versions.at(-1)!.tier : "private");
const seesUpdate = (a: Audience, u: UpdateModel) => sees(a, { owner: u.owner, tier: updateTier(u), grants: [] });
// Each version keeps the tier it was published under, even after a later version widened it.
const seesVersion = (a: Audience, u: UpdateModel, v: VersionModel) =>
  seesUpdate(a, u) && sees(a, { owner: u.owner, tier: v.tier, grants: [] });
const seesWorkingCopy = (a: Audience, u: UpdateModel) => a.organisations.has(u.owner);
const seesOffer = (a: Audience, o: OfferModel) => sees(a, { owner: o.owner, tier: o.tier, grants: [] });
/** The copy lists, citations and the page show: the current version once published, else the working copy. */
const shownOf = (u: UpdateModel) =>
  u.versions.length > 0 ? { marker: u.versions.at(-1)!.marker, cites: u.versions.at(-1)!.cites } : u.working;

// ---------------------------------------------------------------------------------------------
// Set-up: the platform, the demo organisations, the readers.

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);

interface Reader {
  name: string;
  actor: Actor;
  audience: Audience;
  bearer?: string;
}
const readers: Reader[] = [];
const browsers = new Map<string, { browser: Browser; audience: Audience }>();
const org = {} as Record<OrgKey | "secretariat", string>;
const countryOf = new Map<string, string>();
const groupOf = new Map<string, string | null>();
const focal = {} as Record<OrgKey, Actor>;
let secretariat: Actor;
/** Every active person, judged with all their roles and the second factor passed (as notify judges them). */
const people = new Map<string, { email: string; audience: Audience }>();
const byEmail = new Map<string, Audience>();
let themeCodes: string[] = [];
let recommendationId = "";
const RECOMMENDATION_KEY = "vis-prop-rec-1";
let criteriaAnswers: Record<string, string> = {};

const EMAIL: Record<OrgKey, string> = {
  fiji: "fiji@example.org",
  honduras: "honduras@example.org",
  bhutan: "bhutan@example.org",
  maldives: "maldives@example.org",
  norway: "norway@example.org",
  thailand: "thailand@example.org",
  undp: "undp@example.org",
  ngo: "ngo@example.org",
  nhri: "nhri@example.org",
};

async function membershipFacts(): Promise<Map<string, { email: string; status: string; ms: MembershipFact[] }>> {
  const { rows } = await app.database.executeSql(
    `select u.id, u.email, u.status, m.organisation_id, m.role, o.is_secretariat
       from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id`,
  );
  const facts = new Map<string, { email: string; status: string; ms: MembershipFact[] }>();
  for (const r of rows) {
    const id = String(r.id);
    const fact = facts.get(id) ?? { email: String(r.email), status: String(r.status), ms: [] };
    fact.ms.push({
      organisationId: String(r.organisation_id),
      role: String(r.role),
      isSecretariat: Boolean(r.is_secretariat),
    });
    facts.set(id, fact);
  }
  return facts;
}

async function userReader(name: string, email: string, secondFactor = true): Promise<Reader> {
  const actor = await actorOf(app.database, email, { secondFactor });
  const facts = [...(await membershipFacts()).values()].find((f) => f.email === email)!;
  return { name, actor, audience: audienceOfMemberships(facts.ms, secondFactor) };
}

async function tokenReader(name: string, issuer: Actor, organisationId: string, scope: "read" | "read-write") {
  const created = await createApiToken(
    { actor: issuer, organisationId, name, scope, days: 30, request: {} },
    { db: app.database.db },
  );
  if (created.outcome !== "created") throw new Error(`no token for ${name}: ${created.outcome}`);
  const actor = await authenticateApiToken(created.token, { db: app.database.db });
  if (!actor) throw new Error(`token for ${name} not accepted`);
  const reader: Reader = {
    name,
    actor,
    bearer: created.token,
    // A token reads for its organisation as that organisation's focal point would: never as staff.
    audience: { organisations: new Set([organisationId]), secretariat: false, signedIn: true, reviews: false },
  };
  return reader;
}

beforeAll(async () => {
  app = await startTestPlatform();
  const db = app.database.db;
  const { rows: orgRows } = await app.database.executeSql(
    `select u.email, o.id, o.country_iso3, o.is_secretariat, c.regional_group
       from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
       left join countries c on c.iso3 = o.country_iso3`,
  );
  for (const r of orgRows) {
    const key = (Object.keys(EMAIL) as OrgKey[]).find((k) => EMAIL[k] === r.email);
    if (key) org[key] = String(r.id);
    if (r.is_secretariat) org.secretariat = String(r.id);
    if (r.country_iso3) {
      countryOf.set(String(r.id), String(r.country_iso3).trim());
      groupOf.set(String(r.country_iso3).trim(), (r.regional_group as string | null) ?? null);
    }
  }
  for (const key of Object.keys(EMAIL) as OrgKey[]) {
    if (!org[key]) throw new Error(`no organisation for ${key}`);
    focal[key] = await actorOf(app.database, EMAIL[key]);
  }
  for (const [id, fact] of await membershipFacts()) {
    if (fact.status !== "active") continue;
    const audience = audienceOfMemberships(fact.ms, true);
    people.set(id, { email: fact.email, audience });
    byEmail.set(fact.email, audience);
  }

  readers.push({ name: "anonymous", actor: ANONYMOUS, audience: NOBODY });
  for (const key of [...STATE_KEYS, "norway", "thailand", "undp", "ngo"] as const)
    readers.push(await userReader(key, EMAIL[key]));
  readers.push(await userReader("secretariat", "secretariat@example.org"));
  readers.push(await userReader("secretariat without second factor", "secretariat@example.org", false));
  readers.push(await userReader("committee", "committee@example.org"));
  readers.push(await userReader("expert", "expert@example.org"));
  readers.push(await userReader("administrator", "admin@example.org"));
  secretariat = readers.find((r) => r.name === "secretariat")!.actor;
  const admin = readers.find((r) => r.name === "administrator")!.actor;
  readers.push(await tokenReader("fiji read token", focal.fiji, org.fiji, "read"));
  readers.push(await tokenReader("fiji read-write token", focal.fiji, org.fiji, "read-write"));
  readers.push(await tokenReader("norway read token", focal.norway, org.norway, "read"));
  readers.push(await tokenReader("ngo read-write token", focal.ngo, org.ngo, "read-write"));
  readers.push(await tokenReader("OHCHR read token", admin, org.secretariat, "read"));

  const signedIn = async (email: string) => {
    const browser = new Browser(fetcher);
    const response = await browser.signIn(email);
    expect(response.status, email).toBe(302);
    return browser;
  };
  const audienceOf = (name: string) => readers.find((r) => r.name === name)!.audience;
  browsers.set("anonymous", { browser: new Browser(fetcher), audience: NOBODY });
  browsers.set("fiji", { browser: await signedIn(EMAIL.fiji), audience: audienceOf("fiji") });
  browsers.set("norway", { browser: await signedIn(EMAIL.norway), audience: audienceOf("norway") });
  browsers.set("secretariat", {
    browser: await signedIn("secretariat@example.org"),
    audience: audienceOf("secretariat"),
  });
  browsers.set("committee", { browser: await signedIn("committee@example.org"), audience: audienceOf("committee") });
  browsers.set("expert", { browser: await signedIn("expert@example.org"), audience: audienceOf("expert") });
  // Password only: the session waits for the second factor, and reads as no one until it has it.
  const pending = new Browser(fetcher);
  await pending.submit("/en/sign-in", { email: "secretariat@example.org", password: DEMO_PASSWORD, next: "/en" });
  browsers.set("secretariat-pending", {
    browser: pending,
    audience: audienceOf("secretariat without second factor"),
  });

  const { rows: themeRows } = await app.database.executeSql("select code from themes order by position limit 2");
  themeCodes = themeRows.map((r) => String(r.code));
  const [rec] = await db
    .insert(recommendations)
    .values({
      key: RECOMMENDATION_KEY,
      kind: "recommendation",
      mechanism: "upr",
      cycle: 3,
      session: 29,
      year: 2019,
      stateUnderReview: "FJI",
      recommendingStates: ["NOR"],
      text: "Establish a national mechanism for implementation, reporting and follow-up",
      source: "test",
      contentHash: RECOMMENDATION_KEY,
    })
    .returning({ id: recommendations.id });
  recommendationId = rec!.id;
  const criteria = await currentCriteria({ actor: secretariat }, deps());
  criteriaAnswers = Object.fromEntries((criteria?.items ?? []).map((c) => [c.code, "met"]));
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

// ---------------------------------------------------------------------------------------------
// Building, acting on and removing one world.

/** A word found only in this run's records, so searches and cleaning up reach them alone. */
function newRun(): string {
  const letters = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  return `qv${letters}`;
}

async function build(world: World): Promise<Built> {
  const db = app.database.db;
  const run = newRun();
  const built: Built = { run, requests: [], updates: [], offers: [], markers: [] };
  const now = new Date();

  for (const [i, w] of world.requests.entries()) {
    const marker = `${run}r${i}z`;
    const owner = org[w.owner];
    const iso3 = countryOf.get(owner)!;
    const title = `${run} request ${marker}`;
    const themes = w.themes.map((t) => themeCodes[t]!);
    const [row] = await db
      .insert(supportRequests)
      .values({
        organisationId: owner,
        stateIso3: iso3,
        state: w.state,
        title,
        summary: `Support asked for ${marker}.`,
        themes,
        supportKinds: ["training"],
        workingLanguages: ["en"],
        visibility: w.chosen,
        anonymousCounting: w.anonymousCounting,
        submittedAt: w.state === "draft" ? null : now,
        openedAt: ["draft", "submitted", "screening", "returned"].includes(w.state) ? null : now,
      })
      .returning({ id: supportRequests.id });
    // A request is only ever withdrawn through the workflow, which drops its grants.
    const grants = w.state === "withdrawn" ? [] : w.grants.map((k) => org[k as OrgKey]).filter((g) => g !== owner);
    if (grants.length > 0)
      await db.insert(requestGrants).values(grants.map((organisationId) => ({ requestId: row!.id, organisationId })));
    if (w.cites) await db.insert(requestRecommendations).values({ requestId: row!.id, recommendationId });
    const model: RequestModel = {
      id: row!.id,
      marker,
      title,
      owner,
      ownerKey: w.owner,
      iso3,
      state: w.state,
      before: w.state,
      submitted: w.state !== "draft",
      chosen: w.chosen,
      anonymousCounting: w.anonymousCounting,
      grants,
      cites: w.cites,
      themes,
      action: w.move === null ? null : (STEPS[w.state][w.move % Math.max(1, STEPS[w.state].length)] ?? null),
      tell: w.tell,
    };
    built.requests.push(model);
    built.markers.push({ marker, readable: (a) => seesRequest(a, model) });
  }

  for (const [i, w] of world.updates.entries()) {
    const owner = org[w.owner];
    const iso3 = countryOf.get(owner)!;
    const versions: VersionModel[] =
      w.status === "draft"
        ? []
        : w.versions.map((v, k) => ({ n: k + 1, tier: v.tier, cites: v.cites, marker: `${run}u${i}v${k + 1}z` }));
    const working = { marker: `${run}u${i}wz`, cites: w.workingCites };
    const [row] = await db
      .insert(nationalUpdates)
      .values({
        organisationId: owner,
        stateIso3: iso3,
        status: w.status,
        title: `${run} update ${working.marker}`,
        achievements: `<p>Working text ${working.marker}.</p>`,
        recommendationIds: working.cites ? [recommendationId] : [],
        visibility: w.workingTier,
        publishedVersion: versions.length,
        publishedAt: versions.length > 0 ? now : null,
        withdrawnAt: w.status === "withdrawn" ? now : null,
      })
      .returning({ id: nationalUpdates.id });
    if (versions.length > 0)
      await db.insert(nationalUpdateVersions).values(
        versions.map((v) => ({
          updateId: row!.id,
          version: v.n,
          title: `${run} update ${v.marker}`,
          achievements: `<p>Published text ${v.marker}.</p>`,
          challenges: "",
          goodPractices: "",
          lessons: "",
          language: "en",
          themes: [],
          sdgTargets: [],
          recommendationIds: v.cites ? [recommendationId] : [],
          clusterIds: [],
          visibility: v.tier,
          publishedAt: new Date(now.getTime() - (versions.length - v.n) * 60_000),
        })),
      );
    const model: UpdateModel = { id: row!.id, owner, iso3, status: w.status, versions, working, tell: w.tell };
    built.updates.push(model);
    built.markers.push({ marker: working.marker, readable: (a) => seesWorkingCopy(a, model) });
    for (const v of versions) built.markers.push({ marker: v.marker, readable: (a) => seesVersion(a, model, v) });
  }

  for (const [i, w] of world.offers.entries()) {
    const marker = `${run}o${i}z`;
    const owner = org[w.owner];
    const title = `${run} offer ${marker}`;
    const themes = w.themes.map((t) => themeCodes[t]!);
    const [row] = await db
      .insert(offers)
      .values({
        organisationId: owner,
        status: w.status,
        title,
        description: `What is offered: ${marker}.`,
        themes,
        supportKinds: ["training"],
        workingLanguages: ["en"],
        capacity: 3,
        visibility: w.tier,
      })
      .returning({ id: offers.id });
    const model: OfferModel = {
      id: row!.id,
      marker,
      title,
      owner,
      tier: w.tier,
      status: w.status,
      themes,
      tell: w.tell,
    };
    built.offers.push(model);
    built.markers.push({ marker, readable: (a) => seesOffer(a, model) });
  }
  return built;
}

/** Takes each request's random step through the real use cases (which notify), then reads where it ended. */
async function act(built: Built) {
  for (const r of built.requests) {
    if (!r.action) continue;
    if (r.action === "open" || r.action === "return")
      await screenRequest(
        {
          actor: secretariat,
          id: r.id,
          form: {
            answers: criteriaAnswers,
            outcome: r.action,
            comment: r.action === "return" ? "Name the counterpart institution." : "",
          },
        },
        deps(),
      );
    else
      await actOnRequest(
        {
          actor: r.action === "start-screening" ? secretariat : focal[r.ownerKey],
          id: r.id,
          action: r.action,
          reason: r.action === "withdraw" ? "Covered by a national programme." : null,
        },
        deps(),
      );
  }
  const rows = await app.database.db
    .select({ id: supportRequests.id, state: supportRequests.state, submittedAt: supportRequests.submittedAt })
    .from(supportRequests)
    .where(
      inArray(
        supportRequests.id,
        built.requests.map((r) => r.id),
      ),
    );
  for (const row of rows) {
    const model = built.requests.find((r) => r.id === row.id)!;
    model.state = row.state as RequestState;
    model.submitted = row.submittedAt !== null;
  }
}

/** Tells everyone with any role about some records: as wide an audience as any caller of `notify` could name. */
async function tellEveryone(built: Built) {
  const audience = ROLES.map((role) => ({ role }));
  const told: { type: "support-request" | "national-update" | "offer"; id: string; record: Judged; title: string }[] = [
    ...built.requests
      .filter((r) => r.tell)
      .map((r) => ({
        type: "support-request" as const,
        id: r.id,
        record: judgedRequest(r, r.state),
        title: r.title,
      })),
    ...built.updates
      .filter((u) => u.tell)
      .map((u) => ({
        type: "national-update" as const,
        id: u.id,
        record: { owner: u.owner, tier: updateTier(u), grants: [] },
        title: `${built.run} update ${shownOf(u).marker}`,
      })),
    ...built.offers
      .filter((o) => o.tell)
      .map((o) => ({
        type: "offer" as const,
        id: o.id,
        record: { owner: o.owner, tier: o.tier, grants: [] },
        title: o.title,
      })),
  ];
  for (const t of told) {
    const result = await app.database.db.transaction(async (tx) =>
      notify(
        tx as unknown as Db,
        {
          kind: "request-opened",
          subject: { type: t.type, id: t.id },
          record: {
            ownerOrganisationId: t.record.owner,
            visibility: t.record.tier,
            grantedOrganisationIds: t.record.grants,
          },
          audience,
          values: { title: t.title },
          link: `/${t.type === "support-request" ? "requests" : t.type === "offer" ? "offers" : "updates"}/${t.id}`,
        },
        { publicUrl: "http://localhost" },
      ),
    );
    // Everyone who may see it is told, and no one else.
    const expected = [...people.values()].filter((p) => sees(p.audience, t.record)).length;
    expect(result.notified, `${t.type} ${t.record.tier}`).toBe(expected);
  }
}

async function cleanUp(built: Built) {
  const db = app.database.db;
  const ids = [...built.requests, ...built.updates, ...built.offers].map((x) => x.id);
  if (ids.length > 0) await db.delete(notifications).where(inArray(notifications.subjectId, ids));
  await db.delete(outboxMessages).where(like(outboxMessages.text, `%${built.run}%`));
  if (built.requests.length > 0)
    await db.delete(supportRequests).where(
      inArray(
        supportRequests.id,
        built.requests.map((r) => r.id),
      ),
    );
  if (built.updates.length > 0)
    await db.delete(nationalUpdates).where(
      inArray(
        nationalUpdates.id,
        built.updates.map((u) => u.id),
      ),
    );
  if (built.offers.length > 0)
    await db.delete(offers).where(
      inArray(
        offers.id,
        built.offers.map((o) => o.id),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// The checks.

const sorted = (xs: readonly string[]) => [...xs].sort();
function countBy<T>(xs: readonly T[], values: (x: T) => readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const x of xs) for (const v of new Set(values(x))) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
const facetCounts = (facet: readonly { value: string; count: number }[]) =>
  Object.fromEntries(facet.map((f) => [f.value, f.count]));

/** No word naming a record the audience may not read appears in what it was given. */
function noLeak(built: Pick<Built, "markers">, a: Audience, text: string, where: string) {
  const leaked = built.markers.filter((m) => text.includes(m.marker) && !m.readable(a)).map((m) => m.marker);
  expect(leaked, `leak to ${where}`).toEqual([]);
}

function publicFigure(n: number) {
  return n > 0 && n < 3 ? { fewerThan: 3 } : { exact: n };
}

/** Public statistics: requests past drafting, public now or counted anonymously with their State's leave. */
function expectedStatistics(built: Built) {
  const counted = built.requests.filter(
    (r) => r.submitted && (requestTier(r.state, r.chosen, r.submitted) === "public" || r.anonymousCounting),
  );
  const byState = countBy(counted, (r) => [r.state]);
  const byGroup = countBy(counted, (r) => (groupOf.get(r.iso3) ? [groupOf.get(r.iso3)!] : []));
  return {
    total: publicFigure(counted.length),
    byState: Object.entries(byState)
      .map(([state, n]) => ({ state, count: publicFigure(n) }))
      .sort((x, y) => x.state.localeCompare(y.state)),
    byGroup: Object.entries(byGroup)
      .map(([group, n]) => ({ group, count: publicFigure(n) }))
      .sort((x, y) => x.group.localeCompare(y.group)),
  };
}
function normalisedStatistics(s: {
  total: unknown;
  byState: { state: string; count: unknown }[];
  byGroup: { group: string; count: unknown }[];
}) {
  return {
    total: s.total,
    byState: [...s.byState].sort((x, y) => x.state.localeCompare(y.state)),
    byGroup: [...s.byGroup].sort((x, y) => x.group.localeCompare(y.group)),
  };
}

async function checkUseCases(built: Built, reader: Reader) {
  const { actor, audience: a, name } = reader;
  const where = (route: string) => `${name} through ${route}`;

  const requestsSeen = built.requests.filter((r) => seesRequest(a, r));
  const listed = await searchRequests(
    { actor, filter: parseRequestFilter(new URLSearchParams({ q: built.run, limit: "100" })).filter },
    deps(),
  );
  expect(sorted(listed.items.map((i) => i.id)), where("searchRequests")).toEqual(sorted(requestsSeen.map((r) => r.id)));
  expect(listed.total, where("searchRequests total")).toBe(requestsSeen.length);
  expect(facetCounts(listed.facets.state), where("request state facet")).toEqual(
    countBy(requestsSeen, (r) => [r.state]),
  );
  expect(facetCounts(listed.facets.country), where("request country facet")).toEqual(
    countBy(requestsSeen, (r) => [r.iso3]),
  );
  expect(facetCounts(listed.facets.theme), where("request theme facet")).toEqual(
    countBy(requestsSeen, (r) => r.themes),
  );
  expect(facetCounts(listed.facets.group), where("request group facet")).toEqual(
    countBy(requestsSeen, (r) => (groupOf.get(r.iso3) ? [groupOf.get(r.iso3)!] : [])),
  );
  expect(facetCounts(listed.facets.kind), where("request kind facet")).toEqual(
    countBy(requestsSeen, () => ["training"]),
  );
  expect(facetCounts(listed.facets.language), where("request language facet")).toEqual(
    countBy(requestsSeen, () => ["en"]),
  );
  noLeak(built, a, JSON.stringify(listed), where("searchRequests"));
  for (const r of built.requests) {
    const found = await getRequest({ actor, id: r.id }, deps());
    expect(found !== null, where(`getRequest of a ${r.state} ${r.chosen} request`)).toBe(seesRequest(a, r));
    if (found) noLeak(built, a, JSON.stringify(found), where("getRequest"));
  }
  if (a.reviews) {
    const queue = await screeningQueue({ actor }, deps());
    const ids = (xs: { id: string }[]) =>
      sorted(xs.map((x) => x.id).filter((id) => built.requests.some((r) => r.id === id)));
    expect(ids(queue.waiting), where("screening queue")).toEqual(
      sorted(requestsSeen.filter((r) => r.state === "submitted" || r.state === "screening").map((r) => r.id)),
    );
    expect(ids(queue.unanswered), where("screening queue")).toEqual(
      sorted(requestsSeen.filter((r) => r.state === "open").map((r) => r.id)),
    );
    noLeak(built, a, JSON.stringify(queue), where("screeningQueue"));
  } else {
    await expect(screeningQueue({ actor }, deps()), where("screening queue")).rejects.toBeInstanceOf(
      ScreeningForbiddenError,
    );
  }

  const offersSeen = built.offers.filter((o) => seesOffer(a, o));
  const offerList = await searchOffers(
    { actor, query: parseOfferQuery(new URLSearchParams({ q: built.run, limit: "100" })).query },
    deps(),
  );
  expect(sorted(offerList.items.map((o) => o.id)), where("searchOffers")).toEqual(sorted(offersSeen.map((o) => o.id)));
  expect(offerList.total, where("searchOffers total")).toBe(offersSeen.length);
  expect(facetCounts(offerList.facets.offerStatus), where("offer status facet")).toEqual(
    countBy(offersSeen, (o) => [o.status]),
  );
  expect(facetCounts(offerList.facets.theme), where("offer theme facet")).toEqual(countBy(offersSeen, (o) => o.themes));
  expect(facetCounts(offerList.facets.kind), where("offer kind facet")).toEqual(
    countBy(offersSeen, () => ["training"]),
  );
  expect(facetCounts(offerList.facets.language), where("offer language facet")).toEqual(
    countBy(offersSeen, () => ["en"]),
  );
  noLeak(built, a, JSON.stringify(offerList), where("searchOffers"));
  for (const o of built.offers) {
    const found = await getOffer({ actor, id: o.id }, deps());
    expect(found !== null, where(`getOffer of a ${o.tier} offer`)).toBe(seesOffer(a, o));
    if (found) noLeak(built, a, JSON.stringify(found), where("getOffer"));
  }

  const updatesSeen = built.updates.filter((u) => seesUpdate(a, u));
  const updateList = await listUpdates(
    { actor, query: parseUpdateQuery(new URLSearchParams({ q: built.run, limit: "100" })).query },
    deps(),
  );
  expect(sorted(updateList.items.map((u) => u.id)), where("listUpdates")).toEqual(sorted(updatesSeen.map((u) => u.id)));
  expect(updateList.total, where("listUpdates total")).toBe(updatesSeen.length);
  expect(facetCounts(updateList.facets.state), where("update state facet")).toEqual(
    countBy(updatesSeen, (u) => [u.iso3]),
  );
  noLeak(built, a, JSON.stringify(updateList), where("listUpdates"));
  for (const u of built.updates) {
    const found = await getUpdate({ actor, id: u.id }, deps());
    expect(found !== null, where(`getUpdate of a ${u.status} ${updateTier(u)} update`)).toBe(seesUpdate(a, u));
    if (found) {
      expect(found.versions.map((v) => v.version).sort(), where("getUpdate versions")).toEqual(
        u.versions.filter((v) => seesVersion(a, u, v)).map((v) => v.n),
      );
      expect(found.workingCopy !== null, where("getUpdate working copy")).toBe(seesWorkingCopy(a, u));
      noLeak(built, a, JSON.stringify(found), where("getUpdate"));
    }
    for (const v of u.versions) {
      const version = await getUpdateVersion({ actor, id: u.id, version: v.n }, deps());
      expect(version !== null, where(`getUpdateVersion ${v.n} (${v.tier}) of a ${u.status} update`)).toBe(
        seesVersion(a, u, v),
      );
    }
  }

  const citingRequests = await requestsCitingRecommendation({ actor, recommendationId }, deps());
  expect(sorted(citingRequests.map((r) => r.id)), where("requests citing a recommendation")).toEqual(
    sorted(requestsSeen.filter((r) => r.cites).map((r) => r.id)),
  );
  const citingUpdates = await updatesCitingRecommendation({ actor, recommendationId }, deps());
  expect(sorted(citingUpdates.map((u) => u.id)), where("updates citing a recommendation")).toEqual(
    sorted(updatesSeen.filter((u) => shownOf(u).cites).map((u) => u.id)),
  );
  noLeak(built, a, JSON.stringify([citingRequests, citingUpdates]), where("citations"));
}

async function checkApi(built: Built, reader: Reader) {
  const { audience: a, name } = reader;
  const where = (route: string) => `${name} through ${route}`;
  const get = async (path: string) => {
    const response = await app.request(
      path,
      reader.bearer ? { headers: { authorization: `Bearer ${reader.bearer}` } } : undefined,
    );
    const body = await response.text();
    noLeak(built, a, body, where(path));
    return { status: response.status, body };
  };
  const q = new URLSearchParams({ q: built.run, limit: "100" }).toString();

  const requests = await get(`/api/v1/requests?${q}`);
  const requestsJson = JSON.parse(requests.body) as { data: { id: string }[]; meta: { total: number } };
  const requestsSeen = built.requests.filter((r) => seesRequest(a, r));
  expect(sorted(requestsJson.data.map((i) => i.id)), where("GET /api/v1/requests")).toEqual(
    sorted(requestsSeen.map((r) => r.id)),
  );
  expect(requestsJson.meta.total, where("GET /api/v1/requests total")).toBe(requestsSeen.length);
  for (const r of built.requests)
    expect((await get(`/api/v1/requests/${r.id}`)).status, where(`GET /api/v1/requests/{${r.state} ${r.chosen}}`)).toBe(
      seesRequest(a, r) ? 200 : 404,
    );

  const offerList = JSON.parse((await get(`/api/v1/offers?${q}`)).body) as {
    data: { id: string }[];
    meta: { total: number };
  };
  const offersSeen = built.offers.filter((o) => seesOffer(a, o));
  expect(sorted(offerList.data.map((o) => o.id)), where("GET /api/v1/offers")).toEqual(
    sorted(offersSeen.map((o) => o.id)),
  );
  expect(offerList.meta.total, where("GET /api/v1/offers total")).toBe(offersSeen.length);
  for (const o of built.offers)
    expect((await get(`/api/v1/offers/${o.id}`)).status, where(`GET /api/v1/offers/{${o.tier}}`)).toBe(
      seesOffer(a, o) ? 200 : 404,
    );

  const updateList = JSON.parse((await get(`/api/v1/updates?${q}`)).body) as {
    data: { id: string }[];
    meta: { total: number };
  };
  const updatesSeen = built.updates.filter((u) => seesUpdate(a, u));
  expect(sorted(updateList.data.map((u) => u.id)), where("GET /api/v1/updates")).toEqual(
    sorted(updatesSeen.map((u) => u.id)),
  );
  expect(updateList.meta.total, where("GET /api/v1/updates total")).toBe(updatesSeen.length);
  for (const u of built.updates)
    expect((await get(`/api/v1/updates/${u.id}`)).status, where(`GET /api/v1/updates/{${u.status}}`)).toBe(
      seesUpdate(a, u) ? 200 : 404,
    );

  const statistics = await get("/api/v1/requests/statistics");
  expect(normalisedStatistics(JSON.parse(statistics.body).data), where("GET /api/v1/requests/statistics")).toEqual(
    expectedStatistics(built),
  );
}

/** Every cell of a workbook, as text, one per line. */
async function xlsxText(buffer: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
  });
  return cells.join("\n");
}

async function checkPages(built: Built, name: string) {
  const { browser, audience: a } = browsers.get(name)!;
  const where = (route: string) => `${name} on ${route}`;
  const open = async (path: string) => {
    const response = await browser.request(path);
    const body = await response.text();
    noLeak(built, a, body, where(path));
    return { status: response.status, body };
  };
  const shows = (page: { body: string }, marker: string, path: string) =>
    expect(page.body.includes(marker), where(`${path}, ${marker}`)).toBe(true);
  const q = new URLSearchParams({ q: built.run, limit: "100" }).toString();

  const requestList = await open(`/en/requests?${q}`);
  for (const r of built.requests.filter((r) => seesRequest(a, r))) shows(requestList, r.marker, "/en/requests");
  for (const format of ["csv", "xlsx"]) {
    const path = `/en/requests/export/${format}?q=${built.run}`;
    const response = await browser.request(path);
    expect(response.status, where(path)).toBe(200);
    const text = format === "csv" ? await response.text() : await xlsxText(await response.arrayBuffer());
    noLeak(built, a, text, where(path));
    for (const r of built.requests.filter((r) => seesRequest(a, r))) shows({ body: text }, r.marker, path);
  }
  for (const r of built.requests) {
    const path = `/en/requests/${r.id}`;
    const page = await open(path);
    expect(page.status, where(`${path} (${r.state} ${r.chosen})`)).toBe(seesRequest(a, r) ? 200 : 404);
    if (page.status === 200) shows(page, r.marker, path);
    await open(`${path}/edit`);
    await open(`${path}/screening`);
  }

  const offerList = await open(`/en/offers?${q}`);
  for (const o of built.offers.filter((o) => seesOffer(a, o))) shows(offerList, o.marker, "/en/offers");
  for (const o of built.offers) {
    const path = `/en/offers/${o.id}`;
    const page = await open(path);
    expect(page.status, where(`${path} (${o.tier})`)).toBe(seesOffer(a, o) ? 200 : 404);
    if (page.status === 200) shows(page, o.marker, path);
    await open(`${path}/edit`);
  }

  const updateList = await open(`/en/updates?${q}`);
  for (const u of built.updates.filter((u) => seesUpdate(a, u))) shows(updateList, shownOf(u).marker, "/en/updates");
  for (const u of built.updates) {
    const path = `/en/updates/${u.id}`;
    const page = await open(path);
    expect(page.status, where(`${path} (${u.status} ${updateTier(u)})`)).toBe(seesUpdate(a, u) ? 200 : 404);
    if (page.status === 200) shows(page, shownOf(u).marker, path);
    await open(`${path}/edit`);
    for (const v of u.versions) {
      const versionPath = `${path}/versions/${v.n}`;
      const versionPage = await open(versionPath);
      expect(versionPage.status, where(`${versionPath} (${v.tier} of a ${u.status} update)`)).toBe(
        seesVersion(a, u, v) ? 200 : 404,
      );
      if (versionPage.status === 200) shows(versionPage, v.marker, versionPath);
    }
  }

  const citing = await open(`/en/recommendations/${RECOMMENDATION_KEY}`);
  expect(citing.status).toBe(200);
  for (const r of built.requests.filter((r) => r.cites && seesRequest(a, r)))
    shows(citing, r.marker, "the recommendation's citations");
  for (const u of built.updates.filter((u) => shownOf(u).cites && seesUpdate(a, u)))
    shows(citing, shownOf(u).marker, "the recommendation's citations");

  for (const path of ["/en/secretariat/screening", "/en/account/data.json", "/en/secretariat/audit.csv"])
    await open(path);
  // The notification centre lists what each person was told, a withdrawal included.
  const centre = await browser.request("/en/notifications");
  noLeak(toldOf(built), a, await centre.text(), where("/en/notifications"));
}

/** What a message may name: what its recipient may read now or, for a withdrawal, could read before it. */
function toldOf(built: Built): Pick<Built, "markers"> {
  return {
    markers: built.markers.map((m) => {
      const r = built.requests.find((x) => x.marker === m.marker);
      return r
        ? { marker: m.marker, readable: (a: Audience) => wasToldOf(a, r, "request-withdrawn") || m.readable(a) }
        : m;
    }),
  };
}

/** Every notification and email of this world went to someone who may read what it names. */
async function checkNotifications(built: Built) {
  const ids = [...built.requests, ...built.updates, ...built.offers].map((x) => x.id);
  const subjects = new Map<string, (a: Audience, kind: string) => boolean>([
    ...built.requests.map((r) => [r.id, (a: Audience, kind: string) => wasToldOf(a, r, kind)] as const),
    ...built.updates.map((u) => [u.id, (a: Audience) => seesUpdate(a, u)] as const),
    ...built.offers.map((o) => [o.id, (a: Audience) => seesOffer(a, o)] as const),
  ]);
  const told = toldOf(built);
  const rows = await app.database.db.select().from(notifications).where(inArray(notifications.subjectId, ids));
  for (const row of rows) {
    const person = people.get(row.userId);
    expect(person, `notification to an unknown or closed account ${row.userId}`).toBeDefined();
    expect(subjects.get(row.subjectId)!(person!.audience, row.kind), `${row.kind} to ${person!.email}`).toBe(true);
    noLeak(
      row.kind === "request-withdrawn" ? told : built,
      person!.audience,
      JSON.stringify(row.values),
      `notification ${row.kind} to ${person!.email}`,
    );
  }
  const mails = await app.database.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.text, `%${built.run}%`));
  for (const mail of mails) {
    const audience = byEmail.get(mail.recipient);
    expect(audience, `mail to an unknown address ${mail.recipient}`).toBeDefined();
    noLeak(told, audience!, `${mail.subject}\n${mail.text}`, `email to ${mail.recipient}`);
  }
  return { notifications: rows.length, mails: mails.length };
}

describe("the safe space, for random records and random readers", () => {
  it("lets no one see, count or be told of a record beyond its tier, through any route", async () => {
    let told = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const built = await build(world);
        try {
          await act(built);
          await tellEveryone(built);
          const statistics = await publicRequestStatistics({ actor: ANONYMOUS }, deps());
          expect(normalisedStatistics(statistics), "public statistics").toEqual(expectedStatistics(built));
          for (const reader of readers) await checkUseCases(built, reader);
          for (const reader of readers.filter((r) => r.name === "anonymous" || r.bearer)) await checkApi(built, reader);
          for (const name of ["anonymous", ...world.browsers]) await checkPages(built, name);
          told += (await checkNotifications(built)).notifications;
        } finally {
          await cleanUp(built);
        }
      }),
      { numRuns: 25 },
    );
    // The worlds did reach the notification routes (not a vacuous pass).
    expect(told).toBeGreaterThan(0);
  }, 600_000);
});
