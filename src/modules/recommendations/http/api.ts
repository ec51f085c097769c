import { Hono } from "hono";
import type { ApiEnv } from "../../../platform/http/api";
import { parseRecommendationQuery } from "../domain/query";
import { searchRecommendations } from "../use-cases/search-recommendations";

/** `GET /api/v1/recommendations`: `{ total, items, facets }`, filtered by one parameter per facet. */
export const recommendationsApi = new Hono<ApiEnv>().get("/recommendations", async (c) => {
  const { query, errors } = parseRecommendationQuery(new URL(c.req.url).searchParams);
  if (Object.keys(errors).length > 0)
    return c.json(
      { error: { code: "invalid_parameters", message: `Invalid: ${Object.keys(errors).join(", ")}`, fields: errors } },
      400,
    );
  return c.json(await searchRecommendations({ actor: c.var.actor, query }, c.var.services));
});

const facet = {
  type: "array",
  items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } },
};
const text = (description: string) => ({ in: "query", schema: { type: "string" }, description });

export const recommendationsOpenApi = {
  paths: {
    "/recommendations": {
      get: {
        summary: "Search recommendations and voluntary pledges",
        parameters: [
          { name: "q", ...text('Full text: words are stemmed; "a phrase", OR, and -word to exclude') },
          { name: "state_under_review", ...text("ISO 3166 alpha-3") },
          { name: "recommending_state", ...text("ISO 3166 alpha-3") },
          {
            name: "mechanism",
            in: "query",
            schema: { type: "string", enum: ["upr", "treaty-body", "special-procedure"] },
          },
          { name: "cycle", in: "query", schema: { type: "integer", minimum: 1 } },
          {
            name: "response",
            in: "query",
            schema: { type: "string", enum: ["supported", "supported-in-part", "noted", "pending"] },
          },
          { name: "kind", in: "query", schema: { type: "string", enum: ["recommendation", "voluntary-pledge"] } },
          { name: "theme", ...text("A theme code, as listed by /vocabularies") },
          { name: "sdg", ...text("An SDG goal (5) or target (5.2)") },
          { name: "affected_person", ...text("A group of affected persons, as listed by /vocabularies") },
          { name: "session", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "year", in: "query", schema: { type: "integer" } },
          { name: "action_category", in: "query", schema: { type: "integer", minimum: 1, maximum: 5 } },
          {
            name: "state_under_review_group",
            ...text(
              "Regional group of the State under review: african, asia-pacific, eastern-european, latin-american-caribbean, western-european-other",
            ),
          },
          { name: "recommending_group", ...text("Regional group of any recommending State (same values)") },
          { name: "sort", in: "query", schema: { type: "string", enum: ["relevance", "date"] } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description: "The matching recommendations, with facet counts over the whole matching set",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    total: { type: "integer" },
                    items: { type: "array", items: { type: "object" } },
                    facets: { type: "object", additionalProperties: facet },
                  },
                },
              },
            },
          },
          "400": { description: "A parameter is invalid; `error.fields` names each one" },
        },
      },
    },
  },
  schemas: {},
};
