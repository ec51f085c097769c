import { desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf as actorOfAccount } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { type Actor, ANONYMOUS } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import { parseTrackingFilter, type TrackingFilter } from "../domain/tracking";
import { recommendations } from "../schema";
import {
  saveTrackingEntry,
  stateTracking,
  TrackingForbiddenError,
  trackingEntryOf,
  visibleTrackingOfRecommendation,
} from "./tracking";
import { clusterOf, listClusters, saveCluster } from "./tracking-clusters";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db });
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);

/** The demo accounts as the session would present them (second factor passed where required). */
const actors: Record<"fiji" | "honduras" | "provider" | "secretariat", Actor> = {} as never;
const OTHERS = ["an anonymous visitor", "another State's focal point", "a provider", "the secretariat"] as const;
type Other = (typeof OTHERS)[number];
const other = (who: Other): Actor =>
  ({
    "an anonymous visitor": ANONYMOUS,
    "another State's focal point": actors.honduras,
    "a provider": actors.provider,
    "the secretariat": actors.secretariat,
  })[who];

const actorOf = (email: string) => actorOfAccount(app.database, email);

const FIJI_KEYS = Array.from({ length: 30 }, (_, i) => `t-fji-${String(i + 1).padStart(2, "0")}`);
const HONDURAS_KEYS = Array.from({ length: 5 }, (_, i) => `t-hnd-${i + 1}`);

async function insertRecommendations() {
  const row = (key: string, state: string, n: number) => ({
    key,
    kind: "recommendation",
    mechanism: "upr",
    cycle: n <= 15 ? 1 : 2,
    session: n <= 15 ? 7 : 20,
    year: n <= 15 ? 2010 : 2014,
    stateUnderReview: state,
    recommendingStates: ["NOR"],
    text:
      n % 2 === 1
        ? `Abolish the death penalty for all crimes (${key})`
        : `Protect the rights of women and girls against violence (${key})`,
    themes: n % 2 === 1 ? ["uhri:death-penalty"] : ["uhri:women"],
    response: "supported",
    source: "test",
    contentHash: key,
  });
  await app.database.db
    .insert(recommendations)
    .values([...FIJI_KEYS.map((k, i) => row(k, "FJI", i + 1)), ...HONDURAS_KEYS.map((k, i) => row(k, "HND", i + 1))]);
}

const audits = async () =>
  Number((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n);
const list = (actor: Actor, filter: Partial<TrackingFilter> = {}, offset = 0) =>
  stateTracking({ actor, filter: { q: "", ...filter }, limit: 25, offset }, deps());
const track = (actor: Actor, key: string, form: Record<string, string>) =>
  saveTrackingEntry({ actor, key, form }, deps());

beforeAll(async () => {
  app = await startTestPlatform();
  await insertRecommendations();
  actors.fiji = await actorOf("fiji@example.org");
  actors.honduras = await actorOf("honduras@example.org");
  actors.provider = await actorOf("norway@example.org");
  actors.secretariat = await actorOf("secretariat@example.org");
});
afterAll(async () => {
  await app.stop();
});

describe("a State's focal point", () => {
  it("tracks a recommendation's status and sees the dated history", async () => {
    const first = await track(actors.fiji, "t-fji-01", { status: "not-started", institutions: "Ministry of Justice" });
    expect(first.outcome).toBe("saved");
    const second = await track(actors.fiji, "t-fji-01", {
      status: "in-progress",
      institutions: "Ministry of Justice\nAttorney General's Office",
      notes: "A bill is drafted.",
      evidenceLinks: "https://example.org/bill.pdf",
    });
    expect(second).toEqual(first);
    const found = await trackingEntryOf({ actor: actors.fiji, key: "t-fji-01" }, deps());
    expect(found?.writer?.stateIso3).toBe("FJI");
    expect(found?.own).toMatchObject({
      status: "in-progress",
      institutions: ["Ministry of Justice", "Attorney General's Office"],
      notes: "A bill is drafted.",
      evidenceLinks: ["https://example.org/bill.pdf"],
      visibility: "private",
    });
    expect(found?.own?.history.map((h) => h.status)).toEqual(["in-progress", "not-started"]);
    expect(found!.own!.history[0]!.changedAt.getTime()).toBeGreaterThan(found!.own!.history[1]!.changedAt.getTime());
  });

  it("lists the State's received recommendations with their status, filtered and paged", async () => {
    const all = await list(actors.fiji);
    expect(all.writer?.stateIso3).toBe("FJI");
    expect(all.total).toBe(30);
    expect(all.items).toHaveLength(25);
    expect((await list(actors.fiji, {}, 25)).items).toHaveLength(5);
    const every = [...all.items, ...(await list(actors.fiji, {}, 25)).items];
    expect(every.find((i) => i.key === "t-fji-01")?.entry?.status).toBe("in-progress");
    expect(every.every((i) => i.stateUnderReview === "FJI")).toBe(true);
    expect((await list(actors.fiji, { status: "in-progress" })).items.map((i) => i.key)).toEqual(["t-fji-01"]);
    expect((await list(actors.fiji, { status: "untracked" })).total).toBe(29);
    expect((await list(actors.fiji, { cycle: 2 })).total).toBe(15);
    expect((await list(actors.fiji, { theme: "uhri:women" })).total).toBe(15);
    expect((await list(actors.fiji, { q: '"death penalty"', cycle: 1 })).total).toBe(8);
    const parsed = parseTrackingFilter(new URLSearchParams("status=in-progress&cycle=1"));
    expect((await list(actors.fiji, parsed.filter)).total).toBe(1);
  });

  it("gets each problem named by its field, and nothing is saved", async () => {
    const before = await audits();
    const result = await track(actors.fiji, "t-fji-02", {
      status: "finished",
      evidenceLinks: "www.example.org",
      visibility: "everyone",
    });
    expect(result).toEqual({
      outcome: "invalid",
      problems: {
        status: { key: "tracking.error.status" },
        visibility: { key: "tracking.error.visibility" },
        evidenceLinks: { key: "tracking.error.evidenceLink", values: { link: "www.example.org" } },
      },
    });
    expect(await trackingEntryOf({ actor: actors.fiji, key: "t-fji-02" }, deps())).toMatchObject({ own: null });
    expect(await audits()).toBe(before);
    expect(await track(actors.fiji, "no-such-key", { status: "implemented" })).toEqual({ outcome: "not-found" });
  });

  it("leaves exactly one audit row per change, none for a resubmission, and no content in the trail", async () => {
    const before = await audits();
    await track(actors.fiji, "t-fji-05", { status: "in-progress", notes: "Confidential plan B" });
    expect(await audits()).toBe(before + 1);
    await track(actors.fiji, "t-fji-05", { status: "implemented", notes: "Confidential plan B" });
    expect(await audits()).toBe(before + 2);
    expect(
      (await track(actors.fiji, "t-fji-05", { status: "implemented", notes: "Confidential plan B" })).outcome,
    ).toBe("unchanged");
    expect(await audits()).toBe(before + 2);
    const [latest] = await app.database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(latest).toMatchObject({
      action: "tracking.update",
      subjectType: "recommendation-tracking",
      organisationId: actors.fiji.kind === "user" ? actors.fiji.memberships[0]!.organisationId : null,
    });
    expect(Object.keys(latest!.changes)).toEqual(["status"]);
    expect(JSON.stringify(latest!.changes)).not.toMatch(/implemented|Confidential/);
  });
});

describe("who may read an entry", () => {
  beforeAll(async () => {
    await track(actors.fiji, "t-fji-10", { status: "in-progress", visibility: "private", notes: "Private notes" });
    await track(actors.fiji, "t-fji-11", { status: "implemented", visibility: "secretariat" });
    await track(actors.fiji, "t-fji-12", { status: "partially-implemented", visibility: "public" });
  });

  it.each(OTHERS)("a private entry is invisible to %s, through every use case", async (who) => {
    const actor = other(who);
    const [row] = await app.database.db
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(sql`${recommendations.key} = 't-fji-10'`);
    expect(await trackingEntryOf({ actor, key: "t-fji-10" }, deps())).toBeNull();
    expect(await visibleTrackingOfRecommendation({ actor, recommendationId: row!.id }, deps())).toEqual([]);
    for (const filter of [{}, { state: "FJI" }, { status: "in-progress" as const }]) {
      const shared = await list(actor, filter);
      expect(shared.items.map((i) => i.key)).not.toContain("t-fji-10");
      expect(shared.items.every((i) => i.entry?.visibility !== "private")).toBe(true);
    }
    // Only the public entry (and, for the secretariat, the shared one) is counted anywhere.
    const expected = actor === actors.secretariat ? ["t-fji-11", "t-fji-12"] : ["t-fji-12"];
    const ofFiji = await list(actor, { state: "FJI" });
    expect(ofFiji.items.map((i) => i.key).sort()).toEqual(expected);
    expect(ofFiji.total).toBe(expected.length);
  });

  it("shows a secretariat entry to the secretariat but not to providers or other States", async () => {
    expect((await trackingEntryOf({ actor: actors.secretariat, key: "t-fji-11" }, deps()))?.others).toMatchObject([
      { status: "implemented", visibility: "secretariat" },
    ]);
    for (const actor of [actors.provider, actors.honduras, ANONYMOUS])
      expect(await trackingEntryOf({ actor, key: "t-fji-11" }, deps())).toBeNull();
  });

  it("shows a public entry to everyone, read-only", async () => {
    for (const actor of OTHERS.map(other)) {
      const found = await trackingEntryOf({ actor, key: "t-fji-12" }, deps());
      expect(found?.writer).toBeNull();
      expect(found?.own).toBeNull();
      expect(found?.others).toMatchObject([{ status: "partially-implemented", visibility: "public" }]);
    }
  });

  it("shows each saved state of the history only to those its own tier allowed", async () => {
    await track(actors.fiji, "t-fji-13", { status: "in-progress", notes: "Waiting for cabinet approval" });
    await track(actors.fiji, "t-fji-13", { status: "implemented", notes: "Law adopted", visibility: "public" });
    const outside = await trackingEntryOf({ actor: actors.provider, key: "t-fji-13" }, deps());
    expect(outside?.others[0]?.history.map((h) => h.notes)).toEqual(["Law adopted"]);
    const own = await trackingEntryOf({ actor: actors.fiji, key: "t-fji-13" }, deps());
    expect(own?.own?.history.map((h) => h.notes)).toEqual(["Law adopted", "Waiting for cabinet approval"]);
  });

  it("refuses a write by anyone but that State's focal points, with a typed error and no trace", async () => {
    const before = await audits();
    for (const actor of OTHERS.map(other))
      await expect(track(actor, "t-fji-12", { status: "not-started" })).rejects.toThrow(TrackingForbiddenError);
    expect(await audits()).toBe(before);
    expect((await track(actors.honduras, "t-hnd-1", { status: "in-progress" })).outcome).toBe("saved");
    expect(await audits()).toBe(before + 1);
  });
});

describe("clusters", () => {
  const form = (members: string, extra: Record<string, string> = {}) => ({
    name: "Abolition of the death penalty",
    status: "in-progress",
    institutions: "Ministry of Justice",
    members,
    ...extra,
  });
  let clusterId = "";

  it("refuses a recommendation of another State, naming its key", async () => {
    const before = await audits();
    for (const bad of ["t-hnd-2", "no-such-key"])
      expect(await saveCluster({ actor: actors.fiji, form: form(`t-fji-21\n${bad}`) }, deps())).toEqual({
        outcome: "invalid",
        problems: { members: { key: "tracking.error.memberNotReceived", values: { key: bad } } },
      });
    expect(await audits()).toBe(before);
  });

  it("groups the State's recommendations under one status, with history and one audit row per change", async () => {
    const before = await audits();
    const created = await saveCluster({ actor: actors.fiji, form: form("t-fji-21, t-fji-23\nt-fji-25") }, deps());
    expect(created.outcome).toBe("saved");
    clusterId = created.outcome === "saved" ? created.clusterId : "";
    expect(await audits()).toBe(before + 1);
    const updated = await saveCluster(
      { actor: actors.fiji, clusterId, form: form("t-fji-21\nt-fji-23", { status: "implemented" }) },
      deps(),
    );
    expect(updated).toEqual({ outcome: "saved", clusterId });
    expect(await audits()).toBe(before + 2);
    expect(
      await saveCluster(
        { actor: actors.fiji, clusterId, form: form("t-fji-23 t-fji-21", { status: "implemented" }) },
        deps(),
      ),
    ).toEqual({ outcome: "unchanged", clusterId });
    expect(await audits()).toBe(before + 2);

    const found = await clusterOf({ actor: actors.fiji, id: clusterId }, deps());
    expect(found?.canEdit).toBe(true);
    expect(found?.cluster).toMatchObject({ name: "Abolition of the death penalty", status: "implemented" });
    expect(found?.members.map((m) => m.key).sort()).toEqual(["t-fji-21", "t-fji-23"]);
    expect(found?.history.map((h) => h.status)).toEqual(["implemented", "in-progress"]);
    expect(await listClusters({ actor: actors.fiji, stateIso3: "FJI" }, deps())).toMatchObject([
      { id: clusterId, members: 2, status: "implemented" },
    ]);
    expect((await trackingEntryOf({ actor: actors.fiji, key: "t-fji-21" }, deps()))?.clusters).toMatchObject([
      { id: clusterId },
    ]);
    expect(await saveCluster({ actor: actors.fiji, form: form("t-fji-27") }, deps())).toEqual({
      outcome: "invalid",
      problems: { name: { key: "tracking.error.clusterNameTaken" } },
    });
  });

  it.each(OTHERS)("keeps a private cluster from %s", async (who) => {
    const actor = other(who);
    expect(await clusterOf({ actor, id: clusterId }, deps())).toBeNull();
    expect((await listClusters({ actor }, deps())).map((c) => c.id)).not.toContain(clusterId);
    expect((await trackingEntryOf({ actor, key: "t-fji-21" }, deps()))?.clusters ?? []).toEqual([]);
    expect(await saveCluster({ actor, clusterId, form: form("t-fji-21") }, deps())).toEqual({ outcome: "not-found" });
  });

  it("lets only the owner change a cluster others may read", async () => {
    await saveCluster({ actor: actors.fiji, clusterId, form: form("t-fji-21", { visibility: "secretariat" }) }, deps());
    expect((await clusterOf({ actor: actors.secretariat, id: clusterId }, deps()))?.canEdit).toBe(false);
    await expect(saveCluster({ actor: actors.secretariat, clusterId, form: form("t-fji-21") }, deps())).rejects.toThrow(
      TrackingForbiddenError,
    );
    await expect(saveCluster({ actor: actors.provider, form: form("t-fji-21") }, deps())).rejects.toThrow(
      TrackingForbiddenError,
    );
    expect(await clusterOf({ actor: actors.provider, id: clusterId }, deps())).toBeNull();
  });
});

describe("the tracking pages", () => {
  const browsers: Record<string, Browser> = {};
  const signedIn = async (email: string) => {
    if (!browsers[email]) {
      const browser = new Browser(fetcher);
      expect((await browser.signIn(email)).status).toBe(302);
      browsers[email] = browser;
    }
    return browsers[email]!;
  };
  const page = async (browser: Browser, path: string) => {
    const response = await browser.request(path);
    return { status: response.status, body: await response.text(), location: response.headers.get("location") };
  };

  beforeAll(async () => {
    await track(actors.fiji, "t-fji-14", { status: "in-progress", notes: "Unpublished page notes" });
  });

  it("let a State's focal point track a recommendation, with errors named and history shown", async () => {
    const fiji = await signedIn("fiji@example.org");
    const overview = await page(fiji, "/en/tracking");
    expect(overview.status).toBe(200);
    expect(overview.body).toContain("Recommendations Fiji received");
    expect(overview.body).toContain("30 recommendations");
    expect(overview.body).toContain('href="/en/tracking/t-fji-01"');
    expect(overview.body).toContain('href="/en/tracking?page=2"');

    const form = await page(fiji, "/en/tracking/t-fji-15");
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="status"');
    const before = await audits();
    const bad = await fiji.submit("/en/tracking/t-fji-15", { status: "", evidenceLinks: "ohchr.org" });
    expect(bad.status).toBe(400);
    const badBody = await bad.text();
    expect(badBody).toContain('href="#status"');
    expect(badBody).toContain('href="#evidenceLinks"');
    expect(badBody).toContain("“ohchr.org” is not");
    expect(await audits()).toBe(before);

    const saved = await fiji.submit("/en/tracking/t-fji-15", {
      status: "partially-implemented",
      institutions: "National Human Rights Commission",
      visibility: "private",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/en/tracking/t-fji-15");
    expect(await audits()).toBe(before + 1);
    const after = await page(fiji, "/en/tracking/t-fji-15");
    expect(after.body).toContain("The tracking is saved.");
    expect(after.body).toContain("National Human Rights Commission");
    expect(after.body).toMatch(/<h3 id="own-history">History<\/h3>/);
  });

  it("answer 404 for a private entry, and lists neither show nor count it", async () => {
    const anonymous = new Browser(fetcher);
    expect((await page(anonymous, "/en/tracking/t-fji-14")).status).toBe(404);
    expect((await page(anonymous, "/en/tracking")).location).toContain("/en/sign-in");
    for (const email of ["honduras@example.org", "norway@example.org", "secretariat@example.org"]) {
      const browser = await signedIn(email);
      const entry = await page(browser, "/en/tracking/t-fji-14");
      expect(entry.status, email).toBe(404);
      expect(entry.body).not.toContain("Unpublished page notes");
      for (const path of ["/en/tracking", "/en/tracking?state=FJI", "/en/tracking?state=FJI&status=in-progress"]) {
        const listed = await page(browser, path);
        expect(listed.status, `${email} ${path}`).toBe(200);
        expect(listed.body).not.toContain("t-fji-14");
      }
      const shown = await page(browser, "/en/tracking?state=FJI");
      const expected = email === "secretariat@example.org" ? 3 : 2;
      expect(shown.body, email).toContain(`${expected} recommendations`);
    }
  });

  it("show a shared entry read-only to those its tier admits", async () => {
    const secretariat = await signedIn("secretariat@example.org");
    const shared = await page(secretariat, "/en/tracking/t-fji-11");
    expect(shared.status).toBe(200);
    expect(shared.body).toContain("Tracking shared by the State");
    expect(shared.body).not.toContain('name="status"');
    expect((await page(await signedIn("norway@example.org"), "/en/tracking/t-fji-11")).status).toBe(404);
    const published = await page(new Browser(fetcher), "/en/tracking/t-fji-12");
    expect(published.status).toBe(200);
    expect(published.body).toContain("Partially implemented");
  });

  it("show on the recommendation page only the entries the reader may see", async () => {
    const published = await page(new Browser(fetcher), "/en/recommendations/t-fji-12");
    expect(published.status).toBe(200);
    expect(published.body).toMatch(/<a href="\/en\/tracking\/t-fji-12">Partially implemented<\/a>/);
    const secret = await page(new Browser(fetcher), "/en/recommendations/t-fji-14");
    expect(secret.status).toBe(200);
    expect(secret.body).not.toContain('href="/en/tracking/t-fji-14"');
    expect(secret.body).toContain("has not shared how it implements this recommendation");
    const owner = await page(await signedIn("fiji@example.org"), "/en/recommendations/t-fji-14");
    expect(owner.body).toContain('href="/en/tracking/t-fji-14"');
  });

  it("refuse a write from anyone but the State's focal points with 403", async () => {
    const before = await audits();
    for (const email of ["honduras@example.org", "norway@example.org", "secretariat@example.org"]) {
      const response = await (await signedIn(email)).submit("/en/tracking/t-fji-12", { status: "not-started" });
      expect(response.status, email).toBe(403);
    }
    const anonymous = new Browser(fetcher);
    const response = await anonymous.submit("/en/tracking/t-fji-12", { status: "not-started" }, "/en/sign-in");
    expect(response.status).toBe(403);
    expect((await (await signedIn("norway@example.org")).request("/en/tracking/clusters/new")).status).toBe(403);
    expect(await audits()).toBe(before);
    expect((await trackingEntryOf({ actor: ANONYMOUS, key: "t-fji-12" }, deps()))?.others[0]?.status).toBe(
      "partially-implemented",
    );
  });

  it("let the focal point build a cluster from ticked recommendations, refusing another State's", async () => {
    const fiji = await signedIn("fiji@example.org");
    const prefilled = await page(fiji, "/en/tracking/clusters/new?members=t-fji-02&members=t-fji-04");
    expect(prefilled.status).toBe(200);
    expect(prefilled.body).toMatch(/<textarea[^>]*id="members"[^>]*>\s*t-fji-02\nt-fji-04<\/textarea>/);
    const fields = { name: "Women's rights", status: "not-started", visibility: "private" };
    const refused = await fiji.submit("/en/tracking/clusters/new", { ...fields, members: "t-fji-02\nt-hnd-3" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("“t-hnd-3” is not a recommendation your State received");
    const created = await fiji.submit("/en/tracking/clusters/new", { ...fields, members: "t-fji-02\nt-fji-04" });
    expect(created.status).toBe(302);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/en\/tracking\/clusters\/[0-9a-f-]{36}$/);
    const shown = await page(fiji, location);
    expect(shown.body).toContain("The cluster is created.");
    expect(shown.body).toContain("Women&#x27;s rights");
    expect((await page(await signedIn("secretariat@example.org"), location)).status).toBe(404);
    expect((await page(new Browser(fetcher), location)).status).toBe(404);
    const overview = await page(fiji, "/en/tracking");
    expect(overview.body).toContain(`href="${location}"`);
  });
});
