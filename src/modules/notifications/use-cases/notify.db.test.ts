import { randomUUID } from "node:crypto";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database";
import type { Actor } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import type { Db } from "../../../platform/db/database";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { outboxMessages } from "../../../platform/mail/schema";
import type { VisibilityTier } from "../../../platform/visibility";
import { findRecipients } from "../../accounts";
import { notificationPreferences, notifications } from "../schema";
import { countUnreadNotifications, listMyNotifications } from "./list-my-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { type NotifyInput, notify, recipientActor } from "./notify";
import { getMyPreferences, setMyPreferences } from "./preferences";
import { sendNotificationDigests } from "./send-digests";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const org: Record<string, string> = {};
const PUBLIC_URL = "https://item10.example";

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  // Another module's tables: read with plain SQL, as the architecture rules keep modules apart.
  const { rows } = await database.executeSql("select id, kind, country_iso3, is_secretariat from organisations");
  for (const o of rows as { id: string; kind: string; country_iso3: string | null; is_secretariat: boolean }[]) {
    if (o.is_secretariat) org.secretariat = o.id;
    else if (o.kind === "state") org[o.country_iso3!.toLowerCase()] = o.id;
    else org[o.kind] = o.id;
  }
});
afterAll(async () => {
  await database.dispose();
});

async function userId(email: string): Promise<string> {
  const { rows } = await database.executeSql("select id from users where email = $1", [email]);
  return String(rows[0]!.id);
}

async function actorOf(email: string): Promise<Actor> {
  const [recipient] = await findRecipients(db, [{ userId: await userId(email) }]);
  return recipientActor(recipient!);
}

/** A request of Fiji's at the given tier, and what notify is told about it. */
function fijiRequest(visibility: VisibilityTier, over: Partial<NotifyInput> = {}): NotifyInput {
  const id = randomUUID();
  return {
    kind: "screening-due",
    subject: { type: "support-request", id },
    record: { ownerOrganisationId: org.fji!, visibility, grantedOrganisationIds: [] },
    audience: [],
    values: { title: `Prison reform ${id.slice(0, 8)}` },
    link: `/requests/${id}`,
    ...over,
  };
}

async function send(n: NotifyInput) {
  return db.transaction((tx) => notify(tx as unknown as Db, n, { publicUrl: PUBLIC_URL }));
}

/** Who got a notification about the subject (of one kind, when given), by email, sorted. */
async function notified(subjectId: string, kind?: string): Promise<string[]> {
  const { rows } = await database.executeSql(
    `select u.email from notifications n join users u on u.id = n.user_id
     where n.subject_id = $1 and ($2::text is null or n.kind = $2) order by u.email`,
    [subjectId, kind ?? null],
  );
  return rows.map((r) => String(r.email));
}

/** The emails written about the subject (its id is in the link). */
async function mailsAbout(subjectId: string) {
  return db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.text, `%${subjectId}%`));
}

const SECRETARIAT_AND_COMMITTEE = [
  { role: "secretariat-officer" as const, secretariat: true },
  { role: "advisory-committee-member" as const },
];
/** Who the seed makes of a kind, read from the database so that more demo people change nothing here. */
async function emailsWhere(where: string, params: unknown[] = []): Promise<string[]> {
  const { rows } = await database.executeSql(
    `select distinct u.email from users u join memberships m on m.user_id = u.id
     join organisations o on o.id = m.organisation_id where u.status = 'active' and (${where}) order by u.email`,
    params,
  );
  return rows.map((r) => String(r.email));
}
const sorted = (emails: string[]) => [...new Set(emails)].sort();
const SECRETARIAT_OR_COMMITTEE =
  "(m.role = 'secretariat-officer' and o.is_secretariat) or m.role = 'advisory-committee-member'";

describe("who is notified", () => {
  it("picks the people the selectors name, each once, and nobody for an empty selector", async () => {
    const n = fijiRequest("secretariat", {
      audience: [...SECRETARIAT_AND_COMMITTEE, { userId: await userId("committee@example.org") }, {}],
    });
    const expected = await emailsWhere(SECRETARIAT_OR_COMMITTEE);
    expect(expected).toEqual(expect.arrayContaining(["committee@example.org", "secretariat@example.org"]));
    expect(await send(n)).toEqual({ notified: expected.length });
    expect(await notified(n.subject.id)).toEqual(expected);

    const byOrganisation = fijiRequest("private", { audience: [{ organisationId: org.fji! }] });
    await send(byOrganisation);
    expect(await notified(byOrganisation.subject.id)).toEqual(await emailsWhere("o.id = $1", [org.fji]));

    const nobody = fijiRequest("public", { audience: [{}] });
    expect(await send(nobody)).toEqual({ notified: 0 });
  });

  it("tells nobody who may not see the record: no row and no email", async () => {
    // Providers are not told of a request kept to the secretariat.
    const secret = fijiRequest("secretariat", { audience: [{ role: "provider-focal-point" }] });
    expect(await send(secret)).toEqual({ notified: 0 });
    expect(await notified(secret.subject.id)).toEqual([]);
    expect(await mailsAbout(secret.subject.id)).toEqual([]);

    // The same request open to providers reaches each of them.
    const open = fijiRequest("providers", { audience: [{ role: "provider-focal-point" }] });
    const providers = await emailsWhere("m.role = 'provider-focal-point'");
    expect(providers).toEqual(expect.arrayContaining(["norway@example.org", "undp@example.org"]));
    expect(await send(open)).toEqual({ notified: providers.length });
    expect(await notified(open.subject.id)).toEqual(providers);

    // Another State does not learn of Fiji's private request, even when named by role,
    // nor does the secretariat; an organisation it was shared with does.
    const privateOne = fijiRequest("private", {
      audience: [{ role: "state-focal-point" }, ...SECRETARIAT_AND_COMMITTEE, { organisationId: org.nor! }],
      record: { ownerOrganisationId: org.fji!, visibility: "private", grantedOrganisationIds: [org.nor!] },
    });
    await send(privateOne);
    const allowed = sorted([
      ...(await emailsWhere("o.id = $1 and m.role = 'state-focal-point'", [org.fji])),
      ...(await emailsWhere("o.id = $1", [org.nor])),
    ]);
    expect(allowed).toEqual(expect.arrayContaining(["fiji@example.org", "norway@example.org"]));
    expect(allowed).not.toContain("honduras@example.org");
    expect(await notified(privateOne.subject.id)).toEqual(allowed);
    expect(sorted((await mailsAbout(privateOne.subject.id)).map((m) => m.recipient))).toEqual(allowed);
  });

  it("does not tell the actor about their own act", async () => {
    const n = fijiRequest("private", {
      audience: [{ organisationId: org.fji! }],
      exceptUserId: await userId("fiji@example.org"),
    });
    const others = (await emailsWhere("o.id = $1", [org.fji])).filter((e) => e !== "fiji@example.org");
    expect(await send(n)).toEqual({ notified: others.length });
    expect(await notified(n.subject.id)).toEqual(others);
  });

  it("adds everyone told before about the same subject when asked, still judged by what they may see", async () => {
    const screening = fijiRequest("secretariat", { audience: SECRETARIAT_AND_COMMITTEE });
    await send(screening);
    const matched = { ...screening, kind: "request-matches-offer" as const, values: { title: "T", offer: "O" } };
    await send({
      ...matched,
      audience: [{ userId: await userId("norway@example.org") }],
      record: { ...screening.record, visibility: "providers" },
    });
    const withdrawn = {
      ...screening,
      kind: "request-withdrawn" as const,
      audience: [{ organisationId: org.fji! }],
      exceptUserId: await userId("fiji@example.org"),
    };
    const fijiOthers = (await emailsWhere("o.id = $1", [org.fji])).filter((e) => e !== "fiji@example.org");

    await send({ ...withdrawn, includePriorRecipients: true });
    const after = await notified(screening.subject.id, "request-withdrawn");
    // Norway was told of the match while the request was open to providers; now that it is
    // kept to the secretariat, Norway may not see it and is not told it was withdrawn.
    expect(after).toEqual(sorted([...(await emailsWhere(SECRETARIAT_OR_COMMITTEE)), ...fijiOthers]));
    expect(after).not.toContain("norway@example.org");
    expect(after).not.toContain("fiji@example.org");

    // Without asking, only the audience is told.
    const withoutPrior = { ...withdrawn, subject: { type: "support-request" as const, id: randomUUID() } };
    await send({ ...withoutPrior, kind: "screening-due", audience: SECRETARIAT_AND_COMMITTEE });
    await send(withoutPrior);
    expect(await notified(withoutPrior.subject.id, "request-withdrawn")).toEqual(fijiOthers);
  });

  it("skips closed accounts", async () => {
    const { rows } = await database.executeSql(
      "insert into users (email, display_name, status, closed_at) values ('former.officer@example.org', 'Former', 'closed', now()) returning id",
    );
    const closedId = String(rows[0]!.id);
    await database.executeSql(
      "insert into memberships (user_id, organisation_id, role) values ($1, $2, 'state-focal-point')",
      [closedId, org.fji],
    );
    const n = fijiRequest("private", { audience: [{ organisationId: org.fji! }, { userId: closedId }] });
    await send(n);
    expect(await notified(n.subject.id)).toEqual(await emailsWhere("o.id = $1", [org.fji]));
    expect(await notified(n.subject.id)).not.toContain("former.officer@example.org");
  });

  it("refuses what it could not render or link safely", async () => {
    await expect(send(fijiRequest("public", { kind: "request-returned" }))).rejects.toThrow(/missing values reason/);
    await expect(send(fijiRequest("public", { link: "https://evil.example/" }))).rejects.toThrow(/not a path/);
    await expect(send(fijiRequest("public", { link: "/fr/requests/1" }))).rejects.toThrow(/not a path/);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const n = fijiRequest("secretariat", { audience: SECRETARIAT_AND_COMMITTEE });
    await expect(
      db.transaction(async (tx) => {
        await notify(tx as unknown as Db, n, { publicUrl: PUBLIC_URL });
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect(await notified(n.subject.id)).toEqual([]);
    expect(await mailsAbout(n.subject.id)).toEqual([]);
  });
});

describe("email", () => {
  it("writes at once to each recipient in their own language, with the absolute link", async () => {
    const n = fijiRequest("secretariat", {
      kind: "request-returned",
      audience: [{ role: "secretariat-officer", secretariat: true }],
      values: { title: "Réforme pénitentiaire", reason: "Hors du mandat" },
    });
    await send(n);
    const honduras = fijiRequest("private", {
      kind: "request-opened",
      record: { ownerOrganisationId: org.hnd!, visibility: "private", grantedOrganisationIds: [] },
      audience: [{ organisationId: org.hnd! }],
    });
    await send(honduras);

    const french = (await mailsAbout(n.subject.id)).find((m) => m.recipient === "secretariat@example.org");
    expect(french).toMatchObject({ recipient: "secretariat@example.org", locale: "fr", kind: "notification" });
    expect(french!.subject).toBe(
      CATALOGUES.fr["mail.notification.subject"].replace(
        "{label}",
        CATALOGUES.fr["notification.request-returned.label"],
      ),
    );
    expect(french!.text).toContain("Bonjour Amina Diallo");
    expect(french!.text).toContain(
      "« Réforme pénitentiaire » a été renvoyée après l’examen préalable : Hors du mandat",
    );
    expect(french!.text).toContain(`${PUBLIC_URL}/fr/requests/${n.subject.id}`);
    expect(french!.text).toContain(`${PUBLIC_URL}/fr/account/notifications`);

    const spanish = (await mailsAbout(honduras.subject.id)).find((m) => m.recipient === "honduras@example.org");
    expect(spanish).toMatchObject({ recipient: "honduras@example.org", locale: "es" });
    expect(spanish!.text).toContain("Hola, Carlos Mejía");
    expect(spanish!.text).toContain(`${PUBLIC_URL}/es/requests/${honduras.subject.id}`);

    const rows = await db.select().from(notifications).where(eq(notifications.subjectId, n.subject.id));
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);
  });

  it("without a configured address, links to the site as the process's environment names it", async () => {
    const n = fijiRequest("private", { audience: [{ organisationId: org.fji! }] });
    await db.transaction((tx) => notify(tx as unknown as Db, n));
    const [mail] = await mailsAbout(n.subject.id);
    expect(mail!.text).toMatch(new RegExp(`https?://[^/\\s]+/en/requests/${n.subject.id}`));
  });

  it("leaves daily readers for the summary, which sends one email per person and never twice", async () => {
    const honduras = await actorOf("honduras@example.org");
    const saved = await setMyPreferences(
      { actor: honduras, form: { "request-opened": "daily", "request-withdrawn": "daily" }, request: {} },
      { db },
    );
    expect(saved.outcome).toBe("saved");
    const secretariat = await actorOf("secretariat@example.org");
    await setMyPreferences({ actor: secretariat, form: { "screening-due": "daily" }, request: {} }, { db });

    const record = { ownerOrganisationId: org.hnd!, visibility: "secretariat" as const, grantedOrganisationIds: [] };
    const opened = fijiRequest("secretariat", {
      kind: "request-opened",
      record,
      audience: [{ organisationId: org.hnd! }],
    });
    const withdrawn = fijiRequest("secretariat", {
      kind: "request-withdrawn",
      record,
      audience: [{ organisationId: org.hnd! }],
    });
    const due = fijiRequest("secretariat", { record, audience: SECRETARIAT_AND_COMMITTEE });
    for (const n of [opened, withdrawn, due]) await send(n);

    // Nothing mailed yet to those who chose the summary; the committee member (no preference) had it at once.
    expect(await mailsAbout(opened.subject.id)).toEqual([]);
    expect(await mailsAbout(withdrawn.subject.id)).toEqual([]);
    expect(sorted((await mailsAbout(due.subject.id)).map((m) => m.recipient))).toEqual(
      (await emailsWhere(SECRETARIAT_OR_COMMITTEE)).filter((e) => e !== "secretariat@example.org"),
    );

    // Two concurrent runs (several workers): each notification is carried by exactly one email.
    const config = { publicUrl: PUBLIC_URL };
    const runs = await Promise.all([sendNotificationDigests({ db, config }), sendNotificationDigests({ db, config })]);
    const digests = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, "notification-digest"));
    expect(digests.map((d) => d.recipient).sort()).toEqual(["honduras@example.org", "secretariat@example.org"]);
    expect(runs.reduce((sum, r) => sum + r.emails, 0)).toBe(2);

    const spanish = digests.find((d) => d.recipient === "honduras@example.org")!;
    expect(spanish.locale).toBe("es");
    expect(spanish.subject).toBe("item10: 2 notificaciones nuevas");
    expect(spanish.text).toContain(`${PUBLIC_URL}/es/requests/${opened.subject.id}`);
    expect(spanish.text).toContain(`${PUBLIC_URL}/es/requests/${withdrawn.subject.id}`);
    expect(spanish.text).toContain("fue retirada");
    const french = digests.find((d) => d.recipient === "secretariat@example.org")!;
    expect(french.text).toContain(`${PUBLIC_URL}/fr/requests/${due.subject.id}`);

    expect(await sendNotificationDigests({ db, config })).toEqual({ emails: 0, notifications: 0 });
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(sql`${notifications.emailedAt} is null`);
    expect(left!.n).toBe(0);
  });

  it("leaves for tomorrow what arrives after the summary started", async () => {
    const honduras = await actorOf("honduras@example.org");
    await setMyPreferences({ actor: honduras, form: { "request-opened": "daily" }, request: {} }, { db });
    const record = { ownerOrganisationId: org.hnd!, visibility: "private" as const, grantedOrganisationIds: [] };
    const n = fijiRequest("private", { kind: "request-opened", record, audience: [{ organisationId: org.hnd! }] });
    await send(n);
    const yesterday = () => new Date(Date.now() - 86_400_000);
    expect(await sendNotificationDigests({ db, config: { publicUrl: PUBLIC_URL }, now: yesterday })).toEqual({
      emails: 0,
      notifications: 0,
    });
    expect(await sendNotificationDigests({ db, config: { publicUrl: PUBLIC_URL } })).toEqual({
      emails: 1,
      notifications: 1,
    });
  });
});

describe("a person's own notifications", () => {
  it("lists them newest first with the unread count, and marks only the actor's own as read", async () => {
    const fiji = await actorOf("fiji@example.org");
    const honduras = await actorOf("honduras@example.org");
    const first = fijiRequest("private", { kind: "request-opened", audience: [{ organisationId: org.fji! }] });
    const second = fijiRequest("private", { kind: "request-opened", audience: [{ organisationId: org.fji! }] });
    await send(first);
    await send(second);

    const list = await listMyNotifications({ actor: fiji, page: 1, perPage: 2 }, { db });
    expect(list.items.map((i) => i.link)).toEqual([second.link, first.link]);
    expect(list.unread).toBe(list.total);
    expect(list.pageCount).toBe(Math.ceil(list.total / 2));
    expect(await countUnreadNotifications({ actor: fiji }, { db })).toBe(list.unread);

    const hondurasUnread = await countUnreadNotifications({ actor: honduras }, { db });
    const hondurasList = await listMyNotifications({ actor: honduras, page: 1, perPage: 1 }, { db });
    // Fiji cannot mark Honduras's notification, one by one or all at once.
    expect(await markNotificationsRead({ actor: fiji, which: { id: hondurasList.items[0]!.id } }, { db })).toEqual({
      marked: 0,
    });
    expect(await markNotificationsRead({ actor: fiji, which: { id: "not-an-id" } }, { db })).toEqual({ marked: 0 });
    expect(await markNotificationsRead({ actor: fiji, which: { id: list.items[0]!.id } }, { db })).toEqual({
      marked: 1,
    });
    expect(await countUnreadNotifications({ actor: fiji }, { db })).toBe(list.unread - 1);
    expect(await markNotificationsRead({ actor: fiji, which: "all" }, { db })).toEqual({ marked: list.unread - 1 });
    expect(await countUnreadNotifications({ actor: fiji }, { db })).toBe(0);
    expect(await countUnreadNotifications({ actor: honduras }, { db })).toBe(hondurasUnread);
  });

  it("refuses anyone but a signed-in person; the header count is simply 0 for them", async () => {
    const token: Actor = {
      kind: "token",
      tokenId: randomUUID(),
      organisationId: org.fji!,
      scope: "read-write",
      membership: {
        organisationId: org.fji!,
        organisationKind: "state",
        isSecretariat: false,
        role: "state-focal-point",
        regionalGroup: null,
        countryIso3: "FJI",
      },
    };
    await expect(listMyNotifications({ actor: token, page: 1, perPage: 10 }, { db })).rejects.toThrow();
    await expect(markNotificationsRead({ actor: { kind: "anonymous" }, which: "all" }, { db })).rejects.toThrow();
    await expect(getMyPreferences({ actor: token }, { db })).rejects.toThrow();
    expect(await countUnreadNotifications({ actor: { kind: "anonymous" } }, { db })).toBe(0);
  });

  it("keeps preferences per person and kind, audits each change, and refuses unknown deliveries", async () => {
    const norway = await actorOf("norway@example.org");
    const norwayId = await userId("norway@example.org");
    expect((await getMyPreferences({ actor: norway }, { db }))["request-matches-offer"]).toBe("immediate");
    await setMyPreferences(
      { actor: norway, form: { "request-matches-offer": "daily" }, request: { requestId: "r-1" } },
      { db },
    );
    expect(await getMyPreferences({ actor: norway }, { db })).toMatchObject({
      "request-matches-offer": "daily",
      "screening-due": "immediate",
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "notification.preferences"), eq(auditEvents.subjectId, norwayId)));
    expect(audit).toMatchObject({ actorUserId: norwayId, requestId: "r-1", organisationId: null });
    expect(audit!.changes).toEqual({ "request-matches-offer": ["immediate", "daily"] });

    expect(
      await setMyPreferences({ actor: norway, form: { "request-matches-offer": "weekly" }, request: {} }, { db }),
    ).toEqual({
      outcome: "invalid",
      problems: { "request-matches-offer": { key: "notificationPreferences.error.delivery" } },
    });
    const rows = await db
      .select()
      .from(notificationPreferences)
      .where(inArray(notificationPreferences.userId, [norwayId]));
    expect(rows.find((r) => r.kind === "request-matches-offer")?.delivery).toBe("daily");
  });
});
