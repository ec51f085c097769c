import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { type Actor, systemActor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { parseRequestFilter } from "../domain/filter";
import { grantRequestFields, lockRequest, revokeRequestGrant, visibleRequestRow } from "../store";
import { getRequest } from "../use-cases/get-request";
import { changeRequestRecommendations, saveRequestDraft } from "../use-cases/save-request";
import { screenRequest } from "../use-cases/screening";
import { searchRequests } from "../use-cases/search-requests";
import { actOnRequest, applyTransition } from "../use-cases/transition";

/**
 * The restricted fields of a request (budget, schedule, counterparts) through every door a
 * request leaves by: the page, the API's detail and list, the export. A provider that may see a
 * request reads them only as far as the State granted them to its organisation.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
const en = CATALOGUES.en;
const WITHHELD = en["requests.fact.withheld"].replaceAll("'", "&#x27;");
const NOWHERE = "00000000-0000-4000-8000-000000000000";

/** Values only the restricted fields hold, so their absence anywhere is checkable as text. */
const BUDGET_SHOWN = "25,000.00";
const BUDGET_EXPORTED = "25000.00";
const START = "2027-03-01";
const COUNTERPART = "Zanzibarian Correctional Directorate";

let who: Record<"fiji" | "secretariat" | "committee" | "norway" | "thailand" | "undp", Actor>;
let org: Record<"norway" | "thailand" | "undp", string>;
let browsers: Record<"fiji" | "secretariat" | "norway" | "thailand", Browser>;
let tokens: Record<"fiji" | "norway", string>;
/** A providers-tier request and a secretariat-tier one, both open, both Fiji's. */
let forProviders = "";
let forSecretariat = "";

async function openRequest(title: string, visibility: string) {
  const saved = await saveRequestDraft(
    {
      actor: who.fiji,
      form: {
        title,
        summary: "Training for the officials who run the prisons.",
        supportKinds: ["training"],
        visibility,
        budgetAmount: "25000",
        budgetCurrency: "FJD",
        desiredStart: START,
        durationMonths: "18",
        counterparts: [COUNTERPART],
      },
    },
    deps(),
  );
  if (saved.outcome !== "saved") throw new Error("not saved");
  await changeRequestRecommendations({ actor: who.fiji, id: saved.id, add: ["d-fji-1"] }, deps());
  expect(await actOnRequest({ actor: who.fiji, id: saved.id, action: "submit" }, deps())).toMatchObject({
    outcome: "done",
  });
  const { rows } = await app.database.executeSql("select items from screening_criteria order by version desc limit 1");
  const answers = Object.fromEntries((rows[0]!.items as { code: string }[]).map((c) => [c.code, "met"]));
  expect(
    await screenRequest({ actor: who.secretariat, id: saved.id, form: { answers, outcome: "open" } }, deps()),
  ).toEqual({ outcome: "done", to: "open" });
  return saved.id;
}

async function api(path: string, token: string) {
  const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as any;
}

/** What one reader is given of a request, through each door. */
async function readBy(reader: "norway" | "fiji", id: string) {
  const browser = browsers[reader];
  const page = await browser.html(`/en/requests/${id}`);
  const detail = (await api(`/api/v1/requests/${id}`, tokens[reader])).data;
  const listed = (await api("/api/v1/requests?limit=100", tokens[reader])).data.find(
    (item: { id: string }) => item.id === id,
  );
  const csv = await (await browser.request("/en/requests/export/csv")).text();
  const exported = csv.split("\n").find((line) => line.includes(`/requests/${id}`)) ?? "";
  return { page, detail, listed, exported, header: csv.split("\n")[0]! };
}

beforeAll(async () => {
  app = await startTestPlatform();
  await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, state_under_review, recommending_states, text, source, content_hash)
     values ('d-fji-1', 'recommendation', 'upr', 'FJI', '{NOR}', 'Train prison officers on the Nelson Mandela Rules', 'test', 'd-fji-1')`,
  );
  who = {
    fiji: await actorOf(app.database, "fiji@example.org"),
    secretariat: await actorOf(app.database, "secretariat@example.org"),
    committee: await actorOf(app.database, "committee@example.org"),
    norway: await actorOf(app.database, "norway@example.org"),
    thailand: await actorOf(app.database, "thailand@example.org"),
    undp: await actorOf(app.database, "undp@example.org"),
  };
  const orgOf = (actor: Actor) => (actor.kind === "user" ? actor.memberships[0]!.organisationId : "");
  org = { norway: orgOf(who.norway), thailand: orgOf(who.thailand), undp: orgOf(who.undp) };
  const signedIn = async (name: string) => {
    const browser = new Browser(fetcher);
    expect((await browser.signIn(`${name}@example.org`)).status).toBe(302);
    return browser;
  };
  browsers = {
    fiji: await signedIn("fiji"),
    secretariat: await signedIn("secretariat"),
    norway: await signedIn("norway"),
    thailand: await signedIn("thailand"),
  };
  tokens = {
    fiji: await browsers.fiji.issueApiToken("Permanent Mission of the Republic of Fiji", "read"),
    norway: await browsers.norway.issueApiToken("Norwegian Agency for Development Cooperation", "read"),
  };
  forProviders = await openRequest("Training prison officers on the Nelson Mandela Rules", "providers");
  forSecretariat = await openRequest("Ratifying the Optional Protocol, first steps", "secretariat");
});
afterAll(async () => {
  await app.stop();
});

describe("a request's restricted fields", () => {
  it("are withheld from a provider that sees the request, through every door, each named as needing consent", async () => {
    const norway = await readBy("norway", forProviders);
    expect(norway.page.status).toBe(200);
    expect(norway.page.body).toContain("Training prison officers");
    for (const text of [BUDGET_SHOWN, START, "18 months", COUNTERPART]) expect(norway.page.body).not.toContain(text);
    // Budget, desired start, duration and counterparts: each says why it is not shown.
    expect(norway.page.body.split(WITHHELD)).toHaveLength(5);

    expect(norway.detail).toMatchObject({
      title: "Training prison officers on the Nelson Mandela Rules",
      budgetMinor: null,
      budgetCurrency: null,
      desiredStart: null,
      durationMonths: null,
      counterparts: [],
      withheld: ["budget", "schedule", "counterparts"],
    });
    expect(norway.listed).toMatchObject({
      budgetMinor: null,
      budgetCurrency: null,
      desiredStart: null,
      durationMonths: null,
      counterparts: [],
      withheld: ["budget", "schedule", "counterparts"],
    });
    expect(norway.header).toContain("budget_amount,budget_currency,desired_start,duration_months,counterparts");
    expect(norway.exported).toContain("Training prison officers");
    for (const text of [BUDGET_EXPORTED, "FJD", START, COUNTERPART]) expect(norway.exported).not.toContain(text);
    expect(norway.exported).toContain("budget; schedule; counterparts");
  });

  it("are read whole by the State, the secretariat and the advisory committee", async () => {
    const fiji = await readBy("fiji", forProviders);
    for (const text of [BUDGET_SHOWN, START, "18 months", COUNTERPART]) expect(fiji.page.body).toContain(text);
    expect(fiji.page.body).not.toContain(WITHHELD);
    expect(fiji.detail).toMatchObject({
      budgetMinor: 2_500_000,
      budgetCurrency: "FJD",
      desiredStart: START,
      durationMonths: 18,
      counterparts: [COUNTERPART],
      withheld: [],
    });
    expect(fiji.listed).toMatchObject({ budgetMinor: 2_500_000, counterparts: [COUNTERPART], withheld: [] });
    for (const text of [BUDGET_EXPORTED, "FJD", START, COUNTERPART]) expect(fiji.exported).toContain(text);

    const officer = await browsers.secretariat.html(`/en/requests/${forSecretariat}`);
    for (const text of [BUDGET_SHOWN, START, COUNTERPART]) expect(officer.body).toContain(text);
    expect(officer.body).not.toContain(WITHHELD);
    for (const actor of [who.secretariat, who.committee]) {
      const found = await getRequest({ actor, id: forSecretariat }, deps());
      expect(found?.withheld).toEqual([]);
      expect(found?.request.counterparts).toEqual([COUNTERPART]);
    }
  });

  it("are never matched by the list's words, so a search cannot tell a withheld value", async () => {
    const filter = parseRequestFilter(new URLSearchParams({ q: "Zanzibarian" })).filter;
    for (const actor of [who.norway, who.fiji]) expect((await searchRequests({ actor, filter }, deps())).total).toBe(0);
    const byTitle = parseRequestFilter(new URLSearchParams({ q: "Mandela" })).filter;
    expect((await searchRequests({ actor: who.norway, filter: byTitle }, deps())).total).toBe(1);
  });

  it("are read by a provider as far as the State granted them, and no further once revoked", async () => {
    await grantRequestFields(app.database.db, {
      requestId: forProviders,
      organisationId: org.norway,
      fields: ["budget"],
    });
    const granted = await readBy("norway", forProviders);
    expect(granted.page.body).toContain(BUDGET_SHOWN);
    for (const text of [START, "18 months", COUNTERPART]) expect(granted.page.body).not.toContain(text);
    expect(granted.page.body.split(WITHHELD)).toHaveLength(4);
    expect(granted.detail).toMatchObject({
      budgetMinor: 2_500_000,
      budgetCurrency: "FJD",
      desiredStart: null,
      durationMonths: null,
      counterparts: [],
      withheld: ["schedule", "counterparts"],
    });
    expect(granted.listed).toMatchObject({ budgetMinor: 2_500_000, desiredStart: null, counterparts: [] });
    expect(granted.exported).toContain(BUDGET_EXPORTED);
    expect(granted.exported).not.toContain(COUNTERPART);
    expect(granted.exported).toContain("schedule; counterparts");

    // Granted to Norway alone: Thailand, another provider, still reads none.
    const thailand = await browsers.thailand.html(`/en/requests/${forProviders}`);
    expect(thailand.body).not.toContain(BUDGET_SHOWN);
    expect((await getRequest({ actor: who.thailand, id: forProviders }, deps()))?.withheld).toEqual([
      "budget",
      "schedule",
      "counterparts",
    ]);

    await revokeRequestGrant(app.database.db, { requestId: forProviders, organisationId: org.norway });
    const revoked = await readBy("norway", forProviders);
    expect(revoked.page.status).toBe(200);
    for (const text of [BUDGET_SHOWN, START, COUNTERPART]) expect(revoked.page.body).not.toContain(text);
    expect(revoked.detail).toMatchObject({ budgetMinor: null, withheld: ["budget", "schedule", "counterparts"] });
    expect(revoked.listed).toMatchObject({ budgetMinor: null });
    expect(revoked.exported).not.toContain(BUDGET_EXPORTED);
  });

  it("replace the granted list on each grant, and refuse a field that is not restricted", async () => {
    const db = app.database.db;
    await grantRequestFields(db, {
      requestId: forProviders,
      organisationId: org.norway,
      fields: ["budget", "schedule"],
    });
    await grantRequestFields(db, { requestId: forProviders, organisationId: org.norway, fields: ["counterparts"] });
    expect((await getRequest({ actor: who.norway, id: forProviders }, deps()))?.withheld).toEqual([
      "budget",
      "schedule",
    ]);
    await expect(
      grantRequestFields(db, { requestId: forProviders, organisationId: org.norway, fields: ["title"] }),
    ).rejects.toThrow(/title/);
    await revokeRequestGrant(db, { requestId: forProviders, organisationId: org.norway });
    // Revoking what was never granted changes nothing.
    await revokeRequestGrant(db, { requestId: forProviders, organisationId: org.norway });
    expect((await getRequest({ actor: who.norway, id: forProviders }, deps()))?.withheld).toHaveLength(3);
  });

  it("open a secretariat-tier request to the organisation granted, which reads only the granted fields", async () => {
    expect((await browsers.norway.request(`/en/requests/${forSecretariat}`)).status).toBe(404);
    await grantRequestFields(app.database.db, {
      requestId: forSecretariat,
      organisationId: org.norway,
      fields: ["counterparts"],
    });
    const granted = await readBy("norway", forSecretariat);
    expect(granted.page.status).toBe(200);
    expect(granted.page.body).toContain(COUNTERPART);
    expect(granted.page.body).not.toContain(BUDGET_SHOWN);
    expect(granted.page.body).not.toContain(START);
    expect(granted.detail).toMatchObject({
      budgetMinor: null,
      desiredStart: null,
      counterparts: [COUNTERPART],
      withheld: ["budget", "schedule"],
    });
    expect(granted.listed).toMatchObject({ budgetMinor: null, counterparts: [COUNTERPART] });
    expect(granted.exported).toContain(COUNTERPART);
    expect(granted.exported).not.toContain(BUDGET_EXPORTED);
    // Not to Thailand.
    expect((await browsers.thailand.request(`/en/requests/${forSecretariat}`)).status).toBe(404);

    await revokeRequestGrant(app.database.db, { requestId: forSecretariat, organisationId: org.norway });
    expect((await browsers.norway.request(`/en/requests/${forSecretariat}`)).status).toBe(404);
  });

  it("are read by someone in several organisations as the union of their grants, in one list", async () => {
    const db = app.database.db;
    await grantRequestFields(db, { requestId: forProviders, organisationId: org.thailand, fields: ["budget"] });
    await grantRequestFields(db, { requestId: forProviders, organisationId: org.undp, fields: ["counterparts"] });
    await grantRequestFields(db, { requestId: forSecretariat, organisationId: org.undp, fields: [] });
    const both: Actor =
      who.thailand.kind === "user" && who.undp.kind === "user"
        ? { ...who.thailand, memberships: [...who.thailand.memberships, ...who.undp.memberships] }
        : who.thailand;
    const found = await getRequest({ actor: both, id: forProviders }, deps());
    expect(found?.withheld).toEqual(["schedule"]);
    expect(found?.request).toMatchObject({ budgetMinor: 2_500_000, desiredStart: null, counterparts: [COUNTERPART] });

    const list = await searchRequests(
      { actor: both, filter: parseRequestFilter(new URLSearchParams({ limit: "100" })).filter },
      deps(),
    );
    const item = (id: string) => list.items.find((i) => i.id === id);
    expect(item(forProviders)).toMatchObject({ budgetMinor: 2_500_000, durationMonths: null, withheld: ["schedule"] });
    // Granted with no field: the request is shared, none of its restricted fields.
    expect(item(forSecretariat)).toMatchObject({
      budgetMinor: null,
      counterparts: [],
      withheld: ["budget", "schedule", "counterparts"],
    });
    for (const organisationId of [org.thailand, org.undp])
      for (const requestId of [forProviders, forSecretariat])
        await revokeRequestGrant(db, { requestId, organisationId });
  });
});

describe("reading a request for the match workflow", () => {
  it("locks any request by id, visible or not, and answers null for a missing or malformed id", async () => {
    await app.database.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      expect((await lockRequest(db, forSecretariat))?.counterparts).toEqual([COUNTERPART]);
      expect(await lockRequest(db, NOWHERE)).toBeNull();
      expect(await lockRequest(db, "not-an-id")).toBeNull();
    });
  });

  it("gives the whole row only to those the visibility rule lets see the request", async () => {
    const db = app.database.db;
    expect(await visibleRequestRow(db, who.norway, forSecretariat)).toBeNull();
    expect((await visibleRequestRow(db, who.norway, forProviders))?.id).toBe(forProviders);
    expect((await visibleRequestRow(db, who.fiji, forSecretariat))?.budgetMinor).toBe(2_500_000);
    expect(await visibleRequestRow(db, who.fiji, "nope")).toBeNull();
  });
});

describe("reopening a matched request", () => {
  it("takes it back to open for the match workflow, keeps when it first opened, and shows the step in its history", async () => {
    const id = await openRequest("Reopened after a revoked consent", "providers");
    const platform = systemActor("matching");
    const step = (action: "match" | "reopen") =>
      app.database.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        return applyTransition(db, platform, (await lockRequest(db, id))!, action, null);
      });
    const opened = await lockRequest(app.database.db, id);
    expect(await step("match")).toEqual({ outcome: "done", to: "matched" });
    const matched = await lockRequest(app.database.db, id);
    expect(matched?.matchedAt).not.toBeNull();
    expect(await step("reopen")).toEqual({ outcome: "done", to: "open" });
    const reopened = await lockRequest(app.database.db, id);
    expect(reopened).toMatchObject({ state: "open", matchedAt: null, openedAt: opened!.openedAt });
    // Not a step anyone takes directly, nor twice.
    expect(await step("reopen")).toEqual({ outcome: "refused", refusal: "not-from-this-state" });
    expect(await applyTransition(app.database.db, who.fiji, reopened!, "reopen", null)).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });

    const found = await getRequest({ actor: who.fiji, id }, deps());
    expect(found?.events.slice(-2)).toMatchObject([
      { action: "match", toState: "matched" },
      { action: "reopen", toState: "open" },
    ]);
    expect(found?.request.waitingDays).toBe(0);
    const page = await browsers.fiji.html(`/en/requests/${id}`);
    expect(page.body).toContain(en["requests.detail.reopened"]);
    const french = await browsers.fiji.html(`/fr/requests/${id}`);
    expect(french.body).toContain(CATALOGUES.fr["requests.detail.reopened"]);
    const { rows } = await app.database.executeSql(
      "select action from audit_events where subject_id = $1 and action like 'request.%' order by occurred_at",
      [id],
    );
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(["request.match", "request.reopen"]));
  });
});
