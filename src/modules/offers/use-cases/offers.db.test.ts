import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf as actorOfAccount } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { type Actor, ANONYMOUS } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import type { OfferForm } from "../domain/offer";
import { parseOfferQuery } from "../domain/query";
import { offers } from "../schema";
import { changeOfferStatus } from "./change-offer-status";
import { getOffer } from "./get-offer";
import { openOffersMatchingRequest } from "./open-offers-matching-request";
import { OfferForbiddenError, publishOffer } from "./publish-offer";
import { searchOffers } from "./search-offers";
import { updateOffer } from "./update-offer";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });

type Who = "norway" | "undp" | "fiji" | "honduras" | "expert" | "secretariat";
const actors = {} as Record<Who, Actor>;
const EMAIL: Record<Who, string> = {
  norway: "norway@example.org",
  undp: "undp@example.org",
  fiji: "fiji@example.org",
  honduras: "honduras@example.org",
  expert: "expert@example.org",
  secretariat: "secretariat@example.org",
};

const actorOf = (email: string) => actorOfAccount(app.database, email);
const organisationOf = (who: Who) => (actors[who] as Extract<Actor, { kind: "user" }>).memberships[0]!.organisationId;

const WOMEN = "uhri:violence-against-women";
const TORTURE = "uhri:prohibition-of-torture-and-cruel-inhuman-or-degrading-treatment";

async function publish(who: Who, form: OfferForm): Promise<string> {
  const result = await publishOffer({ actor: actors[who], form }, deps());
  if (result.outcome !== "created") throw new Error(JSON.stringify(result));
  return result.offerId;
}
const search = (actor: Actor, params = "") =>
  searchOffers({ actor, query: parseOfferQuery(new URLSearchParams(params)).query }, deps());
const audits = (subjectId: string) =>
  app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(auditEvents.id);

/** The offers every test below reads; each is named by who may see it. */
const ids = {} as Record<"public" | "providers" | "private" | "secretariat" | "undpPublic", string>;

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  for (const who of Object.keys(EMAIL) as Who[]) actors[who] = await actorOf(EMAIL[who]);
  ids.public = await publish("norway", {
    title: "Training for judges on violence against women",
    description: "Two weeks of peer exchange with Norwegian judges.",
    themes: [WOMEN],
    sdgTargets: ["5.2", "16.3"],
    supportKinds: ["training", "peer-exchange"],
    workingLanguages: ["en", "fr"],
    eligibleGroups: ["asia-pacific"],
    eligibleStatuses: ["sids"],
    capacity: "2",
    contributionAmount: "25,000.50",
    contributionCurrency: "EUR",
    visibility: "public",
  });
  ids.providers = await publish("norway", {
    title: "Review of torture prevention legislation",
    themes: [TORTURE],
    sdgTargets: ["16.a"],
    supportKinds: ["legislative-review"],
    eligibleStates: ["FJI"],
    visibility: "providers",
  });
  ids.private = await publish("norway", {
    title: "Draft: prison monitoring",
    themes: [TORTURE],
    supportKinds: ["expertise"],
    visibility: "private",
  });
  ids.secretariat = await publish("undp", {
    title: "Support to national mechanisms for reporting",
    themes: [WOMEN],
    supportKinds: ["institution-building"],
    visibility: "secretariat",
  });
  ids.undpPublic = await publish("undp", {
    title: "Data and indicators for SDG 16",
    themes: [WOMEN],
    sdgTargets: ["16.3"],
    supportKinds: ["data-indicators", "training"],
    workingLanguages: ["en"],
    visibility: "public",
  });
});
afterAll(async () => {
  await app.stop();
});

describe("publishing", () => {
  it("stores the offer for the actor's organisation, with one audit row that keeps the content out", async () => {
    const offer = await getOffer({ actor: actors.norway, id: ids.public }, deps());
    expect(offer).toMatchObject({
      provider: { id: organisationOf("norway"), name: "Norwegian Agency for Development Cooperation" },
      status: "open",
      capacity: 2,
      capacityLeft: 2,
      contribution: { amountMinor: 2_500_050, currency: "EUR" },
      eligibility: { regionalGroups: ["asia-pacific"], statuses: ["sids"], namedStates: [] },
      canEdit: true,
      nextStatuses: ["paused", "closed"],
    });
    // Norway's agency is a State organisation: its provider type follows from the State's group.
    expect(offer?.provider.type).toBe("state-western-european-other");
    const [created] = await audits(ids.public);
    expect(created).toMatchObject({
      action: "offer.create",
      subjectType: "offer",
      organisationId: organisationOf("norway"),
    });
    expect(created?.changes).toMatchObject({
      title: [null, "[confidential]"],
      contributionMinor: [null, "[confidential]"],
      visibility: [null, "public"],
      capacity: [null, 2],
    });
  });

  it("lets a State's focal point and the secretariat (for OHCHR) publish, and refuses whoever does not provide", async () => {
    const fiji = await publish("fiji", { title: "Peer exchange on NMIRF set-up", visibility: "private" });
    expect((await getOffer({ actor: actors.fiji, id: fiji }, deps()))?.provider.type).toBe("state-asia-pacific");
    const ohchr = await publish("secretariat", { title: "OHCHR training on treaty reporting", visibility: "private" });
    expect((await getOffer({ actor: actors.secretariat, id: ohchr }, deps()))?.provider).toMatchObject({
      name: "Office of the United Nations High Commissioner for Human Rights",
      type: "un-entity",
    });
    await expect(publishOffer({ actor: actors.expert, form: { title: "x" } }, deps())).rejects.toBeInstanceOf(
      OfferForbiddenError,
    );
    await expect(publishOffer({ actor: ANONYMOUS, form: { title: "x" } }, deps())).rejects.toBeInstanceOf(
      OfferForbiddenError,
    );
    // Naming an organisation the actor does not speak for is refused too.
    await expect(
      publishOffer({ actor: actors.norway, organisationId: organisationOf("undp"), form: { title: "x" } }, deps()),
    ).rejects.toBeInstanceOf(OfferForbiddenError);
  });

  it("names each wrong field and writes nothing", async () => {
    const before = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(offers);
    const result = await publishOffer(
      { actor: actors.norway, form: { title: "", themes: ["made-up"], contributionAmount: "12" } },
      deps(),
    );
    expect(result).toEqual({
      outcome: "invalid",
      problems: {
        title: { key: "offers.error.title", values: { max: 200 } },
        themes: { key: "offers.error.themes", values: { value: "made-up" } },
        contributionCurrency: { key: "offers.error.contributionCurrency" },
      },
    });
    expect(await app.database.db.select({ n: sql<number>`count(*)::int` }).from(offers)).toEqual(before);
  });
});

describe("who sees which offer", () => {
  const visible: [string, () => Actor, (keyof typeof ids)[]][] = [
    ["an anonymous visitor", () => ANONYMOUS, ["public", "undpPublic"]],
    ["a State's focal point", () => actors.honduras, ["public", "providers", "undpPublic"]],
    ["a member of an academic institution", () => actors.expert, ["public", "providers", "undpPublic"]],
    ["another provider", () => actors.undp, ["public", "providers", "secretariat", "undpPublic"]],
    ["the secretariat", () => actors.secretariat, ["public", "providers", "secretariat", "undpPublic"]],
    ["the owner", () => actors.norway, ["public", "providers", "private", "undpPublic"]],
  ];

  it.each(visible)("%s finds exactly the offers its tier allows, in details and in lists", async (_, actor, seen) => {
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const offer = await getOffer({ actor: actor(), id: ids[key] }, deps());
      expect(offer === null, key).toBe(!seen.includes(key));
    }
    const ours = new Set(Object.values(ids));
    const listed = (await search(actor(), "limit=100")).items.filter((o) => ours.has(o.id)).map((o) => o.id);
    expect(listed.sort()).toEqual(seen.map((k) => ids[k]).sort());
  });

  it("never counts an invisible offer in the total or any facet", async () => {
    const anonymous = await search(ANONYMOUS);
    expect(anonymous.total).toBe(2);
    expect(anonymous.facets.kind).toEqual(
      expect.arrayContaining([
        { value: "training", count: 2 },
        { value: "peer-exchange", count: 1 },
        { value: "data-indicators", count: 1 },
      ]),
    );
    for (const hidden of ["legislative-review", "expertise", "institution-building"])
      expect(anonymous.facets.kind.map((f) => f.value)).not.toContain(hidden);
    expect(anonymous.facets.theme).toEqual([{ value: WOMEN, count: 2 }]);
    // Searching for the words of a hidden offer finds nothing and counts nothing.
    const probe = await search(ANONYMOUS, "q=prison monitoring");
    expect(probe.total).toBe(0);
    expect(Object.values(probe.facets).every((values) => values.length === 0)).toBe(true);
    const owner = await search(actors.norway, "q=prison monitoring");
    expect(owner.items.map((o) => o.id)).toEqual([ids.private]);
  });
});

describe("searching", () => {
  const found = async (params: string, actor: Actor = actors.secretariat) =>
    (await search(actor, params)).items.map((o) => o.id).sort();

  it("matches words, each facet's filter, and counts facets over the matching set", async () => {
    expect(await found("q=judges")).toEqual([ids.public]);
    expect(await found(`theme=${TORTURE}`)).toEqual([ids.providers]);
    expect(await found("sdg=16")).toEqual([ids.public, ids.providers, ids.undpPublic].sort());
    expect(await found("sdg=16.a")).toEqual([ids.providers]);
    expect(await found("kind=training")).toEqual([ids.public, ids.undpPublic].sort());
    expect(await found("group=asia-pacific")).toEqual([ids.public]);
    expect(await found("status=sids")).toEqual([ids.public]);
    expect(await found("language=fr")).toEqual([ids.public]);
    expect(await found("providerType=state-western-european-other")).toEqual([ids.public, ids.providers].sort());
    expect(await found("providerType=un-entity&kind=institution-building")).toEqual([ids.secretariat]);
    expect(await found("age=older")).toEqual([]);
    const sdg = await search(actors.secretariat, "sdg=16");
    expect(sdg.facets.sdg).toEqual([
      { value: "16", count: 3 },
      { value: "5", count: 1 },
    ]);
    expect(sdg.facets.age).toEqual([
      { value: "30d", count: 3 },
      { value: "90d", count: 3 },
    ]);
    expect(sdg.facets.group).toEqual([
      { value: "any", count: 2 },
      { value: "asia-pacific", count: 1 },
    ]);
  });

  it("pages newest first", async () => {
    const first = await search(actors.secretariat, `theme=${WOMEN}&limit=2`);
    const second = await search(actors.secretariat, `theme=${WOMEN}&limit=2&offset=2`);
    expect(first.total).toBe(3);
    expect(first.items.map((o) => o.id)).toEqual([ids.undpPublic, ids.secretariat]);
    expect(second.items.map((o) => o.id)).toEqual([ids.public]);
  });
});

describe("editing", () => {
  it("saves a change with an audit row, and says when nothing changed", async () => {
    const form = { title: "Review of torture prevention legislation", themes: [TORTURE], sdgTargets: ["16.a"] };
    const saved = await updateOffer(
      {
        actor: actors.norway,
        offerId: ids.providers,
        form: { ...form, supportKinds: ["legislative-review"], eligibleStates: ["FJI", "TON"], capacity: "3" },
      },
      deps(),
    );
    expect(saved).toEqual({ outcome: "saved", offerId: ids.providers });
    const again = await updateOffer(
      {
        actor: actors.norway,
        offerId: ids.providers,
        form: { ...form, supportKinds: ["legislative-review"], eligibleStates: ["FJI", "TON"], capacity: "3" },
      },
      deps(),
    );
    expect(again.outcome).toBe("unchanged");
    const offer = await getOffer({ actor: actors.norway, id: ids.providers }, deps());
    // The form sent no status or tier: the status is kept, the tier falls back to the default.
    expect(offer).toMatchObject({ status: "open", capacity: 3, eligibility: { namedStates: ["FJI", "TON"] } });
    const rows = await audits(ids.providers);
    expect(rows.map((r) => r.action)).toEqual(["offer.create", "offer.update"]);
    expect(rows[1]?.changes).toEqual({
      eligibleStates: ["[confidential]", "[confidential]"],
      capacity: [1, 3],
    });
  });

  it("refuses other organisations, and does not reveal offers they may not see", async () => {
    for (const who of ["undp", "secretariat", "fiji"] as const)
      await expect(
        updateOffer({ actor: actors[who], offerId: ids.public, form: { title: "Taken over" } }, deps()),
      ).rejects.toBeInstanceOf(OfferForbiddenError);
    expect(
      await updateOffer({ actor: actors.undp, offerId: ids.private, form: { title: "Taken over" } }, deps()),
    ).toEqual({ outcome: "not-found" });
    await expect(
      changeOfferStatus({ actor: actors.undp, offerId: ids.public, status: "closed" }, deps()),
    ).rejects.toBeInstanceOf(OfferForbiddenError);
    expect(await changeOfferStatus({ actor: ANONYMOUS, offerId: ids.private, status: "closed" }, deps())).toEqual({
      outcome: "not-found",
    });
    expect(await updateOffer({ actor: actors.norway, offerId: "not-a-uuid", form: {} }, deps())).toEqual({
      outcome: "not-found",
    });
    expect((await getOffer({ actor: actors.norway, id: ids.public }, deps()))?.title).toBe(
      "Training for judges on violence against women",
    );
    expect((await audits(ids.public)).map((r) => r.action)).toEqual(["offer.create"]);
  });

  it("keeps capacity at or above the engagements under way", async () => {
    // Two matches (issue 6) have used up the whole capacity.
    await app.database.db.update(offers).set({ capacity: 2, engagements: 2 }).where(eq(offers.id, ids.undpPublic));
    const result = await updateOffer(
      { actor: actors.undp, offerId: ids.undpPublic, form: { title: "Data and indicators for SDG 16", capacity: "1" } },
      deps(),
    );
    expect(result).toEqual({
      outcome: "invalid",
      problems: { capacity: { key: "offers.error.capacityEngaged", values: { engagements: 2 } } },
    });
  });

  it("pauses, reopens and closes, one audit row each", async () => {
    const change = (status: string) =>
      changeOfferStatus({ actor: actors.undp, offerId: ids.secretariat, status }, deps());
    expect(await change("paused")).toEqual({ outcome: "changed", status: "paused" });
    expect(await change("paused")).toEqual({ outcome: "unchanged", status: "paused" });
    expect(await change("open")).toEqual({ outcome: "changed", status: "open" });
    expect(await change("closed")).toEqual({ outcome: "changed", status: "closed" });
    expect(await change("archived")).toEqual({
      outcome: "invalid",
      problems: { status: { key: "offers.error.status" } },
    });
    const rows = await audits(ids.secretariat);
    expect(rows.map((r) => [r.action, r.changes])).toEqual([
      ["offer.create", expect.anything()],
      ["offer.status", { status: ["open", "paused"] }],
      ["offer.status", { status: ["paused", "open"] }],
      ["offer.status", { status: ["open", "closed"] }],
    ]);
    expect((await search(actors.secretariat, "offerStatus=closed")).items.map((o) => o.id)).toEqual([ids.secretariat]);
  });
});

describe("offers for a newly opened request", () => {
  const fiji = { iso3: "FJI", regionalGroup: "asia-pacific", statuses: ["sids"] };
  const honduras = { iso3: "HND", regionalGroup: "latin-american-caribbean", statuses: [] };
  const matching = async (themes: string[], state: typeof fiji, today?: Date) =>
    (await openOffersMatchingRequest(app.database.db, { themes, state, today })).map((o) => o.id);

  it("finds open offers sharing a theme, for which the State is eligible", async () => {
    expect(await matching([WOMEN], fiji)).toEqual([ids.public]);
    expect(await matching([TORTURE, "uhri:other"], fiji)).toEqual([ids.providers, ids.private]);
    // Honduras is neither named nor an Asia-Pacific SIDS: only the offer with no limit is for it.
    expect(await matching([WOMEN, TORTURE], honduras)).toEqual([ids.private]);
    expect(await matching([], fiji)).toEqual([]);
    const [first] = await openOffersMatchingRequest(app.database.db, { themes: [WOMEN], state: fiji });
    expect(first).toEqual({
      id: ids.public,
      organisationId: organisationOf("norway"),
      title: "Training for judges on violence against women",
      visibility: "public",
    });
  });

  it("leaves out offers paused, out of their period or with no capacity left", async () => {
    const id = await publish("norway", {
      title: "Short course",
      themes: [WOMEN],
      validFrom: "2030-01-01",
      validUntil: "2030-06-30",
      visibility: "private",
    });
    expect(await matching([WOMEN], honduras)).toEqual([]);
    expect(await matching([WOMEN], honduras, new Date("2030-03-01T12:00:00Z"))).toEqual([id]);
    expect(await matching([WOMEN], honduras, new Date("2030-07-01T00:00:00Z"))).toEqual([]);
    await app.database.db.update(offers).set({ engagements: 1 }).where(eq(offers.id, id));
    expect(await matching([WOMEN], honduras, new Date("2030-03-01T12:00:00Z"))).toEqual([]);
    await app.database.db.update(offers).set({ engagements: 0 }).where(eq(offers.id, id));
    await changeOfferStatus({ actor: actors.norway, offerId: id, status: "paused" }, deps());
    expect(await matching([WOMEN], honduras, new Date("2030-03-01T12:00:00Z"))).toEqual([]);
  });
});
