import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { auditEvents } from "../../../platform/audit/schema";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { offers } from "../schema";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const WOMEN = "uhri:violence-against-women";

const idIn = (location: string | null) => /\/offers\/([0-9a-f-]{36})$/.exec(location ?? "")?.[1];

beforeAll(async () => {
  app = await startTestPlatform();
});
afterAll(async () => {
  await app.stop();
});

describe("the offer pages", () => {
  const norway = new Browser(fetcher);
  let offerId: string;

  beforeAll(async () => {
    expect((await norway.signIn("norway@example.org")).status).toBe(302);
  });

  it("lets a provider publish an offer, says so, and shows it to whoever its tier allows", async () => {
    const list = await norway.html("/en/offers");
    expect(list.body).toContain('href="/en/offers/new"');
    const bad = await norway.submit("/en/offers/new", [
      ["title", ""],
      ["capacity", "0"],
    ]);
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('href="#title"');
    expect(page).toContain('href="#capacity"');

    const created = await norway.submit("/en/offers/new", [
      ["title", "Peer exchange for judges on violence against women"],
      ["description", "Two weeks with Norwegian judges.\n\nIn Oslo or online."],
      ["language", "en"],
      ["supportKinds", "training"],
      ["supportKinds", "peer-exchange"],
      ["themes", WOMEN],
      ["sdgTargets", "5.2"],
      ["workingLanguages", "en"],
      ["workingLanguages", "fr"],
      ["eligibleGroups", "asia-pacific"],
      ["eligibleStatuses", "sids"],
      ["eligibleStates", "HND"],
      ["capacity", "3"],
      ["contributionAmount", "25,000"],
      ["contributionCurrency", "EUR"],
      ["validFrom", "2026-01-01"],
      ["validUntil", "2027-12-31"],
      ["visibility", "public"],
    ]);
    expect(created.status).toBe(302);
    offerId = idIn(created.headers.get("location"))!;
    expect(offerId).toBeTruthy();
    const detail = await norway.html(`/en/offers/${offerId}`);
    expect(detail.body).toContain(CATALOGUES.en["offers.flash.published"]);
    expect(detail.body).toContain('<h1 lang="en">Peer exchange for judges on violence against women</h1>');
    expect(detail.body).toContain("Norwegian Agency for Development Cooperation");
    expect(detail.body).toContain(CATALOGUES.en["providerType.state-western-european-other"]);
    expect(detail.body).toContain("€25,000.00");
    expect(detail.body).toContain("Honduras");

    const anonymous = new Browser(fetcher);
    const listed = await anonymous.html("/en/offers?kind=training");
    expect(listed.body).toContain(`href="/en/offers/${offerId}"`);
    expect(listed.body).toContain("3 engagements left of 3");
    expect(listed.body).not.toContain('href="/en/offers/new"');
    const french = await anonymous.html("/fr/offers");
    expect(french.body).toContain(CATALOGUES.fr["offers.title"]);
    expect((await anonymous.html(`/en/offers/${offerId}`)).body).not.toContain(CATALOGUES.en["offers.manage"]);
  });

  it("lets its owner edit it, with the form filled in, and nobody else", async () => {
    const form = await norway.html(`/en/offers/${offerId}/edit`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('value="Peer exchange for judges on violence against women"');
    expect(form.body).toMatch(/<input(?=[^>]*value="HND")(?=[^>]*checked)[^>]*>/);
    const saved = await norway.submit(
      `/en/offers/${offerId}/edit`,
      [
        ["title", "Peer exchange for judges"],
        ["themes", WOMEN],
        ["supportKinds", "peer-exchange"],
        ["capacity", "2"],
        ["visibility", "public"],
      ],
      `/en/offers/${offerId}/edit`,
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/en/offers/${offerId}`);
    const detail = await norway.html(`/en/offers/${offerId}`);
    expect(detail.body).toContain(CATALOGUES.en["offers.flash.saved"]);
    expect(detail.body).toContain("Peer exchange for judges</h1>");

    const undp = new Browser(fetcher);
    await undp.signIn("undp@example.org");
    expect((await undp.request(`/en/offers/${offerId}/edit`)).status).toBe(403);
    expect((await new Browser(fetcher).request(`/en/offers/${offerId}/edit`)).status).toBe(303);
    const refused = await undp.submit(`/en/offers/${offerId}`, [["status", "closed"]]);
    expect(refused.status).toBe(403);
  });

  it("lets its owner pause and reopen it with the buttons on its page", async () => {
    const detail = await norway.html(`/en/offers/${offerId}`);
    expect(detail.body).toContain(CATALOGUES.en["offers.action.pause"]);
    const paused = await norway.submit(`/en/offers/${offerId}`, [["status", "paused"]]);
    expect(paused.status).toBe(302);
    const after = await norway.html(`/en/offers/${offerId}`);
    expect(after.body).toContain(CATALOGUES.en["offers.flash.paused"]);
    expect(after.body).toContain(CATALOGUES.en["offers.action.reopen"]);
    expect(after.body).not.toContain(CATALOGUES.en["offers.action.pause"]);
    const [row] = await app.database.db.select().from(offers).where(eq(offers.id, offerId));
    expect(row?.status).toBe("paused");
    const audit = await app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, offerId))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit[0]).toMatchObject({
      action: "offer.status",
      actorKind: "user",
      changes: { status: ["open", "paused"] },
    });
  });

  it("answers 404 to whoever may not see an offer", async () => {
    const created = await norway.submit("/en/offers/new", [
      ["title", "Prison monitoring, first thoughts"],
      ["visibility", "private"],
    ]);
    const privateId = idIn(created.headers.get("location"))!;
    expect((await norway.request(`/en/offers/${privateId}`)).status).toBe(200);
    const fiji = new Browser(fetcher);
    await fiji.signIn("fiji@example.org");
    expect((await fiji.request(`/en/offers/${privateId}`)).status).toBe(404);
    expect((await fiji.request(`/en/offers/${privateId}/edit`)).status).toBe(404);
    expect((await new Browser(fetcher).request(`/en/offers/${privateId}`)).status).toBe(404);
    expect((await fiji.html("/en/offers")).body).not.toContain(privateId);
  });
});

describe("the offers API", () => {
  const tokens: Record<string, string> = {};
  const call = (method: string, path: string, token?: string, body?: unknown, language = "en") =>
    app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        "accept-language": language,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Issues a token through the page a focal point uses. */
  async function issueToken(email: string, organisation: string, scope: "read" | "read-write") {
    const focal = new Browser(fetcher);
    await focal.signIn(email);
    return focal.issueApiToken(organisation, scope);
  }

  beforeAll(async () => {
    tokens.norway = await issueToken("norway@example.org", "Norwegian Agency", "read-write");
    tokens.norwayRead = await issueToken("norway@example.org", "Norwegian Agency", "read");
    tokens.undp = await issueToken("undp@example.org", "United Nations Development Programme", "read-write");
  });

  it("publishes and replaces an offer with the owner's read-write token, and refuses others", async () => {
    const created = await call("POST", "/api/v1/offers", tokens.norway, {
      title: "Data and indicators for SDG 16",
      themes: [WOMEN],
      sdgTargets: ["16.3"],
      supportKinds: ["data-indicators"],
      capacity: 4,
      contributionAmount: 1500.5,
      contributionCurrency: "usd",
      visibility: "providers",
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as any;
    expect(data).toMatchObject({
      title: "Data and indicators for SDG 16",
      provider: { name: "Norwegian Agency for Development Cooperation", type: "state-western-european-other" },
      capacity: 4,
      contribution: { amountMinor: 150_050, currency: "USD" },
      visibility: "providers",
      status: "open",
    });
    expect(data.canEdit).toBeUndefined();
    const [audit] = await app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, data.id));
    expect(audit).toMatchObject({ action: "offer.create", actorKind: "token" });

    const replaced = await call("PUT", `/api/v1/offers/${data.id}`, tokens.norway, {
      title: "Data and indicators",
      status: "paused",
      visibility: "providers",
    });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as any).data).toMatchObject({ title: "Data and indicators", status: "paused" });

    expect((await call("PUT", `/api/v1/offers/${data.id}`, tokens.undp, { title: "Ours now" })).status).toBe(403);
    const readOnly = await call("POST", "/api/v1/offers", tokens.norwayRead, { title: "x" });
    expect(readOnly.status).toBe(403);
    expect(((await readOnly.json()) as any).error.code).toBe("read_only");
    expect((await call("POST", "/api/v1/offers", undefined, { title: "x" })).status).toBe(403);
    expect(
      (await call("PUT", "/api/v1/offers/00000000-0000-4000-8000-000000000000", tokens.norway, { title: "x" })).status,
    ).toBe(404);
  });

  it("names each wrong field in the caller's language", async () => {
    const response = await call(
      "POST",
      "/api/v1/offers",
      tokens.norway,
      { title: "", eligibleStates: ["XYZ"], validFrom: "2026-02-30" },
      "fr",
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as any;
    expect(error.code).toBe("invalid_fields");
    expect(Object.keys(error.fields).sort()).toEqual(["eligibleStates", "title", "validFrom"]);
    expect(error.fields.eligibleStates).toBe("XYZ n’est pas le code ISO d’un État.");
    expect(error.fields.title).toBe("Saisissez un titre de 200 caractères au plus.");
    expect((await call("POST", "/api/v1/offers", tokens.norway, "not json")).status).toBe(400);
  });

  it("lists and shows only what the caller may see", async () => {
    const privateOffer = await call("POST", "/api/v1/offers", tokens.norway, {
      title: "Internal planning offer",
      visibility: "private",
    });
    const { data } = (await privateOffer.json()) as any;
    const anonymous = (await (await call("GET", "/api/v1/offers?limit=100")).json()) as any;
    expect(anonymous.data.every((o: { visibility: string }) => o.visibility === "public")).toBe(true);
    expect(anonymous.meta).toMatchObject({ limit: 100, offset: 0 });
    expect(anonymous.meta.total).toBe(anonymous.data.length);
    expect((await call("GET", `/api/v1/offers/${data.id}`)).status).toBe(404);
    expect((await call("GET", `/api/v1/offers/${data.id}`, tokens.undp)).status).toBe(404);
    expect((await call("GET", `/api/v1/offers/${data.id}`, tokens.norwayRead)).status).toBe(200);
    const owner = (await (await call("GET", "/api/v1/offers?q=internal planning", tokens.norwayRead)).json()) as any;
    expect(owner.data.map((o: { id: string }) => o.id)).toEqual([data.id]);
    const bad = await call("GET", "/api/v1/offers?kind=advice&limit=500");
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as any).error.fields)).toEqual(["kind", "limit"]);
  });

  it("is described in the OpenAPI document", async () => {
    const document = (await (await call("GET", "/api/v1/openapi.json")).json()) as any;
    expect(Object.keys(document.paths["/offers"])).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/offers/{id}"])).toEqual(["get", "put"]);
    expect(document.components.schemas.Offer).toBeDefined();
  });
});
