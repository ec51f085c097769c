import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../src/modules/accounts/schema";
import { auditEvents } from "../src/platform/audit/schema";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { createLogger } from "../src/platform/logger";
import { deliverOutbox } from "../src/platform/mail/outbox";
import { outboxMessages } from "../src/platform/mail/schema";
import { startTestPlatform } from "./support/platform";
import { Browser } from "./support/session";
import { startSmtpPeer } from "./support/smtp-peer";

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const deliver = () =>
  deliverOutbox({ db: app.database.db, config: app.platform.services.config, logger: createLogger("silent") });
const linkIn = (text: string) => new URL(/https?:\/\/\S+/.exec(text)![0]).pathname;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  app = await startTestPlatform({ env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://item10.example" } });
});
afterAll(async () => {
  await app.stop();
  await smtp.close();
});

describe("joining by invitation", () => {
  it("emails a French invitation that a new colleague uses once to join, signed in at once", async () => {
    const focal = new Browser(fetcher);
    await focal.signIn("fiji@example.org");
    const page = await (await focal.request("/en/invitations/new")).text();
    const fijiMission = /<option value="([0-9a-f-]{36})">Permanent Mission of the Republic of Fiji/.exec(page)?.[1];
    expect(fijiMission).toBeDefined();
    const sent = await focal.submit("/en/invitations/new", {
      email: "Vani.Colleague@example.org",
      organisationId: fijiMission!,
      role: "state-focal-point",
      locale: "fr",
    });
    expect(sent.status).toBe(302);

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toBe("vani.colleague@example.org");
    expect(mail.language).toBe("fr");
    expect(mail.subject).toContain("Permanent Mission of the Republic of Fiji");
    expect(mail.subject).not.toBe(CATALOGUES.en["mail.invitation.subject"].replace("{organisation}", ""));
    const link = linkIn(mail.text);
    expect(link).toMatch(/^\/fr\/join\//);

    const colleague = new Browser(fetcher);
    const weak = await colleague.submit(link, { displayName: "Vani", password: "password1234" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('href="#password"');
    const joined = await colleague.submit(link, {
      displayName: "Vani Colleague",
      password: "reef lagoon breadfruit canoe",
    });
    expect(joined.status).toBe(302);
    const home = await (await colleague.request("/en")).text();
    expect(home).toContain("Welcome, Vani Colleague");
    expect(home).toContain(
      "Permanent Mission of the Republic of Fiji to the United Nations Office at Geneva: State focal point",
    );

    // The link is spent.
    expect((await new Browser(fetcher).request(link)).status).toBe(404);
  });

  it("does not let a focal point invite into another organisation or a role they do not hold", async () => {
    const focal = new Browser(fetcher);
    await focal.signIn("norway@example.org");
    const page = await (await focal.request("/en/invitations/new")).text();
    expect(page).toContain("Norwegian Agency for Development Cooperation");
    expect(page).not.toContain("Permanent Mission of the Republic of Fiji");
    const [fiji] = (
      await app.database.executeSql("select id from organisations where country_iso3 = 'FJI' and kind = 'state'")
    ).rows;
    const response = await focal.submit("/en/invitations/new", {
      email: "someone@example.org",
      organisationId: String(fiji!.id),
      role: "state-focal-point",
      locale: "en",
    });
    expect(response.status).toBe(403);
  });
});

describe("joining by request", () => {
  it("takes a request from anyone, which the secretariat approves into an emailed invitation", async () => {
    const stranger = new Browser(fetcher);
    const form = await (await stranger.request("/en/join-request")).text();
    expect(form).not.toContain("Office of the United Nations High Commissioner");
    const organisationId = /<option value="([0-9a-f-]{36})">Pacific Rights Network/.exec(form)?.[1];
    const bad = await stranger.submit("/en/join-request", {
      displayName: "A",
      email: "nope",
      organisationId: organisationId!,
      role: "secretariat-officer",
    });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    for (const field of ["displayName", "email", "role"]) expect(badPage).toContain(`href="#${field}"`);
    const ok = await stranger.submit("/en/join-request", {
      displayName: "Losa Vea",
      email: "losa.vea@example.org",
      organisationId: organisationId!,
      role: "provider-focal-point",
      message: "I coordinate our UPR follow-up work.",
    });
    expect(ok.status).toBe(302);

    const secretariat = new Browser(fetcher);
    await secretariat.signIn("secretariat@example.org");
    const queue = await (await secretariat.request("/en/admin/join-requests")).text();
    expect(queue).toContain("losa.vea@example.org");
    const id = /name="id" value="([0-9a-f-]{36})"/.exec(queue)?.[1];
    const before = smtp.received.length;
    expect((await secretariat.submit("/en/admin/join-requests", { id: id!, decision: "approve" })).status).toBe(302);
    await deliver();
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)?.to).toBe("losa.vea@example.org");
    expect(await (await secretariat.request("/en/admin/join-requests")).text()).not.toContain("losa.vea@example.org");
  });
});

describe("password reset", () => {
  it("emails a link in the person's language that sets a new password and ends every session", async () => {
    const oldSession = new Browser(fetcher);
    await oldSession.signIn("honduras@example.org");
    const requester = new Browser(fetcher);
    const before = smtp.received.length;
    await requester.submit("/en/forgot-password", { email: "honduras@example.org" });
    await requester.submit("/en/forgot-password", { email: "nobody-here@example.org" });
    await deliver();
    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.language).toBe("es");
    const link = linkIn(mail.text);
    expect(link).toMatch(/^\/es\/reset-password\//);
    expect((await requester.submit(link, { password: "short" })).status).toBe(400);
    expect((await requester.submit(link, { password: "cordillera de nombre de dios" })).status).toBe(302);
    expect((await oldSession.request("/en/account")).status).toBe(303);
    const fresh = new Browser(fetcher);
    expect((await fresh.signIn("honduras@example.org", "cordillera de nombre de dios")).status).toBe(302);
    expect((await requester.request(link)).status).toBe(404);
  });
});

describe("API tokens", () => {
  it("lets a focal point issue a token that the API accepts until it is revoked", async () => {
    const focal = new Browser(fetcher);
    await focal.signIn("thailand@example.org");
    const page = await (await focal.request("/en/account/api-tokens")).text();
    const organisationId = /<option value="([0-9a-f-]{36})">Thailand International Cooperation Agency/.exec(page)?.[1];
    const created = await focal.submit("/en/account/api-tokens", {
      intent: "create",
      organisationId: organisationId!,
      name: "National tracker",
      scope: "read",
      days: "30",
    });
    const token = /<code class="token">([^<]+)<\/code>/.exec(await created.text())?.[1];
    expect(token).toMatch(/^item10_/);

    const me = await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).data).toMatchObject({
      scope: "read",
      organisation: { countryIso3: "THA", kind: "state" },
    });
    const write = await app.request("/api/v1/me", { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(write.status).toBe(403);
    expect((await app.request("/api/v1/me", { headers: { authorization: "Bearer item10_forged" } })).status).toBe(401);
    expect((await app.request("/api/v1/me")).status).toBe(401);

    const listed = await (await focal.request("/en/account/api-tokens")).text();
    const tokenId = /name="tokenId" value="([0-9a-f-]{36})"/.exec(listed)?.[1];
    await focal.submit("/en/account/api-tokens", { intent: "revoke", tokenId: tokenId! });
    const after = await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("stores only the token's hash", async () => {
    const { rows } = await app.database.executeSql("select token_hash from api_tokens");
    for (const r of rows) expect(String(r.token_hash)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("personal data", () => {
  it("downloads everything held about the person, then closes the account keeping the audit trail whole", async () => {
    const person = new Browser(fetcher);
    await person.signIn("ngo@example.org");
    const download = await person.request("/en/account/data.json");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const document = (await download.json()) as any;
    expect(document.profile).toMatchObject({ email: "ngo@example.org", displayName: "Sione Taufa" });
    expect(document.memberships[0].role).toBe("provider-focal-point");
    expect(document.auditTrail.length).toBeGreaterThan(0);

    const [user] = await app.database.db.select().from(users).where(eq(users.email, "ngo@example.org"));
    const rowsBefore = Number(
      (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n,
    );
    expect((await person.submit("/en/account/close", {})).status).toBe(400);
    expect((await person.submit("/en/account/close", { confirm: "yes" })).status).toBe(302);

    const [closed] = await app.database.db.select().from(users).where(eq(users.id, user!.id));
    expect(closed).toMatchObject({ status: "closed", displayName: "Closed account", passwordHash: null });
    expect(closed!.email).not.toContain("ngo@");
    const rowsAfter = Number((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n);
    expect(rowsAfter).toBe(rowsBefore + 1);
    const trail = JSON.stringify(
      await app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user!.id)),
    );
    expect(trail).not.toContain("ngo@example.org");
    expect(trail).not.toContain("Sione");
    expect((await new Browser(fetcher).signIn("ngo@example.org")).status).toBe(401);
  });
});

describe("without a mail server", () => {
  it("keeps messages in the outbox, where the administrator reads them", async () => {
    const plain = await startTestPlatform({});
    try {
      const b = new Browser((p, i) => plain.request(p, i));
      await b.submit("/en/forgot-password", { email: "fiji@example.org" });
      expect(
        await deliverOutbox({
          db: plain.database.db,
          config: plain.platform.services.config,
          logger: createLogger("silent"),
        }),
      ).toEqual({ sent: 0, failed: 0 });
      const [held] = await plain.database.db.select().from(outboxMessages);
      expect(held).toMatchObject({ recipient: "fiji@example.org", sentAt: null, kind: "password-reset" });
      const admin = new Browser((p, i) => plain.request(p, i));
      await admin.signIn("admin@example.org");
      const outbox = await (await admin.request("/en/admin/outbox")).text();
      expect(outbox).toContain(held!.subject);
    } finally {
      await plain.stop();
    }
  });
});

describe("who may grant and take away roles", () => {
  it("lets only an administrator make an administrator", async () => {
    const officer = new Browser(fetcher);
    await officer.signIn("secretariat@example.org");
    const page = await (await officer.request("/en/invitations/new")).text();
    const ohchr = /<option value="([0-9a-f-]{36})">Office of the United Nations High Commissioner/.exec(page)?.[1];
    const raise = {
      email: "secretariat@example.org",
      organisationId: ohchr!,
      role: "platform-administrator",
      locale: "en",
    };
    expect((await officer.submit("/en/invitations/new", raise)).status).toBe(403);
    const admin = new Browser(fetcher);
    await admin.signIn("admin@example.org");
    expect((await admin.submit("/en/invitations/new", { ...raise, email: "new.admin@example.org" })).status).toBe(302);
  });

  it("ends the API tokens a person issued when they lose the role they issued them in", async () => {
    const focal = new Browser(fetcher);
    await focal.signIn("fiji@example.org");
    const page = await (await focal.request("/en/account/api-tokens")).text();
    const organisationId = /<option value="([0-9a-f-]{36})">Permanent Mission/.exec(page)?.[1];
    const created = await focal.submit("/en/account/api-tokens", {
      intent: "create",
      organisationId: organisationId!,
      name: "Tracker",
      scope: "read-write",
      days: "30",
    });
    const token = /<code class="token">([^<]+)<\/code>/.exec(await created.text())?.[1];
    expect((await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const officer = new Browser(fetcher);
    await officer.signIn("secretariat@example.org");
    const [fiji] = (await app.database.executeSql("select id from users where email = 'fiji@example.org'")).rows;
    const removed = await officer.submit(
      "/en/admin/users",
      { userId: String(fiji!.id), organisationId: organisationId!, role: "state-focal-point" },
      "/en/admin/users?q=fiji",
    );
    expect(removed.status).toBe(302);
    expect((await app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
