import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Logger } from "../../../platform/logger";
import type { StatusDeps } from "../../../platform/status-listeners";
import { demoActor } from "../../accounts";
import { actOnMatch, proposeMatch } from "../../matching";
import { publishOffer } from "../../offers";
import { importsInProgress, searchRecommendations } from "../../recommendations";
import {
  actOnRequest,
  changeRequestRecommendations,
  currentCriteria,
  saveRequestDraft,
  screenRequest,
} from "../../requests";
import { DEMO_OFFERS, DEMO_PAIRINGS, DEMO_REQUESTS } from "../pilot-forum";

export type SeedOutcome = "seeded" | "already" | "waiting-for-recommendations";

/** How many recommendations each demo request cites: enough to show the link, few enough to read. */
const CITED = 3;

/**
 * Writes the pilot forum's offers and requests through the same use cases people use, as the demo
 * accounts, so every rule, audit row and notification applies: offers published; each request
 * drafted, linked to recommendations its State received, submitted, and opened by the secretariat
 * against the published criteria. Runs once, after the shipped recommendations have loaded.
 */
export async function seedDemoContent(deps: StatusDeps & { logger: Logger }): Promise<SeedOutcome> {
  const { db } = deps;
  const secretariat = await demoActor(db, "secretariat@example.org");
  if ((await importsInProgress({ actor: secretariat }, deps)).length > 0) return "waiting-for-recommendations";
  // One demo request is the marker: a second run (a restart, another worker) finds it and stops.
  // Both drivers answer `execute` with `{ rows }`; the table is read by name to keep to one count.
  const { rows } = (await db.execute(
    sql`select count(*)::int as n from support_requests where title = ${DEMO_REQUESTS[0]!.title}`,
  )) as unknown as { rows: { n: number }[] };
  if (Number(rows[0]?.n) > 0) return "already";

  const offerIds = new Map<string, string>();
  for (const offer of DEMO_OFFERS) {
    const actor = await demoActor(db, offer.by);
    const { by: _by, ...form } = offer;
    const result = await publishOffer(
      { actor, form: { ...form, visibility: "public", capacity: String(offer.capacity) } },
      deps,
    );
    if (result.outcome !== "created") throw new Error(`demo offer "${offer.title}": ${JSON.stringify(result)}`);
    offerIds.set(offer.title, result.offerId);
  }

  const criteria = await currentCriteria({ actor: secretariat }, deps);
  const allMet = Object.fromEntries((criteria?.items ?? []).map((c) => [c.code, "met"]));
  const openedIds = new Map<string, string>();
  for (const request of DEMO_REQUESTS) {
    const actor = await demoActor(db, request.by);
    const stateIso3 = actor.kind === "user" ? actor.memberships[0]?.countryIso3 : null;
    if (!stateIso3) throw new Error(`demo account ${request.by} speaks for no State`);
    const keys = await recommendationsOf(stateIso3, request.find, deps);
    const { by: _by, find: _find, ...form } = request;
    const saved = await saveRequestDraft(
      {
        actor,
        form: { ...form, visibility: "public", anonymousCounting: true, durationMonths: String(form.durationMonths) },
      },
      deps,
    );
    if (saved.outcome !== "saved") throw new Error(`demo request "${request.title}": ${JSON.stringify(saved)}`);
    // Without the shipped recommendations (UPR_DATA=off) the request stays a draft: it cannot be submitted citing nothing.
    if (keys.length === 0) {
      deps.logger.warn(
        { state: stateIso3, title: request.title },
        "demo request left as a draft: no recommendations loaded",
      );
      continue;
    }
    await changeRequestRecommendations({ actor, id: saved.id, add: keys }, deps);
    const submitted = await actOnRequest({ actor, id: saved.id, action: "submit" }, deps);
    if (submitted.outcome !== "done") throw new Error(`demo request "${request.title}": ${JSON.stringify(submitted)}`);
    const screened = await screenRequest(
      { actor: secretariat, id: saved.id, form: { answers: allMet, outcome: "open", comment: "" } },
      deps,
    );
    if (screened.outcome !== "done") throw new Error(`demo screening "${request.title}": ${JSON.stringify(screened)}`);
    openedIds.set(request.title, saved.id);
  }
  const matched = await pairAsTheForumDid(openedIds, offerIds, deps);
  deps.logger.info(
    { offers: DEMO_OFFERS.length, requests: DEMO_REQUESTS.length, opened: openedIds.size, matched },
    "demo content written",
  );
  return "seeded";
}

/**
 * The forum's pairings as matches, through the match workflow as its parties take it: proposed
 * (by the secretariat or the provider), accepted by the provider, consented to by the State with
 * the details it shares, and for some the work started. A request left as a draft is not paired.
 */
async function pairAsTheForumDid(
  requestIds: Map<string, string>,
  offerIds: Map<string, string>,
  deps: { db: Db },
): Promise<number> {
  const fail = (pairing: (typeof DEMO_PAIRINGS)[number], step: string, result: unknown) =>
    new Error(`demo match "${pairing.request}" × "${pairing.offer}", ${step}: ${JSON.stringify(result)}`);
  let matched = 0;
  for (const pairing of DEMO_PAIRINGS) {
    const requestId = requestIds.get(pairing.request);
    const offerId = offerIds.get(pairing.offer);
    if (!requestId) continue;
    if (!offerId) throw fail(pairing, "offer", "no such demo offer");
    const state = await demoActor(deps.db, DEMO_REQUESTS.find((r) => r.title === pairing.request)!.by);
    const provider = await demoActor(deps.db, DEMO_OFFERS.find((o) => o.title === pairing.offer)!.by);
    const proposer = pairing.proposedBy === "provider" ? provider : await demoActor(deps.db, "secretariat@example.org");
    const proposed = await proposeMatch({ actor: proposer, requestId, offerId, message: pairing.message }, deps);
    if (proposed.outcome !== "proposed") throw fail(pairing, "propose", proposed);
    // A provider's own proposal is its acceptance; the secretariat's waits for it.
    const steps: [Actor, "accept" | "consent" | "activate"][] = [];
    if (proposed.state === "proposed") steps.push([provider, "accept"]);
    steps.push([state, "consent"]);
    if (pairing.active) steps.push([provider, "activate"]);
    for (const [actor, action] of steps) {
      const result = await actOnMatch({ actor, id: proposed.id, action, scope: pairing.scope }, deps);
      if (result.outcome !== "done") throw fail(pairing, action, result);
    }
    matched++;
  }
  return matched;
}

/** The State's own recommendations best matching the first search that finds any. */
async function recommendationsOf(stateIso3: string, searches: string[], deps: { db: Db }): Promise<string[]> {
  const actor = await demoActor(deps.db, "secretariat@example.org");
  for (const q of searches) {
    const found = await searchRecommendations(
      { actor, query: { q, stateUnderReview: stateIso3, sort: "relevance", limit: CITED, offset: 0 } },
      deps,
    );
    if (found.items.length > 0) return found.items.map((i) => i.key);
  }
  return [];
}
