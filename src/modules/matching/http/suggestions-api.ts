import { type Context, Hono } from "hono";
import { type ApiEnv, apiError } from "../../../platform/http/api";
import { REASON_CODES } from "../domain/weights";
import { offersSuggestedForRequest, requestsSuggestedForOffer } from "./suggestion-lists";

/**
 * The pages ask a visitor to sign in; the API asks for a token, whatever the id, so the answer
 * says nothing of the record. Who among the signed-in reads a list is the use case's to judge.
 */
function tokenRequired(c: Context<ApiEnv>) {
  c.header("WWW-Authenticate", 'Bearer realm="item10"');
  return apiError(c, 401, "token_required", "Send an organisation's API token as a Bearer token.");
}

export const suggestionsApi = new Hono<ApiEnv>()
  .get("/requests/:id/suggestions", async (c) => {
    const { actor, locale, services } = c.var;
    if (actor.kind === "anonymous") return tokenRequired(c);
    const found = await offersSuggestedForRequest({ actor, requestId: c.req.param("id"), locale }, services);
    if (!found) return apiError(c, 404, "not_found", "No request with this id is visible to you.");
    const { themes: _themes, ...list } = found;
    return c.json({ data: list });
  })
  .get("/offers/:id/suggestions", async (c) => {
    const { actor, locale, services } = c.var;
    if (actor.kind === "anonymous") return tokenRequired(c);
    const found = await requestsSuggestedForOffer({ actor, offerId: c.req.param("id"), locale }, services);
    if (!found) return apiError(c, 404, "not_found", "No offer with this id is visible to you.");
    const { themes: _themes, ...list } = found;
    return c.json({ data: list });
  });

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const record = {
  id: { type: "string", format: "uuid" },
  title: { type: "string" },
  language: { type: "string", description: "The language the title is written in" },
};
const seq = { type: "integer", description: "The request's number" };
const scored = {
  score: { type: "number", description: "The sum of the reasons' contributions" },
  reasons: { type: "array", items: { $ref: "#/components/schemas/SuggestionReason" } },
  weightsVersion: { type: "integer", description: "The version of the secretariat's weights the score used" },
};
const list = (subject: "request" | "offer", properties: Record<string, unknown>, item: Record<string, unknown>) => ({
  type: "object",
  properties: {
    data: {
      type: "object",
      properties: {
        [subject]: { type: "object", properties },
        computedAt: {
          type: ["string", "null"],
          format: "date-time",
          description:
            "When the lists were last brought up to date (the `matching-refresh` job); null before its first run",
        },
        suggestions: {
          type: "array",
          maxItems: 10,
          items: { type: "object", properties: { ...record, ...item, ...scored } },
        },
      },
    },
  },
});
const WHY =
  "The secretariat reads every list on the pages; a token speaks for its organisation, never as staff. " +
  "The stored list is read again through the rules every time: a suggestion is left out when the caller may not see " +
  "it, or when the offer is no longer open, has no capacity left or does not cover the requesting State.";
const responses = (subject: "request" | "offer", schema: string) => ({
  "200": {
    description: `\`{ data }\`: the ${subject} and its suggestions, best first`,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
  },
  "401": { description: "No token: suggestions are read with an organisation's API token" },
  "404": {
    description: `No ${subject} with this id is visible to the caller, or the caller may not read its suggestions`,
  },
});

export const suggestionsOpenApi = {
  schemas: {
    SuggestionReason: {
      type: "object",
      description: "One reason for a suggestion: what it added to the score, and what the two sides share",
      required: ["code", "contribution", "items"],
      properties: {
        code: { type: "string", description: `One of ${REASON_CODES.join(", ")}` },
        contribution: { type: "number" },
        items: {
          type: "array",
          items: { type: "string" },
          description: "What both sides name: theme codes, SDG targets, kinds of support, languages or provider types",
        },
      },
    },
    SuggestedOffers: list(
      "request",
      { ...record, seq },
      {
        provider: {
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            name: { type: "string" },
            type: { type: ["string", "null"], description: "The provider type, as on the offer" },
          },
        },
        capacityLeft: { type: "integer", description: "How many more matches the offer can take" },
      },
    ),
    SuggestedRequests: list("offer", record, {
      seq,
      state: {
        type: "object",
        properties: {
          iso3: { type: "string" },
          name: { type: "string", description: "In the caller's language (Accept-Language)" },
        },
      },
    }),
  },
  paths: {
    "/requests/{id}/suggestions": {
      get: {
        summary: "The offers suggested for a request, best first, with each score's reasons",
        description: `Read with a token of the requesting State's organisation. ${WHY}`,
        security: [{ bearer: [] }],
        parameters: [idParam],
        responses: responses("request", "SuggestedOffers"),
      },
    },
    "/offers/{id}/suggestions": {
      get: {
        summary: "The requests suggested for an offer, best first, with each score's reasons",
        description:
          "Read with a token of the provider's organisation. Only requests the provider may see are listed, and only " +
          `their public part. ${WHY}`,
        security: [{ bearer: [] }],
        parameters: [idParam],
        responses: responses("offer", "SuggestedRequests"),
      },
    },
  },
};
