import { type Context, Hono } from "hono";
import { type ApiEnv, apiError, jsonBody, problemErrors } from "../../../platform/http/api";
import { RESTRICTED_REQUEST_FIELDS } from "../../requests";
import { isMatchAction, isMatchState, MATCH_ACTIONS, MATCH_STATES } from "../domain/workflow";
import { actOnMatch, type MatchActResult } from "../use-cases/matches-act";
import { type ProposeResult, proposeMatch } from "../use-cases/matches-propose";
import { getMatch, listMatches } from "../use-cases/matches-read";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : undefined);

const NOT_FOUND = "No match with this id is visible to you.";

/** Each refusal as the API answers it: a status, a stable code and a sentence. */
const REFUSALS: Record<string, [403 | 409 | 400, string]> = {
  "not-a-party": [403, "Only the provider, the requesting State or the secretariat may propose this match."],
  "not-for-this-party": [403, "Your organisation may not take this step on this match."],
  "not-from-this-state": [409, "The match is not in a state that allows this step."],
  "reason-required": [400, "This step needs a reason."],
  "request-not-open": [409, "The request is no longer open to providers."],
  "offer-unavailable": [409, "The offer is not open, or its capacity is used up."],
  ineligible: [409, "The offer does not cover the requesting State, or it is the State's own."],
  "already-proposed": [409, "This request and this offer are already in a match under way."],
  "hidden-from-provider": [
    409,
    "The State shows this request to the secretariat only; only the State can put it before a provider.",
  ],
};

function refused(c: Context<ApiEnv>, result: Extract<ProposeResult | MatchActResult, { outcome: "refused" }>) {
  const [status, message] = REFUSALS[result.refusal] ?? [409, "Refused."];
  return c.json(
    {
      error: {
        code: result.refusal.replaceAll("-", "_"),
        message,
        ...("why" in result && result.why ? { why: result.why } : {}),
      },
    },
    status,
  );
}

export const matchesApi = new Hono<ApiEnv>()
  .get("/matches", async (c) => {
    const url = new URL(c.req.url);
    const state = url.searchParams.get("state");
    const limit = Number(url.searchParams.get("limit") ?? 20);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const fields: Record<string, string> = {};
    if (state !== null && !isMatchState(state)) fields.state = `One of ${MATCH_STATES.join(", ")}`;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) fields.limit = "An integer from 1 to 100";
    if (!Number.isInteger(offset) || offset < 0) fields.offset = "An integer from 0";
    if (Object.keys(fields).length > 0)
      return c.json(
        { error: { code: "invalid_parameters", message: `Invalid: ${Object.keys(fields).join(", ")}`, fields } },
        400,
      );
    const found = await listMatches(
      { actor: c.var.actor, state: isMatchState(state) ? state : null, limit, offset },
      c.var.services,
    );
    return c.json({ data: found.items, meta: { total: found.total, limit, offset } });
  })
  .get("/matches/:id", async (c) => {
    const found = await getMatch({ actor: c.var.actor, id: c.req.param("id") }, c.var.services);
    if (!found) return apiError(c, 404, "not_found", NOT_FOUND);
    return c.json({
      data: {
        ...found.match,
        request: found.request,
        offer: found.offer,
        events: found.events,
        actions: found.actions,
      },
    });
  })
  .post("/matches", async (c) => {
    const body = await jsonBody(c);
    if (!body) return apiError(c, 400, "invalid_body", "The body must be a JSON object.");
    const result = await proposeMatch(
      {
        actor: c.var.actor,
        requestId: text(body.requestId) ?? "",
        offerId: text(body.offerId) ?? "",
        message: text(body.message) ?? null,
      },
      c.var.services,
    );
    if (result.outcome === "not-found")
      return apiError(c, 404, "not_found", "No request or no offer with this id is visible to you.");
    if (result.outcome === "invalid") return problemErrors(c, result.problems);
    if (result.outcome === "refused") return refused(c, result);
    const found = await getMatch({ actor: c.var.actor, id: result.id }, c.var.services);
    return c.json({ data: { ...found!.match, actions: found!.actions } }, 201);
  })
  .post("/matches/:id/actions/:action", async (c) => {
    const action = c.req.param("action");
    if (!isMatchAction(action))
      return apiError(c, 404, "not_found", `No action ${action}; actions are ${MATCH_ACTIONS.join(", ")}.`);
    const body = (await jsonBody(c)) ?? {};
    const scope = strings(body.scope);
    if (action === "consent" && !scope)
      return c.json(
        {
          error: {
            code: "invalid_fields",
            message: "Invalid: scope",
            fields: { scope: `A list of the restricted fields shared: any of ${RESTRICTED_REQUEST_FIELDS.join(", ")}` },
          },
        },
        400,
      );
    const result = await actOnMatch(
      { actor: c.var.actor, id: c.req.param("id"), action, reason: text(body.reason) ?? null, scope },
      c.var.services,
    );
    if (result.outcome === "not-found") return apiError(c, 404, "not_found", NOT_FOUND);
    if (result.outcome === "invalid") return problemErrors(c, result.problems);
    if (result.outcome === "refused") return refused(c, result);
    return c.json({ data: { state: result.to } });
  });

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const notFound = { description: "No match with this id is visible to the caller" };
const READERS =
  "A match is read by its two organisations (the requesting State's and the provider's), the secretariat and the " +
  "advisory committee; to anyone else it does not exist (404).";

export const matchesOpenApi = {
  schemas: {},
  paths: {
    "/matches": {
      get: {
        summary:
          "The caller's matches: its own organisations' as State or provider (the secretariat and committee: all)",
        parameters: [
          {
            name: "state",
            in: "query",
            schema: { type: "string", enum: [...MATCH_STATES] },
            description: "Where the match stands",
          },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description:
              "`{ data, meta: { total, limit, offset } }`: each match with its state, scope, score and reasons, and its " +
              "request and offer as far as the caller may see them (null otherwise).",
          },
          "400": { description: "A parameter is invalid; `error.fields` names each one" },
        },
      },
      post: {
        summary: "Propose a match (read-write token of the provider, the requesting State or the secretariat)",
        description:
          "A provider's proposal counts as its acceptance (the match starts `accepted`, waiting for the State's " +
          "consent); a proposal by the State or the secretariat starts `proposed`, waiting for the provider. The pair " +
          "must be eligible, the request open (or matched) and the offer open with capacity left.",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["requestId", "offerId"],
                properties: {
                  requestId: { type: "string", format: "uuid" },
                  offerId: { type: "string", format: "uuid" },
                  message: { type: "string", maxLength: 2000 },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "`{ data }`: the match" },
          "400": { description: "`error.fields` names each invalid field" },
          "403": { description: "The caller is neither the provider, nor the requesting State, nor the secretariat" },
          "404": { description: "No request or no offer with this id is visible to the caller" },
          "409": {
            description:
              "`error.code`: request_not_open, offer_unavailable, ineligible (with `error.why`), already_proposed or " +
              "hidden_from_provider",
          },
        },
      },
    },
    "/matches/{id}": {
      get: {
        summary: "One match, with its history and the steps the caller may take",
        description:
          `${READERS} The platform ends a match whose offer or request stopped: a match still waiting for ` +
          "consent when its offer is paused or closed is declined (reason `offerClosed` or `offerPaused`); " +
          "when its request is withdrawn, waiting matches are declined and consented ones revoked " +
          "(`requestWithdrawn`); when implementation starts, waiting ones are declined " +
          "(`requestInImplementation`); when the request is completed, consented and active ones are closed " +
          "(`requestCompleted`). Such steps have no user and the reason as that code.",
        parameters: [idParam],
        responses: { "200": { description: "`{ data }`: the match" }, "404": notFound },
      },
    },
    "/matches/{id}/actions/{action}": {
      post: {
        summary:
          "Take a step: accept (provider), consent (the State, with `scope`), activate and close (either side or the " +
          "secretariat), decline (either side, with a `reason`), revoke (the State, at any time after consent)",
        description:
          "Consent grants the provider exactly the restricted request fields in `scope` (any of budget, schedule, " +
          "counterparts; an empty list shares the public part only) and takes one unit of the offer's capacity. " +
          "Revoking ends the match: the provider no longer reads them, and the unit is given back.",
        parameters: [
          idParam,
          { name: "action", in: "path", required: true, schema: { type: "string", enum: [...MATCH_ACTIONS] } },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  reason: { type: "string", maxLength: 2000 },
                  scope: { type: "array", items: { type: "string", enum: [...RESTRICTED_REQUEST_FIELDS] } },
                },
              },
            },
          },
        },
        responses: {
          "200": { description: "`{ data: { state } }`: where the match now stands" },
          "400": { description: "A reason is required, or `scope` names an unknown field" },
          "403": { description: "Not a step for the caller's side of the match" },
          "404": notFound,
          "409": {
            description:
              "Not possible from the match's state, or the offer is no longer open (accept, consent) or the request " +
              "(consent)",
          },
        },
      },
    },
  },
};
