import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "../../../platform/actor";
import {
  availableMatchActions,
  canReadMatch,
  ENDED_WHEN_OFFER_STOPS,
  grantedScope,
  initialMatchState,
  isPlatformReason,
  MATCH_ACTIONS,
  MATCH_RULES,
  MATCH_STATES,
  type MatchAction,
  type MatchParty,
  type MatchState,
  offerStatusEffect,
  partyOf,
  transitionMatch,
} from "./workflow";

describe("the match workflow", () => {
  it.each([
    ["proposed", "accept", "provider", null, { ok: true, to: "accepted" }],
    ["proposed", "accept", "state", null, { ok: false, refusal: "not-for-this-party" }],
    ["proposed", "accept", "secretariat", null, { ok: false, refusal: "not-for-this-party" }],
    ["accepted", "accept", "provider", null, { ok: false, refusal: "not-from-this-state" }],
    ["accepted", "consent", "state", null, { ok: true, to: "consented" }],
    ["proposed", "consent", "state", null, { ok: false, refusal: "not-from-this-state" }],
    ["accepted", "consent", "provider", null, { ok: false, refusal: "not-for-this-party" }],
    ["accepted", "consent", "secretariat", null, { ok: false, refusal: "not-for-this-party" }],
    ["consented", "activate", "provider", null, { ok: true, to: "active" }],
    ["consented", "activate", "state", null, { ok: true, to: "active" }],
    ["consented", "activate", "secretariat", null, { ok: true, to: "active" }],
    ["accepted", "activate", "provider", null, { ok: false, refusal: "not-from-this-state" }],
    ["active", "close", "provider", null, { ok: true, to: "closed" }],
    ["consented", "close", "provider", null, { ok: false, refusal: "not-from-this-state" }],
    ["proposed", "decline", "provider", "Fully booked this year", { ok: true, to: "declined" }],
    ["accepted", "decline", "state", "Another partner answered", { ok: true, to: "declined" }],
    ["accepted", "decline", "state", "  ", { ok: false, refusal: "reason-required" }],
    ["accepted", "decline", "state", null, { ok: false, refusal: "reason-required" }],
    ["accepted", "decline", "secretariat", "Why not", { ok: false, refusal: "not-for-this-party" }],
    ["consented", "decline", "provider", "Too late", { ok: false, refusal: "not-from-this-state" }],
    ["consented", "revoke", "state", null, { ok: true, to: "revoked" }],
    ["active", "revoke", "state", "", { ok: true, to: "revoked" }],
    ["active", "revoke", "provider", null, { ok: false, refusal: "not-for-this-party" }],
    ["active", "revoke", "secretariat", null, { ok: false, refusal: "not-for-this-party" }],
    ["closed", "revoke", "state", null, { ok: false, refusal: "not-from-this-state" }],
    ["accepted", "revoke", "state", null, { ok: false, refusal: "not-from-this-state" }],
    ["proposed", "accept", "other", null, { ok: false, refusal: "not-for-this-party" }],
  ] as const)("%s, %s by %s (reason %j) → %j", (state, action, party, reason, expected) => {
    expect(transitionMatch(state, action, party, reason)).toEqual(expected);
  });

  it("lets nothing leave an ended match, and nobody but the parties act", () => {
    for (const state of ["closed", "declined", "revoked"] as const)
      for (const party of ["state", "provider", "secretariat", "other"] as const)
        expect(availableMatchActions(state, party)).toEqual([]);
    for (const state of MATCH_STATES) expect(availableMatchActions(state, "other")).toEqual([]);
  });

  it("offers each party exactly the actions the rules allow it", () => {
    const table: [MatchState, MatchParty, MatchAction[]][] = [
      ["proposed", "provider", ["accept", "decline"]],
      ["proposed", "state", ["decline"]],
      ["accepted", "state", ["consent", "decline"]],
      ["accepted", "provider", ["decline"]],
      ["consented", "state", ["activate", "revoke"]],
      ["consented", "secretariat", ["activate"]],
      ["active", "state", ["close", "revoke"]],
      ["active", "provider", ["close"]],
    ];
    for (const [state, party, actions] of table) expect(availableMatchActions(state, party)).toEqual(actions);
  });

  it("leads every action to a state of the workflow, from states of the workflow", () => {
    for (const action of MATCH_ACTIONS) {
      expect(MATCH_STATES).toContain(MATCH_RULES[action].to);
      for (const from of MATCH_RULES[action].from) expect(MATCH_STATES).toContain(from);
    }
  });

  it("starts a provider's proposal accepted, and waits for the provider otherwise", () => {
    expect(initialMatchState("provider")).toBe("accepted");
    expect(initialMatchState("state")).toBe("proposed");
    expect(initialMatchState("secretariat")).toBe("proposed");
  });
});

describe("what becomes of a match when its offer stops taking new engagements", () => {
  it.each([
    ["closed", "proposed", { action: "decline", by: "platform", reason: "offerClosed" }],
    ["closed", "accepted", { action: "decline", by: "platform", reason: "offerClosed" }],
    ["paused", "proposed", { action: "decline", by: "platform", reason: "offerPaused" }],
    ["paused", "accepted", { action: "decline", by: "platform", reason: "offerPaused" }],
    // The help was agreed: the match goes on.
    ["closed", "consented", null],
    ["closed", "active", null],
    ["paused", "consented", null],
    ["paused", "active", null],
    // Ended already.
    ["closed", "closed", null],
    ["closed", "declined", null],
    ["closed", "revoked", null],
    // Reopening, or a status this rule does not know, ends nothing.
    ["open", "proposed", null],
    ["open", "accepted", null],
    ["withdrawn", "proposed", null],
  ] as const)("offer %s, match %s → %j", (offerStatus, matchState, expected) => {
    expect(offerStatusEffect(offerStatus, matchState)).toEqual(expected);
  });

  it("ends exactly the states waiting for consent, as the platform's decline", () => {
    expect([...ENDED_WHEN_OFFER_STOPS].sort()).toEqual(["accepted", "proposed"]);
    for (const state of MATCH_STATES)
      expect(offerStatusEffect("closed", state) !== null).toBe(ENDED_WHEN_OFFER_STOPS.includes(state));
    // The platform declines with its reason, and only then: it takes no other step.
    expect(transitionMatch("accepted", "decline", "platform", "offerClosed")).toEqual({ ok: true, to: "declined" });
    expect(transitionMatch("accepted", "decline", "platform", null)).toEqual({ ok: false, refusal: "reason-required" });
    for (const action of MATCH_ACTIONS.filter((a) => a !== "decline"))
      for (const state of MATCH_STATES)
        expect(transitionMatch(state, action, "platform", "offerClosed")).toMatchObject({ ok: false });
  });

  it("tells the platform's reasons from a party's words", () => {
    expect(isPlatformReason("offerClosed")).toBe(true);
    expect(isPlatformReason("offerPaused")).toBe(true);
    expect(isPlatformReason("The offer was closed")).toBe(false);
    expect(isPlatformReason(null)).toBe(false);
  });
});

const HONDURAS = "00000000-0000-4000-8000-0000000000a1";
const THAILAND = "00000000-0000-4000-8000-0000000000b2";
const OHCHR = "00000000-0000-4000-8000-0000000000c3";
const OTHER = "00000000-0000-4000-8000-0000000000d4";
const sides = { stateOrganisationId: HONDURAS, providerOrganisationId: THAILAND };

const membership = (organisationId: string, role: Membership["role"], extra: Partial<Membership> = {}): Membership => ({
  organisationId,
  organisationKind: "state",
  isSecretariat: false,
  role,
  regionalGroup: null,
  countryIso3: null,
  ...extra,
});
const user = (memberships: Membership[], secondFactor = true): Actor => ({
  kind: "user",
  userId: "u",
  displayName: "U",
  sessionId: null,
  memberships,
  secondFactor,
});
const token = (m: Membership, scope: "read" | "read-write"): Actor => ({
  kind: "token",
  tokenId: "t",
  organisationId: m.organisationId,
  membership: m,
  scope,
});
const officer = membership(OHCHR, "secretariat-officer", { organisationKind: "un-entity", isSecretariat: true });

describe("who the actor is to a match", () => {
  it.each([
    ["the State's focal point", user([membership(HONDURAS, "state-focal-point")]), "state"],
    ["the provider's focal point", user([membership(THAILAND, "provider-focal-point")]), "provider"],
    ["a providing State's own focal point", user([membership(THAILAND, "state-focal-point")]), "provider"],
    ["an officer with a second factor", user([officer]), "secretariat"],
    ["an officer without one", user([officer], false), "other"],
    [
      "a committee member",
      user([membership(OHCHR, "advisory-committee-member", { organisationKind: "un-entity", isSecretariat: true })]),
      "other",
    ],
    ["an expert of the State's organisation", user([membership(HONDURAS, "expert")]), "other"],
    ["another State's focal point", user([membership(OTHER, "state-focal-point")]), "other"],
    ["a read-write token of the State", token(membership(HONDURAS, "state-focal-point"), "read-write"), "state"],
    ["a read token of the State", token(membership(HONDURAS, "state-focal-point"), "read"), "other"],
    ["a read token of the provider", token(membership(THAILAND, "provider-focal-point"), "read"), "other"],
    ["the platform itself", { kind: "system", process: "test" } as Actor, "other"],
    ["anyone", { kind: "anonymous" } as Actor, "other"],
  ] as const)("%s is %s", (_who, actor, expected) => {
    expect(partyOf(actor, sides)).toBe(expected);
  });

  it("counts an officer as the provider when the secretariat itself offers", () => {
    expect(partyOf(user([officer]), { stateOrganisationId: HONDURAS, providerOrganisationId: OHCHR })).toBe("provider");
  });
});

describe("who reads a match", () => {
  it.each([
    ["the State's members", user([membership(HONDURAS, "expert")]), true],
    ["the provider's members", user([membership(THAILAND, "provider-focal-point")]), true],
    ["a read token of the provider", token(membership(THAILAND, "provider-focal-point"), "read"), true],
    ["the secretariat", user([officer]), true],
    [
      "the advisory committee",
      user([membership(OHCHR, "advisory-committee-member", { organisationKind: "un-entity", isSecretariat: true })]),
      true,
    ],
    ["an officer without a second factor", user([officer], false), false],
    ["another provider", user([membership(OTHER, "provider-focal-point")]), false],
    ["anyone", { kind: "anonymous" } as Actor, false],
  ] as const)("%s: %s", (_who, actor, expected) => {
    expect(canReadMatch(actor, sides)).toBe(expected);
  });
});

describe("what a provider reads of a request, from its matches", () => {
  it.each([
    [[], null],
    [[{ state: "accepted", proposedBy: "provider", scope: [] }], null],
    [[{ state: "proposed", proposedBy: "state", scope: [] }], []],
    [[{ state: "declined", proposedBy: "state", scope: [] }], null],
    [[{ state: "consented", proposedBy: "provider", scope: ["budget"] }], ["budget"]],
    [[{ state: "consented", proposedBy: "provider", scope: [] }], []],
    [
      [
        { state: "active", proposedBy: "provider", scope: ["budget", "schedule"] },
        { state: "consented", proposedBy: "secretariat", scope: ["counterparts", "budget"] },
        { state: "revoked", proposedBy: "state", scope: ["schedule"] },
      ],
      ["budget", "counterparts", "schedule"],
    ],
    [[{ state: "revoked", proposedBy: "provider", scope: ["budget"] }], null],
    [[{ state: "closed", proposedBy: "provider", scope: ["budget"] }], null],
  ] as const)("%j → %j", (matches, expected) => {
    expect(grantedScope(matches)).toEqual(expected);
  });
});
