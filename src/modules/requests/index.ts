// The requests module's public surface: requests for support, their screening and their workflow.
export { REQUESTS_POLICIES } from "./domain/policy";
export { effectiveTier } from "./domain/visibility";
export { REQUEST_STATES, type RequestState } from "./domain/workflow";
export { requestsApi, requestsOpenApi } from "./http/api";
export { getRequest } from "./use-cases/get-request";
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
