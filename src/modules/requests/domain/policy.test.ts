import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS, type Membership, systemActor } from "../../../platform/actor";
import { isInsider, partyOf } from "./policy";

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

describe("who reads a request whole", () => {
  const NORAD = "00000000-0000-4000-8000-000000000003";
  it.each<[string, Actor, boolean]>([
    ["the State's focal point", user([member({})]), true],
    ["the State's expert", user([member({ role: "expert" })]), true],
    [
      "the State's read-only token",
      { kind: "token", tokenId: "t", organisationId: FIJI, membership: member({}), scope: "read" },
      true,
    ],
    ["a secretariat officer with a second factor", user([officer]), true],
    ["a secretariat officer without one", user([officer], false), false],
    [
      "an advisory committee member",
      user([member({ organisationId: OHCHR, role: "advisory-committee-member", regionalGroup: "african" })]),
      true,
    ],
    [
      "another State's provider focal point",
      user([member({ organisationId: NORAD, role: "provider-focal-point", countryIso3: "NOR" })]),
      false,
    ],
    [
      "an OHCHR fund manager",
      user([member({ organisationId: OHCHR, isSecretariat: true, role: "fund-manager", countryIso3: null })]),
      false,
    ],
    ["an anonymous reader", ANONYMOUS, false],
    ["the platform itself", systemActor("matching"), false],
  ])("%s", (_who, actor, expected) => {
    expect(isInsider(actor, request)).toBe(expected);
  });
});
