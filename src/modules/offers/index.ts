// The offers module's public surface.
export { OFFER_STATUSES, type OfferStatus } from "./domain/offer";
export { canEditOffer, OFFERS_POLICIES, publishersOf } from "./domain/policy";
export { offersApi, offersOpenApi } from "./http/api";
export { consumeOfferCapacity, lockOffers, type Offer, releaseOfferCapacity } from "./store";
export { changeOfferStatus } from "./use-cases/change-offer-status";
export { getOffer } from "./use-cases/get-offer";
export { offersForMatching, visibleOffersByIds } from "./use-cases/offers-for-matching";
export { openOffersMatchingRequest } from "./use-cases/open-offers-matching-request";
export { OfferForbiddenError, publishOffer } from "./use-cases/publish-offer";
export { searchOffers } from "./use-cases/search-offers";
export { updateOffer } from "./use-cases/update-offer";
