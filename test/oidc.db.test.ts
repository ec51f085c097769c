import { and, eq, gt, sql } from "drizzle-orm";
import { generate } from "otplib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOTP_SECRET } from "../src/modules/accounts";
import { userIdentities, users } from "../src/modules/accounts/schema";
import { auditEvents } from "../src/platform/audit/schema";
import { startOidcProvider, type TestOidcProvider } from "./support/oidc-provider";
import { startTestPlatform } from "./support/platform";
import { Browser } from "./support/session";

/**
 * Single sign-on end to end: the platform in-process, a real OpenID provider over real HTTP,
 * the browser's part played by following redirects and posting the provider's forms.
 */
const PUBLIC_URL = "http://localhost:3000";
let provider: TestOidcProvider;
let app: Awaited<ReturnType<typeof startTestPlatform>>;
/** The app's warnings, to tell which check refused a response. */
const warnings: { msg: string; reason?: string }[] = [];
const lastReason = () => warnings.at(-1)?.reason ?? "";

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUri: `${PUBLIC_URL}/sign-in/oidc/callback`,
    accounts: {
      "idp-fiji": { email: "fiji@example.org", email_verified: true },
      "idp-fiji-new-owner": { email: "fiji@example.org", email_verified: true },
      "idp-norway-unverified": { email: "norway@example.org", email_verified: false },
      "idp-stranger": { email: "stranger@example.net", email_verified: true },
      "idp-secretariat": { email: "secretariat@example.org", email_verified: true },
      "idp-honduras-lean": { email: "honduras@example.org", email_verified: true, emailOnlyAtUserinfo: true },
    },
  });
  app = await startTestPlatform({
    logger: pino({ level: "warn" }, { write: (line: string) => warnings.push(JSON.parse(line)) }),
    env: {
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: "UN Identity",
    },
  });
});
afterAll(async () => {
  await app?.stop();
  await provider?.stop();
});

const fetcher = (path: string, init?: RequestInit) => app.request(path, init);

/**
 * Our side of the flow up to the provider: the sign-in page's button, or for someone already
 * signed in (who is not shown the sign-in page) a plain link.
 */
async function startFlow(browser: Browser, next = "/en/account") {
  const started = browser.cookies.has("item10_session")
    ? await browser.request(`/en/sign-in/oidc?next=${encodeURIComponent(next)}`)
    : await browser.submit("/en/sign-in/oidc", { next }, "/en/sign-in");
  expect(started.status).toBe(303);
  const location = started.headers.get("location") ?? "";
  expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
  return { location, setCookie: started.headers.getSetCookie().join("\n") };
}

/** The provider's answer, back on our callback (the path and query the provider redirected to). */
async function callbackFor(browser: Browser, account: string, next?: string): Promise<string> {
  const { location } = await startFlow(browser, next);
  const back = await provider.authorize(location, account);
  expect(back.origin).toBe(PUBLIC_URL);
  expect(back.pathname).toBe("/sign-in/oidc/callback");
  return back.pathname + back.search;
}

async function signInThroughProvider(browser: Browser, account: string, next?: string) {
  return browser.request(await callbackFor(browser, account, next));
}

async function lastAuditId(): Promise<number> {
  const [row] = await app.database.db
    .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` })
    .from(auditEvents);
  return Number(row?.id ?? 0);
}

async function auditSince(id: number) {
  return app.database.db
    .select({ action: auditEvents.action, subjectId: auditEvents.subjectId, changes: auditEvents.changes })
    .from(auditEvents)
    .where(gt(auditEvents.id, id))
    .orderBy(auditEvents.id);
}

async function userId(email: string): Promise<string> {
  const [row] = await app.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function identitiesOf(email: string) {
  return app.database.db
    .select({ issuer: userIdentities.issuer, subject: userIdentities.subject })
    .from(userIdentities)
    .where(eq(userIdentities.userId, await userId(email)));
}

describe("the sign-in page with single sign-on configured", () => {
  it("offers the provider by name, and tells why single sign-on failed", async () => {
    const page = await (await app.request("/en/sign-in")).text();
    expect(page).toContain("Sign in with UN Identity");
    expect(page).toContain('action="/en/sign-in/oidc"');
    const failed = await (await app.request("/en/sign-in?error=oidc")).text();
    expect(failed).toContain("Single sign-on did not work.");
    const unknown = await (await app.request("/en/sign-in?error=oidc-unknown")).text();
    expect(unknown).toContain('<a href="#oidc">No item10 account is linked to that identity.');
    // Only our own two messages: anything else in `?error=` shows nothing.
    expect(await (await app.request("/en/sign-in?error=whatever")).text()).not.toContain("error-summary");
  });

  it("keeps the flow in a short-lived HttpOnly SameSite=Lax cookie and asks for PKCE, state and nonce", async () => {
    const { location, setCookie } = await startFlow(new Browser(fetcher));
    expect(setCookie).toMatch(/item10_oidc=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600/);
    const url = new URL(location);
    expect(url.searchParams.get("client_id")).toBe(provider.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${PUBLIC_URL}/sign-in/oidc/callback`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    for (const p of ["state", "nonce", "code_challenge"]) expect(url.searchParams.get(p)).toBeTruthy();
  });
});

describe("signing in through the provider", () => {
  it("links an identity whose verified email is an account's, and signs that person in", async () => {
    const before = await lastAuditId();
    const browser = new Browser(fetcher);
    const response = await signInThroughProvider(browser, "idp-fiji");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/en/account");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/item10_oidc=; .*Max-Age=0/);
    expect(browser.cookies.has("item10_session")).toBe(true);
    expect(browser.cookies.has("item10_oidc")).toBe(false);
    const account = await browser.request("/en/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("Mere Tuisawau");

    expect(await identitiesOf("fiji@example.org")).toEqual([{ issuer: provider.issuer, subject: "idp-fiji" }]);
    const fiji = await userId("fiji@example.org");
    expect(await auditSince(before)).toEqual([
      {
        action: "user.identity-linked",
        subjectId: fiji,
        changes: { issuer: [null, provider.issuer], subject: [null, "[personal data]"] },
      },
      {
        action: "session.sign-in",
        subjectId: fiji,
        changes: { method: [null, "oidc"], pendingSecondFactor: [null, false] },
      },
    ]);
  });

  it("signs a linked identity in again, replacing the session the browser had", async () => {
    const browser = new Browser(fetcher);
    await signInThroughProvider(browser, "idp-fiji");
    const first = browser.cookies.get("item10_session");
    const before = await lastAuditId();
    const response = await signInThroughProvider(browser, "idp-fiji", "/en/countries");
    expect(response.headers.get("location")).toBe("/en/countries");
    const second = browser.cookies.get("item10_session");
    expect(second).not.toBe(first);
    const [{ n } = { n: -1 }] = await app.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, provider.issuer), eq(userIdentities.subject, "idp-fiji")));
    expect(n).toBe(1);
    expect((await auditSince(before)).map((r) => [r.action, r.changes.method?.[1]])).toEqual([
      ["session.sign-in", "oidc"],
    ]);
    // The old session is gone: its cookie opens nothing any more.
    const stale = new Browser(fetcher);
    stale.cookies.set("item10_session", first ?? "");
    expect((await stale.request("/en/account")).headers.get("location")).toContain("/en/sign-in");
  });

  it("sends a person with a second factor on to enter it", async () => {
    const before = await lastAuditId();
    const browser = new Browser(fetcher);
    const response = await signInThroughProvider(browser, "idp-secretariat", "/en/secretariat/audit");
    expect(response.headers.get("location")).toBe(
      `/en/sign-in/second-factor?next=${encodeURIComponent("/en/secretariat/audit")}`,
    );
    // Until the code is entered, the session opens nothing.
    expect((await browser.request("/en/account")).headers.get("location")).toBe("/en/sign-in/second-factor");
    expect((await auditSince(before)).map((r) => [r.action, r.changes])).toEqual([
      ["user.identity-linked", { issuer: [null, provider.issuer], subject: [null, "[personal data]"] }],
      ["session.sign-in", { method: [null, "oidc"], pendingSecondFactor: [null, true] }],
    ]);
    const passed = await browser.submit(
      "/en/sign-in/second-factor",
      { code: await generate({ secret: DEMO_TOTP_SECRET }), next: "/en/secretariat/audit" },
      response.headers.get("location") ?? "",
    );
    expect(passed.headers.get("location")).toBe("/en/secretariat/audit");
    expect((await browser.request("/en/secretariat/audit")).status).toBe(200);
  });

  it("finds the email at the userinfo endpoint when the ID token does not carry it", async () => {
    const browser = new Browser(fetcher);
    const response = await signInThroughProvider(browser, "idp-honduras-lean");
    expect(response.headers.get("location")).toBe("/en/account");
    expect(await identitiesOf("honduras@example.org")).toEqual([
      { issuer: provider.issuer, subject: "idp-honduras-lean" },
    ]);
  });
});

describe("identities that open no account", () => {
  async function refused(account: string) {
    const before = await lastAuditId();
    const browser = new Browser(fetcher);
    const response = await signInThroughProvider(browser, account);
    expect(response.headers.get("location")).toBe("/en/sign-in?error=oidc-unknown");
    expect(browser.cookies.has("item10_session")).toBe(false);
    expect(await auditSince(before)).toEqual([]);
    const [linked] = await app.database.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, provider.issuer), eq(userIdentities.subject, account)));
    expect(linked).toBeUndefined();
    const page = await (await browser.request(response.headers.get("location") ?? "")).text();
    expect(page).toContain("No item10 account is linked to that identity.");
  }

  it("refuses a person nobody invited", async () => {
    await refused("idp-stranger");
  });

  it("does not link by an email the provider has not verified", async () => {
    await refused("idp-norway-unverified");
    expect(await identitiesOf("norway@example.org")).toEqual([]);
  });

  it("does not let a new owner of an email take over an account already linked at the provider", async () => {
    const browser = new Browser(fetcher);
    await signInThroughProvider(browser, "idp-fiji");
    await refused("idp-fiji-new-owner");
    expect(await identitiesOf("fiji@example.org")).toEqual([{ issuer: provider.issuer, subject: "idp-fiji" }]);
  });
});

describe("forged and replayed responses", () => {
  it("refuses a response whose state was tampered with", async () => {
    const browser = new Browser(fetcher);
    const callback = new URL(await callbackFor(browser, "idp-fiji"), PUBLIC_URL);
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const response = await browser.request(callback.pathname + callback.search);
    expect(response.headers.get("location")).toBe("/en/sign-in?error=oidc");
    expect(lastReason()).toContain('unexpected "state" response parameter value');
    expect(browser.cookies.has("item10_session")).toBe(false);
    expect(browser.cookies.has("item10_oidc")).toBe(false);
  });

  it("refuses a flow cookie that was tampered with", async () => {
    const browser = new Browser(fetcher);
    const callback = await callbackFor(browser, "idp-fiji");
    const [payload = "", mac = ""] = (browser.cookies.get("item10_oidc") ?? "").split(".");
    const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...flow, next: "/en/secretariat/audit" })).toString("base64url");
    browser.cookies.set("item10_oidc", `${forged}.${mac}`);
    const response = await browser.request(callback);
    expect(response.headers.get("location")).toBe("/en/sign-in?error=oidc");
    expect(lastReason()).toBe("flow cookie missing, tampered with or expired");
    expect(browser.cookies.has("item10_session")).toBe(false);
  });

  it("refuses a response from another browser's flow, and a response replayed", async () => {
    const victim = new Browser(fetcher);
    const callback = await callbackFor(victim, "idp-fiji");
    const flowCookie = victim.cookies.get("item10_oidc") ?? "";

    // Someone else's flow cookie does not fit this response (login CSRF).
    const attacker = new Browser(fetcher);
    await startFlow(attacker);
    expect((await attacker.request(callback)).headers.get("location")).toBe("/en/sign-in?error=oidc");
    expect(lastReason()).toContain('unexpected "state" response parameter value');

    // The rightful browser signs in once; the same response again is refused, with or without
    // the cookie put back (the code is spent at the provider).
    expect((await victim.request(callback)).headers.get("location")).toBe("/en/account");
    const before = await lastAuditId();
    expect((await victim.request(callback)).headers.get("location")).toBe("/en/sign-in?error=oidc");
    expect(lastReason()).toBe("flow cookie missing, tampered with or expired");
    const thief = new Browser(fetcher);
    thief.cookies.set("item10_oidc", flowCookie);
    expect((await thief.request(callback)).headers.get("location")).toBe("/en/sign-in?error=oidc");
    expect(lastReason()).toContain("invalid_grant");
    expect(thief.cookies.has("item10_session")).toBe(false);
    expect(await auditSince(before)).toEqual([]);
  });

  it("refuses a callback with no flow at all, such as the provider reporting an error", async () => {
    const browser = new Browser(fetcher);
    const response = await browser.request("/en/sign-in/oidc/callback?error=access_denied&state=x");
    expect(response.headers.get("location")).toBe("/en/sign-in?error=oidc");
  });
});
