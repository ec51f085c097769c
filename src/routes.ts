import { index, prefix, type RouteConfig, route } from "@react-router/dev/routes";

/**
 * Every page, under an optional language prefix (`/fr/countries`). Pages live in their
 * capability's `http/` folder; this file only places them in the URL space.
 */
export default [
  ...prefix(":lang?", [
    index("platform/ui/pages/home-page.tsx"),
    route("countries", "modules/reference-data/http/countries-page.tsx"),
    route("countries/:iso3", "modules/reference-data/http/country-page.tsx"),
    route("sdgs", "modules/reference-data/http/sdgs-page.tsx"),
    route("sdgs/:goal", "modules/reference-data/http/sdg-goal-page.tsx"),
  ]),
  route("*", "platform/ui/pages/not-found-page.tsx"),
] satisfies RouteConfig;
