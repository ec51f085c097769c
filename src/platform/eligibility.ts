/**
 * Who an offer of support is for. Providers may limit an offer to regional groups, to development
 * statuses (only SIDS, only LDCs…), to named States, or to a mix. Eligibility is a rule, never a
 * weight: a State an offer excludes is never suggested it, however good the match otherwise.
 */
export interface OfferEligibility {
  /** Regional groups (codes such as `asia-pacific`); empty: any group. */
  regionalGroups: readonly string[];
  /** Development statuses (`ldc`, `lldc`, `sids`); empty: any status. */
  statuses: readonly string[];
  /** ISO alpha-3 codes of States the offer names whatever their group or status. */
  namedStates: readonly string[];
}

export interface StateProfile {
  iso3: string;
  regionalGroup: string | null;
  statuses: readonly string[];
}

/**
 * A State is eligible when the offer names it, or when it meets every kind of limit the offer sets
 * (group and status together: "SIDS of the Asia-Pacific Group" means both). An offer with no limit
 * at all is for every State; one that only names States is for those States alone.
 */
export function isEligible(offer: OfferEligibility, state: StateProfile): boolean {
  if (offer.namedStates.includes(state.iso3)) return true;
  const limitsByKind = offer.regionalGroups.length > 0 || offer.statuses.length > 0;
  if (!limitsByKind) return offer.namedStates.length === 0;
  const groupOk =
    offer.regionalGroups.length === 0 ||
    (state.regionalGroup !== null && offer.regionalGroups.includes(state.regionalGroup));
  const statusOk = offer.statuses.length === 0 || offer.statuses.some((s) => state.statuses.includes(s));
  return groupOk && statusOk;
}
