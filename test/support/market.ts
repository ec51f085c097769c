import { and, asc, eq } from "drizzle-orm";
import { seedDemoContent } from "../../src/modules/demo";
import { proposeMatch } from "../../src/modules/matching/use-cases/matches-propose";
import { notifications } from "../../src/modules/notifications/schema";
import { recommendations } from "../../src/modules/recommendations/schema";
import {
  actOnRequest,
  changeRequestRecommendations,
  saveRequestDraft,
  screenRequest,
} from "../../src/modules/requests";
import type { Actor } from "../../src/platform/actor";
import { auditEvents } from "../../src/platform/audit/schema";
import type { Database } from "../../src/platform/db/database";
import { actorOf } from "./actors";
import { Browser } from "./session";

/**
 * The market the matching tests stand on: the pilot States' recommendations, the demo content,
 * Honduras's request for a national action plan on business and human rights and Thailand's
 * offer on the same subject, and the demo accounts signed in.
 */

type NewRecommendation = typeof recommendations.$inferInsert;
type TestApp = { database: Database; request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export const BUSINESS_AND_HUMAN_RIGHTS = "uhri:business-and-human-rights";

/** A few recommendations each pilot State received, worded as the real ones are (the search must find them). */
export const PILOT_STATE_RECOMMENDATIONS: Readonly<Record<string, readonly string[]>> = {
  BTN: ["Continue efforts on gender mainstreaming in all sectors", "Submit its overdue reports to the treaty bodies"],
  MDV: [
    "Improve prison conditions in line with international standards",
    "Strengthen the Human Rights Commission in line with the Paris Principles",
  ],
  HND: ["Adopt a national action plan on business and human rights"],
  FJI: ["Fulfil its reporting obligations to the treaty bodies"],
  MHL: ["Seek technical assistance to meet its reporting obligations"],
  SYC: ["Establish a national human rights institution in accordance with the Paris Principles"],
};

/**
 * UPR recommendations keyed `${prefix}-${state}-${n}`, numbered across all States in order (so a
 * test can name one, "sapi-HND-5"); `fields` adds what a test needs of each State's rows.
 */
export function recommendationRows(
  prefix: string,
  texts: Readonly<Record<string, readonly string[]>> = PILOT_STATE_RECOMMENDATIONS,
  fields: (state: string) => Partial<NewRecommendation> = () => ({}),
): NewRecommendation[] {
  let n = 0;
  return Object.entries(texts).flatMap(([state, list]) =>
    list.map((text) => ({
      key: `${prefix}-${state}-${++n}`,
      kind: "recommendation",
      mechanism: "upr",
      ...fields(state),
      stateUnderReview: state,
      text,
      source: "test",
      contentHash: String(n),
    })),
  );
}

/**
 * The pilot States' recommendations, Honduras's on business and human rights (the theme Thailand's
 * demo offer shares), then the demo content citing them: the market the suggestion tests read.
 */
export async function seedPilotMarket(
  app: TestApp,
  prefix: string,
  deps: Parameters<typeof seedDemoContent>[0],
): Promise<void> {
  await app.database.db.insert(recommendations).values(
    recommendationRows(prefix, PILOT_STATE_RECOMMENDATIONS, (state) => ({
      themes: state === "HND" ? [BUSINESS_AND_HUMAN_RIGHTS] : [],
    })),
  );
  const outcome = await seedDemoContent(deps);
  if (outcome !== "seeded") throw new Error(`demo content not seeded: ${outcome}`);
}

/** The one recommendation a Honduras request on a national action plan cites, under `key`. */
export function hondurasPlanRecommendation(key: string): NewRecommendation {
  return {
    key,
    kind: "recommendation",
    mechanism: "upr",
    stateUnderReview: "HND",
    recommendingStates: ["NOR"],
    text: "Adopt a national action plan on business and human rights",
    themes: [BUSINESS_AND_HUMAN_RIGHTS],
    source: "test",
    contentHash: key,
  };
}

export const HONDURAS_COUNTERPART = "Secretaría de Estado en el Despacho de Derechos Humanos";

/** Honduras's request for support on its national action plan, every restricted field filled in. */
export const HONDURAS_PLAN_REQUEST = {
  title: "Plan de acción nacional sobre empresas y derechos humanos",
  summary: "Honduras solicita apoyo para elaborar su plan de acción nacional sobre empresas y derechos humanos.",
  language: "es",
  themes: [BUSINESS_AND_HUMAN_RIGHTS],
  sdgTargets: ["8.7"],
  supportKinds: ["peer-exchange", "expertise"],
  workingLanguages: ["es", "en"],
  budgetAmount: "40000",
  budgetCurrency: "USD",
  desiredStart: "2027-02-01",
  durationMonths: "12",
  counterparts: [HONDURAS_COUNTERPART],
};

/** Thailand's offer on the same subject (without its capacity, which each test sets). */
export const THAI_PLANS_OFFER = {
  title: "National action plans on business and human rights: sharing Thailand's experience",
  description: "Thailand shares how it drafted and consulted on its national action plan.",
  themes: [BUSINESS_AND_HUMAN_RIGHTS],
  sdgTargets: ["8.7"],
  supportKinds: ["peer-exchange", "legislative-review"],
  workingLanguages: ["en"],
  visibility: "public",
};

type RequestDeps = Parameters<typeof saveRequestDraft>[1] &
  Parameters<typeof changeRequestRecommendations>[1] &
  Parameters<typeof actOnRequest>[1] &
  Parameters<typeof screenRequest>[1];

/** Every criterion of the latest published screening criteria answered "met". */
export async function allCriteriaMet(database: Database): Promise<Record<string, string>> {
  const { rows } = await database.executeSql("select items from screening_criteria order by version desc limit 1");
  return Object.fromEntries((rows[0]!.items as { code: string }[]).map((c) => [c.code, "met"]));
}

/**
 * A request taken to open as people would: drafted by its State, citing `recommendations`,
 * submitted, and opened by the secretariat with every criterion met. Its id.
 */
export async function draftAndOpenRequest(
  app: Pick<TestApp, "database">,
  deps: RequestDeps,
  input: {
    owner: Actor;
    secretariat: Actor;
    form: Parameters<typeof saveRequestDraft>[0]["form"];
    recommendations: readonly string[];
  },
): Promise<string> {
  const saved = await saveRequestDraft({ actor: input.owner, form: input.form }, deps);
  if (saved.outcome !== "saved") throw new Error(JSON.stringify(saved));
  if (input.recommendations.length > 0)
    await changeRequestRecommendations({ actor: input.owner, id: saved.id, add: [...input.recommendations] }, deps);
  const submitted = await actOnRequest({ actor: input.owner, id: saved.id, action: "submit" }, deps);
  if (submitted.outcome !== "done") throw new Error(JSON.stringify(submitted));
  const answers = await allCriteriaMet(app.database);
  const screened = await screenRequest(
    { actor: input.secretariat, id: saved.id, form: { answers, outcome: "open" } },
    deps,
  );
  if (screened.outcome !== "done" || screened.to !== "open") throw new Error(JSON.stringify(screened));
  return saved.id;
}

/** The demo accounts as use cases see them, by the names a test calls them. */
export async function actorsOf<N extends string>(
  database: Database,
  emails: Readonly<Record<N, string>>,
): Promise<Record<N, Actor>> {
  const entries = await Promise.all(
    (Object.entries(emails) as [N, string][]).map(async ([name, email]) => [name, await actorOf(database, email)]),
  );
  return Object.fromEntries(entries) as Record<N, Actor>;
}

/**
 * The three sides of the Honduras–Thailand journeys: Honduras's plan recommendation written under
 * `recommendationKey` (for `draftAndOpenRequest` to cite), and the accounts of Honduras, Thailand
 * and the secretariat.
 */
export async function hondurasThailandMarket(
  database: Database,
  recommendationKey: string,
): Promise<Record<"honduras" | "thailand" | "secretariat", Actor>> {
  await database.db.insert(recommendations).values(hondurasPlanRecommendation(recommendationKey));
  return actorsOf(database, {
    honduras: "honduras@example.org",
    thailand: "thailand@example.org",
    secretariat: "secretariat@example.org",
  });
}

/** A match `actor` proposes through the use case, as a step a test stands on: its id, or the outcome thrown. */
export async function proposedMatch(
  deps: Parameters<typeof proposeMatch>[1],
  actor: Actor,
  requestId: string,
  offerId: string,
): Promise<string> {
  const proposed = await proposeMatch({ actor, requestId, offerId }, deps);
  if (proposed.outcome !== "proposed") throw new Error(JSON.stringify(proposed));
  return proposed.id;
}

/** A browser signed in as each demo account, by the names a test calls them. */
export async function signedInBrowsers<N extends string>(
  app: Pick<TestApp, "request">,
  emails: Readonly<Record<N, string>>,
): Promise<Record<N, Browser>> {
  const browsers = {} as Record<N, Browser>;
  for (const [name, email] of Object.entries(emails) as [N, string][]) {
    const browser = new Browser((path, init) => app.request(path, init));
    const response = await browser.signIn(email);
    if (response.status !== 302) throw new Error(`${email} could not sign in (${response.status})`);
    browsers[name] = browser;
  }
  return browsers;
}

/** A match's audit rows, oldest first. */
export const matchAudits = (database: Database, matchId: string) =>
  database.db
    .select({ action: auditEvents.action, actorKind: auditEvents.actorKind, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "match"), eq(auditEvents.subjectId, matchId)))
    .orderBy(asc(auditEvents.occurredAt));

/** The notifications of one kind about a subject (a match, a request…): who was told, and with what. */
export const notificationsAbout = (database: Database, subjectId: string, kind: string) =>
  database.db
    .select({ userId: notifications.userId, values: notifications.values })
    .from(notifications)
    .where(and(eq(notifications.subjectId, subjectId), eq(notifications.kind, kind)));
