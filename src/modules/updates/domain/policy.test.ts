import { describe, expect, it } from "vitest";
import type { Actor, Membership } from "../../../platform/actor";
import { canEditUpdate, UPDATES_POLICIES, updateWriters, writerFor } from "./policy";

const FIJI = "00000000-0000-4000-8000-00000000f111";
const TONGA = "00000000-0000-4000-8000-00000000f222";
const membership = (change: Partial<Membership> = {}): Membership => ({
  organisationId: FIJI,
  organisationKind: "state",
  isSecretariat: false,
  role: "state-focal-point",
  regionalGroup: null,
  countryIso3: "FJI",
  ...change,
});
const user = (...memberships: Membership[]): Actor => ({
  kind: "user",
  userId: "u",
  displayName: "U",
  sessionId: null,
  memberships,
  secondFactor: true,
});
const token = (scope: "read" | "read-write", m = membership()): Actor => ({
  kind: "token",
  tokenId: "t",
  organisationId: m.organisationId,
  membership: m,
  scope,
});

describe("updates.write", () => {
  it.each([
    ["a State's focal point", user(membership()), true],
    ["a read-write token of a State organisation", token("read-write"), true],
    ["a read token of a State organisation", token("read"), false],
    [
      "a provider's focal point",
      user(membership({ organisationKind: "ngo", role: "provider-focal-point", countryIso3: null })),
      false,
    ],
    ["a provider focal point of a State organisation", user(membership({ role: "provider-focal-point" })), false],
    ["an expert of a State organisation", user(membership({ role: "expert" })), false],
    ["a State organisation with no country", user(membership({ countryIso3: null })), false],
    [
      "a secretariat officer",
      user(
        membership({
          organisationKind: "un-entity",
          isSecretariat: true,
          role: "secretariat-officer",
          countryIso3: null,
        }),
      ),
      false,
    ],
    ["an anonymous visitor", { kind: "anonymous" } as Actor, false],
  ])("%s: %s", (_who, actor, allowed) => {
    expect(UPDATES_POLICIES["updates.write"](actor)).toBe(allowed);
  });
});

describe("who edits one update", () => {
  const fiji = user(membership());
  it("is a focal point of the owning organisation, and nobody else", () => {
    expect(canEditUpdate(fiji, { organisationId: FIJI })).toBe(true);
    expect(canEditUpdate(fiji, { organisationId: TONGA })).toBe(false);
    expect(canEditUpdate(token("read-write"), { organisationId: FIJI })).toBe(true);
    expect(canEditUpdate(token("read"), { organisationId: FIJI })).toBe(false);
    expect(canEditUpdate(user(membership({ role: "expert" })), { organisationId: FIJI })).toBe(false);
  });

  it("writes for the named State, or the only one the actor speaks for", () => {
    const both = user(membership(), membership({ organisationId: TONGA, countryIso3: "TON" }));
    expect(updateWriters(both)).toHaveLength(2);
    expect(writerFor(both, "TON")).toEqual({ organisationId: TONGA, stateIso3: "TON" });
    expect(writerFor(both)).toBeNull();
    expect(writerFor(fiji)).toEqual({ organisationId: FIJI, stateIso3: "FJI" });
    expect(writerFor(fiji, "TON")).toBeNull();
  });
});
