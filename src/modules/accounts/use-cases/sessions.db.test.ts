import { eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database";
import { auditEvents } from "../../../platform/audit/schema";
import { sessions, users } from "../schema";
import { DEMO_PASSWORD, DEMO_RECOVERY_CODE, DEMO_TOTP_SECRET } from "../seed";
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from "./enrol-second-factor";
import { resolveSession, signIn, signOutEverywhere, verifySecondFactor } from "./sessions";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const request = (ipAddress = "192.0.2.10") => ({ requestId: "test", ipAddress, userAgent: "vitest" });
const auditCount = async () =>
  Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n);

describe("signing in with a password", () => {
  it("opens a session for a State focal point and names their organisation", async () => {
    const before = await auditCount();
    const result = await signIn({ email: " Fiji@Example.org ", password: DEMO_PASSWORD, request: request() }, database);
    expect(result.outcome).toBe("signed-in");
    if (result.outcome !== "signed-in") return;
    const { actor } = await resolveSession(result.sessionToken, database);
    expect(actor).toMatchObject({ kind: "user", displayName: "Mere Tuisawau", secondFactor: false });
    expect(actor.kind === "user" && actor.memberships.map((m) => [m.role, m.countryIso3])).toEqual([
      ["state-focal-point", "FJI"],
    ]);
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    expect(
      await signIn(
        { email: "fiji@example.org", password: "not the password", request: request("192.0.2.20") },
        database,
      ),
    ).toEqual({ outcome: "invalid" });
    expect(
      await signIn({ email: "nobody@example.org", password: DEMO_PASSWORD, request: request("192.0.2.20") }, database),
    ).toEqual({ outcome: "invalid" });
  });

  it("replaces the session the browser already had (no fixation)", async () => {
    const first = await signIn({ email: "norway@example.org", password: DEMO_PASSWORD, request: request() }, database);
    if (first.outcome !== "signed-in") throw new Error(first.outcome);
    const second = await signIn(
      {
        email: "norway@example.org",
        password: DEMO_PASSWORD,
        previousSessionToken: first.sessionToken,
        request: request(),
      },
      database,
    );
    if (second.outcome !== "signed-in") throw new Error(second.outcome);
    expect((await resolveSession(first.sessionToken, database)).actor.kind).toBe("anonymous");
    expect((await resolveSession(second.sessionToken, database)).actor.kind).toBe("user");
  });

  it("slows an account down after repeated failures, even with the right password then", async () => {
    for (let i = 0; i < 10; i++)
      await signIn(
        { email: "thailand@example.org", password: `wrong ${i}`, request: request(`198.51.100.${i}`) },
        database,
      );
    const result = await signIn(
      { email: "thailand@example.org", password: DEMO_PASSWORD, request: request("198.51.100.99") },
      database,
    );
    // Tries refused while waiting are not counted, so a flood cannot lock the owner out for long.
    expect(result).toEqual({ outcome: "throttled", retryAfterSeconds: expect.any(Number) });
    expect(result.outcome === "throttled" && result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("slows an address down after failures across accounts", async () => {
    for (let i = 0; i < 10; i++)
      await signIn({ email: `guess${i}@example.org`, password: "guess", request: request("203.0.113.7") }, database);
    const result = await signIn(
      { email: "undp@example.org", password: DEMO_PASSWORD, request: request("203.0.113.7") },
      database,
    );
    expect(result.outcome).toBe("throttled");
    const elsewhere = await signIn(
      { email: "undp@example.org", password: DEMO_PASSWORD, request: request("203.0.113.8") },
      database,
    );
    expect(elsewhere.outcome).toBe("signed-in");
  });

  it("counts guesses sent all at once: only the free tries are checked", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signIn({ email: "committee@example.org", password: `guess ${i}`, request: request(`198.18.0.${i}`) }, database),
      ),
    );
    expect(attempts.filter((a) => a.outcome === "invalid")).toHaveLength(5);
    expect(attempts.filter((a) => a.outcome === "throttled")).toHaveLength(15);
  });

  it("ends a session that has expired", async () => {
    const result = await signIn({ email: "ngo@example.org", password: DEMO_PASSWORD, request: request() }, database);
    if (result.outcome !== "signed-in") throw new Error(result.outcome);
    const later = () => new Date(Date.now() + 13 * 3_600_000);
    expect((await resolveSession(result.sessionToken, { ...database, db: database.db, now: later })).actor.kind).toBe(
      "anonymous",
    );
  });
});

describe("the second factor", () => {
  it("holds a secretariat officer at the second step until a valid code, then rotates the session", async () => {
    const first = await signIn(
      { email: "secretariat@example.org", password: DEMO_PASSWORD, request: request() },
      database,
    );
    expect(first.outcome).toBe("second-factor");
    if (first.outcome !== "second-factor") return;
    const pending = await resolveSession(first.sessionToken, database);
    expect(pending.actor.kind).toBe("anonymous");
    expect(pending.pendingUserId).toBe(first.userId);

    expect(
      (await verifySecondFactor({ sessionToken: first.sessionToken, code: "000000", request: request() }, database))
        .outcome,
    ).toBe("invalid");
    const code = await generate({ secret: DEMO_TOTP_SECRET });
    const second = await verifySecondFactor({ sessionToken: first.sessionToken, code, request: request() }, database);
    expect(second.outcome).toBe("signed-in");
    if (second.outcome !== "signed-in") return;
    expect(second.sessionToken).not.toBe(first.sessionToken);
    expect((await resolveSession(first.sessionToken, database)).pendingUserId).toBeNull();
    expect((await resolveSession(second.sessionToken, database)).actor).toMatchObject({
      kind: "user",
      secondFactor: true,
    });
  });

  it("accepts a recovery code once", async () => {
    const sign = async () => {
      const r = await signIn(
        { email: "fund.board@example.org", password: DEMO_PASSWORD, request: request() },
        database,
      );
      if (r.outcome !== "second-factor") throw new Error(r.outcome);
      return r.sessionToken;
    };
    const used = await verifySecondFactor(
      { sessionToken: await sign(), code: DEMO_RECOVERY_CODE.toUpperCase(), request: request() },
      database,
    );
    expect(used.outcome).toBe("signed-in");
    const again = await verifySecondFactor(
      { sessionToken: await sign(), code: DEMO_RECOVERY_CODE, request: request() },
      database,
    );
    expect(again.outcome).toBe("invalid");
  });

  it("spends a recovery code once even when two sign-ins race with it", async () => {
    const pending = async () => {
      const r = await signIn(
        { email: "fund.manager@example.org", password: DEMO_PASSWORD, request: request() },
        database,
      );
      if (r.outcome !== "second-factor") throw new Error(r.outcome);
      return r.sessionToken;
    };
    const [a, b] = [await pending(), await pending()];
    const results = await Promise.all(
      [a, b].map((sessionToken) =>
        verifySecondFactor({ sessionToken, code: DEMO_RECOVERY_CODE, request: request() }, database),
      ),
    );
    expect(results.map((r) => r.outcome).sort()).toEqual(["invalid", "signed-in"]);
  });

  it("is enrolled with a code from the new secret, issuing ten recovery codes", async () => {
    const r = await signIn({ email: "expert@example.org", password: DEMO_PASSWORD, request: request() }, database);
    if (r.outcome !== "signed-in") throw new Error(r.outcome);
    const { actor } = await resolveSession(r.sessionToken, database);
    const enrolment = await startSecondFactorEnrolment({ actor }, database);
    expect(enrolment.qrSvg).toContain("<svg");
    expect(await confirmSecondFactorEnrolment({ actor, code: "123456", request: request() }, database)).toEqual({
      outcome: "wrong-code",
    });
    const code = await generate({ secret: enrolment.secret });
    const done = await confirmSecondFactorEnrolment({ actor, code, request: request() }, database);
    expect(done.outcome).toBe("enabled");
    if (done.outcome !== "enabled") return;
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    expect((await resolveSession(done.sessionToken, database)).actor).toMatchObject({ secondFactor: true });
    expect((await resolveSession(r.sessionToken, database)).actor.kind).toBe("anonymous");
    const next = await signIn({ email: "expert@example.org", password: DEMO_PASSWORD, request: request() }, database);
    expect(next.outcome).toBe("second-factor");
  });
});

it("signs out everywhere: every session of the person ends", async () => {
  const tokens: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await signIn({ email: "honduras@example.org", password: DEMO_PASSWORD, request: request() }, database);
    if (r.outcome !== "signed-in") throw new Error(r.outcome);
    tokens.push(r.sessionToken);
  }
  const { actor } = await resolveSession(tokens[0]!, database);
  expect(await signOutEverywhere({ actor, request: request() }, database)).toBe(3);
  for (const t of tokens) expect((await resolveSession(t, database)).actor.kind).toBe("anonymous");
  const [user] = await database.db.select().from(users).where(eq(users.email, "honduras@example.org"));
  expect(await database.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toEqual([]);
});

describe("the audit trail", () => {
  it.each([
    ["UPDATE", "update audit_events set action = 'forged'"],
    ["DELETE", "delete from audit_events"],
    ["TRUNCATE", "truncate audit_events"],
  ])("refuses %s, whoever asks", async (_op, statement) => {
    const before = await auditCount();
    expect(before).toBeGreaterThan(0);
    await expect(database.executeSql(statement)).rejects.toThrow(/append-only/);
    expect(await auditCount()).toBe(before);
  });
});

it("shows the outbox to administrators only, and never a delivered link", async () => {
  const { listOutboxMessages } = await import("./list-outbox");
  const { ForbiddenError } = await import("./list-audit-events");
  const { outboxMessages } = await import("../../../platform/mail/schema");
  await database.db.insert(outboxMessages).values([
    {
      recipient: "a@example.org",
      locale: "en",
      kind: "password-reset",
      subject: "s",
      text: "Open https://x.example/reset/abc now",
      sentAt: new Date(),
    },
    {
      recipient: "b@example.org",
      locale: "en",
      kind: "password-reset",
      subject: "s",
      text: "Open https://x.example/reset/def now",
    },
  ]);
  const signedIn = async (email: string) => {
    let r = await signIn({ email, password: DEMO_PASSWORD, request: request() }, database);
    if (r.outcome === "second-factor")
      r = await verifySecondFactor(
        { sessionToken: r.sessionToken, code: await generate({ secret: DEMO_TOTP_SECRET }), request: request() },
        database,
      );
    if (r.outcome !== "signed-in") throw new Error(r.outcome);
    return (await resolveSession(r.sessionToken, database)).actor;
  };
  const admin = await signedIn("admin@example.org");
  const { messages } = await listOutboxMessages({ actor: admin, limit: 10, offset: 0 }, database);
  expect(messages.map((m) => m.text).sort()).toEqual(["Open [link] now", "Open https://x.example/reset/def now"]);
  await expect(
    listOutboxMessages({ actor: await signedIn("undp@example.org"), limit: 10, offset: 0 }, database),
  ).rejects.toThrow(ForbiddenError);
});
