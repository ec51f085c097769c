import { Hono } from "hono";
import type { ApiEnv } from "../../../platform/http/api";
import { apiError } from "../../../platform/http/api";
import { selectOrganisations } from "../store";

/** `GET /api/v1/me`: lets a national system check which organisation its token speaks for. */
export const accountsApi = new Hono<ApiEnv>().get("/me", async (c) => {
  const actor = c.var.actor;
  if (actor.kind !== "token")
    return apiError(c, 401, "token_required", "Send an organisation's API token as a Bearer token.");
  const [organisation] = await selectOrganisations(c.var.services.db, [actor.organisationId]);
  return c.json({
    data: {
      organisation: {
        id: actor.organisationId,
        name: organisation?.name ?? null,
        kind: actor.membership.organisationKind,
        countryIso3: actor.membership.countryIso3,
      },
      scope: actor.scope,
    },
  });
});

export const accountsOpenApi = {
  paths: {
    "/me": {
      get: {
        summary: "The organisation and scope of the API token used",
        security: [{ bearer: [] }],
        responses: {
          "200": { description: "The token's organisation and scope" },
          "401": { description: "No token, or an unknown, expired or revoked one" },
        },
      },
    },
  },
  schemas: {},
};
