// Every table of every module, gathered for drizzle-kit (migrations) and the typed query builder.
// Modules expose their tables only here; other modules reach them through use cases.

export * from "../../modules/accounts/schema";
export * from "../../modules/matching/schema";
export * from "../../modules/notifications/schema";
export * from "../../modules/offers/schema";
export * from "../../modules/recommendations/schema";
export * from "../../modules/reference-data/schema";
export * from "../../modules/requests/schema";
export * from "../../modules/updates/schema";
export * from "../audit/schema";
export * from "../mail/schema";
