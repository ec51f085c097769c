import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "../../../platform/actor";
import {
  availableMatchActions,
  canReadMatch,
  ENDED_WHEN_OFFER_STOPS,
  ENDED_WHEN_REQUEST_STOPS,
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
  PLATFORM_REASONS,
  partyOf,
  requestStatusEffect,
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
    // The platform declines with its reason; it never takes a party's own steps.
    expect(transitionMatch("accepted", "decline", "platform", "offerClosed")).toEqual({ ok: true, to: "declined" });
    expect(transitionMatch("accepted", "decline", "platform", null)).toEqual({ ok: false, refusal: "reason-required" });
    for (const action of ["accept", "consent", "activate"] as const)
      for (const state of MATCH_STATES)
        expect(transitionMatch(state, action, "platform", "offerClosed")).toMatchObject({ ok: false });
  });

  it("tells the platform's reasons from a party's words", () => {
    for (const reason of PLATFORM_REASONS) expect(isPlatformReason(reason)).toBe(true);
    expect(isPlatformReason("offerClosed")).toBe(true);
    expect(isPlatformReason("offerPaused")).toBe(true);
    expect(isPlatformReason("The offer was closed")).toBe(false);
    expect(isPlatformReason(null)).toBe(false);
  });
});

describe("what becomes of a match when its request leaves the states open to matching", () => {
  it.each([
    // Withdrawn: the State takes back everything; nothing goes on.
    ["withdrawn", "proposed", { action: "decline", by: "platform", reason: "requestWithdrawn" }],
    ["withdrawn", "accepted", { action: "decline", by: "platform", reason: "requestWithdrawn" }],
    ["withdrawn", "consented", { action: "revoke", by: "platform", reason: "requestWithdrawn" }],
    ["withdrawn", "active", { action: "revoke", by: "platform", reason: "requestWithdrawn" }],
    // Under way: waiting matches can never be consented to; the agreed help goes on.
    ["in-implementation", "proposed", { action: "decline", by: "platform", reason: "requestInImplementation" }],
    ["in-implementation", "accepted", { action: "decline", by: "platform", reason: "requestInImplementation" }],
    ["in-implementation", "consented", null],
    ["in-implementation", "active", null],
    // Completed: the help was given, started or not; a straggler waiting is declined.
    ["completed", "consented", { action: "close", by: "platform", reason: "requestCompleted" }],
    ["completed", "active", { action: "close", by: "platform", reason: "requestCompleted" }],
    ["completed", "accepted", { action: "decline", by: "platform", reason: "requestCompleted" }],
    // Ended already.
    ["withdrawn", "closed", null],
    ["withdrawn", "declined", null],
    ["withdrawn", "revoked", null],
    ["completed", "closed", null],
    // Still open to matching, never matched, or after completion: nothing ends.
    ["open", "accepted", null],
    ["open", "active", null],
    ["matched", "proposed", null],
    ["returned", "proposed", null],
    ["reported-back", "active", null],
    ["closed", "proposed", null],
  ] as const)("request %s, match %s → %j", (requestStatus, matchState, expected) => {
    expect(requestStatusEffect(requestStatus, matchState)).toEqual(expected);
  });

  it("considers every match still under way, and only the platform's reasons", () => {
    expect([...ENDED_WHEN_REQUEST_STOPS].sort()).toEqual(["accepted", "active", "consented", "proposed"]);
    for (const status of ["withdrawn", "in-implementation", "completed"])
      for (const state of MATCH_STATES) {
        const step = requestStatusEffect(status, state);
        if (step) {
          expect(ENDED_WHEN_REQUEST_STOPS).toContain(state);
          expect(isPlatformReason(step.reason)).toBe(true);
          expect(transitionMatch(state, step.action, "platform", step.reason)).toMatchObject({ ok: true });
        }
      }
  });

  it("lets the platform close a consented match, and revoke, while a party closes only an active one", () => {
    expect(transitionMatch("consented", "close", "platform", "requestCompleted")).toEqual({ ok: true, to: "closed" });
    expect(transitionMatch("consented", "close", "state", null)).toEqual({ ok: false, refusal: "not-from-this-state" });
    expect(transitionMatch("active", "revoke", "platform", "requestWithdrawn")).toEqual({ ok: true, to: "revoked" });
    expect(transitionMatch("accepted", "close", "platform", "requestCompleted")).toEqual({
      ok: false,
      refusal: "not-from-this-state",
    });
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
