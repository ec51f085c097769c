import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOffer } from "../src/modules/offers";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { draftAndOpenRequest, hondurasThailandMarket, signedInBrowsers } from "./support/market";
import { startTestPlatform } from "./support/platform";
import type { Browser } from "./support/session";

/**
 * The match pages as people use them, signed in, without script: a Thai provider proposes from
 * the proposal page (with the score's reasons), Honduras reads the consent screen (every
 * restricted field with its value, all ticked), consents to a part, the provider reads that part
 * on the request's page, Honduras revokes on the match's page, and the provider reads it no more.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
const en = CATALOGUES.en;
const html = (text: string) => text.replaceAll("'", "&#x27;");

const BUDGET = "40,000.00";
const COUNTERPART = "Comisionado Nacional de los Derechos Humanos";
const START = "2027-02-01";

let requestId = "";
let offerId = "";
let matchId = "";
let browsers: Record<"honduras" | "thailand" | "norway", Browser>;

beforeAll(async () => {
  app = await startTestPlatform();
  const { honduras, thailand, secretariat } = await hondurasThailandMarket(app.database, "mp-hnd-1");
  requestId = await draftAndOpenRequest(app, deps(), {
    owner: honduras,
    secretariat,
    recommendations: ["mp-hnd-1"],
    form: {
      title: "Plan de acción nacional sobre empresas y derechos humanos",
      summary: "Honduras solicita apoyo para su plan de acción nacional.",
      language: "es",
      themes: ["uhri:business-and-human-rights"],
      supportKinds: ["peer-exchange"],
      workingLanguages: ["es", "en"],
      budgetAmount: "40000",
      budgetCurrency: "USD",
      desiredStart: START,
      durationMonths: "12",
      counterparts: [COUNTERPART],
      visibility: "public",
    },
  });
  const offer = await publishOffer(
    {
      actor: thailand,
      form: {
        title: "National action plans on business and human rights",
        description: "Thailand shares how it drafted its national action plan.",
        themes: ["uhri:business-and-human-rights"],
        supportKinds: ["peer-exchange"],
        workingLanguages: ["en"],
        capacity: "2",
        visibility: "public",
      },
    },
    deps(),
  );
  if (offer.outcome !== "created") throw new Error("no offer");
  offerId = offer.offerId;
  browsers = await signedInBrowsers(app, {
    honduras: "honduras@example.org",
    thailand: "thailand@example.org",
    norway: "norway@example.org",
  });
});
afterAll(async () => {
  await app.stop();
});

describe("the match pages", () => {
  it("lets the provider propose from the proposal page, which shows both sides and the reasons", async () => {
    const path = `/en/matches/new?request=${requestId}&offer=${offerId}`;
    const page = await browsers.thailand.html(path);
    expect(page.status).toBe(200);
    expect(page.body).toContain(en["matching.reason.theme"]);
    expect(page.body).toContain(html(en["matches.new.asProvider"]));
    expect(page.body).toContain("Plan de acción nacional");
    // The proposal page shows the public part only: nothing restricted.
    expect(page.body).not.toContain(COUNTERPART);
    expect((await browsers.norway.html(path)).body).toContain(html(en["matches.error.notAParty"]));

    const response = await browsers.thailand.submit(path, { message: "Glad to share our experience." });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    matchId = /\/en\/matches\/([0-9a-f-]{36})$/.exec(location)?.[1] ?? "";
    expect(matchId).not.toBe("");
    const after = await browsers.thailand.html(location);
    expect(after.body).toContain(html(en["matches.flash.proposed"]));
    expect(after.body).toContain(html(en["matches.state.accepted"]));
    // Proposing again answers with the match under way.
    expect((await browsers.thailand.html(path)).body).toContain(en["matches.new.seeExisting"]);
  });

  it("lists the match for both sides, and to nobody else", async () => {
    expect((await browsers.honduras.html("/en/matches")).body).toContain(`/en/matches/${matchId}`);
    expect((await browsers.thailand.html("/en/matches?state=accepted")).body).toContain(`/en/matches/${matchId}`);
    expect((await browsers.thailand.html("/en/matches?state=closed")).body).not.toContain(`/en/matches/${matchId}`);
    expect((await browsers.norway.html("/en/matches")).body).not.toContain(`/en/matches/${matchId}`);
    expect((await browsers.norway.html(`/en/matches/${matchId}`)).status).toBe(404);
    // The consent screen is the State's alone.
    expect((await browsers.thailand.html(`/en/matches/${matchId}/consent`)).status).toBe(404);
  });

  it("shows Honduras exactly what it would share, all ticked, and that consent can be revoked", async () => {
    const matchPage = await browsers.honduras.html(`/en/matches/${matchId}`);
    expect(matchPage.body).toContain(`/en/matches/${matchId}/consent`);
    const page = await browsers.honduras.html(`/en/matches/${matchId}/consent`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(BUDGET);
    expect(page.body).toContain(START);
    expect(page.body).toContain(COUNTERPART);
    expect(page.body).toContain(html(en["matches.consent.revocable"]));
    const boxes = [...page.body.matchAll(/<input type="checkbox"[^>]*name="scope"[^>]*>/g)].map((m) => m[0]);
    expect(boxes).toHaveLength(3);
    expect(boxes.every((box) => box.includes("checked"))).toBe(true);
    // The same screen reads right to left in Arabic.
    const arabic = await browsers.honduras.html(`/ar/matches/${matchId}/consent`);
    expect(arabic.status).toBe(200);
    expect(arabic.body).toContain('dir="rtl"');
  });

  it("records the consent to the ticked fields; the provider then reads those on the request's page", async () => {
    const response = await browsers.honduras.submit(
      `/en/matches/${matchId}/consent`,
      [["scope", "budget"]],
      `/en/matches/${matchId}/consent`,
    );
    expect(response.status).toBe(302);
    const after = await browsers.honduras.html(response.headers.get("location")!);
    expect(after.body).toContain(html(en["matches.flash.consented"]));
    expect(after.body).toContain(en["matches.action.revoke"]);
    const request = await browsers.thailand.html(`/en/requests/${requestId}`);
    expect(request.body).toContain(BUDGET);
    expect(request.body).not.toContain(COUNTERPART);
    expect(request.body).toContain(html(en["requests.fact.withheld"]));
  });

  it("ends the match when Honduras revokes; the provider no longer reads the budget", async () => {
    const response = await browsers.honduras.submit(`/en/matches/${matchId}`, { intent: "revoke", reason: "" });
    expect(response.status).toBe(302);
    const after = await browsers.honduras.html(response.headers.get("location")!);
    expect(after.body).toContain(html(en["matches.flash.revoked"]));
    expect(after.body).toContain(html(en["matches.state.revoked"]));
    const request = await browsers.thailand.html(`/en/requests/${requestId}`);
    expect(request.body).not.toContain(BUDGET);
    const notices = await browsers.thailand.html("/en/notifications");
    expect(notices.body).toContain(`/en/matches/${matchId}`);
  });

  it("asks for a reason to decline, and refuses a step the reader may not take", async () => {
    const path = `/en/matches/new?request=${requestId}&offer=${offerId}`;
    const proposed = await browsers.thailand.submit(path, { message: "" });
    const id = /\/en\/matches\/([0-9a-f-]{36})$/.exec(proposed.headers.get("location") ?? "")?.[1] ?? "";
    const missing = await browsers.honduras.submit(`/en/matches/${id}`, { intent: "decline", reason: " " });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain(en["matches.error.reasonRequired"]);
    expect((await browsers.thailand.submit(`/en/matches/${id}`, { intent: "revoke" })).status).toBe(403);
    const declined = await browsers.honduras.submit(`/en/matches/${id}`, {
      intent: "decline",
      reason: "Another partner answered first.",
    });
    expect(declined.status).toBe(302);
  });
});

describe("the matches API", () => {
  const call = async (token: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await app.request(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("takes the same steps as the pages, for read-write tokens of the parties", async () => {
    const thailand = await browsers.thailand.issueApiToken("Thailand", "read-write");
    const thailandRead = await browsers.thailand.issueApiToken("Thailand", "read", "Read only");
    const honduras = await browsers.honduras.issueApiToken("Secretaría", "read-write");
    const norway = await browsers.norway.issueApiToken("Norwegian", "read-write");

    expect((await call(thailandRead, "/matches", { method: "POST", body: { requestId, offerId } })).status).toBe(403);
    expect((await call(norway, "/matches", { method: "POST", body: { requestId, offerId } })).body.error.code).toBe(
      "not_a_party",
    );
    const proposed = await call(thailand, "/matches", { method: "POST", body: { requestId, offerId } });
    expect(proposed.status).toBe(201);
    expect(proposed.body.data).toMatchObject({ state: "accepted", proposedBy: "provider" });
    const id = proposed.body.data.id as string;
    expect((await call(norway, `/matches/${id}`)).status).toBe(404);
    // A read-only token reads its organisation's match, and may not act on it.
    expect((await call(thailandRead, `/matches/${id}`)).body.data.actions).toEqual([]);

    expect((await call(honduras, `/matches/${id}/actions/consent`, { method: "POST", body: {} })).status).toBe(400);
    expect(
      (await call(honduras, `/matches/${id}/actions/consent`, { method: "POST", body: { scope: ["salary"] } })).status,
    ).toBe(400);
    expect(
      (await call(thailand, `/matches/${id}/actions/consent`, { method: "POST", body: { scope: [] } })).body.error.code,
    ).toBe("not_for_this_party");
    const consented = await call(honduras, `/matches/${id}/actions/consent`, {
      method: "POST",
      body: { scope: ["counterparts"] },
    });
    expect(consented).toMatchObject({ status: 200, body: { data: { state: "consented" } } });
    const read = await call(thailand, `/requests/${requestId}`);
    expect(read.body.data.counterparts).toEqual([COUNTERPART]);
    expect(read.body.data.budgetMinor).toBeNull();

    const listed = await call(honduras, "/matches?state=consented");
    expect(listed.body.data.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await call(honduras, "/matches?state=married")).status).toBe(400);
    expect((await call(honduras, `/matches/${id}/actions/elope`, { method: "POST" })).status).toBe(404);

    expect(
      (await call(honduras, `/matches/${id}/actions/revoke`, { method: "POST", body: { reason: "Postponed" } })).body,
    ).toEqual({ data: { state: "revoked" } });
    expect((await call(thailand, `/requests/${requestId}`)).body.data.counterparts).toEqual([]);
  });
});
