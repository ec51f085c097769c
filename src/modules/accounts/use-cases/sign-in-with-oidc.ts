import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Actor } from "../../../platform/actor";
import { recordAudit } from "../../../platform/audit/record";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db/database";
import { userIdentities } from "../schema";
import { selectMemberships, selectUser, selectUserByEmail, type UserRow } from "../store";
import { openSession, type RequestFacts, type SignInResult } from "./sessions";

/**
 * Single sign-on through one OpenID Connect provider (decision 009): authorization code flow
 * with PKCE, state and nonce, all checked by openid-client.
 *
 * Between the two legs the browser keeps a short-lived flow cookie. It cannot be forged: it is
 * signed with HMAC-SHA256 under a key derived from the client secret, which only this server
 * (and the provider, which has no reason to forge it) knows. It cannot be replayed: it expires
 * ten minutes after it was made (the expiry is inside the signature, so Max-Age is only a
 * courtesy); the callback clears it whatever the outcome; its state must equal the state that
 * comes back with the code and its nonce the one inside the ID token, so it fits exactly one
 * authorization response; and that response's code is single use at the provider and worthless
 * without the PKCE verifier the cookie holds. A callback URL replayed in another browser has no
 * cookie; replayed with a stolen cookie, its code was already spent.
 */

export type OidcSettings = NonNullable<Config["oidc"]>;

interface Deps {
  db: Db;
  config: Pick<Config, "oidc" | "publicUrl">;
  now?: () => Date;
}

export const OIDC_FLOW_COOKIE = "item10_oidc";
export const OIDC_FLOW_MAX_AGE_SECONDS = 600;
const SCOPE = "openid email";

/** The one redirect URI to register at the provider: unprefixed, so it does not depend on the language. */
export function oidcRedirectUri(publicUrl: string): string {
  return new URL("/sign-in/oidc/callback", publicUrl).toString();
}

/** What the flow cookie carries between the two legs. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go once signed in (already checked to be a path on this site). */
  next: string;
  /** The issuer it was made for: a cookie from before a change of provider is refused. */
  issuer: string;
  expiresAt: number;
}

function flowKey(settings: OidcSettings): Buffer {
  return Buffer.from(hkdfSync("sha256", settings.clientSecret, "item10", "oidc flow cookie v1", 32));
}

function sealFlow(flow: Flow, settings: OidcSettings): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  const mac = createHmac("sha256", flowKey(settings)).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

function openFlow(value: string | null, settings: OidcSettings, now: Date): Flow | null {
  const [payload, mac, ...rest] = (value ?? "").split(".");
  if (!payload || !mac || rest.length > 0) return null;
  const expected = createHmac("sha256", flowKey(settings)).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Flow;
    if (flow.issuer !== settings.issuer || !(flow.expiresAt > now.getTime())) return null;
    return flow;
  } catch {
    return null;
  }
}

/**
 * The provider's metadata, discovered once per issuer and client and kept for an hour (keys are
 * refreshed by openid-client itself when a token names one it has not seen). A failed discovery
 * is not kept, so a provider that was down is asked again on the next try.
 */
const DISCOVERY_TTL_MS = 3_600_000;
const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

function providerConfiguration(settings: OidcSettings, now: Date): Promise<oidc.Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  const cached = discovered.get(key);
  if (cached && now.getTime() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const issuer = new URL(settings.issuer);
  // Plain HTTP only for a provider on this machine (development, tests); anywhere else
  // openid-client insists on HTTPS, since tokens and the client secret travel over it.
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
  const configuration = oidc.discovery(
    issuer,
    settings.clientId,
    settings.clientSecret,
    oidc.ClientSecretBasic(settings.clientSecret),
    issuer.protocol === "http:" && loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  discovered.set(key, { at: now.getTime(), configuration });
  configuration.catch(() => {
    if (discovered.get(key)?.configuration === configuration) discovered.delete(key);
  });
  return configuration;
}

/** For the log line: openid-client's errors carry a code and the cause (which check failed, or the provider's error). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const providerError = (error as { error?: unknown }).error;
  const cause = error.cause instanceof Error ? error.cause.message : null;
  return [code, providerError, error.message, cause].filter((part) => typeof part === "string").join(": ");
}

function settingsOf(deps: Deps): OidcSettings {
  if (!deps.config.oidc) throw new Error("Single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, …)");
  return deps.config.oidc;
}

/** The first leg: where to send the browser, and the flow cookie's value to set on it. */
export async function startOidcSignIn(
  input: { next: string },
  deps: Deps,
): Promise<{ authorizationUrl: string; flowCookie: string }> {
  const settings = settingsOf(deps);
  const now = deps.now?.() ?? new Date();
  const configuration = await providerConfiguration(settings, now);
  const flow: Flow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    next: input.next,
    issuer: settings.issuer,
    expiresAt: now.getTime() + OIDC_FLOW_MAX_AGE_SECONDS * 1000,
  };
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: oidcRedirectUri(deps.config.publicUrl),
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { authorizationUrl: authorizationUrl.toString(), flowCookie: sealFlow(flow, settings) };
}

export type OidcSignInResult =
  | (Extract<SignInResult, { sessionToken: string }> & { next: string })
  | { outcome: "unknown-identity" }
  | { outcome: "failed"; reason: string };

/**
 * The second leg, on the provider's redirect back: checks the response against the flow cookie,
 * redeems the code, and signs the person in when the identity is theirs.
 *
 * Which account an identity opens: the one already linked to (issuer, subject); otherwise the
 * active account with the same email, but only when the provider says it verified that email
 * and the account has no identity at this provider yet (an email the provider has since given to
 * someone else must not take over an account already linked to its first owner). Nobody gets an
 * account by signing in: accounts come from the secretariat's invitations.
 */
export async function finishOidcSignIn(
  input: {
    /** The query string the provider sent back (`?code=…&state=…`, or `?error=…`). */
    search: string;
    flowCookie: string | null;
    previousSessionToken?: string | null;
    request: RequestFacts;
  },
  deps: Deps,
): Promise<OidcSignInResult> {
  const settings = settingsOf(deps);
  const now = deps.now?.() ?? new Date();
  const flow = openFlow(input.flowCookie, settings, now);
  if (!flow) return { outcome: "failed", reason: "flow cookie missing, tampered with or expired" };

  let claims: { sub: string; email?: unknown; email_verified?: unknown };
  try {
    const configuration = await providerConfiguration(settings, now);
    // openid-client takes the redirect_uri for the token request from this URL, so it is
    // rebuilt from the registered one rather than from the Host the request happened to carry.
    const currentUrl = new URL(oidcRedirectUri(deps.config.publicUrl));
    currentUrl.search = input.search;
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { outcome: "failed", reason: "no ID token" };
    claims = idToken;
    // Providers that keep the ID token lean (as the specification suggests for the code flow)
    // give the email at the userinfo endpoint; openid-client checks it is about the same subject.
    if (idToken.email === undefined && configuration.serverMetadata().userinfo_endpoint)
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), sub: idToken.sub };
  } catch (error) {
    return { outcome: "failed", reason: describeError(error) };
  }

  const issuer = settings.issuer;
  const subject = claims.sub;
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [linked] = await db
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
    let user: UserRow | null = linked ? await selectUser(db, linked.userId) : null;
    if (!linked) {
      const candidate =
        claims.email_verified === true && typeof claims.email === "string"
          ? await selectUserByEmail(db, claims.email)
          : null;
      if (candidate?.status !== "active") return { outcome: "unknown-identity" as const };
      const [otherIdentity] = await db
        .select({ subject: userIdentities.subject })
        .from(userIdentities)
        .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.userId, candidate.id)));
      if (otherIdentity) return { outcome: "unknown-identity" as const };
      // Two callbacks for the same new identity may race; the second finds the link made.
      const inserted = await db
        .insert(userIdentities)
        .values({ issuer, subject, userId: candidate.id, createdAt: now })
        .onConflictDoNothing()
        .returning({ userId: userIdentities.userId });
      if (inserted.length === 0) return { outcome: "failed" as const, reason: "identity linked concurrently" };
      const actor: Actor = {
        kind: "user",
        userId: candidate.id,
        displayName: candidate.displayName,
        sessionId: null,
        memberships: await selectMemberships(db, candidate.id),
        secondFactor: false,
      };
      await recordAudit(
        db,
        actor,
        {
          action: "user.identity-linked",
          subjectType: "user",
          subjectId: candidate.id,
          after: { issuer, subject },
          // The subject identifies the person at the provider: the row says it was set, not to what.
          personal: ["subject"],
        },
        input.request,
      );
      user = candidate;
    }
    if (user?.status !== "active") return { outcome: "unknown-identity" as const };
    const opened = await openSession(db, user, {
      previousSessionToken: input.previousSessionToken,
      now,
      request: input.request,
      audit: { method: "oidc" },
    });
    return { ...opened, next: flow.next };
  });
}
