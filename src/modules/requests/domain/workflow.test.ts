import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  availableActions,
  isDirectAction,
  type Party,
  REQUEST_ACTIONS,
  REQUEST_STATES,
  type RequestAction,
  type RequestState,
  transition,
} from "./workflow";

const PARTIES: Party[] = ["owner", "secretariat", "platform", "other"];

describe("a request's workflow", () => {
  it.each<[RequestState, RequestAction, Party, RequestState]>([
    ["draft", "submit", "owner", "submitted"],
    ["submitted", "start-screening", "secretariat", "screening"],
    ["screening", "open", "secretariat", "open"],
    ["open", "match", "platform", "matched"],
    ["matched", "reopen", "platform", "open"],
    ["matched", "reopen", "secretariat", "open"],
    ["matched", "start-implementation", "owner", "in-implementation"],
    ["in-implementation", "complete", "secretariat", "completed"],
    ["completed", "report-back", "owner", "reported-back"],
    ["returned", "submit", "owner", "submitted"],
  ])("from %s, %s by the %s leads to %s", (from, action, party, to) => {
    expect(transition(from, action, party)).toEqual({ ok: true, to });
  });

  it("returns a request to its State only with reasons", () => {
    expect(transition("screening", "return", "secretariat")).toEqual({ ok: false, refusal: "reason-required" });
    expect(transition("screening", "return", "secretariat", "  ")).toEqual({ ok: false, refusal: "reason-required" });
    expect(transition("screening", "return", "secretariat", "Name the recommendations it serves")).toEqual({
      ok: true,
      to: "returned",
    });
  });

  it("lets the State withdraw, with a reason, at any step before completion and never after", () => {
    for (const state of REQUEST_STATES) {
      const result = transition(state, "withdraw", "owner", "Covered by a national programme");
      const open = !["completed", "reported-back", "withdrawn"].includes(state);
      expect(result.ok, state).toBe(open);
    }
    expect(transition("open", "withdraw", "owner")).toEqual({ ok: false, refusal: "reason-required" });
    expect(transition("open", "withdraw", "secretariat", "tidy-up")).toEqual({
      ok: false,
      refusal: "not-for-this-party",
    });
  });

  it("reopens only a matched request, for the match workflow or the secretariat, never at a button", () => {
    for (const state of REQUEST_STATES)
      expect(transition(state, "reopen", "platform").ok, state).toBe(state === "matched");
    expect(transition("matched", "reopen", "owner")).toEqual({ ok: false, refusal: "not-for-this-party" });
    expect(transition("in-implementation", "reopen", "secretariat")).toEqual({
      ok: false,
      refusal: "not-from-this-state",
    });
    expect(isDirectAction("reopen")).toBe(false);
    expect(availableActions("matched", "owner")).not.toContain("reopen");
  });

  it("never lets anyone else move a request, nor the secretariat submit or withdraw for a State", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATES),
        fc.constantFrom(...REQUEST_ACTIONS),
        fc.string(),
        (state, action, reason) => {
          expect(transition(state, action, "other", reason).ok).toBe(false);
          if (action === "submit" || action === "withdraw" || action === "report-back")
            expect(transition(state, action, "secretariat", reason).ok).toBe(false);
        },
      ),
    );
  });

  it("offers exactly the actions a transition would allow (given a reason)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_STATES), fc.constantFrom(...PARTIES), (state, party) => {
        const offered = availableActions(state, party);
        for (const action of REQUEST_ACTIONS)
          expect(transition(state, action, party, "a reason").ok, `${state} ${action} ${party}`).toBe(
            offered.includes(action),
          );
      }),
    );
  });

  it("reaches every state from a draft, and nothing leaves a withdrawn or reported-back request", () => {
    const reached = new Set<RequestState>(["draft"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const state of [...reached])
        for (const party of PARTIES)
          for (const action of REQUEST_ACTIONS) {
            const result = transition(state, action, party, "a reason");
            if (result.ok && !reached.has(result.to)) {
              reached.add(result.to);
              grew = true;
            }
          }
    }
    expect([...reached].sort()).toEqual([...REQUEST_STATES].sort());
    for (const party of PARTIES) {
      expect(availableActions("withdrawn", party)).toEqual([]);
      expect(availableActions("reported-back", party)).toEqual([]);
    }
  });
});
