import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "../../../platform/actor";
import { ANONYMOUS } from "../../../platform/actor";
import { canEditOffer, OFFERS_POLICIES, publishersOf } from "./policy";

const member = (m: Partial<Membership>): Membership => ({
  organisationId: "org-undp",
  organisationKind: "un-entity",
  isSecretariat: false,
  role: "provider-focal-point",
  regionalGroup: null,
  countryIso3: null,
  ...m,
});
const user = (memberships: Membership[], secondFactor = false): Actor => ({
  kind: "user",
  userId: "u",
  displayName: "U",
  sessionId: null,
  memberships,
  secondFactor,
});
const token = (scope: "read" | "read-write", m: Partial<Membership> = {}): Actor => ({
  kind: "token",
  tokenId: "t",
  organisationId: m.organisationId ?? "org-undp",
  membership: member(m),
  scope,
});
const NORWAY = { organisationId: "org-norway", organisationKind: "state", countryIso3: "NOR" } as const;
const OHCHR = { organisationId: "org-ohchr", organisationKind: "un-entity", isSecretariat: true } as const;

describe("who publishes offers, and for which organisation", () => {
  it.each<[string, Actor, string[]]>([
    ["an anonymous visitor", ANONYMOUS, []],
    ["a provider focal point of a UN entity", user([member({})]), ["org-undp"]],
    ["a provider focal point of a State agency", user([member({ ...NORWAY })]), ["org-norway"]],
    [
      "a State's focal point (States provide too)",
      user([member({ ...NORWAY, role: "state-focal-point" })]),
      ["org-norway"],
    ],
    [
      "a State focal point role held in an NGO",
      user([member({ organisationId: "org-ngo", organisationKind: "ngo", role: "state-focal-point" })]),
      [],
    ],
    ["an expert", user([member({ role: "expert" })]), []],
    ["an advisory committee member", user([member({ ...OHCHR, role: "advisory-committee-member" })], true), []],
    ["a secretariat officer before the second factor", user([member({ ...OHCHR, role: "secretariat-officer" })]), []],
    [
      "a secretariat officer after it, for OHCHR",
      user([member({ ...OHCHR, role: "secretariat-officer" })], true),
      ["org-ohchr"],
    ],
    ["a platform administrator", user([member({ ...OHCHR, role: "platform-administrator" })], true), []],
    ["a read-write token", token("read-write"), ["org-undp"]],
    ["a read-only token", token("read"), []],
    [
      "someone who speaks for two organisations",
      user([
        member({}),
        member({ ...NORWAY, role: "state-focal-point" }),
        member({ organisationId: "org-x", role: "expert" }),
      ]),
      ["org-undp", "org-norway"],
    ],
  ])("%s", (_, actor, organisations) => {
    expect(publishersOf(actor)).toEqual(organisations);
    expect(OFFERS_POLICIES["offers.publish"](actor)).toBe(organisations.length > 0);
  });

  it("lets only the owning organisation edit an offer: not another provider, not the secretariat", () => {
    const offer = { organisationId: "org-norway" };
    expect(canEditOffer(user([member({ ...NORWAY })]), offer)).toBe(true);
    expect(canEditOffer(token("read-write", NORWAY), offer)).toBe(true);
    expect(canEditOffer(token("read", NORWAY), offer)).toBe(false);
    expect(canEditOffer(user([member({})]), offer)).toBe(false);
    expect(canEditOffer(user([member({ ...OHCHR, role: "secretariat-officer" })], true), offer)).toBe(false);
    expect(canEditOffer(user([member({ ...NORWAY, role: "expert" })]), offer)).toBe(false);
  });
});
