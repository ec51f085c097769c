// The recommendation index's public surface.
export { IMPORT_FORMATS, type ImportFormat } from "./domain/import-file";
export { RECOMMENDATIONS_POLICIES, type TrackingWriter, trackingWriterFor, trackingWriters } from "./domain/policy";
export { TRACKING_STATUSES, type TrackingStatus } from "./domain/tracking";
export { recommendationsApi, recommendationsOpenApi } from "./http/api";
export { recommendationsJobs } from "./jobs";
export { getRecommendation, type RecommendationSummary, recommendationSummaries } from "./use-cases/get-recommendation";
export { ImportForbiddenError, type ImportReport, importRecommendations } from "./use-cases/import-recommendations";
export { importsInProgress, queueBundledImports, runQueuedImports } from "./use-cases/import-runs";
export { recommendationSubjects } from "./use-cases/recommendation-subjects";
export { buildFacetIndex, searchRecommendations } from "./use-cases/search-recommendations";
export { stateProfile } from "./use-cases/state-profile";
export { SUGGEST_JOB } from "./use-cases/suggest-classifications";
export {
  saveTrackingEntry,
  stateTracking,
  TrackingForbiddenError,
  trackingEntryOf,
  visibleTrackingOfRecommendation,
} from "./use-cases/tracking";
export { clusterOf, listClusters, saveCluster } from "./use-cases/tracking-clusters";
