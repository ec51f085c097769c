import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { endMatchesOfEndedRequest, endMatchesOfStoppedOffer } from "../src/modules/matching";
import { actOnMatch } from "../src/modules/matching/use-cases/matches-act";
import { getMatch } from "../src/modules/matching/use-cases/matches-read";
import { notificationText } from "../src/modules/notifications/domain/render";
import { changeOfferStatus, getOffer, publishOffer } from "../src/modules/offers";
import { actOnRequest, getRequest, grantRowsOf } from "../src/modules/requests";
import type { Actor } from "../src/platform/actor";
import type { StatusListener, StatusListeners } from "../src/platform/status-listeners";
import {
  draftAndOpenRequest,
  HONDURAS_PLAN_REQUEST,
  hondurasThailandMarket,
  matchAudits,
  notificationsAbout,
  proposedMatch,
  THAI_PLANS_OFFER,
} from "./support/market";
import { startTestPlatform } from "./support/platform";

/**
 * What a request's leaving the states open to matching does to its matches, through the platform
 * as composed in boot.ts (the requests module tells the matching module in its own transaction):
 * withdrawn, every match ends (waiting ones declined, consented ones revoked, places given back);
 * under way, the waiting ones are declined and the agreed help goes on; completed, the agreed help
 * is closed, keeping its places. And, on PostgreSQL, the paths that lock requests, offers and
 * matches wait for each other instead of deadlocking.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const services = () => app.platform.services;
type Who = "honduras" | "thailand" | "secretariat";
const who = {} as Record<Who, Actor>;
const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : "");

const OFFER = { ...THAI_PLANS_OFFER, capacity: "3" };

const openRequest = (title: string, overrides: Record<string, unknown> = {}) =>
  draftAndOpenRequest(app, services(), {
    owner: who.honduras,
    secretariat: who.secretariat,
    form: { ...HONDURAS_PLAN_REQUEST, title, visibility: "public", ...overrides },
    recommendations: ["m-hnd-end"],
  });

async function publish(title: string) {
  const result = await publishOffer({ actor: who.thailand, form: { ...OFFER, title } }, services());
  if (result.outcome !== "created") throw new Error(JSON.stringify(result));
  return result.offerId;
}

const propose = (actor: Actor, requestId: string, offerId: string) =>
  proposedMatch(services(), actor, requestId, offerId);

async function consent(matchId: string, scope: string[] = ["budget"]) {
  expect(await actOnMatch({ actor: who.honduras, id: matchId, action: "consent", scope }, services())).toEqual({
    outcome: "done",
    to: "consented",
  });
}

/**
 * A request with one match in each state under way, each on its own offer: proposed by the State,
 * accepted (the provider proposed it), consented to, and active.
 */
async function requestWithMatches(title: string) {
  const requestId = await openRequest(title);
  const offers = {
    proposed: await publish(`${title}: offer one`),
    accepted: await publish(`${title}: offer two`),
    consented: await publish(`${title}: offer three`),
    active: await publish(`${title}: offer four`),
  };
  const ids = {
    proposed: await propose(who.honduras, requestId, offers.proposed),
    accepted: await propose(who.thailand, requestId, offers.accepted),
    consented: await propose(who.thailand, requestId, offers.consented),
    active: await propose(who.thailand, requestId, offers.active),
  };
  await consent(ids.consented);
  await consent(ids.active, ["schedule"]);
  expect(await actOnMatch({ actor: who.thailand, id: ids.active, action: "activate" }, services())).toMatchObject({
    outcome: "done",
  });
  return { requestId, offers, ids };
}

const matchOf = async (matchId: string) => (await getMatch({ actor: who.secretariat, id: matchId }, services()))!;
const engagementsOf = async (offerId: string) =>
  (await getOffer({ actor: who.thailand, id: offerId }, services()))!.engagements;
const auditsOf = (matchId: string) => matchAudits(app.database, matchId);
const told = (matchId: string, kind: string) => notificationsAbout(app.database, matchId, kind);

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  Object.assign(who, await hondurasThailandMarket(app.database, "m-hnd-end"));
});
afterAll(async () => {
  await app.stop();
});

describe("withdrawing a request", () => {
  let fixture: Awaited<ReturnType<typeof requestWithMatches>>;

  it("ends every match: waiting ones declined, consented ones revoked by the platform", async () => {
    fixture = await requestWithMatches("Solicitud retirada");
    const { requestId, ids, offers } = fixture;
    expect(await engagementsOf(offers.consented)).toBe(1);
    expect(await engagementsOf(offers.active)).toBe(1);

    expect(
      await actOnRequest(
        { actor: who.honduras, id: requestId, action: "withdraw", reason: "El plan se abandona." },
        services(),
      ),
    ).toEqual({ outcome: "done", to: "withdrawn" });

    const expected = {
      proposed: ["decline", "declined"],
      accepted: ["decline", "declined"],
      consented: ["revoke", "revoked"],
      active: ["revoke", "revoked"],
    } as const;
    for (const [key, [action, state]] of Object.entries(expected)) {
      const id = ids[key as keyof typeof ids];
      const found = await matchOf(id);
      expect(found.match.state, key).toBe(state);
      expect(found.match.endedAt).not.toBeNull();
      expect(found.actions).toEqual([]);
      expect(found.events.at(-1)).toMatchObject({ action, toState: state, reason: "requestWithdrawn" });
      expect((await auditsOf(id)).at(-1)).toEqual({
        action: `match.${action}`,
        actorKind: "system",
        changes: { state: [found.events.at(-2)!.toState, state], reason: [null, "requestWithdrawn"] },
      });
    }
  });

  it("gives the revoked matches' places back to their offers", async () => {
    expect(await engagementsOf(fixture.offers.consented)).toBe(0);
    expect(await engagementsOf(fixture.offers.active)).toBe(0);
  });

  it("leaves the provider nothing granted, and the request unmoved by the matches' ending", async () => {
    expect(await grantRowsOf(app.database.db, fixture.requestId)).toEqual([]);
    expect(await getRequest({ actor: who.thailand, id: fixture.requestId }, services())).toBeNull();
    expect((await getRequest({ actor: who.secretariat, id: fixture.requestId }, services()))!.request.state).toBe(
      "withdrawn",
    );
  });

  it("tells the provider in its language why each match ended, and not the State that withdrew", async () => {
    const [declined] = await told(fixture.ids.accepted, "match-declined");
    expect(declined!.userId).toBe(userId(who.thailand));
    expect(notificationText("en", "match-declined", declined!.values)).toContain("the State withdrew its request");
    expect(notificationText("fr", "match-declined", declined!.values)).toContain("l’État a retiré sa demande");
    const revoked = await told(fixture.ids.active, "match-revoked");
    expect(revoked.map((n) => n.userId)).toEqual([userId(who.thailand)]);
    const text = notificationText("en", "match-revoked", revoked[0]!.values);
    expect(text).toContain("has ended: the State withdrew its request, and");
    expect(text).not.toContain("requestWithdrawn");
    expect(notificationText("es", "match-revoked", revoked[0]!.values)).toContain("El Estado retiró su solicitud");
    expect((await told(fixture.ids.proposed, "match-declined")).map((n) => n.userId)).not.toContain(
      userId(who.honduras),
    );
  });

  it("refuses any further step on the ended matches", async () => {
    expect(await actOnMatch({ actor: who.honduras, id: fixture.ids.active, action: "revoke" }, services())).toEqual({
      outcome: "refused",
      refusal: "not-from-this-state",
    });
    expect(
      await actOnMatch({ actor: who.honduras, id: fixture.ids.accepted, action: "consent", scope: [] }, services()),
    ).toEqual({ outcome: "refused", refusal: "not-from-this-state" });
  });
});

describe("a request under way, then completed", () => {
  let fixture: Awaited<ReturnType<typeof requestWithMatches>>;

  it("declines the waiting matches when implementation starts, and lets the agreed help go on", async () => {
    fixture = await requestWithMatches("Solicitud en ejecución");
    const { requestId, ids, offers } = fixture;
    expect(
      await actOnRequest({ actor: who.honduras, id: requestId, action: "start-implementation" }, services()),
    ).toEqual({ outcome: "done", to: "in-implementation" });
    for (const id of [ids.proposed, ids.accepted]) {
      const found = await matchOf(id);
      expect(found.match.state).toBe("declined");
      expect(found.events.at(-1)).toMatchObject({ action: "decline", reason: "requestInImplementation" });
      const [note] = await told(id, "match-declined");
      expect(notificationText("en", "match-declined", note!.values)).toContain("the request is now being implemented");
    }
    expect((await matchOf(ids.consented)).match.state).toBe("consented");
    expect((await matchOf(ids.active)).match.state).toBe("active");
    expect(await engagementsOf(offers.consented)).toBe(1);
    // The provider reads what the State consented to share on both matches, and nothing more.
    expect((await getRequest({ actor: who.thailand, id: requestId }, services()))!.withheld).toEqual(["counterparts"]);
  });

  it("closes the agreed help when the request is completed, started or not, keeping the places", async () => {
    const { requestId, ids, offers } = fixture;
    expect(await actOnRequest({ actor: who.honduras, id: requestId, action: "complete" }, services())).toEqual({
      outcome: "done",
      to: "completed",
    });
    for (const id of [ids.consented, ids.active]) {
      const found = await matchOf(id);
      expect(found.match.state).toBe("closed");
      expect(found.events.at(-1)).toMatchObject({ action: "close", reason: "requestCompleted" });
      expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "match.close", actorKind: "system" });
      const notes = await told(id, "match-progressed");
      const last = notes.find((n) => (n.values as Record<string, string>).step === "requestCompleted");
      expect(last?.userId).toBe(userId(who.thailand));
      expect(notificationText("en", "match-progressed", last!.values)).toContain(
        "it is closed, as the request for support was completed",
      );
    }
    expect(await engagementsOf(offers.consented)).toBe(1);
    expect(await engagementsOf(offers.active)).toBe(1);
    // Closed, the matches share nothing more (as a party's closing ends what a match shared).
    expect(await grantRowsOf(app.database.db, requestId)).toEqual([]);
    // The declined ones stay as they were.
    expect((await matchOf(ids.accepted)).events.at(-1)).toMatchObject({ reason: "requestInImplementation" });
  });
});

describe("a request step that tells no module", () => {
  it("leaves the matches as they were (the listeners are the only way the request tells matching)", async () => {
    const requestId = await openRequest("Solicitud sin oyentes");
    const matchId = await propose(who.thailand, requestId, await publish("Offer of the quiet request"));
    const quiet = { ...services(), statusListeners: { offer: [], request: [] } satisfies StatusListeners };
    expect(
      await actOnRequest({ actor: who.honduras, id: requestId, action: "withdraw", reason: "x" }, quiet),
    ).toMatchObject({ outcome: "done" });
    expect((await matchOf(matchId)).match.state).toBe("accepted");
  });
});

/**
 * Two transactions interleaved on purpose: the first holds its record's lock inside a listener
 * until the second is seen waiting for a lock; then the first goes on. Taken in one order (request,
 * offers, matches), both finish; in the old order (match before request and offer, an offer's
 * listener locking requests) PostgreSQL found a deadlock and aborted one of them.
 */
describe.runIf(inject("testDatabaseKind") === "postgres")("locks taken in one order (PostgreSQL)", () => {
  function gate() {
    let reached!: () => void;
    let release!: () => void;
    const atGate = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const open = new Promise<void>((resolve) => {
      release = resolve;
    });
    const listener: StatusListener = async () => {
      reached();
      await open;
    };
    return { listener, atGate, release };
  }
  async function someoneWaitsForALock() {
    for (let i = 0; i < 200; i++) {
      const { rows } = await app.database.executeSql(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      if ((rows[0]!.n as number) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("nobody waited for a lock");
  }
  const withListeners = (statusListeners: StatusListeners) => ({ ...services(), statusListeners });

  it("an offer closing while the State consents to one of its matches", async () => {
    const offerId = await publish("Offer closed during a consent");
    const matchId = await propose(who.thailand, await openRequest("Consentimiento concurrente"), offerId);
    const held = gate();
    const closing = changeOfferStatus(
      { actor: who.thailand, offerId, status: "closed" },
      withListeners({ offer: [held.listener, endMatchesOfStoppedOffer], request: [endMatchesOfEndedRequest] }),
    );
    await held.atGate;
    const consenting = actOnMatch({ actor: who.honduras, id: matchId, action: "consent", scope: [] }, services());
    await someoneWaitsForALock();
    held.release();
    expect(await closing).toEqual({ outcome: "changed", status: "closed" });
    expect(await consenting).toEqual({ outcome: "refused", refusal: "not-from-this-state" });
    expect((await matchOf(matchId)).match.state).toBe("declined");
    expect(await engagementsOf(offerId)).toBe(0);
  });

  it("a request withdrawn while the State consents to one of its matches", async () => {
    const requestId = await openRequest("Retiro durante un consentimiento");
    const offerId = await publish("Offer of a request withdrawn during a consent");
    const matchId = await propose(who.thailand, requestId, offerId);
    const held = gate();
    const withdrawing = actOnRequest(
      { actor: who.honduras, id: requestId, action: "withdraw", reason: "x" },
      withListeners({ offer: [endMatchesOfStoppedOffer], request: [held.listener, endMatchesOfEndedRequest] }),
    );
    await held.atGate;
    const consenting = actOnMatch({ actor: who.honduras, id: matchId, action: "consent", scope: [] }, services());
    await someoneWaitsForALock();
    held.release();
    expect(await withdrawing).toMatchObject({ outcome: "done", to: "withdrawn" });
    // The consent, once the request's lock was free, found no match left to consent to (or none it may read).
    expect((await consenting).outcome).not.toBe("done");
    expect((await matchOf(matchId)).match.state).toBe("declined");
    expect(await engagementsOf(offerId)).toBe(0);
  });

  it("an offer closing while a request with matches on it is withdrawn", async () => {
    const requestId = await openRequest("Retiro durante un cierre");
    const kept = await publish("Offer whose consented match a withdrawal revokes");
    const closed = await publish("Offer closed during a withdrawal");
    const consented = await propose(who.thailand, requestId, kept);
    await consent(consented);
    const waiting = await propose(who.thailand, requestId, closed);
    const held = gate();
    const closing = changeOfferStatus(
      { actor: who.thailand, offerId: closed, status: "closed" },
      withListeners({ offer: [held.listener, endMatchesOfStoppedOffer], request: [endMatchesOfEndedRequest] }),
    );
    await held.atGate;
    const withdrawing = actOnRequest(
      { actor: who.honduras, id: requestId, action: "withdraw", reason: "x" },
      services(),
    );
    await someoneWaitsForALock();
    held.release();
    expect(await closing).toEqual({ outcome: "changed", status: "closed" });
    expect(await withdrawing).toMatchObject({ outcome: "done", to: "withdrawn" });
    expect((await matchOf(waiting)).events.at(-1)).toMatchObject({ action: "decline", reason: "offerClosed" });
    expect((await matchOf(consented)).events.at(-1)).toMatchObject({ action: "revoke", reason: "requestWithdrawn" });
    expect(await engagementsOf(kept)).toBe(0);
    expect(await grantRowsOf(app.database.db, requestId)).toEqual([]);
  });
});
