import { index, prefix, type RouteConfig, route } from "@react-router/dev/routes";

/**
 * Every page, under an optional language prefix (`/fr/countries`). Pages live in their
 * capability's `http/` folder; this file only places them in the URL space. Each page module
 * declares who may open it (`handle.access`), checked before its loader or action runs.
 */
export default [
  ...prefix(":lang?", [
    index("platform/ui/pages/home-page.tsx"),
    route("forbidden", "platform/ui/pages/forbidden-page.tsx"),
    route("countries", "modules/reference-data/http/countries-page.tsx"),
    route("countries/:iso3", "modules/reference-data/http/country-page.tsx"),
    route("sdgs", "modules/reference-data/http/sdgs-page.tsx"),
    route("sdgs/:goal", "modules/reference-data/http/sdg-goal-page.tsx"),
    route("recommendations", "modules/recommendations/http/search-page.tsx"),
    route("recommendations/export/:format", "modules/recommendations/http/export-route.ts"),
    route("secretariat/imports", "modules/recommendations/http/imports-page.tsx"),
    route("secretariat/suggestions", "modules/recommendations/http/suggestions-page.tsx"),
    route("recommendations/:key", "modules/recommendations/http/recommendation-page.tsx"),
    route("countries/:iso3/recommendations", "modules/recommendations/http/state-page.tsx"),
    route("tracking", "modules/recommendations/http/tracking-page.tsx"),
    route("tracking/clusters/new", "modules/recommendations/http/tracking-new-cluster-page.tsx"),
    route("tracking/clusters/:id", "modules/recommendations/http/tracking-cluster-page.tsx"),
    route("tracking/:key", "modules/recommendations/http/tracking-entry-page.tsx"),
    route("sign-in", "modules/accounts/http/sign-in-page.tsx"),
    route("sign-in/second-factor", "modules/accounts/http/second-factor-page.tsx"),
    route("sign-in/oidc", "modules/accounts/http/oidc-sign-in-route.ts"),
    route("sign-in/oidc/callback", "modules/accounts/http/oidc-callback-route.ts"),
    route("sign-out", "modules/accounts/http/sign-out-route.tsx"),
    route("account", "modules/accounts/http/account-page.tsx"),
    route("account/security", "modules/accounts/http/security-page.tsx"),
    route("secretariat/audit", "modules/accounts/http/audit-page.tsx"),
    route("secretariat/audit.csv", "modules/accounts/http/audit-csv-route.ts"),
    route("join/:token", "modules/accounts/http/join-page.tsx"),
    route("forgot-password", "modules/accounts/http/forgot-password-page.tsx"),
    route("reset-password/:token", "modules/accounts/http/reset-password-page.tsx"),
    route("invitations/new", "modules/accounts/http/invite-page.tsx"),
    route("account/api-tokens", "modules/accounts/http/api-tokens-page.tsx"),
    route("account/data.json", "modules/accounts/http/my-data-route.ts"),
    route("account/close", "modules/accounts/http/close-account-page.tsx"),
    route("admin/outbox", "modules/accounts/http/outbox-page.tsx"),
    route("admin/organisations", "modules/accounts/http/admin-organisations-page.tsx"),
    route("admin/organisations/new", "modules/accounts/http/admin-new-organisation-page.tsx"),
    route("admin/users", "modules/accounts/http/admin-users-page.tsx"),
    route("organisations/:id", "modules/accounts/http/organisation-page.tsx"),
    route("join-request", "modules/accounts/http/join-request-page.tsx"),
    route("admin/join-requests", "modules/accounts/http/admin-join-requests-page.tsx"),
    route("admin/invitations", "modules/accounts/http/admin-invitations-page.tsx"),
  ]),
  route("*", "platform/ui/pages/not-found-page.tsx"),
] satisfies RouteConfig;
