import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEligible, type OfferEligibility, type StateProfile } from "./eligibility";

const fiji: StateProfile = { iso3: "FJI", regionalGroup: "asia-pacific", statuses: ["sids"] };
const bhutan: StateProfile = { iso3: "BTN", regionalGroup: "asia-pacific", statuses: ["ldc", "lldc"] };
const honduras: StateProfile = { iso3: "HND", regionalGroup: "latin-american-caribbean", statuses: [] };
const seychelles: StateProfile = { iso3: "SYC", regionalGroup: "african", statuses: ["sids"] };
const offer = (o: Partial<OfferEligibility>): OfferEligibility => ({
  regionalGroups: [],
  statuses: [],
  namedStates: [],
  ...o,
});

describe("who an offer is for", () => {
  it.each<[string, OfferEligibility, StateProfile[]]>([
    ["no limit: every State", offer({}), [fiji, bhutan, honduras, seychelles]],
    ["only SIDS", offer({ statuses: ["sids"] }), [fiji, seychelles]],
    ["only LDCs", offer({ statuses: ["ldc"] }), [bhutan]],
    ["SIDS of the Asia-Pacific Group", offer({ regionalGroups: ["asia-pacific"], statuses: ["sids"] }), [fiji]],
    ["only named States", offer({ namedStates: ["HND"] }), [honduras]],
    ["LDCs, and Honduras by name", offer({ statuses: ["ldc"], namedStates: ["HND"] }), [bhutan, honduras]],
    ["a group", offer({ regionalGroups: ["african", "latin-american-caribbean"] }), [honduras, seychelles]],
  ])("%s", (_, o, eligible) => {
    const all = [fiji, bhutan, honduras, seychelles];
    expect(all.filter((s) => isEligible(o, s)).map((s) => s.iso3)).toEqual(eligible.map((s) => s.iso3));
  });

  it("never narrows when a State is named, and never widens when a limit is added", () => {
    const state = fc.record({
      iso3: fc.constantFrom("FJI", "BTN", "HND", "SYC", "NOR"),
      regionalGroup: fc.constantFrom("african", "asia-pacific", "latin-american-caribbean", null),
      statuses: fc.subarray(["ldc", "lldc", "sids"]),
    });
    const limits = fc.record({
      regionalGroups: fc.subarray(["african", "asia-pacific", "latin-american-caribbean"]),
      statuses: fc.subarray(["ldc", "lldc", "sids"]),
      namedStates: fc.subarray(["FJI", "BTN", "HND", "SYC", "NOR"]),
    });
    fc.assert(
      fc.property(limits, state, fc.constantFrom("ldc", "lldc", "sids"), (o, s, extra) => {
        expect(isEligible({ ...o, namedStates: [...o.namedStates, s.iso3] }, s)).toBe(true);
        // A first status limit on an offer that already limits by group can only exclude more.
        if (o.statuses.length === 0 && o.regionalGroups.length > 0 && isEligible({ ...o, statuses: [extra] }, s))
          expect(isEligible(o, s)).toBe(true);
      }),
    );
  });
});
