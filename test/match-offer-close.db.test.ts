import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchEvents } from "../src/modules/matching/schema";
import { actOnMatch } from "../src/modules/matching/use-cases/matches-act";
import { proposeMatch } from "../src/modules/matching/use-cases/matches-propose";
import { getMatch } from "../src/modules/matching/use-cases/matches-read";
import { notificationText } from "../src/modules/notifications/domain/render";
import { changeOfferStatus, getOffer, publishOffer, updateOffer } from "../src/modules/offers";
import { getRequest } from "../src/modules/requests";
import type { Actor } from "../src/platform/actor";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { outboxMessages } from "../src/platform/mail/schema";
import { NO_STATUS_LISTENERS } from "../src/platform/status-listeners";
import {
  draftAndOpenRequest,
  HONDURAS_PLAN_REQUEST,
  hondurasThailandMarket,
  matchAudits,
  notificationsAbout,
  proposedMatch,
  signedInBrowsers,
  THAI_PLANS_OFFER,
} from "./support/market";
import { startTestPlatform } from "./support/platform";

/**
 * What pausing or closing an offer does to its matches, through the platform as composed in
 * boot.ts (the offers module tells the matching module in its own transaction): those still
 * waiting for the State's consent are declined by the platform, with the reason, an audit row and
 * both sides told; consented ones go on and keep their places. And the reason a State gives when
 * it revokes its consent reaches the provider.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
/** The platform's own services, as pages and the API pass them: with the offer-status listeners. */
const services = () => app.platform.services;
/** An offers caller that tells no other module, and says so. */
const bare = () => ({ db: app.database.db, statusListeners: NO_STATUS_LISTENERS });
type Who = "honduras" | "thailand" | "secretariat";
const who = {} as Record<Who, Actor>;
const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : "");

const OFFER = { ...THAI_PLANS_OFFER, capacity: "3" };

const openRequest = (overrides: Record<string, unknown> = {}) =>
  draftAndOpenRequest(app, services(), {
    owner: who.honduras,
    secretariat: who.secretariat,
    form: { ...HONDURAS_PLAN_REQUEST, visibility: "public", ...overrides },
    recommendations: ["m-hnd-close"],
  });

async function publish(overrides: Record<string, unknown> = {}) {
  const result = await publishOffer({ actor: who.thailand, form: { ...OFFER, ...overrides } }, services());
  if (result.outcome !== "created") throw new Error(JSON.stringify(result));
  return result.offerId;
}

const propose = (actor: Actor, requestId: string, offerId: string) =>
  proposedMatch(services(), actor, requestId, offerId);

const stateOf = async (matchId: string) => (await getMatch({ actor: who.secretariat, id: matchId }, services()))!;
const lastEvent = async (matchId: string) =>
  (
    await app.database.db
      .select()
      .from(matchEvents)
      .where(eq(matchEvents.matchId, matchId))
      .orderBy(desc(matchEvents.at), desc(matchEvents.id))
      .limit(1)
  )[0]!;
const auditsOf = (matchId: string) => matchAudits(app.database, matchId);
const told = (matchId: string, kind: string) => notificationsAbout(app.database, matchId, kind);
const mailsTo = async (email: string) =>
  (
    await app.database.db
      .select({ text: outboxMessages.text })
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email))
  ).map((m) => m.text);

beforeAll(async () => {
  app = await startTestPlatform();
  Object.assign(who, await hondurasThailandMarket(app.database, "m-hnd-close"));
});
afterAll(async () => {
  await app.stop();
});

describe("closing an offer", () => {
  let offerId = "";
  let hiddenRequest = "";
  let consentedRequest = "";
  const ids = { proposed: "", accepted: "", consented: "" };

  it("ends the matches waiting for consent, declined by the platform with the reason", async () => {
    offerId = await publish();
    // Proposed by the State on a request it shows the secretariat only: the provider reads its
    // public part while the proposal stands.
    hiddenRequest = await openRequest({ title: "Solicitud reservada", visibility: "secretariat" });
    ids.proposed = await propose(who.honduras, hiddenRequest, offerId);
    ids.accepted = await propose(who.thailand, await openRequest({ title: "Segunda solicitud" }), offerId);
    consentedRequest = await openRequest({ title: "Tercera solicitud" });
    ids.consented = await propose(who.thailand, consentedRequest, offerId);
    expect(
      await actOnMatch({ actor: who.honduras, id: ids.consented, action: "consent", scope: ["budget"] }, services()),
    ).toEqual({ outcome: "done", to: "consented" });
    expect((await stateOf(ids.proposed)).match.state).toBe("proposed");
    expect((await stateOf(ids.accepted)).match.state).toBe("accepted");
    expect(await getRequest({ actor: who.thailand, id: hiddenRequest }, services())).not.toBeNull();
    const before = (await getOffer({ actor: who.thailand, id: offerId }, services()))!;
    expect(before.engagements).toBe(1);

    expect(await changeOfferStatus({ actor: who.thailand, offerId, status: "closed" }, services())).toEqual({
      outcome: "changed",
      status: "closed",
    });

    for (const id of [ids.proposed, ids.accepted]) {
      const found = await stateOf(id);
      expect(found.match.state).toBe("declined");
      expect(found.match.endedAt).not.toBeNull();
      expect(found.actions).toEqual([]);
      expect(found.events.at(-1)).toMatchObject({ action: "decline", toState: "declined", reason: "offerClosed" });
      // Taken by the platform, not by a person.
      expect((await lastEvent(id)).userId).toBeNull();
      const audits = await auditsOf(id);
      expect(audits.at(-1)).toEqual({
        action: "match.decline",
        actorKind: "system",
        changes: { state: [found.events.at(-2)!.toState, "declined"], reason: [null, "offerClosed"] },
      });
      // Both sides are told, but the one who closed the offer is not told of their own act.
      const notes = await told(id, "match-declined");
      expect(notes.map((n) => n.userId)).toContain(userId(who.honduras));
      expect(notes.map((n) => n.userId)).not.toContain(userId(who.thailand));
      for (const n of notes) expect(n.values).toMatchObject({ reason: "offerClosed", offer: OFFER.title });
    }
    // The State's proposal showed the provider the request's public part: that ends with it.
    expect(await getRequest({ actor: who.thailand, id: hiddenRequest }, services())).toBeNull();
  });

  it("tells each side in its own language why the match ended", async () => {
    const [note] = await told(ids.accepted, "match-declined");
    expect(notificationText("en", "match-declined", note!.values)).toContain("the offer was closed");
    expect(notificationText("fr", "match-declined", note!.values)).toContain("l’offre a été close");
    expect(notificationText("en", "match-declined", note!.values)).not.toContain("offerClosed");
    // Honduras reads Spanish: its email says so in Spanish.
    const mails = await mailsTo("honduras@example.org");
    expect(mails.some((text) => text.includes("la oferta se cerró"))).toBe(true);
  });

  it("lets the consented match go on, keeping its place", async () => {
    const found = await stateOf(ids.consented);
    expect(found.match.state).toBe("consented");
    expect(found.match.endedAt).toBeNull();
    expect(await told(ids.consented, "match-declined")).toEqual([]);
    expect((await auditsOf(ids.consented)).map((a) => a.action)).toEqual(["match.propose", "match.consent"]);
    const after = (await getOffer({ actor: who.thailand, id: offerId }, services()))!;
    expect(after).toMatchObject({ status: "closed", engagements: 1 });
    // The provider still reads what the State consented to share.
    expect((await getRequest({ actor: who.thailand, id: consentedRequest }, services()))!.withheld).toEqual([
      "schedule",
      "counterparts",
    ]);
    expect(await actOnMatch({ actor: who.thailand, id: ids.consented, action: "activate" }, services())).toEqual({
      outcome: "done",
      to: "active",
    });
  });

  it("refuses a new proposal on the closed offer, and any step on the declined matches", async () => {
    const requestId = await openRequest({ title: "Cuarta solicitud" });
    for (const actor of [who.thailand, who.honduras, who.secretariat])
      expect(await proposeMatch({ actor, requestId, offerId }, services())).toEqual({
        outcome: "refused",
        refusal: "offer-unavailable",
      });
    expect(await actOnMatch({ actor: who.thailand, id: ids.proposed, action: "accept" }, services())).toEqual({
      outcome: "refused",
      refusal: "not-from-this-state",
    });
    expect(
      await actOnMatch({ actor: who.honduras, id: ids.accepted, action: "consent", scope: [] }, services()),
    ).toEqual({ outcome: "refused", refusal: "not-from-this-state" });
  });

  it("leaves the declined matches ended when the offer reopens", async () => {
    expect(await changeOfferStatus({ actor: who.thailand, offerId, status: "open" }, services())).toMatchObject({
      outcome: "changed",
    });
    expect((await stateOf(ids.accepted)).match.state).toBe("declined");
    expect((await stateOf(ids.consented)).match.state).toBe("active");
    expect((await getOffer({ actor: who.thailand, id: offerId }, services()))!.engagements).toBe(1);
  });
});

describe("pausing an offer", () => {
  it("ends its waiting matches too, saying it was paused, when the API's update changes the status", async () => {
    const offerId = await publish({ title: "Peer exchange, paused for the season" });
    const matchId = await propose(who.secretariat, await openRequest({ title: "Quinta solicitud" }), offerId);
    const saved = await updateOffer({ actor: who.thailand, offerId, form: { ...OFFER, status: "paused" } }, services());
    expect(saved).toMatchObject({ outcome: "saved" });
    const found = await stateOf(matchId);
    expect(found.match.state).toBe("declined");
    expect(found.events.at(-1)).toMatchObject({ action: "decline", reason: "offerPaused" });
    // The secretariat proposed it, so it follows the match and is told, with the State.
    const notes = await told(matchId, "match-declined");
    expect(notes.map((n) => n.userId).sort()).toEqual([userId(who.honduras), userId(who.secretariat)].sort());
    expect(notificationText("en", "match-declined", notes[0]!.values)).toContain("the offer was paused");
  });

  it("refuses the provider's acceptance on an offer no longer open, whatever declined its matches or not", async () => {
    const offerId = await publish({ title: "Legislative review, soon paused" });
    const matchId = await propose(who.honduras, await openRequest({ title: "Sexta solicitud" }), offerId);
    // A caller that tells no other module: the match is left proposed, and the guard still holds.
    expect(await changeOfferStatus({ actor: who.thailand, offerId, status: "paused" }, bare())).toMatchObject({
      outcome: "changed",
    });
    expect((await stateOf(matchId)).match.state).toBe("proposed");
    expect(await actOnMatch({ actor: who.thailand, id: matchId, action: "accept" }, services())).toEqual({
      outcome: "refused",
      refusal: "offer-unavailable",
    });
    expect((await stateOf(matchId)).match.state).toBe("proposed");
    expect((await auditsOf(matchId)).map((a) => a.action)).toEqual(["match.propose"]);
  });
});

describe("the State's reason for revoking its consent", () => {
  async function consentedMatch(title: string) {
    const offerId = await publish({ title: `${title}: the offer` });
    const matchId = await propose(who.thailand, await openRequest({ title }), offerId);
    expect(
      await actOnMatch({ actor: who.honduras, id: matchId, action: "consent", scope: ["schedule"] }, services()),
    ).toMatchObject({ outcome: "done" });
    return matchId;
  }

  it("reaches the provider in its notification and its email", async () => {
    const matchId = await consentedMatch("Séptima solicitud");
    const reason = "El plan se aplaza hasta 2028.";
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "revoke", reason }, services())).toEqual({
      outcome: "done",
      to: "revoked",
    });
    const notes = await told(matchId, "match-revoked");
    expect(notes.map((n) => n.userId)).toEqual([userId(who.thailand)]);
    expect(notes[0]!.values).toMatchObject({ reason });
    expect(notificationText("en", "match-revoked", notes[0]!.values)).toContain(`The State’s reason: ${reason}`);
    const mails = await mailsTo("thailand@example.org");
    expect(mails.some((text) => text.includes(reason))).toBe(true);
    // The trail keeps that a reason was given, not what it says.
    expect((await auditsOf(matchId)).at(-1)!.changes).toMatchObject({ reason: [null, "[confidential]"] });
  });

  it("reads as a whole sentence when the State gave none", async () => {
    const matchId = await consentedMatch("Octava solicitud");
    expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "revoke" }, services())).toMatchObject({
      outcome: "done",
    });
    const [note] = await told(matchId, "match-revoked");
    const text = notificationText("en", "match-revoked", note!.values);
    expect(text).toMatch(/are no longer shared\.$/);
    expect(text).not.toContain("reason");
  });
});

describe("the pages", () => {
  it("pause an offer from its page, and show the State why its match ended, in its language", async () => {
    const offerId = await publish({ title: "Peer exchange, paused from its page" });
    const matchId = await propose(who.secretariat, await openRequest({ title: "Novena solicitud" }), offerId);
    const { thailand, honduras } = await signedInBrowsers(app, {
      thailand: "thailand@example.org",
      honduras: "honduras@example.org",
    });
    const page = await thailand.html(`/en/offers/${offerId}`);
    expect(page.body).toContain(CATALOGUES.en["offers.manage.stopHint"]);

    expect((await thailand.submit(`/en/offers/${offerId}`, { status: "paused" })).status).toBe(302);
    expect((await stateOf(matchId)).match.state).toBe("declined");
    const es = CATALOGUES.es;
    const matchPage = await honduras.html(`/es/matches/${matchId}`);
    expect(matchPage.body).toContain(es["matches.event.reason.offerPaused"]);
    expect(matchPage.body).not.toContain("offerPaused");
    const notices = await honduras.html("/es/notifications");
    expect(notices.body).toContain("la oferta se puso en pausa y por ahora no admite nuevos emparejamientos");
  });
});
