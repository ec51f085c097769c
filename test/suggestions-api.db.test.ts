import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshSuggestions } from "../src/modules/matching";
import { requestsSuggestedForOffer } from "../src/modules/matching/http/suggestion-lists";
import { matchingState, matchSuggestions } from "../src/modules/matching/schema";
import { changeOfferStatus, searchOffers } from "../src/modules/offers";
import { parseOfferQuery } from "../src/modules/offers/domain/query";
import type { Actor } from "../src/platform/actor";
import { getIntl } from "../src/platform/i18n/messages";
import { createLogger } from "../src/platform/logger";
import type { ProviderType } from "../src/platform/support-vocabulary";
import { PROVIDER_TYPE_LABEL } from "../src/platform/ui/form-fields";
import { actorOf } from "./support/actors";
import { actorsOf, draftAndOpenRequest, seedPilotMarket, signedInBrowsers } from "./support/market";
import { startTestPlatform } from "./support/platform";
import type { Browser } from "./support/session";

/**
 * The suggestion lists through the API: the same use cases as the pages, so the same lists with
 * the same scores, read with an organisation's token; a provider never reads a request it may not
 * see, and a list the caller may not read does not exist for it.
 */
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({
  db: app.database.db,
  logger: createLogger("silent"),
  statusListeners: app.platform.services.statusListeners,
});
const intl = getIntl("en");
const NOBODY = "00000000-0000-4000-8000-000000000000";

let browsers: Record<"honduras" | "thailand" | "norway" | "secretariat", Browser>;
const tokens = {} as Record<"honduras" | "thailand" | "norway", string>;
let thailand: Actor;
let thaiOffers: { id: string; title: string }[] = [];
let plansOfferId = "";
let hondurasRequestId = "";
/** A request Honduras shows to the secretariat only, on the same subject as Thailand's offer. */
let hiddenRequestId = "";

async function call(path: string, token: string | null, headers: Record<string, string> = {}) {
  const response = await app.request(`/api/v1${path}`, {
    headers: { ...headers, ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
const scoreText = (score: number) =>
  intl.formatMessage(
    { id: "matching.suggestions.score" },
    { score: new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(score) },
  );

/** Each suggestion as the page shows it, in order: the linked record, its title, and the line under it. */
function pageItems(html: string, other: "offers" | "requests") {
  const list = /<ol class="suggestions">([\s\S]*)<\/ol>/.exec(html.replaceAll("<!-- -->", ""))?.[1] ?? "";
  const item = new RegExp(`<h2><a href="/en/${other}/([0-9a-f-]{36})"[^>]*>([^<]*)</a></h2><p>([^<]*)</p>`, "g");
  return [...list.matchAll(item)].map((m) => ({ id: m[1], title: m[2], line: m[3] }));
}

beforeAll(async () => {
  app = await startTestPlatform();
  await seedPilotMarket(app, "sapi", deps());

  const actors = await actorsOf(app.database, {
    honduras: "honduras@example.org",
    secretariat: "secretariat@example.org",
    thailand: "thailand@example.org",
  });
  thailand = actors.thailand;
  hiddenRequestId = await draftAndOpenRequest(app, deps(), {
    owner: actors.honduras,
    secretariat: actors.secretariat,
    recommendations: ["sapi-HND-5"],
    form: {
      title: "Consulta sobre un plan de acción en empresas y derechos humanos",
      summary: "Honduras pide un intercambio sobre su plan de acción nacional en empresas y derechos humanos.",
      language: "es",
      themes: ["uhri:business-and-human-rights"],
      sdgTargets: ["8.7", "8.8"],
      supportKinds: ["peer-exchange"],
      workingLanguages: ["es", "en"],
      visibility: "secretariat",
    },
  });
  await refreshSuggestions(deps());

  const offers = await searchOffers(
    { actor: thailand, query: parseOfferQuery(new URLSearchParams("limit=100")).query },
    deps(),
  );
  thaiOffers = offers.items.filter((o) => o.provider.name.includes("Thailand"));
  plansOfferId = thaiOffers.find((o) => /business/i.test(o.title))!.id;
  const { rows: requests } = await app.database.executeSql(
    "select id from support_requests where title = $1 and state_iso3 = 'HND'",
    ["Plan de acción nacional sobre empresas y derechos humanos"],
  );
  hondurasRequestId = String(requests[0]!.id);

  browsers = await signedInBrowsers(app, {
    honduras: "honduras@example.org",
    thailand: "thailand@example.org",
    norway: "norway@example.org",
    secretariat: "secretariat@example.org",
  });
  tokens.honduras = await browsers.honduras.issueApiToken("Secretaría", "read");
  tokens.thailand = await browsers.thailand.issueApiToken("Thailand", "read");
  tokens.norway = await browsers.norway.issueApiToken("Norwegian", "read");
});
afterAll(async () => {
  await app.stop();
});

describe("GET /api/v1/offers/{id}/suggestions", () => {
  it("lists what the offer's page lists, in the same order, with the same scores", async () => {
    const { status, body } = await call(`/offers/${plansOfferId}/suggestions`, tokens.thailand);
    expect(status).toBe(200);
    const list = body.data;
    expect(list.offer).toMatchObject({ id: plansOfferId, language: "en" });
    expect(list.suggestions.length).toBeGreaterThan(0);
    expect(list.suggestions.length).toBeLessThanOrEqual(10);
    const honduras = list.suggestions.find((s: any) => s.id === hondurasRequestId);
    expect(honduras).toMatchObject({ state: { iso3: "HND", name: "Honduras" }, language: "es" });
    for (const s of list.suggestions) {
      expect(s.weightsVersion).toEqual(expect.any(Number));
      expect(s.score).toBeCloseTo(
        s.reasons.reduce((sum: number, r: { contribution: number }) => sum + r.contribution, 0),
        1,
      );
      for (const reason of s.reasons) expect(Object.keys(reason).sort()).toEqual(["code", "contribution", "items"]);
    }
    const page = await browsers.thailand.html(`/en/offers/${plansOfferId}/suggestions`);
    expect(page.status).toBe(200);
    expect(pageItems(page.body, "requests")).toEqual(
      list.suggestions.map((s: any) => ({
        id: s.id,
        title: escapeHtml(`${s.seq}. ${s.title}`),
        line: escapeHtml(`${s.state.name} · ${scoreText(s.score)}`),
      })),
    );
  });

  it("says when the lists were last brought up to date", async () => {
    const [state] = await app.database.db.select().from(matchingState).where(eq(matchingState.id, 1));
    const { body } = await call(`/offers/${plansOfferId}/suggestions`, tokens.thailand);
    expect(body.data.computedAt).toBe(state!.computedAt.toISOString());
  });

  it("names the States in the caller's language", async () => {
    const { body } = await call(`/offers/${plansOfferId}/suggestions`, tokens.thailand, { "accept-language": "ar" });
    expect(body.data.suggestions.find((s: any) => s.id === hondurasRequestId).state.name).toBe("هندوراس");
  });

  it("never lists a request the provider may not see, though the stored list holds it", async () => {
    const stored = await app.database.db
      .select({ offerId: matchSuggestions.subjectId })
      .from(matchSuggestions)
      .where(sql`${matchSuggestions.side} = 'offer' and ${matchSuggestions.candidateId} = ${hiddenRequestId}`);
    const thaiIds = new Set(thaiOffers.map((o) => o.id));
    expect(stored.some((row) => thaiIds.has(row.offerId))).toBe(true);
    for (const offer of thaiOffers) {
      const { status, body } = await call(`/offers/${offer.id}/suggestions`, tokens.thailand);
      expect(status).toBe(200);
      expect(body.data.suggestions.map((s: any) => s.id)).not.toContain(hiddenRequestId);
      // Every request listed is one the provider reads through the requests API too.
      for (const s of body.data.suggestions)
        expect((await call(`/requests/${s.id}`, tokens.thailand)).status).toBe(200);
    }
    expect((await call(`/requests/${hiddenRequestId}`, tokens.thailand)).status).toBe(404);
  });

  it("lets the secretariat's officer read every list, hidden requests included, on the pages", async () => {
    const officer = await actorOf(app.database, "secretariat@example.org");
    for (const row of await app.database.db
      .select({ offerId: matchSuggestions.subjectId })
      .from(matchSuggestions)
      .where(sql`${matchSuggestions.side} = 'offer' and ${matchSuggestions.candidateId} = ${hiddenRequestId}`)) {
      const found = await requestsSuggestedForOffer({ actor: officer, offerId: row.offerId, locale: "en" }, deps());
      expect(found!.suggestions.map((s) => s.id)).toContain(hiddenRequestId);
      const page = await browsers.secretariat.html(`/en/offers/${row.offerId}/suggestions`);
      expect(pageItems(page.body, "requests").map((s) => s.id)).toEqual(found!.suggestions.map((s) => s.id));
    }
  });
});

describe("GET /api/v1/requests/{id}/suggestions", () => {
  it("lists what the request's page lists, in the same order, with the same scores", async () => {
    const { status, body } = await call(`/requests/${hondurasRequestId}/suggestions`, tokens.honduras);
    expect(status).toBe(200);
    const list = body.data;
    expect(list.request).toMatchObject({ id: hondurasRequestId, seq: expect.any(Number), language: "es" });
    expect(list.computedAt).toEqual(expect.any(String));
    expect(list.suggestions.length).toBeGreaterThan(0);
    expect(list.suggestions.map((s: any) => s.provider.name)).toContainEqual(expect.stringContaining("Thailand"));
    for (const s of list.suggestions) {
      expect(s).toMatchObject({
        provider: { id: expect.any(String), name: expect.any(String) },
        capacityLeft: expect.any(Number),
        weightsVersion: expect.any(Number),
      });
      expect(s.capacityLeft).toBeGreaterThan(0);
    }
    const page = await browsers.honduras.html(`/en/requests/${hondurasRequestId}/suggestions`);
    expect(page.status).toBe(200);
    const type = (t: ProviderType | null) => (t ? ` (${intl.formatMessage({ id: PROVIDER_TYPE_LABEL[t] })})` : "");
    expect(pageItems(page.body, "offers")).toEqual(
      list.suggestions.map((s: any) => ({
        id: s.id,
        title: escapeHtml(s.title),
        line: escapeHtml(`${s.provider.name}${type(s.provider.type)} · ${scoreText(s.score)}`),
      })),
    );
  });

  it("reads the State's own hidden request to the State", async () => {
    const { status, body } = await call(`/requests/${hiddenRequestId}/suggestions`, tokens.honduras);
    expect(status).toBe(200);
    expect(body.data.request.id).toBe(hiddenRequestId);
  });
});

describe("who reads a list", () => {
  it("answers other organisations as if the record did not exist, as the pages do", async () => {
    const unknownOffer = await call(`/offers/${NOBODY}/suggestions`, tokens.thailand);
    expect(unknownOffer.status).toBe(404);
    expect(unknownOffer.body).toEqual({
      error: { code: "not_found", message: "No offer with this id is visible to you." },
    });
    const unknownRequest = await call(`/requests/${NOBODY}/suggestions`, tokens.honduras);
    expect(unknownRequest.status).toBe(404);
    expect(unknownRequest.body).toEqual({
      error: { code: "not_found", message: "No request with this id is visible to you." },
    });
    // Seen but not theirs (a public offer, a public request), or not seen at all: the same answer.
    const answer = async (path: string, token: string) => {
      const { status, body } = await call(path, token);
      return { status, body };
    };
    const offerAnswer = { status: 404, body: unknownOffer.body };
    const requestAnswer = { status: 404, body: unknownRequest.body };
    expect(await answer(`/offers/${plansOfferId}/suggestions`, tokens.norway)).toEqual(offerAnswer);
    expect(await answer(`/offers/${plansOfferId}/suggestions`, tokens.honduras)).toEqual(offerAnswer);
    expect(await answer(`/requests/${hondurasRequestId}/suggestions`, tokens.thailand)).toEqual(requestAnswer);
    expect(await answer(`/requests/${hiddenRequestId}/suggestions`, tokens.thailand)).toEqual(requestAnswer);
    expect(await answer("/offers/not-an-id/suggestions", tokens.thailand)).toEqual(offerAnswer);
    expect(await answer("/requests/not-an-id/suggestions", tokens.honduras)).toEqual(requestAnswer);
    // The pages answer the same readers the same way.
    expect((await browsers.norway.html(`/en/offers/${plansOfferId}/suggestions`)).status).toBe(404);
    expect((await browsers.thailand.html(`/en/requests/${hondurasRequestId}/suggestions`)).status).toBe(404);
    expect((await browsers.thailand.html("/en/offers/not-an-id/suggestions")).status).toBe(404);
    expect((await browsers.honduras.html("/en/requests/not-an-id/suggestions")).status).toBe(404);
  });

  it("asks for a token, whatever the id, where the pages ask a visitor to sign in", async () => {
    const anonymous = await call(`/offers/${plansOfferId}/suggestions`, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect(anonymous.body.error.code).toBe("token_required");
    expect((await call(`/offers/${NOBODY}/suggestions`, null)).body).toEqual(anonymous.body);
    expect((await call(`/requests/${hondurasRequestId}/suggestions`, null)).body).toEqual(anonymous.body);
    expect((await call(`/requests/${NOBODY}/suggestions`, null)).body).toEqual(anonymous.body);
    const page = await app.request(`/en/offers/${plansOfferId}/suggestions`, { redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toContain("/en/sign-in");
    const revoked = await call(`/offers/${plansOfferId}/suggestions`, "item10_not-a-token");
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("invalid_token");
  });
});

describe("the rules on read", () => {
  it("drops a closed offer from every list at once, before the next refresh", async () => {
    const before = await call(`/requests/${hondurasRequestId}/suggestions`, tokens.honduras);
    const offer = before.body.data.suggestions.find((s: any) => thaiOffers.some((o) => o.id === s.id));
    expect(offer).toBeDefined();
    expect((await changeOfferStatus({ actor: thailand, offerId: offer.id, status: "closed" }, deps())).outcome).toBe(
      "changed",
    );
    const after = await call(`/requests/${hondurasRequestId}/suggestions`, tokens.honduras);
    expect(after.body.data.suggestions.map((s: any) => s.id)).toEqual(
      before.body.data.suggestions.filter((s: any) => s.id !== offer.id).map((s: any) => s.id),
    );
    // Its own list stays readable to its provider, and lists nothing while it is closed.
    const own = await call(`/offers/${offer.id}/suggestions`, tokens.thailand);
    expect(own).toMatchObject({ status: 200, body: { data: { suggestions: [] } } });
  });
});

describe("the OpenAPI document", () => {
  it("describes both lists", async () => {
    const { body } = await call("/openapi.json", null);
    expect(body.paths["/requests/{id}/suggestions"].get.responses["200"]).toBeDefined();
    expect(body.paths["/offers/{id}/suggestions"].get.responses["404"]).toBeDefined();
    expect(body.components.schemas.SuggestedOffers).toBeDefined();
    expect(body.components.schemas.SuggestedRequests).toBeDefined();
    expect(body.components.schemas.SuggestionReason.required).toEqual(["code", "contribution", "items"]);
  });
});
