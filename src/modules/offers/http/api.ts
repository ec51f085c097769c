import { type Context, Hono } from "hono";
import { type ApiEnv, apiError, fieldErrors, jsonBody, problemErrors } from "../../../platform/http/api";
import type { OfferForm } from "../domain/offer";
import { parseOfferQuery } from "../domain/query";
import { getOffer } from "../use-cases/get-offer";
import { OfferForbiddenError, publishOffer } from "../use-cases/publish-offer";
import { searchOffers } from "../use-cases/search-offers";
import { updateOffer } from "../use-cases/update-offer";

const FORM_FIELDS = [
  "title",
  "description",
  "language",
  "themes",
  "sdgTargets",
  "supportKinds",
  "workingLanguages",
  "eligibleGroups",
  "eligibleStatuses",
  "eligibleStates",
  "capacity",
  "contributionAmount",
  "contributionCurrency",
  "validFrom",
  "validUntil",
  "visibility",
  "status",
] as const satisfies readonly (keyof OfferForm)[];

/** The body's fields the form knows, as text or lists of text; anything else is left out. */
function formOf(body: unknown): OfferForm {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const source = body as Record<string, unknown>;
  const form: Record<string, string | string[]> = {};
  for (const field of FORM_FIELDS) {
    const value = source[field];
    if (Array.isArray(value)) form[field] = value.map(String);
    else if (typeof value === "string" || typeof value === "number") form[field] = String(value);
  }
  return form as OfferForm;
}

const forbidden = (c: Context<ApiEnv>) =>
  apiError(c, 403, "forbidden", "This token's organisation does not publish or own this offer.");

/** The public part of an offer: what the actor may do with it is the page's business. */
const present = ({ canEdit: _, nextStatuses: __, ...offer }: NonNullable<Awaited<ReturnType<typeof getOffer>>>) =>
  offer;

/** `/api/v1/offers`: the same use cases and visibility rule as the pages. */
export const offersApi = new Hono<ApiEnv>()
  .get("/offers", async (c) => {
    const { query, invalid } = parseOfferQuery(new URL(c.req.url).searchParams);
    if (invalid.length > 0)
      return fieldErrors(c, Object.fromEntries(invalid.map((field) => [field, "offers.error.parameter"])));
    const result = await searchOffers({ actor: c.var.actor, query }, c.var.services);
    return c.json({
      data: result.items,
      meta: { total: result.total, limit: query.limit, offset: query.offset },
      facets: result.facets,
    });
  })
  .get("/offers/:id", async (c) => {
    const offer = await getOffer({ actor: c.var.actor, id: c.req.param("id") }, c.var.services);
    if (!offer) return apiError(c, 404, "not_found", `No offer ${c.req.param("id")}`);
    return c.json({ data: present(offer) });
  })
  .post("/offers", async (c) => {
    const body = await jsonBody(c);
    if (!body) return apiError(c, 400, "invalid_body", "The body must be a JSON object.");
    const request = { requestId: c.var.requestId, ipAddress: c.var.ipAddress };
    try {
      const result = await publishOffer({ actor: c.var.actor, form: formOf(body), request }, c.var.services);
      if (result.outcome === "invalid") return problemErrors(c, result.problems);
      const offer = await getOffer({ actor: c.var.actor, id: result.offerId }, c.var.services);
      return c.json({ data: present(offer!) }, 201);
    } catch (error) {
      if (error instanceof OfferForbiddenError) return forbidden(c);
      throw error;
    }
  })
  .put("/offers/:id", async (c) => {
    const body = await jsonBody(c);
    if (!body) return apiError(c, 400, "invalid_body", "The body must be a JSON object.");
    const id = c.req.param("id");
    const request = { requestId: c.var.requestId, ipAddress: c.var.ipAddress };
    try {
      const result = await updateOffer(
        { actor: c.var.actor, offerId: id, form: formOf(body), request },
        c.var.services,
      );
      if (result.outcome === "not-found") return apiError(c, 404, "not_found", `No offer ${id}`);
      if (result.outcome === "invalid") return problemErrors(c, result.problems);
      const offer = await getOffer({ actor: c.var.actor, id }, c.var.services);
      return c.json({ data: present(offer!), meta: { changed: result.outcome === "saved" } });
    } catch (error) {
      if (error instanceof OfferForbiddenError) return forbidden(c);
      throw error;
    }
  });

const text = (description: string) => ({ in: "query", schema: { type: "string" }, description });
const list = (description: string) => ({ type: "array", items: { type: "string" }, description });
const facet = {
  type: "array",
  items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } },
};
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const offerBody = {
  required: true,
  content: { "application/json": { schema: { $ref: "#/components/schemas/OfferInput" } } },
};
const oneOffer = {
  description: "The offer",
  content: {
    "application/json": {
      schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Offer" } } },
    },
  },
};

export const offersOpenApi = {
  paths: {
    "/offers": {
      get: {
        summary: "Search offers of support the caller may see",
        parameters: [
          { name: "q", ...text('Full text (English stemming): "a phrase", OR, and -word to exclude') },
          { name: "theme", ...text("A theme code, as listed by /vocabularies") },
          { name: "sdg", ...text("An SDG goal (5) or target (5.2)") },
          { name: "kind", ...text("A kind of support: expertise, training, peer-exchange, …") },
          {
            name: "group",
            ...text("A regional group the offer is limited to, or `any` for offers with no group limit"),
          },
          { name: "status", in: "query", schema: { type: "string", enum: ["ldc", "lldc", "sids", "any"] } },
          { name: "providerType", ...text("state-<regional group>, un-entity, nhri, ngo, regional-organisation, …") },
          { name: "language", ...text("A working language (ISO 639-1)") },
          { name: "offerStatus", in: "query", schema: { type: "string", enum: ["open", "paused", "closed"] } },
          { name: "age", in: "query", schema: { type: "string", enum: ["30d", "90d", "older"] } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description: "The matching offers, newest first, with facet counts over the visible matching set",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/Offer" } },
                    meta: { type: "object" },
                    facets: { type: "object", additionalProperties: facet },
                  },
                },
              },
            },
          },
          "400": { description: "A parameter is invalid; `error.fields` names each one" },
        },
      },
      post: {
        summary: "Publish an offer for the token's organisation",
        security: [{ bearer: [] }],
        requestBody: offerBody,
        responses: {
          "201": oneOffer,
          "400": { description: "A field is invalid; `error.fields` names each one" },
          "403": { description: "A read-only token, or an organisation that does not publish offers" },
        },
      },
    },
    "/offers/{id}": {
      get: {
        summary: "One offer, if the caller may see it",
        parameters: [idParameter],
        responses: { "200": oneOffer, "404": { description: "No such offer, or one the caller may not see" } },
      },
      put: {
        summary: "Replace an offer's content (the token's organisation must own it)",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        requestBody: offerBody,
        responses: {
          "200": oneOffer,
          "400": { description: "A field is invalid; `error.fields` names each one" },
          "403": { description: "The offer belongs to another organisation" },
          "404": { description: "No such offer, or one the caller may not see" },
        },
      },
    },
  },
  schemas: {
    OfferInput: {
      type: "object",
      required: ["title"],
      properties: {
        title: { type: "string", maxLength: 200 },
        description: { type: "string", maxLength: 5000 },
        language: { type: "string", description: "Language of the title and description (ISO 639-1)" },
        themes: list("Theme codes"),
        sdgTargets: list("SDG targets (5.2)"),
        supportKinds: list("Kinds of support"),
        workingLanguages: list("ISO 639-1 codes"),
        eligibleGroups: list("Regional groups the offer is limited to; none: any"),
        eligibleStatuses: list("ldc, lldc, sids; none: any"),
        eligibleStates: list("States named whatever their group or status (ISO 3166 alpha-3)"),
        capacity: { type: "integer", minimum: 1, maximum: 1000, default: 1 },
        contributionAmount: { type: "string", description: 'A decimal amount ("25000.50"), with its currency' },
        contributionCurrency: { type: "string", description: "ISO 4217" },
        validFrom: { type: "string", format: "date" },
        validUntil: { type: "string", format: "date" },
        visibility: { type: "string", enum: ["private", "secretariat", "providers", "public"], default: "providers" },
        status: { type: "string", enum: ["open", "paused", "closed"], default: "open" },
      },
    },
    Offer: {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        number: { type: "integer" },
        provider: {
          type: "object",
          properties: { id: { type: "string" }, name: { type: "string" }, type: { type: ["string", "null"] } },
        },
        status: { type: "string" },
        title: { type: "string" },
        description: { type: "string" },
        language: { type: "string" },
        themes: list("Theme codes"),
        sdgTargets: list("SDG targets"),
        supportKinds: list("Kinds of support"),
        workingLanguages: list("ISO 639-1 codes"),
        eligibility: {
          type: "object",
          properties: { regionalGroups: list(""), statuses: list(""), namedStates: list("") },
        },
        capacity: { type: "integer" },
        engagements: { type: "integer" },
        capacityLeft: { type: "integer" },
        contribution: {
          type: ["object", "null"],
          properties: {
            amountMinor: { type: "integer", description: "In minor units of the currency (cents)" },
            currency: { type: "string" },
          },
        },
        validFrom: { type: ["string", "null"], format: "date" },
        validUntil: { type: ["string", "null"], format: "date" },
        visibility: { type: "string" },
        createdAt: { type: "string", format: "date-time" },
        updatedAt: { type: "string", format: "date-time" },
      },
    },
  },
};
