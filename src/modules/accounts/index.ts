// The accounts module's public surface: identity, sessions, organisations, the audit trail view.
export { ACCOUNTS_POLICIES, type AccountsAction, can } from "./domain/policy";
export { accountsApi, accountsOpenApi } from "./http/api";
export { ORGANISATION_KIND_LABEL, ROLE_LABEL } from "./http/labels";
export { accountsJobs } from "./jobs";
export { organisationCountryOf, organisationKindOf, organisationNameOf } from "./queries";
export {
  DEMO_PASSWORD,
  DEMO_RECOVERY_CODE,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  demoActor,
  ensureSecretariat,
  seedDemoAccounts,
} from "./seed";
export { authenticateApiToken } from "./use-cases/api-tokens";
export { getAccountOverview } from "./use-cases/get-account-overview";
export { findRecipients, type Recipient, type RecipientSelector } from "./use-cases/recipients";
export { resolveSession } from "./use-cases/sessions";
