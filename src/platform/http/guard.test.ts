import { expect, it } from "vitest";
import type { Actor } from "../actor";
import { judge, type Policies } from "./guard";

const policies: Policies = {
  "audit.view": (a) =>
    a.kind === "user" && a.secondFactor && a.memberships.some((m) => m.role === "secretariat-officer"),
};
const officer = (secondFactor: boolean): Actor => ({
  kind: "user",
  userId: "u",
  displayName: "U",
  sessionId: "s",
  secondFactor,
  memberships: [
    {
      organisationId: "o",
      organisationKind: "un-entity",
      isSecretariat: true,
      role: "secretariat-officer",
      regionalGroup: null,
      countryIso3: null,
    },
  ],
});
const focal: Actor = {
  ...officer(false),
  memberships: [{ ...(officer(false) as any).memberships[0], role: "state-focal-point" }],
} as Actor;

it.each<[string, Parameters<typeof judge>[0], Actor, string | null, string]>([
  ["public page, anyone", "public", { kind: "anonymous" }, null, "allow"],
  ["signed-in page, anonymous", "signed-in", { kind: "anonymous" }, null, "sign-in"],
  ["signed-in page, half signed in", "signed-in", { kind: "anonymous" }, "u", "second-factor"],
  ["signed-in page, user", "signed-in", focal, null, "allow"],
  ["second-factor step, pending", "pending-second-factor", { kind: "anonymous" }, "u", "allow"],
  ["second-factor step, nobody", "pending-second-factor", { kind: "anonymous" }, null, "sign-in"],
  ["policy, officer with second factor", { policy: "audit.view" }, officer(true), null, "allow"],
  ["policy, officer without second factor", { policy: "audit.view" }, officer(false), null, "enrol-second-factor"],
  ["policy, focal point", { policy: "audit.view" }, focal, null, "forbidden"],
  ["policy, anonymous", { policy: "audit.view" }, { kind: "anonymous" }, null, "sign-in"],
])("%s → %s", (_label, access, actor, pending, verdict) => {
  expect(judge(access, actor, pending, policies)).toBe(verdict);
});

it("refuses to guess an unknown policy", () => {
  expect(() => judge({ policy: "nope" }, officer(true), null, policies)).toThrow(/Unknown policy/);
});
