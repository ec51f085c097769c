import type { MessageKey } from "../../../platform/i18n/messages";
import type { VisibilityTier } from "../../../platform/visibility";
import type { OfferStatus } from "../domain/offer";
import type { AgeBucket, OfferFacet } from "../domain/query";

export const OFFER_STATUS_LABEL: Record<OfferStatus, MessageKey> = {
  open: "offers.status.open",
  paused: "offers.status.paused",
  closed: "offers.status.closed",
};

/** The button that moves an offer to each status. */
export const STATUS_ACTION_LABEL: Record<OfferStatus, MessageKey> = {
  open: "offers.action.reopen",
  paused: "offers.action.pause",
  closed: "offers.action.close",
};

export const STATUS_FLASH: Record<OfferStatus, MessageKey> = {
  open: "offers.flash.open",
  paused: "offers.flash.paused",
  closed: "offers.flash.closed",
};

/** The tiers in a provider's words (the shared labels speak of a State's records). */
export const OFFER_TIER_LABEL: Record<VisibilityTier, MessageKey> = {
  private: "offers.tier.private",
  secretariat: "offers.tier.secretariat",
  providers: "offers.tier.providers",
  public: "offers.tier.public",
};

export const AGE_LABEL: Record<AgeBucket, MessageKey> = {
  "30d": "offers.age.30d",
  "90d": "offers.age.90d",
  older: "offers.age.older",
};

export const FACET_TITLE: Record<OfferFacet, MessageKey> = {
  theme: "offers.facet.theme",
  sdg: "offers.facet.sdg",
  kind: "offers.facet.kind",
  group: "offers.facet.group",
  status: "offers.facet.status",
  providerType: "offers.facet.providerType",
  language: "offers.facet.language",
  offerStatus: "offers.facet.offerStatus",
  age: "offers.facet.age",
};
