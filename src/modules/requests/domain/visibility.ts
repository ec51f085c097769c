import type { VisibilityTier } from "../../../platform/visibility";
import type { RequestState } from "./workflow";

/**
 * The tier a request is shown under right now. A draft stays with its State. Submitting shares it
 * with the secretariat, which must screen it, and no further until screening opens it: then the
 * State's chosen tier applies, never below the secretariat (it brokers the request from there on).
 * A withdrawn request goes back to the State and the secretariat (withdrawing is the State taking
 * back what it shared), or to the State alone when it was withdrawn before it was ever submitted.
 * Every list, count, page, API answer and notification judges a request by this tier, through the
 * platform's one visibility rule.
 */
export function effectiveTier(state: RequestState, chosen: VisibilityTier, everSubmitted: boolean): VisibilityTier {
  if (state === "draft" || (state === "withdrawn" && !everSubmitted)) return "private";
  if (state === "submitted" || state === "screening" || state === "returned" || state === "withdrawn")
    return "secretariat";
  return chosen === "private" ? "secretariat" : chosen;
}
