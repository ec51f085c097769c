// The voluntary national updates' public surface.
export { UPDATES_POLICIES } from "./domain/policy";
export { updatesApi, updatesOpenApi } from "./http/api";
export { updateCitations, updatesCitingRecommendation } from "./use-cases/get-update";
