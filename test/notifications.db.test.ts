import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../src/modules/accounts/schema";
import { type NotificationKind, notify, sendNotificationDigests } from "../src/modules/notifications";
import { notifications } from "../src/modules/notifications/schema";
import { auditEvents } from "../src/platform/audit/schema";
import type { Db } from "../src/platform/db/database";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { createLogger } from "../src/platform/logger";
import { deliverOutbox } from "../src/platform/mail/outbox";
import type { VisibilityTier } from "../src/platform/visibility";
import { startTestPlatform } from "./support/platform";
import { Browser } from "./support/session";
import { startSmtpPeer } from "./support/smtp-peer";

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const deliver = () =>
  deliverOutbox({ db: app.database.db, config: app.platform.services.config, logger: createLogger("silent") });
let organisation: (sql: string) => Promise<string>;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  app = await startTestPlatform({ env: { SMTP_URL: smtp.url, PUBLIC_URL: "https://item10.example" } });
  organisation = async (where) =>
    String((await app.database.executeSql(`select id from organisations where ${where}`)).rows[0]!.id);
});
afterAll(async () => {
  await app.stop();
  await smtp.close();
});

/** Tells a State's focal points something about one of its requests, as the requests module will. */
async function tellState(
  where: string,
  options: {
    kind?: NotificationKind;
    visibility?: VisibilityTier;
    title?: string;
    audience?: "state" | "secretariat";
  } = {},
) {
  const owner = await organisation(where);
  const id = randomUUID();
  const db = app.database.db;
  await db.transaction((tx) =>
    notify(
      tx as unknown as Db,
      {
        kind: options.kind ?? "request-opened",
        subject: { type: "support-request", id },
        record: { ownerOrganisationId: owner, visibility: options.visibility ?? "private", grantedOrganisationIds: [] },
        audience:
          options.audience === "secretariat"
            ? [{ role: "secretariat-officer", secretariat: true }]
            : [{ organisationId: owner, role: "state-focal-point" }],
        values: { title: options.title ?? `Request ${id.slice(0, 8)}` },
        link: `/requests/${id}`,
      },
      { publicUrl: app.platform.services.config.publicUrl },
    ),
  );
  return id;
}
const FIJI = "kind = 'state' and country_iso3 = 'FJI'";
const HONDURAS = "kind = 'state' and country_iso3 = 'HND'";

/** The value of the checked radio button named `name`. */
function checked(page: string, name: string): string[] {
  return [...page.matchAll(new RegExp(`name="${name}"( checked="")? value="([a-z]+)"`, "g"))]
    .filter((m) => m[1])
    .map((m) => m[2]!);
}

async function html(browser: Browser, path: string) {
  const response = await browser.request(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

describe("the notification centre", () => {
  let fiji: Browser;
  const ids: string[] = [];
  beforeAll(async () => {
    fiji = new Browser(fetcher);
    await fiji.signIn("fiji@example.org");
    // Whatever the demo content told Fiji before is read: the counts below are this test's own.
    await app.database.executeSql(
      "update notifications set read_at = now() where user_id = (select id from users where email = 'fiji@example.org')",
    );
    ids.push(await tellState(FIJI, { title: "National mechanism for reporting" }));
    ids.push(await tellState(FIJI, { title: "Prison monitoring" }));
  });

  it("counts unread notifications in the header and lists them, unread said in words, linked in the reader's language", async () => {
    const home = await html(fiji, "/en");
    expect(home).toContain('<a href="/en/notifications">Notifications (2 unread)</a>');

    const page = await html(fiji, "/en/notifications");
    expect(page).toContain("You have 2 unread notifications.");
    expect(page.match(/<span class="badge">Unread<\/span>/g)).toHaveLength(2);
    expect(page).toContain(
      `<a href="/en/requests/${ids[1]}">Your request for support “Prison monitoring” passed screening and is now open to providers.</a>`,
    );
    // Newest first.
    expect(page.indexOf(ids[1]!)).toBeLessThan(page.indexOf(ids[0]!));

    const french = await html(fiji, "/fr/notifications");
    expect(french).toContain(`href="/fr/requests/${ids[0]}"`);
    expect(french).toContain("« National mechanism for reporting » a passé l’examen préalable");
    expect(french).toContain("Non lue");
    expect(french).toContain(CATALOGUES.fr["notifications.markAllRead"]);
  });

  it("marks one, then all, as read, and never someone else's", async () => {
    const hondurasRequest = await tellState(HONDURAS);
    const [theirs] = await app.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.subjectId, hondurasRequest));
    const refused = await fiji.submit("/en/notifications", { intent: "read", id: theirs!.id });
    expect(refused.status).toBe(302);
    const [still] = await app.database.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(still!.readAt).toBeNull();

    const [mine] = await app.database.db.select().from(notifications).where(eq(notifications.subjectId, ids[0]!));
    const one = await fiji.submit("/en/notifications", { intent: "read", id: mine!.id });
    expect(one.headers.get("location")).toBe("/en/notifications");
    const after = await html(fiji, "/en/notifications");
    expect(after).toContain("The notification is marked as read.");
    expect(after).toContain("You have 1 unread notification.");
    expect(after).toContain('<span class="badge">Read</span>');

    await fiji.submit("/en/notifications", { intent: "read-all" });
    const none = await html(fiji, "/en/notifications");
    expect(none).toContain("All your notifications are marked as read.");
    expect(none).toContain("You have no unread notifications.");
    expect(none).not.toContain('name="intent" value="read-all"');
    expect(await html(fiji, "/en")).toContain('<a href="/en/notifications">Notifications</a>');
    const [hondurasStill] = await app.database.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(hondurasStill!.readAt).toBeNull();
  });

  it("pages a long list and returns to the page a notification was marked on", async () => {
    for (let i = 0; i < 20; i++) await tellState(FIJI);
    const first = await html(fiji, "/en/notifications");
    expect(first).toContain('href="/en/notifications?page=2"');
    const second = await html(fiji, "/en/notifications?page=2");
    // The two oldest (already read) are on the second page of 22.
    expect(second).toContain(`href="/en/requests/${ids[0]}"`);
    expect(second).toContain(`href="/en/requests/${ids[1]}"`);

    const [unread] = await app.database.db
      .select()
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(users.email, "fiji@example.org"), isNull(notifications.readAt)))
      .limit(1);
    const marked = await fiji.submit(
      "/en/notifications?page=2",
      { intent: "read", id: unread!.notifications.id },
      "/en/notifications?page=2",
    );
    expect(marked.headers.get("location")).toBe("/en/notifications?page=2");
  });
});

describe("notification preferences", () => {
  it("offers one radio pair per kind, saves and audits the choice, and summarises errors", async () => {
    const honduras = new Browser(fetcher);
    await honduras.signIn("honduras@example.org");
    const form = await html(honduras, "/en/account/notifications");
    for (const kind of [
      "screening-due",
      "request-returned",
      "request-opened",
      "request-matches-offer",
      "request-withdrawn",
    ]) {
      expect(checked(form, kind)).toEqual(["immediate"]);
      expect(form).toContain(`name="${kind}" value="daily"`);
    }
    expect(form).toContain("<legend>Your request was opened to providers</legend>");

    const saved = await honduras.submit("/en/account/notifications", { "request-opened": "daily" });
    expect(saved.headers.get("location")).toBe("/en/account/notifications");
    const after = await html(honduras, "/en/account/notifications");
    expect(after).toContain("Your notification preferences are saved.");
    expect(checked(after, "request-opened")).toEqual(["daily"]);
    expect(checked(after, "screening-due")).toEqual(["immediate"]);
    const audit = await app.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "notification.preferences"));
    expect(audit.map((a) => a.changes)).toContainEqual({ "request-opened": ["immediate", "daily"] });

    const wrong = await honduras.submit("/en/account/notifications", { "request-opened": "weekly" });
    expect(wrong.status).toBe(400);
    const body = await wrong.text();
    expect(body).toContain('<a href="#request-opened">Choose by email at once, or in the daily summary</a>');

    const spanish = await html(honduras, "/es/account/notifications");
    expect(spanish).toContain(CATALOGUES.es["notificationPreferences.daily"]);
  });
});

describe("email over SMTP", () => {
  it("delivers an immediate notification in the recipient's language with a link to the page", async () => {
    const id = await tellState(FIJI, {
      audience: "secretariat",
      visibility: "secretariat",
      kind: "screening-due",
      title: "Juvenile justice",
    });
    expect((await deliver()).failed).toBe(0);
    const mail = smtp.received.find((m) => m.text.includes(id) && m.to === "secretariat@example.org")!;
    expect(mail.language).toBe("fr");
    expect(mail.subject).toBe("Notification item10 : Une demande attend l’examen préalable");
    expect(mail.text).toContain("Une demande d’appui attend l’examen préalable : « Juvenile justice ».");
    expect(mail.text).toContain(`https://item10.example/fr/requests/${id}`);
    expect(mail.text).toContain("https://item10.example/fr/account/notifications");
  });

  it("gathers the daily reader's notifications into one summary, sent once", async () => {
    // Honduras chose the daily summary for opened requests (above).
    const before = smtp.received.length;
    const first = await tellState(HONDURAS, { title: "Derechos de los pueblos indígenas" });
    const second = await tellState(HONDURAS, { title: "Defensores de derechos humanos" });
    await deliver();
    expect(smtp.received.slice(before).filter((m) => m.to === "honduras@example.org")).toEqual([]);

    const config = app.platform.services.config;
    expect(await sendNotificationDigests({ db: app.database.db, config })).toEqual({ emails: 1, notifications: 2 });
    expect(await sendNotificationDigests({ db: app.database.db, config })).toEqual({ emails: 0, notifications: 0 });
    await deliver();
    const digests = smtp.received.slice(before).filter((m) => m.to === "honduras@example.org");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.language).toBe("es");
    expect(digests[0]!.subject).toBe("item10: 2 notificaciones nuevas");
    expect(digests[0]!.text).toContain(`https://item10.example/es/requests/${first}`);
    expect(digests[0]!.text).toContain(`https://item10.example/es/requests/${second}`);
    expect(digests[0]!.text).toContain("«Derechos de los pueblos indígenas» superó la evaluación previa");
  });
});
