/**
 * A request for support moves through the steps the reform describes: a State drafts and submits
 * it, the secretariat screens it, it is open to providers, matched, implemented, completed and
 * reported back. Screening may return it to the State with reasons; the State may withdraw it, with
 * a reason, at any step before completion. This file decides which step may follow which, and for
 * whom; use cases ask it before they write anything.
 */
export const REQUEST_STATES = [
  "draft",
  "submitted",
  "screening",
  "returned",
  "open",
  "matched",
  "in-implementation",
  "completed",
  "reported-back",
  "withdrawn",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = [
  "submit",
  "start-screening",
  "open",
  "return",
  "match",
  "reopen",
  "start-implementation",
  "complete",
  "report-back",
  "withdraw",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Who is acting, as far as a request is concerned: a focal point of the State that owns it, the
 * secretariat (an officer with a second factor), the platform itself (the match workflow), or
 * anyone else — who may never move a request.
 */
export type Party = "owner" | "secretariat" | "platform" | "other";

interface Rule {
  from: readonly RequestState[];
  to: RequestState;
  by: readonly Party[];
  /** The action must say why (returning to the State, withdrawing). */
  needsReason?: boolean;
}

const BEFORE_COMPLETION: readonly RequestState[] = [
  "draft",
  "submitted",
  "screening",
  "returned",
  "open",
  "matched",
  "in-implementation",
];

/** The whole workflow, one line per action. */
export const RULES: Readonly<Record<RequestAction, Rule>> = {
  // A returned request comes back to the State, which corrects and submits it again.
  submit: { from: ["draft", "returned"], to: "submitted", by: ["owner"] },
  "start-screening": { from: ["submitted"], to: "screening", by: ["secretariat"] },
  open: { from: ["screening"], to: "open", by: ["secretariat"] },
  return: { from: ["screening"], to: "returned", by: ["secretariat"], needsReason: true },
  // A match is made with the State's consent in the matching workflow, which calls this for it.
  match: { from: ["open"], to: "matched", by: ["platform", "secretariat"] },
  // When the last consented match ends before implementation (the State revoked its consent),
  // the request is open to providers again; the match workflow calls this for it too.
  reopen: { from: ["matched"], to: "open", by: ["platform", "secretariat"] },
  "start-implementation": { from: ["matched"], to: "in-implementation", by: ["owner", "secretariat"] },
  complete: { from: ["in-implementation"], to: "completed", by: ["owner", "secretariat"] },
  "report-back": { from: ["completed"], to: "reported-back", by: ["owner"] },
  withdraw: { from: BEFORE_COMPLETION, to: "withdrawn", by: ["owner"], needsReason: true },
};

/**
 * The steps taken directly on a request (a button, an API call). Opening and returning happen
 * only through a screening, which records its answers; matching and reopening only through the
 * match workflow.
 */
export const DIRECT_ACTIONS = [
  "submit",
  "start-screening",
  "start-implementation",
  "complete",
  "report-back",
  "withdraw",
] as const satisfies readonly RequestAction[];
export type DirectAction = (typeof DIRECT_ACTIONS)[number];

export function isDirectAction(value: string): value is DirectAction {
  return (DIRECT_ACTIONS as readonly string[]).includes(value);
}

export type TransitionRefusal = "not-from-this-state" | "not-for-this-party" | "reason-required";

export type TransitionResult = { ok: true; to: RequestState } | { ok: false; refusal: TransitionRefusal };

/** Whether `party` may take `action` on a request in `state`, and where it leads. */
export function transition(
  state: RequestState,
  action: RequestAction,
  party: Party,
  reason?: string | null,
): TransitionResult {
  const rule = RULES[action];
  if (!rule.by.includes(party)) return { ok: false, refusal: "not-for-this-party" };
  if (!rule.from.includes(state)) return { ok: false, refusal: "not-from-this-state" };
  if (rule.needsReason && !reason?.trim()) return { ok: false, refusal: "reason-required" };
  return { ok: true, to: rule.to };
}

/** The actions a party may take on a request in a state: what a page offers as buttons. */
export function availableActions(state: RequestState, party: Party): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => RULES[a].from.includes(state) && RULES[a].by.includes(party));
}

/** Only a draft, or a request returned to the State, can still be edited by it. */
export function isEditable(state: RequestState): boolean {
  return state === "draft" || state === "returned";
}
