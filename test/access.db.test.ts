import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../src/modules/accounts";
import { memberships, users } from "../src/modules/accounts/schema";
import { recommendations } from "../src/modules/recommendations/schema";
import { auditEvents } from "../src/platform/audit/schema";
import { loadPagesBuild } from "../src/platform/boot";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { startTestPlatform } from "./support/platform";
import { Browser } from "./support/session";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);

beforeAll(async () => {
  app = await startTestPlatform();
  // One recommendation, for the pages that show one.
  await app.database.db.insert(recommendations).values({
    key: "access-0001",
    kind: "recommendation",
    mechanism: "upr",
    stateUnderReview: "FJI",
    recommendingStates: ["NOR"],
    text: "Ratify the Optional Protocol to the Convention against Torture",
    source: "test",
    contentHash: "access-0001",
  });
});
afterAll(async () => {
  await app.stop();
});

type Who = "anonymous" | (typeof DEMO_USERS)[number]["role"];
type Expect = number | "sign-in" | "home";
const everyone = (expected: Expect) => () => expected;
const signedIn = (who: Who): Expect => (who === "anonymous" ? "sign-in" : 200);
const secretariatOnly = (who: Who): Expect =>
  who === "anonymous" ? "sign-in" : who === "secretariat-officer" || who === "platform-administrator" ? 200 : 403;

/**
 * Every route of the application, with what each role must get. A route added without a line
 * here fails the first test: decide who may open it before shipping it.
 */
const MATRIX: Record<string, { path: string; expect: (who: Who) => Expect }> = {
  "platform/ui/pages/home-page": { path: "/en", expect: everyone(200) },
  "platform/ui/pages/forbidden-page": { path: "/en/forbidden", expect: everyone(403) },
  "platform/ui/pages/not-found-page": { path: "/en/no-such-page", expect: everyone(404) },
  "modules/reference-data/http/countries-page": { path: "/en/countries", expect: everyone(200) },
  "modules/reference-data/http/country-page": { path: "/en/countries/FJI", expect: everyone(200) },
  "modules/reference-data/http/sdgs-page": { path: "/en/sdgs", expect: everyone(200) },
  "modules/reference-data/http/sdg-goal-page": { path: "/en/sdgs/16", expect: everyone(200) },
  "modules/recommendations/http/search-page": { path: "/en/recommendations?q=women&cycle=1", expect: everyone(200) },
  "modules/recommendations/http/recommendation-page": {
    path: "/en/recommendations/access-0001",
    expect: everyone(200),
  },
  "modules/recommendations/http/state-page": { path: "/en/countries/FJI/recommendations", expect: everyone(200) },
  "modules/recommendations/http/export-route": {
    path: "/en/recommendations/export/csv?q=women&cycle=1",
    expect: everyone(200),
  },
  // Tracking: the list needs an account; one entry or cluster is 404 to whoever may not see it.
  "modules/recommendations/http/imports-page": { path: "/en/secretariat/imports", expect: secretariatOnly },
  "modules/recommendations/http/suggestions-page": { path: "/en/secretariat/suggestions", expect: secretariatOnly },
  "modules/recommendations/http/tracking-page": { path: "/en/tracking", expect: signedIn },
  "modules/recommendations/http/tracking-entry-page": { path: "/en/tracking/no-such-key", expect: everyone(404) },
  "modules/recommendations/http/tracking-new-cluster-page": {
    path: "/en/tracking/clusters/new",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "state-focal-point" ? 200 : 403),
  },
  "modules/recommendations/http/tracking-cluster-page": {
    path: "/en/tracking/clusters/00000000-0000-4000-8000-000000000000",
    expect: everyone(404),
  },
  // Requests: the list, a request and the criteria are public (404 to whoever may not see a request);
  // drafting needs a State's focal point, screening the secretariat or the advisory committee.
  "modules/requests/http/requests-page": { path: "/en/requests?q=prison&kind=training", expect: everyone(200) },
  "modules/requests/http/new-request-page": {
    path: "/en/requests/new",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "state-focal-point" ? 200 : 403),
  },
  "modules/requests/http/export-route": { path: "/en/requests/export/csv?kind=training", expect: everyone(200) },
  "modules/requests/http/request-page": {
    path: "/en/requests/00000000-0000-4000-8000-000000000000",
    expect: everyone(404),
  },
  "modules/requests/http/edit-request-page": {
    path: "/en/requests/00000000-0000-4000-8000-000000000000/edit",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "state-focal-point" ? 404 : 403),
  },
  "modules/requests/http/screening-page": {
    path: "/en/requests/00000000-0000-4000-8000-000000000000/screening",
    expect: (who) =>
      who === "anonymous"
        ? "sign-in"
        : who === "secretariat-officer" || who === "advisory-committee-member"
          ? 404
          : 403,
  },
  "modules/requests/http/screening-queue-page": {
    path: "/en/secretariat/screening",
    expect: (who) =>
      who === "anonymous"
        ? "sign-in"
        : who === "secretariat-officer" || who === "advisory-committee-member"
          ? 200
          : 403,
  },
  "modules/requests/http/criteria-page": { path: "/en/secretariat/screening-criteria", expect: everyone(200) },
  // The gap map and the matching weights are public (the secretariat alone sees exact figures, officers alone publish).
  "modules/matching/http/gaps-page": { path: "/en/gaps?by=sdg", expect: everyone(200) },
  "modules/matching/http/weights-page": { path: "/en/secretariat/matching-weights", expect: everyone(200) },
  // Matches: one's own organisations' (the secretariat and the committee all); 404 for a match one may not read.
  "modules/matching/http/matches-page": { path: "/en/matches?state=accepted", expect: signedIn },
  "modules/matching/http/new-match-page": {
    path: "/en/matches/new?request=00000000-0000-4000-8000-000000000000&offer=00000000-0000-4000-8000-000000000000",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  "modules/matching/http/match-page": {
    path: "/en/matches/00000000-0000-4000-8000-000000000000",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  "modules/matching/http/match-consent-page": {
    path: "/en/matches/00000000-0000-4000-8000-000000000000/consent",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  // Offers: the list and an offer are public (404 to whoever may not see one); publishing needs a focal point.
  "modules/offers/http/offers-page": { path: "/en/offers?q=training&kind=training", expect: everyone(200) },
  "modules/offers/http/new-offer-page": {
    path: "/en/offers/new",
    expect: (who) =>
      who === "anonymous"
        ? "sign-in"
        : ["provider-focal-point", "state-focal-point", "secretariat-officer"].includes(who)
          ? 200
          : 403,
  },
  "modules/offers/http/offer-page": { path: "/en/offers/00000000-0000-4000-8000-000000000000", expect: everyone(404) },
  // Suggestions: the request's State, the offer's provider and the secretariat read them; 404 for a record one may not see.
  "modules/matching/http/offer-suggestions-page": {
    path: "/en/offers/00000000-0000-4000-8000-000000000000/suggestions",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  "modules/matching/http/request-suggestions-page": {
    path: "/en/requests/00000000-0000-4000-8000-000000000000/suggestions",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  "modules/offers/http/edit-offer-page": {
    path: "/en/offers/00000000-0000-4000-8000-000000000000/edit",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
  // Updates: the list and an update are public (404 to whoever may not see one); writing needs a State's focal point.
  "modules/updates/http/updates-page": { path: "/en/updates?q=justice&sdg=16", expect: everyone(200) },
  "modules/updates/http/new-update-page": {
    path: "/en/updates/new",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "state-focal-point" ? 200 : 403),
  },
  "modules/updates/http/update-page": {
    path: "/en/updates/00000000-0000-4000-8000-000000000000",
    expect: everyone(404),
  },
  "modules/updates/http/edit-update-page": {
    path: "/en/updates/00000000-0000-4000-8000-000000000000/edit",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "state-focal-point" ? 404 : 403),
  },
  "modules/updates/http/update-version-page": {
    path: "/en/updates/00000000-0000-4000-8000-000000000000/versions/1",
    expect: everyone(404),
  },
  "modules/accounts/http/sign-in-page": { path: "/en/sign-in", expect: (who) => (who === "anonymous" ? 200 : "home") },
  "modules/accounts/http/second-factor-page": { path: "/en/sign-in/second-factor", expect: everyone("sign-in") },
  // Single sign-on is not configured here: its two routes are not there at all (test/oidc.db.test.ts).
  "modules/accounts/http/oidc-sign-in-route": { path: "/en/sign-in/oidc", expect: everyone(404) },
  "modules/accounts/http/oidc-callback-route": { path: "/en/sign-in/oidc/callback", expect: everyone(404) },
  "modules/accounts/http/sign-out-route": { path: "/en/sign-out", expect: everyone("home") },
  "modules/accounts/http/account-page": { path: "/en/account", expect: signedIn },
  "modules/accounts/http/security-page": { path: "/en/account/security", expect: signedIn },
  "modules/accounts/http/audit-page": { path: "/en/secretariat/audit", expect: secretariatOnly },
  "modules/accounts/http/audit-csv-route": { path: "/en/secretariat/audit.csv", expect: secretariatOnly },
  "modules/accounts/http/join-page": { path: "/en/join/not-a-real-token", expect: everyone(404) },
  "modules/accounts/http/forgot-password-page": { path: "/en/forgot-password", expect: everyone(200) },
  "modules/accounts/http/reset-password-page": { path: "/en/reset-password/not-a-real-token", expect: everyone(404) },
  "modules/accounts/http/invite-page": { path: "/en/invitations/new", expect: signedIn },
  "modules/accounts/http/api-tokens-page": { path: "/en/account/api-tokens", expect: signedIn },
  "modules/accounts/http/my-data-route": { path: "/en/account/data.json", expect: signedIn },
  "modules/accounts/http/close-account-page": { path: "/en/account/close", expect: signedIn },
  "modules/accounts/http/outbox-page": {
    path: "/en/admin/outbox",
    expect: (who) => (who === "anonymous" ? "sign-in" : who === "platform-administrator" ? 200 : 403),
  },
  "modules/accounts/http/admin-organisations-page": { path: "/en/admin/organisations", expect: secretariatOnly },
  "modules/accounts/http/admin-new-organisation-page": { path: "/en/admin/organisations/new", expect: secretariatOnly },
  "modules/accounts/http/admin-users-page": { path: "/en/admin/users?q=a", expect: secretariatOnly },
  "modules/accounts/http/join-request-page": { path: "/en/join-request", expect: everyone(200) },
  "modules/accounts/http/admin-join-requests-page": { path: "/en/admin/join-requests", expect: secretariatOnly },
  "modules/accounts/http/admin-invitations-page": { path: "/en/admin/invitations", expect: secretariatOnly },
  "modules/notifications/http/notifications-page": { path: "/en/notifications", expect: signedIn },
  "modules/notifications/http/preferences-page": { path: "/en/account/notifications", expect: signedIn },
  "modules/accounts/http/organisation-page": {
    path: "/en/organisations/00000000-0000-4000-8000-000000000000",
    expect: (who) => (who === "anonymous" ? "sign-in" : 404),
  },
};
const API = [
  "/api/v1/countries",
  "/api/v1/countries/FJI",
  "/api/v1/sdgs",
  "/api/v1/sdgs/1",
  "/api/v1/vocabularies",
  "/api/v1/mechanisms",
  "/api/v1/recommendations?q=women",
  "/api/v1/updates?q=justice",
  "/api/v1/offers?q=training",
  "/api/v1/requests?q=prison",
  "/api/v1/requests/statistics",
  "/api/v1/openapi.json",
];

it("has an expectation for every route, and every route declares its access", async () => {
  const { build } = await loadPagesBuild();
  const ids = Object.keys(build.routes).filter((id) => id !== "root");
  expect(ids.sort()).toEqual(Object.keys(MATRIX).sort());
  for (const id of ids) expect(build.routes[id]?.module.handle, id).toHaveProperty("access");
});

function outcome(response: Response): Expect {
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) {
    if (location.includes("/sign-in")) return "sign-in";
    if (/^\/en\/?$/.test(location) || location === "http://localhost/en") return "home";
    return response.status;
  }
  return response.status;
}

const people: Who[] = ["anonymous", ...DEMO_USERS.map((u) => u.role)];
describe.each(people)("as %s", (who) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = new Browser(fetcher);
    if (who !== "anonymous") {
      const email = DEMO_USERS.find((u) => u.role === who)!.email;
      const response = await browser.signIn(email);
      expect(response.status, `sign-in of ${email}`).toBe(302);
    }
  });

  it.each(Object.entries(MATRIX))("%s", async (_id, { path, expect: expected }) => {
    expect(outcome(await browser.request(path))).toBe(expected(who));
  });

  it("reads the public API, where cookies grant nothing more", async () => {
    for (const path of API) expect((await browser.request(path)).status, path).toBe(200);
  });
});

describe("protections", () => {
  it("refuses a form posted without the CSRF token, or with someone else's", async () => {
    const browser = new Browser(fetcher);
    await browser.request("/en/sign-in");
    const body = new URLSearchParams({ email: "fiji@example.org", password: "item10 demo password" }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    expect((await browser.request("/en/sign-in", { method: "POST", headers, body })).status).toBe(403);
    const forged = new URLSearchParams({ _csrf: "forged-token", email: "fiji@example.org", password: "x" }).toString();
    expect((await browser.request("/en/sign-in", { method: "POST", headers, body: forged })).status).toBe(403);
    expect(browser.cookies.has("item10_session")).toBe(false);
    const french = await browser.request("/fr/sign-in", { method: "POST", headers, body });
    expect(await french.text()).toBe(CATALOGUES.fr["error.csrf"]);
  });

  it("refuses React Router data requests, which would bypass the route guard", async () => {
    for (const path of ["/en/admin/users.data", "/en/secretariat/audit.data", "/en/_root.data"])
      expect((await new Browser(fetcher).request(path)).status, path).toBe(404);
  });

  it("does not follow a sign-in `next` that leaves the site", async () => {
    const browser = new Browser(fetcher);
    const response = await browser.submit("/en/sign-in", {
      email: "expert@example.org",
      password: "item10 demo password",
      next: "/\t/evil.example/x",
    });
    expect(response.headers.get("location")).toBe("/en");
  });

  it("refuses a form posted from another site", async () => {
    const browser = new Browser(fetcher);
    const page = await (await browser.request("/en/sign-in")).text();
    const token = /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
    const response = await browser.request("/en/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({
        _csrf: token,
        email: "fiji@example.org",
        password: "item10 demo password",
      }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it("sends a secretariat officer without a second factor to set one up, not to secretariat pages", async () => {
    const [user] = await app.database.db
      .insert(users)
      .values({
        email: "new.officer@example.org",
        displayName: "New Officer",
        passwordHash: await hash("a long enough passphrase"),
      })
      .returning();
    const [ohchr] = (await app.database.executeSql("select id from organisations where is_secretariat")).rows;
    await app.database.db
      .insert(memberships)
      .values({ userId: user!.id, organisationId: String(ohchr!.id), role: "secretariat-officer" });
    const browser = new Browser(fetcher);
    expect((await browser.signIn("new.officer@example.org", "a long enough passphrase")).status).toBe(302);
    const response = await browser.request("/en/secretariat/audit");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/account/security");
  });

  it("answers ten wrong passwords by slowing further tries", async () => {
    const browser = new Browser(fetcher);
    let last = 0;
    for (let i = 0; i < 10; i++)
      last = (await browser.submit("/en/sign-in", { email: "ngo@example.org", password: `wrong ${i}` })).status;
    expect(last).toBe(429);
    const right = await browser.submit("/en/sign-in", { email: "ngo@example.org", password: "item10 demo password" });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("accountability", () => {
  const count = async () =>
    Number((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n);

  it("leaves exactly one audit row for each change made through the interface", async () => {
    const browser = new Browser(fetcher);
    const before = await count();
    await browser.signIn("thailand@example.org");
    expect(await count()).toBe(before + 1);
    await browser.submit("/en/account", {});
    expect(await count()).toBe(before + 2);
    const [latest] = await app.database.db.select().from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1);
    expect(latest).toMatchObject({ action: "session.sign-out-everywhere", subjectType: "user", actorKind: "user" });
  });

  it("saves a profile change with one audit row that keeps the name itself out of the trail", async () => {
    const browser = new Browser(fetcher);
    await browser.signIn("undp@example.org");
    const before = await count();
    const bad = await browser.submit("/en/account", { intent: "profile", displayName: "F", locale: "xx" });
    expect(bad.status).toBe(400);
    expect(await count()).toBe(before);
    expect(
      (await browser.submit("/en/account", { intent: "profile", displayName: "Fatima Al-Sayed Haddad", locale: "fr" }))
        .status,
    ).toBe(302);
    expect(await count()).toBe(before + 1);
    const [latest] = await app.database.db.select().from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1);
    expect(latest?.changes).toEqual({ displayName: ["[personal data]", "[personal data]"], locale: ["ar", "fr"] });
    expect(await (await browser.request("/en/account")).text()).toContain("Fatima Al-Sayed Haddad");
  });

  it("seats at most one advisory committee member per regional group", async () => {
    const [ohchr] = (await app.database.executeSql("select id from organisations where is_secretariat")).rows;
    const [someone] = (await app.database.executeSql("select id from users where email = 'expert@example.org'")).rows;
    await expect(
      app.database.db.insert(memberships).values({
        userId: String(someone!.id),
        organisationId: String(ohchr!.id),
        role: "advisory-committee-member",
        regionalGroup: "african",
      }),
    ).rejects.toThrow();
    await app.database.db.insert(memberships).values({
      userId: String(someone!.id),
      organisationId: String(ohchr!.id),
      role: "advisory-committee-member",
      regionalGroup: "asia-pacific",
    });
  });

  it("lets the secretariat filter the trail and download it as CSV", async () => {
    const browser = new Browser(fetcher);
    await browser.signIn("secretariat@example.org");
    const page = await (await browser.request("/en/secretariat/audit?subjectType=organisation")).text();
    expect(page).toContain("organisation.create");
    expect(page).not.toContain("session.sign-in</code>");
    const csv = await browser.request("/en/secretariat/audit.csv?subjectType=organisation");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "id,occurred_at,actor_kind,actor_user_id,actor_name,organisation_id,organisation_name,action,subject_type,subject_id,changes,request_id,ip_address",
    );
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.slice(1).every((l) => l.includes(",organisation.create,organisation,"))).toBe(true);
    const bad = await browser.request("/en/secretariat/audit?from=yesterday");
    expect(await bad.text()).toContain('href="#from"');
  });
});
