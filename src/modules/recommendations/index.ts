// The recommendation index's public surface (issue 4, first step: the model and the UPR Info import).
export { recommendationsApi, recommendationsOpenApi } from "./http/api";
export { ImportForbiddenError, type ImportReport, importRecommendations } from "./use-cases/import-recommendations";
export { searchRecommendations } from "./use-cases/search-recommendations";
