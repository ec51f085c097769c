import type { Actor, Role } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { countUnusedRecoveryCodes, selectOrganisations, selectUser } from "../store";
import { NotSignedInError } from "./enrol-second-factor";

/** What a signed-in person sees of themselves: who they are, for whom they act, how they sign in. */
export async function getAccountOverview({ actor }: { actor: Actor }, deps: { db: Db }) {
  if (actor.kind !== "user") throw new NotSignedInError();
  const user = await selectUser(deps.db, actor.userId);
  if (!user) throw new NotSignedInError();
  const organisations = await selectOrganisations(
    deps.db,
    actor.memberships.map((m) => m.organisationId),
  );
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    secondFactorEnabled: user.totpEnabledAt !== null,
    secondFactorThisSession: actor.secondFactor,
    recoveryCodesLeft: user.totpEnabledAt ? await countUnusedRecoveryCodes(deps.db, user.id) : 0,
    memberships: actor.memberships.map((m) => {
      const organisation = organisations.find((o) => o.id === m.organisationId);
      return {
        organisationId: m.organisationId,
        organisationName: organisation?.name ?? "",
        organisationKind: m.organisationKind,
        countryIso3: m.countryIso3,
        role: m.role as Role,
        regionalGroup: m.regionalGroup,
      };
    }),
  };
}
