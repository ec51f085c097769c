import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { screenRequest } from "../use-cases/screening";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const tokens: Record<"fiji" | "fijiRead" | "honduras", string> = { fiji: "", fijiRead: "", honduras: "" };
const NOWHERE = "00000000-0000-4000-8000-000000000000";

/** Calls the API as a program does: a bearer token, JSON in and out, the caller's language. */
async function call(method: string, path: string, token?: string, body?: unknown, language = "en") {
  const response = await app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      "accept-language": language,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

/** Issues a token through the page a focal point uses. */
async function issueToken(email: string, organisation: string, scope: "read" | "read-write") {
  const focal = new Browser(fetcher);
  await focal.signIn(email);
  return focal.issueApiToken(organisation, scope);
}

const DRAFT = {
  title: "A national mechanism for implementation, reporting and follow-up",
  summary: "Fiji asks for peer exchange to set up its NMIRF and a tracking database.",
  supportKinds: ["peer-exchange"],
  themes: ["uhri:national-human-rights-institution-nhri"],
  sdgTargets: ["16.a"],
  budgetAmount: "25000.50",
  budgetCurrency: "fjd",
  counterparts: ["Ministry of Justice"],
  visibility: "public",
};

/** The secretariat's decision, as the screening page records it (the API has no screening). */
async function screen(id: string, outcome: "open" | "return", comment = "") {
  const officer = await actorOf(app.database, "secretariat@example.org");
  const {
    rows: [criteria],
  } = await app.database.executeSql("select items from screening_criteria order by version desc limit 1");
  const answers = Object.fromEntries((criteria!.items as { code: string }[]).map((c) => [c.code, "met"]));
  const result = await screenRequest(
    { actor: officer, id, form: { answers, outcome, comment } },
    { db: app.database.db },
  );
  expect(result).toEqual({ outcome: "done", to: outcome === "open" ? "open" : "returned" });
}

beforeAll(async () => {
  app = await startTestPlatform();
  await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, state_under_review, recommending_states, text, source, content_hash)
     values ('a-fji-1', 'recommendation', 'upr', 'FJI', '{NOR}', 'Establish a national mechanism for implementation, reporting and follow-up', 'test', 'a-fji-1'),
            ('a-fji-2', 'recommendation', 'upr', 'FJI', '{NOR}', 'Strengthen the national human rights institution', 'test', 'a-fji-2'),
            ('a-hnd-1', 'recommendation', 'upr', 'HND', '{NOR}', 'Strengthen the national human rights institution', 'test', 'a-hnd-1')`,
  );
  tokens.fiji = await issueToken("fiji@example.org", "Permanent Mission of the Republic of Fiji", "read-write");
  tokens.fijiRead = await issueToken("fiji@example.org", "Permanent Mission of the Republic of Fiji", "read");
  tokens.honduras = await issueToken("honduras@example.org", "Secretaría de Estado", "read-write");
});
afterAll(async () => {
  await app.stop();
});

describe("the requests API, for the State that writes", () => {
  let id = "";

  it("drafts a request with Fiji's read-write token, the recommendations linked by key", async () => {
    const created = await call("POST", "/api/v1/requests", tokens.fiji, {
      ...DRAFT,
      recommendations: ["a-fji-1", "a-fji-2"],
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json)).toEqual(["data"]);
    expect(created.json.data).toMatchObject({
      title: DRAFT.title,
      state: "draft",
      stateIso3: "FJI",
      shownAs: "private",
      visibility: "public",
      budgetMinor: 2_500_050,
      budgetCurrency: "FJD",
      sdgTargets: ["16.a"],
      counterparts: ["Ministry of Justice"],
      actions: expect.arrayContaining(["submit", "withdraw"]),
    });
    expect(created.json.data.recommendations.map((r: { key: string }) => r.key).sort()).toEqual(["a-fji-1", "a-fji-2"]);
    // The internal full-text column and the author stay on the server.
    expect(created.json.data.search).toBeUndefined();
    expect(created.json.data.createdBy).toBeUndefined();
    id = created.json.data.id;

    // Its own read token reads the draft; nobody else finds it.
    expect((await call("GET", `/api/v1/requests/${id}`, tokens.fijiRead)).status).toBe(200);
    expect((await call("GET", `/api/v1/requests/${id}`)).status).toBe(404);
    expect((await call("GET", `/api/v1/requests/${id}`, tokens.honduras)).status).toBe(404);
  });

  it("names each wrong field in the caller's language, and refuses another State's recommendation", async () => {
    const french = await call(
      "POST",
      "/api/v1/requests",
      tokens.fiji,
      { title: " ", budgetAmount: "10", budgetCurrency: "XYZ", sdgTargets: ["18.1"], visibility: "everyone" },
      "fr",
    );
    expect(french.status).toBe(400);
    expect(Object.keys(french.json.error.fields).sort()).toEqual([
      "budgetCurrency",
      "sdgTargets",
      "title",
      "visibility",
    ]);
    expect(french.json.error.fields.title).toBe(CATALOGUES.fr["requests.error.titleRequired"]);
    expect(french.json.error.fields.budgetCurrency).toBe(CATALOGUES.fr["requests.error.budgetCurrency"]);
    expect(french.json.error.fields.sdgTargets).toBe(
      CATALOGUES.fr["requests.error.sdgTargets"].replace("{value}", "18.1"),
    );
    const spanish = await call("POST", "/api/v1/requests", tokens.fiji, { summary: "x" }, "es-HN,es;q=0.9");
    expect(spanish.json.error.fields.title).toBe(CATALOGUES.es["requests.error.titleRequired"]);

    expect((await call("POST", "/api/v1/requests", tokens.fiji, "not json")).status).toBe(400);
    expect((await call("POST", "/api/v1/requests", tokens.fiji, ["a list"])).status).toBe(400);

    const before = await call("GET", "/api/v1/requests?limit=100", tokens.fijiRead);
    const foreign = await call("POST", "/api/v1/requests", tokens.fiji, { ...DRAFT, recommendations: ["a-hnd-1"] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields.recommendations).toBe("Recommendation a-hnd-1 was addressed to another State");
    const unknown = await call("PUT", `/api/v1/requests/${id}`, tokens.fiji, { ...DRAFT, recommendations: ["nope"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.recommendations).toBe("No recommendation has the reference nope");
    // A refused request changes nothing: no stray draft, and the links kept.
    expect((await call("GET", "/api/v1/requests?limit=100", tokens.fijiRead)).json.meta.total).toBe(
      before.json.meta.total,
    );
    const kept = await call("GET", `/api/v1/requests/${id}`, tokens.fiji);
    expect(kept.json.data.recommendations).toHaveLength(2);
  });

  it("replaces a draft with PUT, the recommendations list included", async () => {
    const replaced = await call("PUT", `/api/v1/requests/${id}`, tokens.fiji, {
      ...DRAFT,
      title: "An NMIRF for Fiji",
      recommendations: ["a-fji-2"],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.data.title).toBe("An NMIRF for Fiji");
    expect(replaced.json.data.recommendations.map((r: { key: string }) => r.key)).toEqual(["a-fji-2"]);
  });

  it("keeps other States and read-only tokens out", async () => {
    const readOnly = await call("PUT", `/api/v1/requests/${id}`, tokens.fijiRead, DRAFT);
    expect(readOnly.status).toBe(403);
    expect(readOnly.json.error.code).toBe("read_only");
    expect((await call("POST", "/api/v1/requests", tokens.fijiRead, DRAFT)).json.error.code).toBe("read_only");
    expect((await call("POST", `/api/v1/requests/${id}/actions/submit`, tokens.fijiRead)).status).toBe(403);
    expect((await call("POST", "/api/v1/requests", undefined, DRAFT)).status).toBe(403);
    // Honduras does not learn that Fiji's draft exists.
    expect((await call("PUT", `/api/v1/requests/${id}`, tokens.honduras, DRAFT)).status).toBe(404);
    expect((await call("POST", `/api/v1/requests/${id}/actions/submit`, tokens.honduras)).status).toBe(404);
    expect(
      (await call("POST", `/api/v1/requests/${id}/actions/withdraw`, tokens.honduras, { reason: "x" })).status,
    ).toBe(404);
    expect((await call("PUT", `/api/v1/requests/${NOWHERE}`, tokens.fiji, DRAFT)).status).toBe(404);
    expect((await call("PUT", "/api/v1/requests/not-an-id", tokens.fiji, DRAFT)).status).toBe(404);
    expect((await call("POST", `/api/v1/requests/${id}/actions/open`, tokens.fiji)).status).toBe(404);
  });

  it("submits with an action, after which the request can no longer be replaced", async () => {
    const empty = await call("POST", "/api/v1/requests", tokens.fiji, { title: "Just a title for now" });
    expect(empty.status).toBe(201);
    const incomplete = await call("POST", `/api/v1/requests/${empty.json.data.id}/actions/submit`, tokens.fiji);
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.json.error.fields).sort()).toEqual(["recommendations", "summary", "supportKinds"]);

    const submitted = await call("POST", `/api/v1/requests/${id}/actions/submit`, tokens.fiji);
    expect(submitted).toEqual({ status: 200, json: { data: { state: "submitted" } } });
    const again = await call("POST", `/api/v1/requests/${id}/actions/submit`, tokens.fiji);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("not_from_this_state");
    const late = await call("PUT", `/api/v1/requests/${id}`, tokens.fiji, DRAFT);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("not_editable");
    expect((await call("GET", `/api/v1/requests/${id}`)).status).toBe(404);
    expect((await call("GET", `/api/v1/requests/${id}`, tokens.honduras)).status).toBe(404);
  });

  it("is opened by screening, then read by anyone without the screening or its reasons", async () => {
    await screen(id, "return", "Name the counterpart institution.");
    const returned = await call("GET", `/api/v1/requests/${id}`, tokens.fiji);
    expect(returned.json.data.state).toBe("returned");
    expect(returned.json.data.events.at(-1)).toMatchObject({
      toState: "returned",
      reason: "Name the counterpart institution.",
    });
    expect((await call("POST", `/api/v1/requests/${id}/actions/submit`, tokens.fiji)).json).toEqual({
      data: { state: "submitted" },
    });
    await screen(id, "open");
    const seen = await call("GET", `/api/v1/requests/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.data).toMatchObject({ state: "open", shownAs: "public", screenings: [] });
    expect(JSON.stringify(seen.json)).not.toContain("counterpart institution");
    expect(seen.json.data.actions).toEqual([]);
    expect((await call("GET", `/api/v1/requests/${id}`, tokens.fiji)).json.data.screenings).toHaveLength(2);
  });

  it("withdraws only with a reason", async () => {
    const bare = await call("POST", `/api/v1/requests/${id}/actions/withdraw`, tokens.fiji, {});
    expect(bare.status).toBe(409);
    expect(bare.json.error.code).toBe("reason_required");
    const blank = await call("POST", `/api/v1/requests/${id}/actions/withdraw`, tokens.fiji, { reason: "  " });
    expect(blank.json.error.code).toBe("reason_required");
    const withdrawn = await call("POST", `/api/v1/requests/${id}/actions/withdraw`, tokens.fiji, {
      reason: "National funding was found.",
    });
    expect(withdrawn).toEqual({ status: 200, json: { data: { state: "withdrawn" } } });
    // Withdrawn, it leaves the public; its State still reads it, with the reason it gave.
    expect((await call("GET", `/api/v1/requests/${id}`)).status).toBe(404);
    const after = await call("GET", `/api/v1/requests/${id}`, tokens.fijiRead);
    expect(after.json.data.state).toBe("withdrawn");
    expect(JSON.stringify(after.json)).toContain("National funding");
  });
});

describe("the requests API, for readers", () => {
  it("lists to the public only the open requests Fiji made public, with facets that count only those", async () => {
    const tiers: Record<string, string> = {};
    for (const visibility of ["public", "providers", "secretariat"]) {
      const created = await call("POST", "/api/v1/requests", tokens.fiji, {
        ...DRAFT,
        title: `Open for ${visibility}`,
        visibility,
        recommendations: ["a-fji-1"],
      });
      tiers[visibility] = created.json.data.id;
      await call("POST", `/api/v1/requests/${created.json.data.id}/actions/submit`, tokens.fiji);
      await screen(created.json.data.id, "open");
    }
    const submitted = await call("POST", "/api/v1/requests", tokens.fiji, { ...DRAFT, recommendations: ["a-fji-1"] });
    await call("POST", `/api/v1/requests/${submitted.json.data.id}/actions/submit`, tokens.fiji);

    const list = await call("GET", "/api/v1/requests?limit=100");
    expect(list.status).toBe(200);
    const ids = list.json.data.map((i: { id: string }) => i.id);
    expect(ids).toContain(tiers.public);
    expect(ids).not.toContain(tiers.providers);
    expect(ids).not.toContain(tiers.secretariat);
    expect(ids).not.toContain(submitted.json.data.id);
    for (const item of list.json.data) {
      expect(item.visibility).toBe("public");
      expect(["open", "matched", "in-implementation", "completed", "reported-back", "withdrawn"]).toContain(item.state);
    }
    expect(Object.keys(list.json).sort()).toEqual(["data", "facets", "meta"]);
    expect(list.json.meta).toEqual({ total: list.json.data.length, limit: 100, offset: 0 });
    expect(list.json.facets.state.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(
      list.json.meta.total,
    );

    // Any organisation's token reads the providers tier; only Fiji its own secretariat-tier request.
    const provider = (await call("GET", "/api/v1/requests?limit=100", tokens.honduras)).json.data.map(
      (i: { id: string }) => i.id,
    );
    expect(provider).toEqual(expect.arrayContaining([tiers.public, tiers.providers]));
    expect(provider).not.toContain(tiers.secretariat);
    expect((await call("GET", `/api/v1/requests/${tiers.secretariat}`, tokens.honduras)).status).toBe(404);
    expect((await call("GET", `/api/v1/requests/${tiers.secretariat}`, tokens.fijiRead)).status).toBe(200);
    expect((await call("GET", `/api/v1/requests/${tiers.providers}`)).status).toBe(404);

    const filtered = await call("GET", "/api/v1/requests?state=open&country=fji&q=open");
    expect(filtered.json.data.map((i: { id: string }) => i.id)).toEqual([tiers.public]);
  });

  it("names each invalid parameter", async () => {
    const bad = await call("GET", "/api/v1/requests?state=pending&limit=500&sdg=18&kind=money");
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_parameters");
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["kind", "limit", "sdg", "state"]);
    expect((await call("GET", "/api/v1/requests/not-an-id")).status).toBe(404);
    expect((await call("GET", `/api/v1/requests/${NOWHERE}`)).json.error.code).toBe("not_found");
  });

  it("publishes figures with small counts shown as fewer than 3", async () => {
    const figures = await call("GET", "/api/v1/requests/statistics");
    expect(figures.status).toBe(200);
    expect(Object.keys(figures.json)).toEqual(["data"]);
    expect(Object.keys(figures.json.data).sort()).toEqual(["byGroup", "byState", "total"]);
    const isCount = (c: unknown) =>
      typeof c === "object" &&
      c !== null &&
      (("exact" in c && typeof c.exact === "number" && c.exact >= 3) || ("fewerThan" in c && c.fewerThan === 3));
    expect(isCount(figures.json.data.total)).toBe(true);
    for (const row of figures.json.data.byState) expect(isCount(row.count)).toBe(true);
    // Fiji's requests are Asia-Pacific: one public request open, one withdrawn.
    expect(figures.json.data.byGroup).toEqual([{ group: "asia-pacific", count: { fewerThan: 3 } }]);
  });

  it("is described in the OpenAPI document", async () => {
    const { json: document } = await call("GET", "/api/v1/openapi.json");
    expect(Object.keys(document.paths["/requests"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/requests/{id}"]).sort()).toEqual(["get", "put"]);
    expect(Object.keys(document.paths["/requests/{id}/actions/{action}"])).toEqual(["post"]);
    expect(Object.keys(document.paths["/requests/statistics"])).toEqual(["get"]);
    const action = document.paths["/requests/{id}/actions/{action}"].post.parameters.find(
      (p: { name: string }) => p.name === "action",
    );
    expect([...action.schema.enum].sort()).toEqual([
      "complete",
      "report-back",
      "start-implementation",
      "submit",
      "withdraw",
    ]);
  });
});
