import { generate } from "otplib";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../src/modules/accounts";

type Fetch = (path: string, init?: RequestInit) => Response | Promise<Response>;

/** A browser's cookie jar, enough for our own cookies. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(private readonly fetch: Fetch) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const response = await this.fetch(path, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      if (attributes.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  /** The CSRF token of the session, as the page that holds the form carries it. */
  private async csrfToken(formPage: string): Promise<string> {
    const page = await (await this.request(formPage)).text();
    const token = /name="_csrf" value="([^"]*)"/.exec(page)?.[1];
    if (!token) throw new Error(`no CSRF field on ${formPage}`);
    return token;
  }

  /** A page's status and HTML. */
  async html(path: string): Promise<{ status: number; body: string }> {
    const response = await this.request(path);
    return { status: response.status, body: await response.text() };
  }

  /**
   * Submits a form as our pages do: with the CSRF token from the page that holds the form.
   * Checkbox groups post one value per ticked box: give those fields as repeated pairs.
   */
  async submit(
    path: string,
    fields: Record<string, string> | readonly (readonly [string, string])[],
    formPage = path.split("#")[0]!,
  ): Promise<Response> {
    const token = await this.csrfToken(formPage);
    const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["_csrf", token], ...pairs]).toString(),
    });
  }

  /** Submits a form with files (multipart), as a browser sends an upload. */
  async upload(path: string, fields: Record<string, string | File>, formPage = path): Promise<Response> {
    const token = await this.csrfToken(formPage);
    const body = new FormData();
    body.set("_csrf", token);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.request(path, { method: "POST", body });
  }

  /**
   * Issues an API token on the account page, as a signed-in focal point does, for the
   * organisation whose name starts with `organisation`.
   */
  async issueApiToken(organisation: string, scope: "read" | "read-write", name = `Test ${scope}`): Promise<string> {
    const page = await (await this.request("/en/account/api-tokens")).text();
    const escaped = organisation.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const organisationId = new RegExp(`<option value="([0-9a-f-]{36})">${escaped}`).exec(page)?.[1];
    if (!organisationId) throw new Error(`no organisation ${organisation} to issue a token for`);
    const created = await this.submit("/en/account/api-tokens", {
      intent: "create",
      organisationId,
      name,
      scope,
      days: "30",
    });
    const token = /<code class="token">([^<]+)<\/code>/.exec(await created.text())?.[1];
    if (!token) throw new Error(`no token issued for ${organisation}`);
    return token;
  }

  /** Signs in as a demo user, passing the second factor when the account has one. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<Response> {
    const response = await this.submit("/en/sign-in", { email, password, next: "/en" });
    const location = response.headers.get("location") ?? "";
    if (!location.includes("/sign-in/second-factor")) return response;
    return this.submit(
      "/en/sign-in/second-factor",
      { code: await generate({ secret: DEMO_TOTP_SECRET }), next: "/en" },
      location,
    );
  }
}
