import type { Actor, Membership } from "../../src/platform/actor";
import type { Database } from "../../src/platform/db/database";

/**
 * A demo account as a signed-in session presents it, with the second factor passed: how use-case
 * tests act as a person without the web layer.
 */
export async function actorOf(
  database: Database,
  email: string,
  options: { secondFactor?: boolean } = {},
): Promise<Actor> {
  const { rows } = await database.executeSql(
    `select u.id as user_id, u.display_name, m.organisation_id, m.role, m.regional_group,
            o.kind, o.is_secretariat, o.country_iso3
       from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
      where u.email = $1`,
    [email],
  );
  if (rows.length === 0) throw new Error(`no account ${email}`);
  const memberships: Membership[] = rows.map((r) => ({
    organisationId: String(r.organisation_id),
    organisationKind: r.kind as Membership["organisationKind"],
    isSecretariat: Boolean(r.is_secretariat),
    role: r.role as Membership["role"],
    regionalGroup: (r.regional_group as string | null) ?? null,
    countryIso3: (r.country_iso3 as string | null) ?? null,
  }));
  return {
    kind: "user",
    userId: String(rows[0]!.user_id),
    displayName: String(rows[0]!.display_name),
    sessionId: null,
    memberships,
    secondFactor: options.secondFactor ?? true,
  };
}
