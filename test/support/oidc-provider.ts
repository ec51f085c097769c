import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type AccountClaims } from "oidc-provider";

export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  /** Give the email only at the userinfo endpoint, as providers with lean ID tokens do. */
  emailOnlyAtUserinfo?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Plays the browser at the provider: opens the authorization URL, signs in as `accountId`
   * through the provider's own login form, consents on its consent form, and returns the URL the
   * provider finally redirects to (the app's callback, with `code` and `state`, or an error).
   */
  authorize(authorizationUrl: string, accountId: string): Promise<URL>;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, the certified implementation) on 127.0.0.1 and a free
 * port, with one confidential client and a fixed set of accounts. Its development login and
 * consent pages are used as they are: the test posts their forms like a person would.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  accounts: Record<string, ProviderAccount>;
}): Promise<TestOidcProvider> {
  // Listening first, on a port the system picks, so the issuer can name it without a race.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "item10";
  const clientSecret = randomBytes(32).toString("base64url");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    // Claims in the ID token even in the code flow, as most providers do (Entra ID, Google, Keycloak).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    async findAccount(_ctx, id) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims(use): Promise<AccountClaims> {
          if (account.emailOnlyAtUserinfo && use === "id_token") return { sub: id };
          return { sub: id, email: account.email, email_verified: account.email_verified };
        },
      };
    },
  });
  server.on("request", provider.callback());

  async function authorize(authorizationUrl: string, accountId: string): Promise<URL> {
    // The provider's own cookies (interaction and session); ours never go to it.
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      const headers = new Headers(init.headers);
      headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
      const response = await fetch(url, { ...init, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const name = pair.slice(0, pair.indexOf("="));
        const value = pair.slice(pair.indexOf("=") + 1);
        const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
        if (expired || value === "") jar.delete(name);
        else jar.set(name, value);
      }
      const location = response.headers.get("location");
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next;
        init = {};
        continue;
      }
      const page = await response.text();
      if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${page.slice(0, 300)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`no interaction form on ${url}: ${page.slice(0, 300)}`);
      url = new URL(action.replaceAll("&amp;", "&"), url);
      const fields: Record<string, string> =
        prompt === "login" ? { prompt, login: accountId, password: "any password" } : { prompt };
      init = {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      };
    }
    throw new Error("the provider kept redirecting");
  }

  return {
    issuer,
    clientId,
    clientSecret,
    authorize,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
