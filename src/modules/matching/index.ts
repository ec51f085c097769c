// The matching module's public surface: explained suggestions, the match workflow with the State's consent, the gap map.
export { MATCHING_POLICIES } from "./domain/policy";
export { THEME_FAMILY_CODES, themeFamilyOf } from "./domain/theme-families";
export { REASON_CODES } from "./domain/weights";
export { gapsApi, gapsOpenApi } from "./http/gaps-api";
export { matchesApi, matchesOpenApi } from "./http/matches-api";
export { suggestionsApi, suggestionsOpenApi } from "./http/suggestions-api";
export { matchingJobs, REFRESH_JOB } from "./jobs";
export { explainPair } from "./use-cases/explain-pair";
export { actOnMatch, endMatchesOfEndedRequest, endMatchesOfStoppedOffer } from "./use-cases/matches-act";
export { proposeMatch } from "./use-cases/matches-propose";
export { getMatch, listMatches } from "./use-cases/matches-read";
export { refreshSuggestions } from "./use-cases/refresh-suggestions";
export { suggestedOffers, suggestedRequests } from "./use-cases/suggestions";
export {
  currentWeights,
  ensureMatchWeights,
  publishWeights,
  WeightsForbiddenError,
  weightsHistory,
} from "./use-cases/weights";
