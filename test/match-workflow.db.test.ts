import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchEvents } from "../src/modules/matching/schema";
import { actOnMatch } from "../src/modules/matching/use-cases/matches-act";
import { proposeMatch } from "../src/modules/matching/use-cases/matches-propose";
import {
  getConsentScreen,
  getMatch,
  listMatches,
  previewProposal,
} from "../src/modules/matching/use-cases/matches-read";
import { getOffer, publishOffer } from "../src/modules/offers";
import { recommendations } from "../src/modules/recommendations/schema";
import { actOnRequest, getRequest, saveRequestDraft } from "../src/modules/requests";
import type { Actor } from "../src/platform/actor";
import { auditEvents } from "../src/platform/audit/schema";
import {
  actorsOf,
  draftAndOpenRequest,
  HONDURAS_COUNTERPART,
  HONDURAS_PLAN_REQUEST,
  hondurasPlanRecommendation,
  matchAudits,
  notificationsAbout,
  THAI_PLANS_OFFER,
} from "./support/market";
import { startTestPlatform } from "./support/platform";

/**
 * The match workflow through its use cases, on a real database: the acceptance path of issue 6
 * (a Thai provider proposes, Honduras consents to a scope, the provider reads it, Honduras
 * revokes, the provider reads it no more), and each refusal.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
type Who = "honduras" | "fiji" | "thailand" | "norway" | "secretariat" | "committee";
const who = {} as Record<Who, Actor>;
const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : "");

const COUNTERPART = HONDURAS_COUNTERPART;
const FORM = HONDURAS_PLAN_REQUEST;
const OFFER = THAI_PLANS_OFFER;

const openRequest = (overrides: Record<string, unknown> = {}) =>
  draftAndOpenRequest(app, deps(), {
    owner: who.honduras,
    secretariat: who.secretariat,
    form: { ...FORM, visibility: "public", ...overrides },
    recommendations: ["m-hnd-1"],
  });

async function publish(actor: Actor, overrides: Record<string, unknown> = {}) {
  const result = await publishOffer({ actor, form: { ...OFFER, capacity: "2", ...overrides } }, deps());
  if (result.outcome !== "created") throw new Error(JSON.stringify(result));
  return result.offerId;
}

const requestState = async (id: string) => (await getRequest({ actor: who.honduras, id }, deps()))!.request.state;
const engagements = async (offerId: string) =>
  (await getOffer({ actor: who.thailand, id: offerId }, deps()))!.engagements;
const auditsOf = async (matchId: string) => (await matchAudits(app.database, matchId)).map((a) => a.action);
const toldOf = async (matchId: string, kind: string) =>
  (await notificationsAbout(app.database, matchId, kind)).map((n) => n.userId);

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  await app.database.db.insert(recommendations).values(hondurasPlanRecommendation("m-hnd-1"));
  Object.assign(
    who,
    await actorsOf(app.database, {
      honduras: "honduras@example.org",
      fiji: "fiji@example.org",
      thailand: "thailand@example.org",
      norway: "norway@example.org",
      secretariat: "secretariat@example.org",
      committee: "committee@example.org",
    }),
  );
});
afterAll(async () => {
  await app.stop();
});

describe("the acceptance path: proposal, consent, revocation", () => {
  let requestId = "";
  let offerId = "";
  let matchId = "";

  it("lets a Thai provider propose a match to Honduras's open request, with the score's reasons", async () => {
    requestId = await openRequest();
    offerId = await publish(who.thailand);
    const preview = await previewProposal({ actor: who.thailand, requestId, offerId }, deps());
    expect(preview).toMatchObject({ party: "provider", refusal: null, liveMatchId: null });
    expect(preview!.explanation.eligible && preview!.explanation.reasons.map((r) => r.code)).toContain("theme");

    const proposed = await proposeMatch(
      { actor: who.thailand, requestId, offerId, message: "We would be glad to share our experience." },
      deps(),
    );
    // The provider accepts by proposing: the State's consent is the next step.
    expect(proposed).toMatchObject({ outcome: "proposed", state: "accepted" });
    matchId = (proposed as { id: string }).id;
    expect(await auditsOf(matchId)).toEqual(["match.propose"]);
    expect(await toldOf(matchId, "match-proposed")).toEqual([userId(who.honduras)]);
    const found = await getMatch({ actor: who.honduras, id: matchId }, deps());
    expect(found).toMatchObject({ party: "state", actions: ["consent", "decline"] });
    expect(found!.match.reasons.length).toBeGreaterThan(0);
    expect(found!.match.score).toBeGreaterThan(0);
    // Nothing restricted is shared yet.
    const seen = await getRequest({ actor: who.thailand, id: requestId }, deps());
    expect(seen!.withheld).toEqual(["budget", "schedule", "counterparts"]);
    expect(seen!.request.budgetMinor).toBeNull();
  });

  it("refuses a second live proposal of the same pair, and the other parties' wrong steps", async () => {
    expect(await proposeMatch({ actor: who.thailand, requestId, offerId }, deps())).toEqual({
      outcome: "refused",
      refusal: "already-proposed",
    });
    // Those who may not read the match do not learn it exists.
    for (const actor of [who.norway, who.fiji])
      expect(await actOnMatch({ actor, id: matchId, action: "consent", scope: [] }, deps())).toEqual({
        outcome: "not-found",
      });
    expect(await getMatch({ actor: who.norway, id: matchId }, deps())).toBeNull();
    expect(await actOnMatch({ actor: who.thailand, id: matchId, action: "consent", scope: [] }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(await actOnMatch({ actor: who.committee, id: matchId, action: "consent" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "accept" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "activate" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-from-this-state",
    });
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "decline", reason: " " }, deps())).toEqual({
      outcome: "refused",
      refusal: "reason-required",
    });
    expect(
      await actOnMatch({ actor: who.honduras, id: matchId, action: "consent", scope: ["budget", "password"] }, deps()),
    ).toMatchObject({ outcome: "invalid" });
    // The committee and the secretariat read it; refusals wrote nothing.
    expect(await getMatch({ actor: who.committee, id: matchId }, deps())).toMatchObject({
      party: "other",
      actions: [],
    });
    expect(await getMatch({ actor: who.secretariat, id: matchId }, deps())).toMatchObject({ party: "secretariat" });
    expect(await auditsOf(matchId)).toEqual(["match.propose"]);
  });

  it("shows Honduras exactly what it would share, then records its consent to a scope", async () => {
    const screen = await getConsentScreen({ actor: who.honduras, id: matchId }, deps());
    expect(screen).toMatchObject({
      canConsent: true,
      request: { title: FORM.title, recommendations: [{ key: "m-hnd-1" }] },
      restricted: {
        budget: { amountMinor: 4_000_000, currency: "USD" },
        schedule: { desiredStart: "2027-02-01", durationMonths: 12 },
        counterparts: [COUNTERPART],
      },
    });
    expect(await getConsentScreen({ actor: who.thailand, id: matchId }, deps())).toBeNull();

    expect(
      await actOnMatch(
        { actor: who.honduras, id: matchId, action: "consent", scope: ["counterparts", "budget"] },
        deps(),
      ),
    ).toEqual({ outcome: "done", to: "consented" });
    const [event] = await app.database.db
      .select()
      .from(matchEvents)
      .where(and(eq(matchEvents.matchId, matchId), eq(matchEvents.action, "consent")));
    expect(event).toMatchObject({ fromState: "accepted", toState: "consented", scope: ["budget", "counterparts"] });
    expect(await auditsOf(matchId)).toEqual(["match.propose", "match.consent"]);
    expect(await toldOf(matchId, "match-consented")).toEqual([userId(who.thailand)]);
    expect(await engagements(offerId)).toBe(1);
    expect(await requestState(requestId)).toBe("matched");
  });

  it("lets the provider read the restricted fields consented to, and those only", async () => {
    const seen = await getRequest({ actor: who.thailand, id: requestId }, deps());
    expect(seen!.withheld).toEqual(["schedule"]);
    expect(seen!.request).toMatchObject({ budgetMinor: 4_000_000, budgetCurrency: "USD", counterparts: [COUNTERPART] });
    expect(seen!.request.desiredStart).toBeNull();
    // Another provider reads none of it.
    expect((await getRequest({ actor: who.norway, id: requestId }, deps()))!.withheld).toHaveLength(3);
  });

  it("starts the work, each side told of the other's step", async () => {
    expect(await actOnMatch({ actor: who.thailand, id: matchId, action: "activate" }, deps())).toEqual({
      outcome: "done",
      to: "active",
    });
    expect(await toldOf(matchId, "match-progressed")).toEqual([userId(who.honduras)]);
  });

  it("ends the match when Honduras revokes its consent: nothing restricted is read any more", async () => {
    expect(await actOnMatch({ actor: who.thailand, id: matchId, action: "revoke" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(
      await actOnMatch(
        { actor: who.honduras, id: matchId, action: "revoke", reason: "The plan is postponed." },
        deps(),
      ),
    ).toEqual({ outcome: "done", to: "revoked" });
    const seen = await getRequest({ actor: who.thailand, id: requestId }, deps());
    expect(seen!.withheld).toEqual(["budget", "schedule", "counterparts"]);
    expect(seen!.request.budgetMinor).toBeNull();
    expect(seen!.request.counterparts).toEqual([]);
    expect(await engagements(offerId)).toBe(0);
    expect(await requestState(requestId)).toBe("open");
    expect(await toldOf(matchId, "match-revoked")).toEqual([userId(who.thailand)]);
    const audits = await app.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "match"), eq(auditEvents.subjectId, matchId)));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["match.activate", "match.consent", "match.propose", "match.revoke"].sort(),
    );
    // The reason is kept from the trail's readers.
    expect(audits.find((a) => a.action === "match.revoke")!.changes).toMatchObject({
      reason: [null, "[confidential]"],
    });
    const found = await getMatch({ actor: who.honduras, id: matchId }, deps());
    expect(found!.match).toMatchObject({ state: "revoked", scope: ["budget", "counterparts"] });
    expect(found!.match.endedAt).not.toBeNull();
    expect(found!.events.map((e) => e.action)).toEqual(["propose", "consent", "activate", "revoke"]);
    expect(found!.actions).toEqual([]);
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "revoke" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-from-this-state",
    });
  });

  it("lets the pair be proposed again once the match has ended", async () => {
    const again = await proposeMatch({ actor: who.thailand, requestId, offerId }, deps());
    expect(again).toMatchObject({ outcome: "proposed" });
    const declined = await actOnMatch(
      { actor: who.honduras, id: (again as { id: string }).id, action: "decline", reason: "Not now, thank you." },
      deps(),
    );
    expect(declined).toEqual({ outcome: "done", to: "declined" });
    expect(await toldOf((again as { id: string }).id, "match-declined")).toEqual([userId(who.thailand)]);
  });
});

describe("refusals and the effects that hold across matches", () => {
  it("refuses those who are not a party, requests not open, and pairs the offer does not cover", async () => {
    const requestId = await openRequest({ title: "Consulta con empresas y sindicatos" });
    const offerId = await publish(who.thailand, { title: "Business and human rights: review of drafts" });
    expect(await proposeMatch({ actor: who.norway, requestId, offerId }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-a-party",
    });
    // An offer only for small island developing States does not cover Honduras.
    const sids = await publish(who.thailand, { title: "For small island States", eligibleStatuses: ["sids"] });
    expect(await proposeMatch({ actor: who.thailand, requestId, offerId: sids }, deps())).toEqual({
      outcome: "refused",
      refusal: "ineligible",
      why: "not-eligible",
    });
    expect((await previewProposal({ actor: who.thailand, requestId, offerId: sids }, deps()))!.refusal).toBe(
      "ineligible",
    );
    // A State's own offer is never matched to its own request.
    const own = await publish(who.honduras, { title: "Honduras's own offer", workingLanguages: ["es"] });
    expect(await proposeMatch({ actor: who.honduras, requestId, offerId: own }, deps())).toMatchObject({
      outcome: "refused",
      refusal: "ineligible",
    });
    const draft = await saveRequestDraft({ actor: who.honduras, form: { ...FORM, visibility: "public" } }, deps());
    expect(
      await proposeMatch({ actor: who.honduras, requestId: (draft as { id: string }).id, offerId }, deps()),
    ).toEqual({ outcome: "refused", refusal: "request-not-open" });
    // A draft is the State's alone: to a provider, it is not there.
    expect(
      await proposeMatch({ actor: who.thailand, requestId: (draft as { id: string }).id, offerId }, deps()),
    ).toEqual({
      outcome: "not-found",
    });
    expect(await proposeMatch({ actor: who.thailand, requestId: "not-a-uuid", offerId }, deps())).toEqual({
      outcome: "not-found",
    });
  });

  it("keeps a request the State shows only to the secretariat from providers until the State proposes it", async () => {
    const requestId = await openRequest({ title: "Solicitud reservada a la secretaría", visibility: "secretariat" });
    const offerId = await publish(who.thailand, { title: "Peer exchange on action plans" });
    expect(await proposeMatch({ actor: who.thailand, requestId, offerId }, deps())).toEqual({ outcome: "not-found" });
    expect(await proposeMatch({ actor: who.secretariat, requestId, offerId }, deps())).toEqual({
      outcome: "refused",
      refusal: "hidden-from-provider",
    });
    const proposed = await proposeMatch({ actor: who.honduras, requestId, offerId }, deps());
    expect(proposed).toMatchObject({ outcome: "proposed", state: "proposed" });
    const id = (proposed as { id: string }).id;
    expect(await toldOf(id, "match-proposed")).toEqual([userId(who.thailand)]);
    // The State's proposal shows the provider the request's public part, nothing restricted.
    const seen = await getRequest({ actor: who.thailand, id: requestId }, deps());
    expect(seen!.withheld).toHaveLength(3);
    expect(await getRequest({ actor: who.norway, id: requestId }, deps())).toBeNull();
    expect(await actOnMatch({ actor: who.thailand, id, action: "accept" }, deps())).toEqual({
      outcome: "done",
      to: "accepted",
    });
    expect(await toldOf(id, "match-accepted")).toEqual([userId(who.honduras)]);
    expect(
      await actOnMatch({ actor: who.thailand, id, action: "decline", reason: "No capacity after all." }, deps()),
    ).toEqual({ outcome: "done", to: "declined" });
    expect(await getRequest({ actor: who.thailand, id: requestId }, deps())).toBeNull();
  });

  it("takes every consent back when the State withdraws the request", async () => {
    const request = await openRequest({ visibility: "secretariat" });
    const offer = await publish(who.thailand);
    const proposed = await proposeMatch({ actor: who.honduras, requestId: request, offerId: offer }, deps());
    if (proposed.outcome !== "proposed") throw new Error(JSON.stringify(proposed));
    await actOnMatch({ actor: who.thailand, id: proposed.id, action: "accept" }, deps());
    await actOnMatch({ actor: who.honduras, id: proposed.id, action: "consent", scope: ["budget"] }, deps());
    expect((await getRequest({ actor: who.thailand, id: request }, deps()))?.withheld).toEqual([
      "schedule",
      "counterparts",
    ]);
    expect(
      await actOnRequest(
        { actor: who.honduras, id: request, action: "withdraw", reason: "Met by other means" },
        deps(),
      ),
    ).toMatchObject({ outcome: "done" });
    expect(await getRequest({ actor: who.thailand, id: request }, deps())).toBeNull();
  });

  it("takes one place of the offer per consent, and refuses a consent when none is left", async () => {
    const first = await openRequest({ title: "Primera solicitud" });
    const second = await openRequest({ title: "Segunda solicitud" });
    const offerId = await publish(who.thailand, { title: "One place only", capacity: "1" });
    const a = (await proposeMatch({ actor: who.thailand, requestId: first, offerId }, deps())) as { id: string };
    const b = (await proposeMatch({ actor: who.secretariat, requestId: second, offerId }, deps())) as { id: string };
    expect(await actOnMatch({ actor: who.thailand, id: b.id, action: "accept" }, deps())).toMatchObject({
      outcome: "done",
    });
    expect(await actOnMatch({ actor: who.honduras, id: a.id, action: "consent", scope: [] }, deps())).toEqual({
      outcome: "done",
      to: "consented",
    });
    expect(await engagements(offerId)).toBe(1);
    expect(await actOnMatch({ actor: who.honduras, id: b.id, action: "consent", scope: ["budget"] }, deps())).toEqual({
      outcome: "refused",
      refusal: "offer-unavailable",
    });
    expect((await getMatch({ actor: who.honduras, id: b.id }, deps()))!.match.state).toBe("accepted");
    expect(await requestState(second)).toBe("open");
    const third = await openRequest({ title: "Tercera solicitud" });
    expect(await proposeMatch({ actor: who.thailand, requestId: third, offerId }, deps())).toMatchObject({
      outcome: "refused",
    });
    // The secretariat proposed the second: it follows the match and is told of its steps.
    expect(await toldOf(b.id, "match-accepted")).toEqual(
      expect.arrayContaining([userId(who.honduras), userId(who.secretariat)]),
    );
  });

  it("gives the last place to one of two consents made at the same moment", async () => {
    const first = await openRequest({ title: "Consentimiento simultáneo A" });
    const second = await openRequest({ title: "Consentimiento simultáneo B" });
    const offerId = await publish(who.thailand, { title: "The last place", capacity: "1" });
    const a = (await proposeMatch({ actor: who.thailand, requestId: first, offerId }, deps())) as { id: string };
    const b = (await proposeMatch({ actor: who.thailand, requestId: second, offerId }, deps())) as { id: string };
    const outcomes = await Promise.all(
      [a, b].map((m) => actOnMatch({ actor: who.honduras, id: m.id, action: "consent", scope: [] }, deps())),
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["done", "refused"]);
    expect(await engagements(offerId)).toBe(1);
  });

  it("keeps what a provider reads while another of its consented matches on the request holds", async () => {
    const requestId = await openRequest({ title: "Dos ofertas del mismo proveedor" });
    const one = await publish(who.thailand, { title: "First Thai offer" });
    const two = await publish(who.thailand, { title: "Second Thai offer" });
    const a = (await proposeMatch({ actor: who.thailand, requestId, offerId: one }, deps())) as { id: string };
    const b = (await proposeMatch({ actor: who.thailand, requestId, offerId: two }, deps())) as { id: string };
    await actOnMatch({ actor: who.honduras, id: a.id, action: "consent", scope: ["budget"] }, deps());
    await actOnMatch({ actor: who.honduras, id: b.id, action: "consent", scope: ["schedule"] }, deps());
    expect((await getRequest({ actor: who.thailand, id: requestId }, deps()))!.withheld).toEqual(["counterparts"]);
    await actOnMatch({ actor: who.honduras, id: a.id, action: "revoke" }, deps());
    expect((await getRequest({ actor: who.thailand, id: requestId }, deps()))!.withheld).toEqual([
      "budget",
      "counterparts",
    ]);
    // One consented match still holds: the request stays matched.
    expect(await requestState(requestId)).toBe("matched");
    await actOnMatch({ actor: who.thailand, id: b.id, action: "activate" }, deps());
    expect(await actOnMatch({ actor: who.honduras, id: b.id, action: "close" }, deps())).toEqual({
      outcome: "done",
      to: "closed",
    });
    // Closed, the work is done: the place stays taken, and what was shared no longer is.
    expect(await engagements(two)).toBe(1);
    expect((await getRequest({ actor: who.thailand, id: requestId }, deps()))!.withheld).toHaveLength(3);
    expect(await requestState(requestId)).toBe("matched");
  });

  it("lists each reader's own matches, every match for the secretariat, and filters by state", async () => {
    const mine = await listMatches({ actor: who.honduras, limit: 100 }, deps());
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.stateOrganisation.name.startsWith("Secretaría"))).toBe(true);
    expect(mine.items.every((i) => i.request !== null && i.party === "state")).toBe(true);
    const all = await listMatches({ actor: who.secretariat, limit: 100 }, deps());
    expect(all.total).toBe(mine.total);
    expect((await listMatches({ actor: who.norway }, deps())).total).toBe(0);
    expect((await listMatches({ actor: who.fiji }, deps())).total).toBe(0);
    const revoked = await listMatches({ actor: who.thailand, state: "revoked", limit: 100 }, deps());
    expect(revoked.items.length).toBeGreaterThan(0);
    expect(revoked.items.every((i) => i.state === "revoked")).toBe(true);
    const page = await listMatches({ actor: who.thailand, limit: 2, offset: 2 }, deps());
    expect(page.items).toHaveLength(2);
  });
});
