// The reference-data module's public surface: other modules and the platform import only this.
export type { Country, CountryFilter, DevelopmentStatus, RegionalGroup } from "./domain/country";
export { DEVELOPMENT_STATUSES, REGIONAL_GROUPS } from "./domain/country";
export type { SdgGoalWithTargets } from "./domain/sdg";
export { referenceDataApi } from "./http/api";
export {
  GROUP_LABEL,
  STATUS_ABBREVIATION as DEVELOPMENT_STATUS_ABBREVIATION,
  STATUS_LABEL as DEVELOPMENT_STATUS_LABEL,
} from "./http/labels";
export { referenceDataOpenApi } from "./http/openapi";
export { referenceDataJobs } from "./jobs";
export { developmentStatusesOf, regionalGroupOf, statesOfGroup } from "./queries";
export { checkReferenceData } from "./use-cases/check-reference-data";
export { classificationChoices } from "./use-cases/classification-choices";
export { getCountry } from "./use-cases/get-country";
export { getSdgGoal } from "./use-cases/get-sdg-goal";
export { type KnownCodes, knownCodes } from "./use-cases/known-codes";
export { listCountries } from "./use-cases/list-countries";
export { listMechanisms } from "./use-cases/list-mechanisms";
export { listSdgGoals } from "./use-cases/list-sdg-goals";
export { listVocabularies } from "./use-cases/list-vocabularies";
export { loadReferenceData, ReferenceDataError } from "./use-cases/load-reference-data";
export { type ReferenceNames, referenceNames } from "./use-cases/reference-names";
