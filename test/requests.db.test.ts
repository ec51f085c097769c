import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../src/modules/notifications/schema";
import { offers } from "../src/modules/offers/schema";
import { recommendations } from "../src/modules/recommendations/schema";
import {
  actOnRequest,
  applyTransition,
  getRequest,
  publicRequestStatistics,
  publishScreeningCriteria,
  recordScreeningView,
  ScreeningForbiddenError,
  saveRequestDraft,
  screeningQueue,
  screenRequest,
  searchRequests,
} from "../src/modules/requests";
import { parseRequestFilter } from "../src/modules/requests/domain/filter";
import { supportRequests } from "../src/modules/requests/schema";
import { changeRequestRecommendations, RequestForbiddenError } from "../src/modules/requests/use-cases/save-request";
import { type Actor, ANONYMOUS, systemActor } from "../src/platform/actor";
import { auditEvents } from "../src/platform/audit/schema";
import { outboxMessages } from "../src/platform/mail/schema";
import { actorOf } from "./support/actors";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
const who = {} as Record<"fiji" | "honduras" | "norway" | "thailand" | "secretariat" | "committee" | "admin", Actor>;

const FIJI = ["r-fji-1", "r-fji-2", "r-fji-3", "r-fji-4"];
const HONDURAS = ["r-hnd-1"];

async function insertRecommendations() {
  const row = (key: string, state: string, text: string) => ({
    key,
    kind: "recommendation",
    mechanism: "upr",
    cycle: 3,
    session: 29,
    year: 2019,
    stateUnderReview: state,
    recommendingStates: ["NOR"],
    text,
    themes: ["uhri:national-human-rights-institution-nhri"],
    response: "supported",
    source: "test",
    contentHash: key,
  });
  await app.database.db
    .insert(recommendations)
    .values([
      row("r-fji-1", "FJI", "Establish a national mechanism for implementation, reporting and follow-up"),
      row("r-fji-2", "FJI", "Strengthen the national human rights institution in line with the Paris Principles"),
      row("r-fji-3", "FJI", "Ensure adequate resources for the human rights commission"),
      row("r-fji-4", "FJI", "Adopt a national action plan on business and human rights"),
      row("r-hnd-1", "HND", "Adopt a national action plan on business and human rights"),
    ]);
}

const FORM = {
  title: "Establishing a national mechanism for implementation, reporting and follow-up",
  summary: "Fiji asks for peer exchange and expertise to set up its NMIRF and a tracking database.",
  supportKinds: ["peer-exchange", "institution-building"],
  themes: ["uhri:national-human-rights-institution-nhri"],
  workingLanguages: ["en"],
  visibility: "public",
};

const notificationsOf = async (requestId: string) =>
  app.database.db
    .select({ userId: notifications.userId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.subjectId, requestId));
const auditsOf = async (requestId: string) =>
  app.database.db
    .select({ action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "support-request"), eq(auditEvents.subjectId, requestId)));
const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : "");
const answersAll = async (answer: string) => {
  const {
    rows: [row],
  } = await app.database.executeSql("select items from screening_criteria order by version desc limit 1");
  return Object.fromEntries((row!.items as { code: string }[]).map((c) => [c.code, answer]));
};

async function draftAndSubmit(form: Record<string, unknown> = FORM, keys = FIJI.slice(0, 3)) {
  const saved = await saveRequestDraft({ actor: who.fiji, form }, deps());
  if (saved.outcome !== "saved") throw new Error(JSON.stringify(saved));
  const linked = await changeRequestRecommendations({ actor: who.fiji, id: saved.id, add: keys }, deps());
  expect(linked.outcome).toBe("saved");
  expect(await actOnRequest({ actor: who.fiji, id: saved.id, action: "submit" }, deps())).toEqual({
    outcome: "done",
    to: "submitted",
  });
  return saved.id;
}

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  await insertRecommendations();
  for (const [name, email] of Object.entries({
    fiji: "fiji@example.org",
    honduras: "honduras@example.org",
    norway: "norway@example.org",
    thailand: "thailand@example.org",
    secretariat: "secretariat@example.org",
    committee: "committee@example.org",
    admin: "admin@example.org",
  }))
    who[name as keyof typeof who] = await actorOf(app.database, email);
  // Thailand offers expertise on national human rights institutions to anyone: a new request on the theme concerns it.
  const {
    rows: [thai],
  } = await app.database.executeSql(
    "select organisation_id from memberships m join users u on u.id = m.user_id where u.email = 'thailand@example.org'",
  );
  await app.database.db.insert(offers).values({
    organisationId: String(thai!.organisation_id),
    title: "Peer exchange on national human rights institutions",
    themes: ["uhri:national-human-rights-institution-nhri"],
    supportKinds: ["peer-exchange"],
    capacity: 3,
    visibility: "public",
  });
});
afterAll(async () => {
  await app.stop();
});

describe("a request's journey, through the use cases alone", () => {
  it("goes from Fiji's draft to open, is seen by the public only once open, and ends withdrawn with everyone told", async () => {
    const id = await draftAndSubmit();
    // Submitted: the secretariat and the committee are told; nobody else sees it yet, whatever tier Fiji chose.
    const told = await notificationsOf(id);
    expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(["screening-due"]));
    expect(told.map((n) => n.userId)).toEqual(
      expect.arrayContaining([userIdOf(who.secretariat), userIdOf(who.committee)]),
    );
    expect(told.map((n) => n.userId)).not.toContain(userIdOf(who.norway));
    expect(await getRequest({ actor: ANONYMOUS, id }, deps())).toBeNull();
    expect(await getRequest({ actor: who.norway, id }, deps())).toBeNull();
    expect(await getRequest({ actor: who.secretariat, id }, deps())).not.toBeNull();

    // The committee member for the African Group records a view; the officer decides against the criteria.
    expect(
      await recordScreeningView(
        { actor: who.committee, id, form: { answers: await answersAll("met"), outcome: "open", comment: "" } },
        deps(),
      ),
    ).toEqual({ outcome: "recorded" });
    const opened = await screenRequest(
      { actor: who.secretariat, id, form: { answers: await answersAll("met"), outcome: "open", comment: "" } },
      deps(),
    );
    expect(opened).toEqual({ outcome: "done", to: "open" });
    const seen = await getRequest({ actor: ANONYMOUS, id }, deps());
    expect(seen?.request.state).toBe("open");
    // The public reads the steps but not the screening or the reasons given.
    expect(seen?.screenings).toEqual([]);
    const own = await getRequest({ actor: who.fiji, id }, deps());
    expect(own?.screenings.map((s) => [s.kind, s.criteriaVersion])).toEqual([
      ["view", 1],
      ["decision", 1],
    ]);
    // Thailand's offer shares the theme: its focal point is told, as is Fiji (by the secretariat's decision).
    const afterOpen = await notificationsOf(id);
    expect(afterOpen).toEqual(
      expect.arrayContaining([
        { userId: userIdOf(who.thailand), kind: "request-matches-offer" },
        { userId: userIdOf(who.fiji), kind: "request-opened" },
      ]),
    );

    // Fiji withdraws: a reason is required, then everyone involved is told, in the app and by email.
    expect(await actOnRequest({ actor: who.fiji, id, action: "withdraw", reason: " " }, deps())).toEqual({
      outcome: "refused",
      refusal: "reason-required",
    });
    expect(
      await actOnRequest(
        { actor: who.fiji, id, action: "withdraw", reason: "The ministry found national funding" },
        deps(),
      ),
    ).toEqual({ outcome: "done", to: "withdrawn" });
    const withdrawn = (await notificationsOf(id)).filter((n) => n.kind === "request-withdrawn").map((n) => n.userId);
    expect(withdrawn).toEqual(
      expect.arrayContaining([userIdOf(who.secretariat), userIdOf(who.committee), userIdOf(who.thailand)]),
    );
    expect(withdrawn).not.toContain(userIdOf(who.fiji));
    const mails = await app.database.db
      .select({ to: outboxMessages.recipient, locale: outboxMessages.locale, subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(sql`${outboxMessages.text} like ${`%${id}%`}`);
    expect(mails.map((m) => m.to)).toEqual(
      expect.arrayContaining(["secretariat@example.org", "committee@example.org", "thailand@example.org"]),
    );
    // The secretariat officer reads French: her email is in French.
    expect(mails.find((m) => m.to === "secretariat@example.org" && m.subject.includes("retir"))?.locale).toBe("fr");

    // Every allowed step left an audit row, the reason marked confidential rather than copied.
    const audit = await auditsOf(id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "request.create",
        "request.link",
        "request.submit",
        "request.start-screening",
        "request.open",
        "request.screening-view",
        "request.withdraw",
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain("national funding");
  });

  it("returns a request to its State with the reasons, and lets the State correct and submit it again", async () => {
    const id = await draftAndSubmit({ ...FORM, title: "Strengthening the Fiji Human Rights Commission" });
    const missing = await screenRequest(
      { actor: who.secretariat, id, form: { answers: await answersAll("not-met"), outcome: "return", comment: "" } },
      deps(),
    );
    expect(missing.outcome).toBe("invalid");
    const returned = await screenRequest(
      {
        actor: who.secretariat,
        id,
        form: { answers: await answersAll("not-met"), outcome: "return", comment: "Name the counterpart institution." },
      },
      deps(),
    );
    expect(returned).toEqual({ outcome: "done", to: "returned" });
    expect((await notificationsOf(id)).filter((n) => n.kind === "request-returned").map((n) => n.userId)).toEqual([
      userIdOf(who.fiji),
    ]);
    const own = await getRequest({ actor: who.fiji, id }, deps());
    expect(own?.events.at(-1)).toMatchObject({ toState: "returned", reason: "Name the counterpart institution." });
    expect(own?.canEdit).toBe(true);
    const edited = await saveRequestDraft(
      {
        actor: who.fiji,
        id,
        form: {
          ...FORM,
          title: "Strengthening the Fiji Human Rights Commission",
          counterparts: "Fiji Human Rights and Anti-Discrimination Commission",
        },
      },
      deps(),
    );
    expect(edited.outcome).toBe("saved");
    expect(await actOnRequest({ actor: who.fiji, id, action: "submit" }, deps())).toEqual({
      outcome: "done",
      to: "submitted",
    });
  });

  it("refuses each step to the wrong party in the use case, and audits only what was allowed", async () => {
    const saved = await saveRequestDraft({ actor: who.fiji, form: FORM }, deps());
    if (saved.outcome !== "saved") throw new Error("not saved");
    const id = saved.id;
    const before = (await auditsOf(id)).length;
    // Incomplete: no recommendation linked yet.
    const incomplete = await actOnRequest({ actor: who.fiji, id, action: "submit" }, deps());
    expect(incomplete).toMatchObject({ outcome: "invalid", problems: { recommendations: expect.anything() } });
    // A draft is Fiji's alone: others do not even find it.
    for (const actor of [who.honduras, who.norway, who.secretariat, ANONYMOUS])
      expect(await actOnRequest({ actor, id, action: "withdraw", reason: "x" }, deps())).toEqual({
        outcome: "not-found",
      });
    await expect(saveRequestDraft({ actor: who.norway, id, form: FORM }, deps())).rejects.toBeInstanceOf(
      RequestForbiddenError,
    );
    await expect(saveRequestDraft({ actor: who.honduras, id, form: FORM }, deps())).rejects.toBeInstanceOf(
      RequestForbiddenError,
    );
    // Another State's recommendation cannot be linked.
    const foreign = await changeRequestRecommendations({ actor: who.fiji, id, add: HONDURAS }, deps());
    expect(foreign).toMatchObject({
      outcome: "invalid",
      problems: { recommendations: { key: "requests.error.recommendationForeign" } },
    });
    await changeRequestRecommendations({ actor: who.fiji, id, add: [FIJI[3]!] }, deps());
    await actOnRequest({ actor: who.fiji, id, action: "submit" }, deps());
    // Submitted: the secretariat sees it but may not submit or withdraw it; Fiji may not screen it.
    expect(await actOnRequest({ actor: who.secretariat, id, action: "withdraw", reason: "x" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(await actOnRequest({ actor: who.secretariat, id, action: "report-back" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    await expect(
      screenRequest({ actor: who.fiji, id, form: { answers: {}, outcome: "open" } }, deps()),
    ).rejects.toBeInstanceOf(ScreeningForbiddenError);
    await expect(
      recordScreeningView({ actor: who.secretariat, id, form: { answers: {}, outcome: "open" } }, deps()),
    ).rejects.toBeInstanceOf(ScreeningForbiddenError);
    // An officer without the second factor is not the secretariat.
    const unverified = await actorOf(app.database, "secretariat@example.org", { secondFactor: false });
    await expect(
      screenRequest({ actor: unverified, id, form: { answers: {}, outcome: "open" } }, deps()),
    ).rejects.toBeInstanceOf(ScreeningForbiddenError);
    // Opening without a screening record is refused even to a caller that gets past the types.
    expect(await actOnRequest({ actor: who.secretariat, id, action: "open" as never }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    // Fiji may not complete a request that is not yet in implementation.
    expect(await actOnRequest({ actor: who.fiji, id, action: "complete" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-from-this-state",
    });
    const actions = (await auditsOf(id)).slice(before).map((a) => a.action);
    expect(actions).toEqual(["request.link", "request.submit"]);
  });
});

describe("after a match (which the matching workflow records)", () => {
  it("tells the State and the secretariat of each step the other takes through implementation", async () => {
    const id = await draftAndSubmit({ ...FORM, title: "Followed through implementation" });
    await screenRequest(
      { actor: who.secretariat, id, form: { answers: await answersAll("met"), outcome: "open", comment: "" } },
      deps(),
    );
    await app.database.db.transaction(async (tx) => {
      const [row] = await tx.select().from(supportRequests).where(eq(supportRequests.id, id));
      expect(await applyTransition(tx as never, systemActor("matching"), row!, "match", null)).toEqual({
        outcome: "done",
        to: "matched",
      });
    });
    const progressed = async () =>
      (await notificationsOf(id)).filter((n) => n.kind === "request-progressed").map((n) => n.userId);
    expect(await actOnRequest({ actor: who.fiji, id, action: "start-implementation" }, deps())).toMatchObject({
      to: "in-implementation",
    });
    expect(await progressed()).toEqual([userIdOf(who.secretariat)]);
    expect(await actOnRequest({ actor: who.secretariat, id, action: "complete" }, deps())).toMatchObject({
      to: "completed",
    });
    expect((await progressed()).sort()).toEqual([userIdOf(who.secretariat), userIdOf(who.fiji)].sort());
    // Reporting back is the State's own: the secretariat may not do it for it.
    expect(await actOnRequest({ actor: who.secretariat, id, action: "report-back" }, deps())).toEqual({
      outcome: "refused",
      refusal: "not-for-this-party",
    });
    expect(await actOnRequest({ actor: who.fiji, id, action: "report-back" }, deps())).toMatchObject({
      to: "reported-back",
    });
    expect(await progressed()).toHaveLength(3);
    const mail = await app.database.db
      .select({ subject: outboxMessages.subject, text: outboxMessages.text })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, "fiji@example.org"), sql`${outboxMessages.text} like ${`%${id}%`}`));
    expect(mail.map((m) => m.text).join("\n")).toContain("it is completed");
  });
});

describe("screening criteria", () => {
  it("are versioned: a new version is used from then on, and only officers publish", async () => {
    await expect(publishScreeningCriteria({ actor: who.fiji, text: "Anything" }, deps())).rejects.toBeInstanceOf(
      ScreeningForbiddenError,
    );
    expect(await publishScreeningCriteria({ actor: who.secretariat, text: "" }, deps())).toMatchObject({
      outcome: "invalid",
    });
    const published = await publishScreeningCriteria(
      { actor: who.secretariat, text: "The State asked for it\nIt serves recommendations the State received" },
      deps(),
    );
    expect(published).toEqual({ outcome: "published", version: 2 });
    const id = await draftAndSubmit({ ...FORM, title: "Screened under version 2" });
    await screenRequest(
      { actor: who.secretariat, id, form: { answers: await answersAll("met"), outcome: "open", comment: "" } },
      deps(),
    );
    const found = await getRequest({ actor: who.secretariat, id }, deps());
    expect(found?.screenings.map((s) => s.criteriaVersion)).toEqual([2]);
    expect(Object.keys(found!.screenings[0]!.answers)).toEqual(["c1", "c2"]);
  });
});

describe("lists, queue and public figures", () => {
  it("count only what the reader may see, and show small public figures as fewer than 3", async () => {
    const filter = (q: string) => parseRequestFilter(new URLSearchParams(q)).filter;
    const mine = await searchRequests({ actor: who.fiji, filter: filter("") }, deps());
    const publicView = await searchRequests({ actor: ANONYMOUS, filter: filter("") }, deps());
    const provider = await searchRequests({ actor: who.norway, filter: filter("") }, deps());
    // Fiji sees its drafts and submissions; the public only the open public one(s); facet totals agree with the list.
    expect(mine.total).toBeGreaterThan(publicView.total);
    expect(publicView.items.every((i) => i.state !== "draft" && i.state !== "submitted")).toBe(true);
    for (const result of [mine, publicView, provider])
      expect(result.facets.state.reduce((n, f) => n + f.count, 0)).toBe(result.total);
    const byState = await searchRequests({ actor: ANONYMOUS, filter: filter("state=open") }, deps());
    expect(byState.items.every((i) => i.state === "open")).toBe(true);
    const words = await searchRequests({ actor: who.fiji, filter: filter("q=commission") }, deps());
    expect(words.items.map((i) => i.title)).toContain("Strengthening the Fiji Human Rights Commission");

    const statistics = await publicRequestStatistics({ actor: ANONYMOUS }, deps());
    // Two public requests were opened (one withdrawn since): both public, so counted, but shown as fewer than 3.
    expect(statistics.total).toEqual({ fewerThan: 3 });

    await expect(screeningQueue({ actor: who.norway }, deps())).rejects.toBeInstanceOf(ScreeningForbiddenError);
    const queue = await screeningQueue({ actor: who.committee }, deps());
    expect(queue.waiting.length).toBeGreaterThan(0);
    expect(queue.waiting.every((w) => w.state === "submitted" || w.state === "screening")).toBe(true);
    expect(queue.unanswered.every((w) => w.state === "open")).toBe(true);
  });
});
