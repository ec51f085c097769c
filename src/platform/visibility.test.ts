import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "./actor";
import { canSee, type VisibilityTier } from "./visibility";

const FIJI = "00000000-0000-4000-8000-000000000001";
const NORAD = "00000000-0000-4000-8000-000000000002";
const OHCHR = "00000000-0000-4000-8000-000000000003";
const UNDP = "00000000-0000-4000-8000-000000000004";

function user(
  organisationId: string,
  role: Membership["role"],
  options: { secretariat?: boolean; secondFactor?: boolean } = {},
): Actor {
  return {
    kind: "user",
    userId: "u",
    displayName: "U",
    sessionId: "s",
    secondFactor: options.secondFactor ?? true,
    memberships: [
      {
        organisationId,
        organisationKind: options.secretariat ? "un-entity" : "state",
        isSecretariat: options.secretariat ?? false,
        role,
        regionalGroup: role === "advisory-committee-member" ? "african" : null,
        countryIso3: null,
      },
    ],
  };
}

const actors: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  owner: user(FIJI, "state-focal-point"),
  provider: user(NORAD, "provider-focal-point"),
  secretariat: user(OHCHR, "secretariat-officer", { secretariat: true }),
  secretariatWithoutSecondFactor: user(OHCHR, "secretariat-officer", { secretariat: true, secondFactor: false }),
  committee: user(OHCHR, "advisory-committee-member", { secretariat: true }),
  granted: user(UNDP, "provider-focal-point"),
};

// Expected visibility of one Fiji record, shared with UNDP by name, at each tier.
const table: [VisibilityTier, string[]][] = [
  ["private", ["owner", "granted"]],
  ["secretariat", ["owner", "secretariat", "committee", "granted"]],
  ["providers", ["owner", "provider", "secretariat", "committee", "granted"]],
  ["public", Object.keys(actors)],
];

describe.each(table)("a %s record", (visibility, allowed) => {
  it.each(Object.keys(actors))("%s", (name) => {
    const record = { ownerOrganisationId: FIJI, visibility, grantedOrganisationIds: [UNDP] };
    expect(canSee(actors[name]!, record)).toBe(allowed.includes(name));
  });
});
