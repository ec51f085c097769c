import { type Context, Hono } from "hono";
import type { Db } from "../../../platform/db/database";
import { type ApiEnv, apiError, jsonBody, problemErrors } from "../../../platform/http/api";
import { parseRequestFilter } from "../domain/filter";
import type { RequestForm } from "../domain/request";
import { DIRECT_ACTIONS, isDirectAction } from "../domain/workflow";
import { getRequest } from "../use-cases/get-request";
import { changeRequestRecommendations, RequestForbiddenError, saveRequestDraft } from "../use-cases/save-request";
import { publicRequestStatistics, searchRequests } from "../use-cases/search-requests";
import { actOnRequest } from "../use-cases/transition";

// Screening starts on the secretariat's pages, where its answers are recorded.
const ACTIONS = DIRECT_ACTIONS.filter((a) => a !== "start-screening");

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : undefined);
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : undefined);

/** The JSON body's fields as the form parser reads them; anything of the wrong type reads as absent. */
function formOf(body: Record<string, unknown>): RequestForm {
  return {
    title: text(body.title),
    summary: text(body.summary),
    language: text(body.language),
    themes: strings(body.themes),
    sdgTargets: strings(body.sdgTargets),
    supportKinds: strings(body.supportKinds),
    providerTypes: strings(body.providerTypes),
    workingLanguages: strings(body.workingLanguages),
    desiredStart: text(body.desiredStart),
    durationMonths: text(body.durationMonths),
    budgetAmount: text(body.budgetAmount),
    budgetCurrency: text(body.budgetCurrency),
    counterparts: strings(body.counterparts),
    visibility: text(body.visibility),
    anonymousCounting: body.anonymousCounting === true,
  };
}

/**
 * What leaves the server of one request: its fields (the restricted ones already redacted by
 * getRequest, and named in `withheld`), links and steps; never the internal search column.
 */
function present(found: NonNullable<Awaited<ReturnType<typeof getRequest>>>) {
  const { search: _search, createdBy: _createdBy, ...request } = found.request;
  return {
    ...request,
    withheld: found.withheld,
    recommendations: found.recommendations.map((r) => ({ key: r.key, text: r.text, language: r.language })),
    clusters: found.clusters,
    events: found.events,
    screenings: found.screenings,
    actions: found.actions,
  };
}

export const requestsApi = new Hono<ApiEnv>()
  .get("/requests", async (c) => {
    const { filter, errors } = parseRequestFilter(new URL(c.req.url).searchParams);
    if (Object.keys(errors).length > 0)
      return c.json(
        {
          error: { code: "invalid_parameters", message: `Invalid: ${Object.keys(errors).join(", ")}`, fields: errors },
        },
        400,
      );
    const result = await searchRequests({ actor: c.var.actor, filter }, c.var.services);
    return c.json({
      data: result.items,
      meta: { total: result.total, limit: filter.limit, offset: filter.offset },
      facets: result.facets,
    });
  })
  .get("/requests/statistics", async (c) =>
    c.json({ data: await publicRequestStatistics({ actor: c.var.actor }, c.var.services) }),
  )
  .get("/requests/:id", async (c) => {
    const found = await getRequest({ actor: c.var.actor, id: c.req.param("id") }, c.var.services);
    if (!found) return apiError(c, 404, "not_found", "No request with this id is visible to you.");
    return c.json({ data: present(found) });
  })
  .post("/requests", async (c) => save(c, undefined))
  .put("/requests/:id", async (c) => save(c, c.req.param("id")))
  .post("/requests/:id/actions/:action", async (c) => {
    const action = c.req.param("action");
    if (!isDirectAction(action) || action === "start-screening")
      return apiError(c, 404, "not_found", `No action ${action}; actions are ${ACTIONS.join(", ")}.`);
    const body = (await jsonBody(c)) ?? {};
    const result = await actOnRequest(
      { actor: c.var.actor, id: c.req.param("id"), action, reason: text(body.reason) ?? null },
      c.var.services,
    );
    if (result.outcome === "not-found")
      return apiError(c, 404, "not_found", "No request with this id is visible to you.");
    if (result.outcome === "invalid") return problemErrors(c, result.problems);
    if (result.outcome === "refused")
      return apiError(
        c,
        result.refusal === "not-for-this-party" ? 403 : 409,
        result.refusal.replaceAll("-", "_"),
        result.refusal === "reason-required"
          ? "This action needs a reason."
          : result.refusal === "not-for-this-party"
            ? "Your organisation may not take this action on this request."
            : "The request is not in a state that allows this action.",
      );
    return c.json({ data: { state: result.to } });
  });

/** A refusal found after the draft was written: thrown to roll the whole change back, then answered. */
class Refusal {
  constructor(readonly response: Response) {}
}

async function save(c: Context<ApiEnv>, id: string | undefined) {
  const body = await jsonBody(c);
  if (!body) return apiError(c, 400, "invalid_body", "The body must be a JSON object.");
  const { actor } = c.var;
  try {
    // The fields and the recommendations are one change: a refused link leaves no draft and no edit behind.
    return await c.var.services.db.transaction(async (tx) => {
      const deps = { db: tx as unknown as Db };
      const result = await saveRequestDraft(
        { actor, id, form: formOf(body), clusterIds: strings(body.clusterIds) },
        deps,
      );
      if (result.outcome === "not-found")
        return apiError(c, 404, "not_found", "No request with this id is visible to you.");
      if (result.outcome === "not-editable")
        return apiError(c, 409, "not_editable", "Only a draft, or a request returned to its State, can be edited.");
      if (result.outcome === "invalid") return problemErrors(c, result.problems);
      const keys = strings(body.recommendations);
      if (keys) {
        // On PUT the list replaces the links: every linked one is removed, the listed ones added.
        const current = id ? await getRequest({ actor, id: result.id }, deps) : null;
        const linked = await changeRequestRecommendations(
          { actor, id: result.id, add: keys, remove: (current?.recommendations ?? []).map((r) => r.id) },
          deps,
        );
        if (linked.outcome === "invalid") throw new Refusal(problemErrors(c, linked.problems));
      }
      const found = await getRequest({ actor, id: result.id }, deps);
      return c.json({ data: present(found!) }, id ? 200 : 201);
    });
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    if (error instanceof RequestForbiddenError) {
      // A request the caller may not even see answers as if it did not exist.
      if (id && !(await getRequest({ actor, id }, c.var.services)))
        return apiError(c, 404, "not_found", "No request with this id is visible to you.");
      return apiError(c, 403, "forbidden", "Only a focal point of the State that owns a request may write it.");
    }
    throw error;
  }
}

const param = (name: string, description: string, schema: object = { type: "string" }) => ({
  name,
  in: "query",
  schema,
  description,
});
const requestBody = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["title"],
        properties: {
          title: { type: "string", maxLength: 200 },
          summary: { type: "string", maxLength: 10000 },
          language: { type: "string", description: "ISO 639-1 code of the language the request is written in" },
          themes: { type: "array", items: { type: "string" }, description: "Theme codes (/vocabularies)" },
          sdgTargets: { type: "array", items: { type: "string" }, description: "SDG target codes such as 5.2" },
          supportKinds: { type: "array", items: { type: "string" } },
          providerTypes: { type: "array", items: { type: "string" }, description: "Preferred provider types" },
          workingLanguages: { type: "array", items: { type: "string" } },
          desiredStart: { type: "string", format: "date" },
          durationMonths: { type: "integer", minimum: 1, maximum: 120 },
          budgetAmount: { type: "string", description: "Decimal amount, such as 25000.00" },
          budgetCurrency: { type: "string", description: "ISO 4217 code" },
          counterparts: { type: "array", items: { type: "string" }, description: "National counterpart institutions" },
          visibility: { type: "string", enum: ["secretariat", "providers", "public"] },
          anonymousCounting: { type: "boolean" },
          recommendations: {
            type: "array",
            items: { type: "string" },
            description: "Keys of recommendations the State received; on PUT, replaces the list",
          },
          clusterIds: { type: "array", items: { type: "string", format: "uuid" } },
        },
      },
    },
  },
};
const notFound = { description: "No request with this id is visible to the caller" };
const RESTRICTED_NOTE =
  "The restricted fields (budget: `budgetMinor`, `budgetCurrency`; schedule: `desiredStart`, `durationMonths`; " +
  "`counterparts`) are read by the requesting State, the secretariat and the advisory committee, and by a provider " +
  "organisation only once the State consented to share them; otherwise they are null or empty and `withheld` names them.";

export const requestsOpenApi = {
  schemas: {},
  paths: {
    "/requests": {
      get: {
        summary: "Requests for support the caller may see, with facet counts",
        parameters: [
          param("q", "Full text over title and summary"),
          param(
            "state",
            "Workflow state: draft, submitted, screening, returned, open, matched, in-implementation, completed, reported-back, withdrawn",
          ),
          param("theme", "A theme code"),
          param("sdg", "An SDG goal number", { type: "integer", minimum: 1, maximum: 17 }),
          param("kind", "A kind of support"),
          param("group", "Regional group of the requesting State"),
          param("status", "ldc, lldc or sids: development status of the requesting State"),
          param("providerType", "A preferred provider type"),
          param("language", "A working language (ISO 639-1)"),
          param("age", "Open and unanswered for: under-30, 30-90, over-90 days"),
          param("country", "ISO 3166 alpha-3 of the requesting State"),
          param("limit", "Page size", { type: "integer", minimum: 1, maximum: 100, default: 20 }),
          param("offset", "Items to skip", { type: "integer", minimum: 0, default: 0 }),
        ],
        responses: {
          "200": {
            description:
              "`{ data, meta: { total, limit, offset }, facets }`: only requests visible to the caller are listed or counted. " +
              RESTRICTED_NOTE,
          },
          "400": { description: "A parameter is invalid; `error.fields` names each one" },
        },
      },
      post: {
        summary: "Draft a request (read-write token of a State organisation)",
        requestBody,
        responses: {
          "201": { description: "`{ data }`: the draft" },
          "400": { description: "`error.fields` names each invalid field" },
          "403": { description: "The token's organisation is not a State focal point organisation" },
        },
      },
    },
    "/requests/statistics": {
      get: {
        summary: "Public figures: public requests and those counted anonymously; counts below 3 as fewerThan",
        responses: {
          "200": {
            description: "`{ data: { total, byState, byGroup } }`, each count `{ exact }` or `{ fewerThan: 3 }`",
          },
        },
      },
    },
    "/requests/{id}": {
      get: {
        summary: "One request",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": {
            description: `\`{ data }\`: the request, its recommendations, clusters and steps. ${RESTRICTED_NOTE}`,
          },
          "404": notFound,
        },
      },
      put: {
        summary: "Edit a draft or a returned request (the owning State's read-write token)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody,
        responses: {
          "200": { description: "`{ data }`: the request" },
          "400": { description: "`error.fields` names each invalid field" },
          "403": { description: "Not the owning State" },
          "404": notFound,
          "409": { description: "The request is no longer editable" },
        },
      },
    },
    "/requests/{id}/actions/{action}": {
      post: {
        summary: "Take a workflow step: submit, withdraw (with a reason), start-implementation, complete, report-back",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "action", in: "path", required: true, schema: { type: "string", enum: [...ACTIONS] } },
        ],
        requestBody: {
          content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } },
        },
        responses: {
          "200": { description: "`{ data: { state } }`: the new state" },
          "400": { description: "The request is incomplete for submission; `error.fields` says what is missing" },
          "403": { description: "Not allowed to this organisation" },
          "404": notFound,
          "409": { description: "Not possible from the request's current state, or a reason is required" },
        },
      },
    },
  },
};
