import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  index,
  inet,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    /** The State a State organisation belongs to, or the country of a UN country team. */
    countryIso3: char("country_iso3", { length: 3 }),
    /** State units: permanent mission, ministry, national mechanism (NMIRF), development agency. */
    unitKind: text("unit_kind"),
    /** NHRIs: GANHRI accreditation, A or B. */
    nhriAccreditation: char("nhri_accreditation", { length: 1 }),
    /** NGOs: whether they hold ECOSOC consultative status. */
    ecosocStatus: boolean("ecosoc_status"),
    /** Exactly one organisation administers the facility: OHCHR. */
    isSecretariat: boolean("is_secretariat").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "organisations_kind",
      sql`${t.kind} in ('state', 'un-entity', 'nhri', 'ngo', 'regional-organisation', 'academic', 'donor')`,
    ),
    check("organisations_state_has_country", sql`${t.kind} <> 'state' or ${t.countryIso3} is not null`),
    check(
      "organisations_nhri_accreditation",
      sql`${t.nhriAccreditation} is null or ${t.nhriAccreditation} in ('A', 'B')`,
    ),
    uniqueIndex("organisations_one_secretariat").on(t.isSecretariat).where(sql`${t.isSecretariat}`),
    index("organisations_name").on(t.name),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. Replaced by a pseudonym when the account is closed. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale").notNull().default("en"),
    passwordHash: text("password_hash"),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    status: text("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email").on(t.email),
    check("users_status", sql`${t.status} in ('active', 'closed')`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    /** Advisory committee members sit for one UN regional group. */
    regionalGroup: text("regional_group"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId, t.role] }),
    check(
      "memberships_role",
      sql`${t.role} in ('state-focal-point', 'provider-focal-point', 'secretariat-officer', 'advisory-committee-member', 'fund-manager', 'fund-board-member', 'expert', 'platform-administrator')`,
    ),
    check(
      "memberships_committee_group",
      sql`(${t.role} = 'advisory-committee-member') = (${t.regionalGroup} is not null)`,
    ),
    // One advisory committee member per regional group (five in all).
    uniqueIndex("memberships_one_member_per_group")
      .on(t.regionalGroup)
      .where(sql`${t.role} = 'advisory-committee-member'`),
    index("memberships_organisation").on(t.organisationId),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Server-side sessions, so any app process can serve any user. The id is a hash of the cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Password checked but second factor still due: the session can do nothing else. */
    pendingSecondFactor: boolean("pending_second_factor").notNull().default(false),
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: inet("ip_address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-ins, by account and by address, for throttling with backoff. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_key").on(t.key, t.failedAt)],
);

/** Accounts linked to an OpenID Connect identity (single sign-on). */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user").on(t.userId)],
);

/** Joining by invitation: an emailed link, single use, expiring. Only the token's hash is kept. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    regionalGroup: text("regional_group"),
    locale: text("locale").notNull().default("en"),
    invitedBy: uuid("invited_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_organisation").on(t.organisationId), index("invitations_email").on(t.email)],
);

/** Joining by request: a person asks, the secretariat approves or declines. */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    message: text("message").notNull().default(""),
    locale: text("locale").notNull().default("en"),
    status: text("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
  },
  (t) => [check("join_requests_status", sql`${t.status} in ('pending', 'approved', 'declined')`)],
);

export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Per-organisation API tokens for national tracking systems; stored hashed, scoped, expiring, revocable. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scope: text("scope").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    check("api_tokens_scope", sql`${t.scope} in ('read', 'read-write')`),
    index("api_tokens_organisation").on(t.organisationId),
  ],
);
