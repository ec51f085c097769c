import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Actor, OrganisationKind, Role } from "../../platform/actor";
import { systemActor } from "../../platform/actor";
import { recordAudit } from "../../platform/audit/record";
import type { Db } from "../../platform/db/database";
import { hashToken } from "../../platform/tokens";
import { memberships, organisations, recoveryCodes, users } from "./schema";
import { selectMemberships, selectUserByEmail } from "./store";

const system = systemActor("seed");

/** OHCHR administers the facility; every installation has it, demo or not. */
export async function ensureSecretariat(db: Db): Promise<string> {
  const [existing] = await db.select().from(organisations).where(eq(organisations.isSecretariat, true));
  if (existing) return existing.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organisations)
      .values({
        kind: "un-entity",
        name: "Office of the United Nations High Commissioner for Human Rights",
        acronym: "OHCHR",
        isSecretariat: true,
      })
      .returning();
    await recordAudit(tx as unknown as Db, system, {
      action: "organisation.create",
      subjectType: "organisation",
      subjectId: row!.id,
      after: { kind: "un-entity", acronym: "OHCHR", isSecretariat: true },
    });
    return row!.id;
  });
}

/** Printed in the README; the demo seed is refused in production. */
export const DEMO_PASSWORD = "item10 demo password";
/** The demo second-factor secret for roles that require one (add it to any authenticator app). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPITEMTENDEMO2FA23";
export const DEMO_RECOVERY_CODE = "demo0-recov";

interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  acronym?: string;
  countryIso3?: string;
  unitKind?: string;
  nhriAccreditation?: "A" | "B";
  ecosocStatus?: boolean;
}

const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: "fiji",
    kind: "state",
    name: "Permanent Mission of the Republic of Fiji to the United Nations Office at Geneva",
    countryIso3: "FJI",
    unitKind: "permanent-mission",
  },
  {
    key: "honduras",
    kind: "state",
    name: "Secretaría de Estado en el Despacho de Derechos Humanos de Honduras",
    countryIso3: "HND",
    unitKind: "ministry",
  },
  {
    key: "norway",
    kind: "state",
    name: "Norwegian Agency for Development Cooperation",
    acronym: "Norad",
    countryIso3: "NOR",
    unitKind: "development-agency",
  },
  {
    key: "thailand",
    kind: "state",
    name: "Thailand International Cooperation Agency",
    acronym: "TICA",
    countryIso3: "THA",
    unitKind: "development-agency",
  },
  { key: "undp", kind: "un-entity", name: "United Nations Development Programme", acronym: "UNDP" },
  // The States and partners of the Norway–Singapore pilot forum of February 2020 (the demo content's story).
  {
    key: "bhutan",
    kind: "state",
    name: "Permanent Mission of the Kingdom of Bhutan to the United Nations Office at Geneva",
    countryIso3: "BTN",
    unitKind: "permanent-mission",
  },
  {
    key: "maldives",
    kind: "state",
    name: "Ministry of Foreign Affairs of the Republic of Maldives",
    countryIso3: "MDV",
    unitKind: "ministry",
  },
  {
    key: "marshall-islands",
    kind: "state",
    name: "Permanent Mission of the Republic of the Marshall Islands to the United Nations Office at Geneva",
    countryIso3: "MHL",
    unitKind: "permanent-mission",
  },
  {
    key: "seychelles",
    kind: "state",
    name: "Ministry of Foreign Affairs of the Republic of Seychelles",
    countryIso3: "SYC",
    unitKind: "ministry",
  },
  {
    key: "paraguay",
    kind: "state",
    name: "Ministerio de Relaciones Exteriores de la República del Paraguay",
    countryIso3: "PRY",
    unitKind: "ministry",
  },
  {
    key: "australia",
    kind: "state",
    name: "Department of Foreign Affairs and Trade of Australia",
    acronym: "DFAT",
    countryIso3: "AUS",
    unitKind: "ministry",
  },
  { key: "urg", kind: "ngo", name: "Universal Rights Group", acronym: "URG" },
  {
    key: "nhri",
    kind: "nhri",
    name: "Commission on Human Rights of the Philippines",
    countryIso3: "PHL",
    nhriAccreditation: "A",
  },
  { key: "ngo", kind: "ngo", name: "Pacific Rights Network (demonstration NGO)", ecosocStatus: false },
  { key: "academic", kind: "academic", name: "University of the South Pacific", countryIso3: "FJI" },
];

interface DemoUser {
  email: string;
  displayName: string;
  organisation: string;
  role: Role;
  regionalGroup?: string;
  locale: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: "secretariat@example.org",
    displayName: "Amina Diallo",
    organisation: "secretariat",
    role: "secretariat-officer",
    locale: "fr",
  },
  {
    email: "admin@example.org",
    displayName: "Jonas Berg",
    organisation: "secretariat",
    role: "platform-administrator",
    locale: "en",
  },
  {
    email: "fund.manager@example.org",
    displayName: "Li Wei",
    organisation: "secretariat",
    role: "fund-manager",
    locale: "zh",
  },
  {
    email: "fund.board@example.org",
    displayName: "Olga Petrova",
    organisation: "secretariat",
    role: "fund-board-member",
    locale: "ru",
  },
  {
    email: "committee@example.org",
    displayName: "Kwame Mensah",
    organisation: "secretariat",
    role: "advisory-committee-member",
    regionalGroup: "african",
    locale: "en",
  },
  {
    email: "fiji@example.org",
    displayName: "Mere Tuisawau",
    organisation: "fiji",
    role: "state-focal-point",
    locale: "en",
  },
  {
    email: "honduras@example.org",
    displayName: "Carlos Mejía",
    organisation: "honduras",
    role: "state-focal-point",
    locale: "es",
  },
  {
    email: "norway@example.org",
    displayName: "Ingrid Hansen",
    organisation: "norway",
    role: "provider-focal-point",
    locale: "en",
  },
  {
    email: "thailand@example.org",
    displayName: "Somchai Wong",
    organisation: "thailand",
    role: "provider-focal-point",
    locale: "en",
  },
  {
    email: "undp@example.org",
    displayName: "Fatima Al-Sayed",
    organisation: "undp",
    role: "provider-focal-point",
    locale: "ar",
  },
  {
    email: "nhri@example.org",
    displayName: "Maria Santos",
    organisation: "nhri",
    role: "provider-focal-point",
    locale: "en",
  },
  {
    email: "ngo@example.org",
    displayName: "Sione Taufa",
    organisation: "ngo",
    role: "provider-focal-point",
    locale: "en",
  },
  { email: "expert@example.org", displayName: "Elena Rossi", organisation: "academic", role: "expert", locale: "es" },
  {
    email: "bhutan@example.org",
    displayName: "Karma Wangchuk",
    organisation: "bhutan",
    role: "state-focal-point",
    locale: "en",
  },
  {
    email: "maldives@example.org",
    displayName: "Aishath Shareef",
    organisation: "maldives",
    role: "state-focal-point",
    locale: "en",
  },
  {
    email: "marshall.islands@example.org",
    displayName: "Jemi Kabua",
    organisation: "marshall-islands",
    role: "state-focal-point",
    locale: "en",
  },
  {
    email: "seychelles@example.org",
    displayName: "Marie-Claire Hoareau",
    organisation: "seychelles",
    role: "state-focal-point",
    locale: "fr",
  },
  {
    email: "paraguay@example.org",
    displayName: "Lucía Benítez",
    organisation: "paraguay",
    role: "provider-focal-point",
    locale: "es",
  },
  {
    email: "australia@example.org",
    displayName: "James Nguyen",
    organisation: "australia",
    role: "provider-focal-point",
    locale: "en",
  },
  {
    email: "urg@example.org",
    displayName: "Hannah Clarke",
    organisation: "urg",
    role: "provider-focal-point",
    locale: "en",
  },
];

const NEEDS_SECOND_FACTOR: Role[] = [
  "secretariat-officer",
  "fund-manager",
  "fund-board-member",
  "platform-administrator",
];

/**
 * One organisation and one user for each role (README lists them). Idempotent: does nothing
 * when the demo users exist. The same function gives tests their accounts.
 */
export async function seedDemoAccounts(db: Db): Promise<{ created: number }> {
  const secretariatId = await ensureSecretariat(db);
  const [already] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USERS[0]!.email));
  if (already) return { created: 0 };
  const passwordHash = await hash(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const ids = new Map<string, string>([["secretariat", secretariatId]]);
    for (const o of DEMO_ORGANISATIONS) {
      const { key, ...values } = o;
      const [row] = await t.insert(organisations).values(values).returning();
      ids.set(key, row!.id);
      await recordAudit(t, system, {
        action: "organisation.create",
        subjectType: "organisation",
        subjectId: row!.id,
        after: { kind: o.kind, countryIso3: o.countryIso3 ?? null },
      });
    }
    for (const u of DEMO_USERS) {
      const mfa = NEEDS_SECOND_FACTOR.includes(u.role);
      const [row] = await t
        .insert(users)
        .values({
          email: u.email,
          displayName: u.displayName,
          locale: u.locale,
          passwordHash,
          totpSecret: mfa ? DEMO_TOTP_SECRET : null,
          totpEnabledAt: mfa ? new Date() : null,
        })
        .returning();
      const organisationId = ids.get(u.organisation)!;
      await t
        .insert(memberships)
        .values({ userId: row!.id, organisationId, role: u.role, regionalGroup: u.regionalGroup ?? null });
      if (mfa)
        await t
          .insert(recoveryCodes)
          .values({ userId: row!.id, codeHash: hashToken(DEMO_RECOVERY_CODE.replace(/\s+/g, "")) });
      await recordAudit(t, system, {
        action: "user.create",
        subjectType: "user",
        subjectId: row!.id,
        organisationId,
        after: { role: u.role, secondFactor: mfa },
      });
    }
    return { created: DEMO_USERS.length };
  });
}

/**
 * A demo person as a signed-in session would present them (second factor passed), so demo
 * content is written through the same use cases, rules and audit trail as anyone's. Demo only.
 */
export async function demoActor(db: Db, email: string): Promise<Actor> {
  const user = await selectUserByEmail(db, email);
  if (!user || !DEMO_USERS.some((u) => u.email === email)) throw new Error(`${email} is not a demo account`);
  return {
    kind: "user",
    userId: user.id,
    displayName: user.displayName,
    sessionId: null,
    memberships: await selectMemberships(db, user.id),
    secondFactor: true,
  };
}
