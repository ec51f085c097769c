// The recommendation index's public surface.
export { IMPORT_FORMATS, type ImportFormat } from "./domain/import-file";
export { recommendationsApi, recommendationsOpenApi } from "./http/api";
export { ImportForbiddenError, type ImportReport, importRecommendations } from "./use-cases/import-recommendations";
export { searchRecommendations } from "./use-cases/search-recommendations";
