import { expect, it } from "vitest";
import { type Actor, ANONYMOUS, type Membership, systemActor } from "../../../platform/actor";
import { partyOf } from "./policy";

const FIJI = "00000000-0000-4000-8000-000000000001";
const OHCHR = "00000000-0000-4000-8000-000000000002";
const member = (m: Partial<Membership>): Membership => ({
  organisationId: FIJI,
  organisationKind: "state",
  isSecretariat: false,
  role: "state-focal-point",
  regionalGroup: null,
  countryIso3: "FJI",
  ...m,
});
const user = (memberships: Membership[], secondFactor = true): Actor => ({
  kind: "user",
  userId: "u",
  displayName: "U",
  sessionId: "s",
  memberships,
  secondFactor,
});
const officer = member({
  organisationId: OHCHR,
  organisationKind: "un-entity",
  isSecretariat: true,
  role: "secretariat-officer",
  countryIso3: null,
});
const request = { ownerOrganisationId: FIJI };

it.each<[string, Actor, string]>([
  ["the owning State's focal point", user([member({})]), "owner"],
  ["another State's focal point", user([member({ organisationId: OHCHR, countryIso3: "HND" })]), "other"],
  ["an expert of the owning State's organisation", user([member({ role: "expert" })]), "other"],
  ["a secretariat officer with a second factor", user([officer]), "secretariat"],
  ["a secretariat officer before the second factor", user([officer], false), "other"],
  ["the platform", systemActor("matching"), "platform"],
  ["an anonymous visitor", ANONYMOUS, "other"],
  [
    "a read-only token of the owner",
    { kind: "token", tokenId: "t", organisationId: FIJI, membership: member({}), scope: "read" },
    "other",
  ],
  [
    "a read-write token of the owner",
    { kind: "token", tokenId: "t", organisationId: FIJI, membership: member({}), scope: "read-write" },
    "owner",
  ],
])("%s is %s", (_, actor, party) => {
  expect(partyOf(actor, request)).toBe(party);
});
