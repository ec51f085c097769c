// The requests module's public surface: requests for support, their screening and their workflow.
export {
  RESTRICTED_REQUEST_FIELDS,
  type RestrictedRequestField,
  redactRequest,
} from "./domain/disclosure";
export { REQUESTS_POLICIES } from "./domain/policy";
export { effectiveTier } from "./domain/visibility";
export { REQUEST_STATES, type RequestState } from "./domain/workflow";
export { requestsApi, requestsOpenApi } from "./http/api";
export {
  disclosureOf,
  grantRequestFields,
  grantRowsOf,
  lockRequest,
  type RequestRow,
  readRequest,
  revokeRequestGrant,
  visibleRequestRow,
} from "./store";
export { getRequest } from "./use-cases/get-request";
export { openRequestsForGaps } from "./use-cases/open-requests-for-gaps";
export {
  MATCHABLE_STATES,
  requestsForMatching,
  visibleRequestCards,
} from "./use-cases/requests-for-matching";
export { changeRequestRecommendations, RequestForbiddenError, saveRequestDraft } from "./use-cases/save-request";
export {
  currentCriteria,
  ensureScreeningCriteria,
  publishScreeningCriteria,
  recordScreeningView,
  ScreeningForbiddenError,
  screeningQueue,
  screenRequest,
} from "./use-cases/screening";
export {
  EXPORT_COLUMNS as REQUEST_EXPORT_COLUMNS,
  exportRequests,
  publicRequestStatistics,
  requestCitations,
  requestsCitingRecommendation,
  searchRequests,
} from "./use-cases/search-requests";
export { actOnRequest, applyTransition } from "./use-cases/transition";
