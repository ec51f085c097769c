import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Actor, Membership } from "../../../platform/actor";
import { effectiveMemberships } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { hashToken, newToken } from "../../../platform/tokens";
import { apiTokens, organisations } from "../schema";

/** Tokens carry this prefix so a leaked one is recognisable (and secret scanners can find it). */
const PREFIX = "item10_";
const MAX_DAYS = 366;

/** Focal points manage their own organisation's tokens; administrators any. */
function managedOrganisations(actor: Actor): { all: boolean; ids: string[] } {
  const ms = effectiveMemberships(actor);
  return {
    all: ms.some((m) => m.role === "platform-administrator"),
    ids: ms
      .filter((m) => m.role === "state-focal-point" || m.role === "provider-focal-point")
      .map((m) => m.organisationId),
  };
}

export function canManageTokens(actor: Actor, organisationId: string): boolean {
  const managed = managedOrganisations(actor);
  return managed.all || managed.ids.includes(organisationId);
}

export type CreateTokenResult =
  | { outcome: "created"; token: string; id: string }
  | { outcome: "invalid"; errors: Record<string, string> }
  | { outcome: "forbidden" };

/** Issues a token; its value is shown once, only its hash is kept. */
export async function createApiToken(
  input: { actor: Actor; organisationId: string; name: string; scope: string; days: number; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<CreateTokenResult> {
  const errors: Record<string, string> = {};
  const name = input.name.trim();
  if (name.length < 2 || name.length > 80) errors.name = "tokens.error.name";
  if (input.scope !== "read" && input.scope !== "read-write") errors.scope = "tokens.error.scope";
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DAYS) errors.days = "tokens.error.days";
  if (Object.keys(errors).length > 0) return { outcome: "invalid", errors };
  if (!canManageTokens(input.actor, input.organisationId)) return { outcome: "forbidden" };
  const now = deps.now?.() ?? new Date();
  const token = `${PREFIX}${newToken()}`;
  const id = await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [row] = await db
      .insert(apiTokens)
      .values({
        organisationId: input.organisationId,
        name,
        scope: input.scope,
        tokenHash: hashToken(token),
        createdBy: input.actor.kind === "user" ? input.actor.userId : null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.days * 86_400_000),
      })
      .returning();
    await recordAudit(
      db,
      input.actor,
      {
        action: "api-token.create",
        subjectType: "api-token",
        subjectId: row!.id,
        organisationId: input.organisationId,
        after: { name, scope: input.scope, expiresAt: row!.expiresAt.toISOString() },
      },
      input.request,
    );
    return row!.id;
  });
  return { outcome: "created", token, id };
}

/** Revoked tokens stop working at once: every request looks the token up. */
export async function revokeApiToken(
  input: { actor: Actor; tokenId: string; request: AuditContext },
  deps: { db: Db; now?: () => Date },
): Promise<"revoked" | "not-found" | "forbidden"> {
  if (!/^[0-9a-f-]{36}$/i.test(input.tokenId)) return "not-found";
  const [token] = await deps.db.select().from(apiTokens).where(eq(apiTokens.id, input.tokenId));
  if (!token || token.revokedAt) return "not-found";
  if (!canManageTokens(input.actor, token.organisationId)) return "forbidden";
  const now = deps.now?.() ?? new Date();
  await deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, token.id));
    await recordAudit(
      db,
      input.actor,
      {
        action: "api-token.revoke",
        subjectType: "api-token",
        subjectId: token.id,
        organisationId: token.organisationId,
        before: { revoked: false },
        after: { revoked: true },
      },
      input.request,
    );
  });
  return "revoked";
}

export async function listApiTokens({ actor }: { actor: Actor }, deps: { db: Db }) {
  const managed = managedOrganisations(actor);
  if (!managed.all && managed.ids.length === 0) return { tokens: [], organisations: [] };
  const orgFilter = managed.all ? undefined : inArray(apiTokens.organisationId, managed.ids);
  const tokens = await deps.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      organisationName: organisations.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(orgFilter)
    .orderBy(desc(apiTokens.createdAt));
  const orgs = await deps.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(managed.all ? undefined : inArray(organisations.id, managed.ids))
    .orderBy(organisations.name);
  return { tokens, organisations: orgs };
}

/** The actor behind `Authorization: Bearer …`; null for an unknown, expired or revoked token. */
export async function authenticateApiToken(token: string, deps: { db: Db; now?: () => Date }): Promise<Actor | null> {
  if (!token.startsWith(PREFIX)) return null;
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({ token: apiTokens, organisation: organisations })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000)
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  const membership: Membership = {
    organisationId: row.organisation.id,
    organisationKind: row.organisation.kind as Membership["organisationKind"],
    isSecretariat: row.organisation.isSecretariat,
    // A token speaks for its organisation as that organisation's focal point would, never as staff.
    role: row.organisation.kind === "state" ? "state-focal-point" : "provider-focal-point",
    regionalGroup: null,
    countryIso3: row.organisation.countryIso3,
  };
  return {
    kind: "token",
    tokenId: row.token.id,
    organisationId: row.organisation.id,
    membership,
    scope: row.token.scope as "read" | "read-write",
  };
}

/** Ends the tokens a person issued (for one organisation, or all), inside the caller's transaction. */
export async function revokeTokensIssuedBy(db: Db, userId: string, organisationId?: string): Promise<void> {
  const conditions = [eq(apiTokens.createdBy, userId), isNull(apiTokens.revokedAt)];
  if (organisationId) conditions.push(eq(apiTokens.organisationId, organisationId));
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(...conditions));
}
