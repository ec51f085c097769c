import { type Context, Hono } from "hono";
import { type ApiEnv, apiError, jsonBody, problemErrors } from "../../../platform/http/api";
import { parseUpdateQuery } from "../domain/query";
import type { UpdateContent, UpdateForm } from "../domain/update";
import { getUpdate } from "../use-cases/get-update";
import { listUpdates } from "../use-cases/list-updates";
import { publishUpdate } from "../use-cases/publish-update";
import { type SaveUpdateResult, saveUpdateDraft } from "../use-cases/save-update-draft";
import { UpdateForbiddenError } from "../use-cases/shared";

type Found = NonNullable<Awaited<ReturnType<typeof getUpdate>>>;

/** One content as the API shows it: texts as sanitised HTML, links as ids with what names them. */
function presentContent(content: UpdateContent, found: Found) {
  return {
    title: content.title,
    achievements: content.achievements,
    challenges: content.challenges,
    goodPractices: content.goodPractices,
    lessons: content.lessons,
    language: content.language,
    themes: content.themes,
    sdgTargets: content.sdgTargets,
    recommendations: content.recommendationIds.flatMap((id) => {
      const r = found.recommendations.get(id);
      return r ? [{ id, key: r.key }] : [];
    }),
    clusters: content.clusterIds.flatMap((id) => {
      const cluster = found.clusters.get(id);
      return cluster ? [cluster] : [];
    }),
    visibility: content.visibility,
  };
}

/** What leaves the server about one update: the working copy only for its own State. */
function presentUpdate(found: Found) {
  const { update } = found;
  return {
    id: update.id,
    state: update.stateIso3,
    status: update.status,
    currentVersion: found.current ? found.current.version : null,
    publishedAt: update.publishedAt,
    withdrawnAt: update.withdrawnAt,
    current: found.current
      ? {
          version: found.current.version,
          publishedAt: found.current.publishedAt,
          ...presentContent(found.current, found),
        }
      : null,
    workingCopy: found.workingCopy
      ? { updatedAt: update.updatedAt, ...presentContent(found.workingCopy, found) }
      : null,
    versions: found.versions.map(({ version, publishedAt, visibility }) => ({ version, publishedAt, visibility })),
    canEdit: found.canEdit,
  };
}

const TEXT_FIELDS = ["title", "achievements", "challenges", "goodPractices", "lessons", "language", "visibility"];
const LIST_FIELDS = ["themes", "sdgTargets", "recommendationIds", "clusterIds"];

/** The body of a create or an update: strings, and lists of strings; anything else is named. */
function formOf(body: Record<string, unknown>): { form: UpdateForm; wrong: string[] } {
  const form: Record<string, string | string[]> = {};
  const wrong: string[] = [];
  for (const field of TEXT_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") form[field] = value;
    else wrong.push(field);
  }
  for (const field of LIST_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) form[field] = value;
    else wrong.push(field);
  }
  return { form, wrong };
}

async function answer(c: Context<ApiEnv>, result: SaveUpdateResult, created: boolean) {
  switch (result.outcome) {
    case "not-found":
      return apiError(c, 404, "not_found", "No update with that id is visible to this token.");
    case "invalid":
      return problemErrors(c, result.problems);
    case "not-editable":
      return apiError(c, 409, "not_editable", "A withdrawn update is published again before it is edited.");
    default: {
      const found = await getUpdate({ actor: c.var.actor, id: result.updateId }, c.var.services);
      if (created) c.header("Location", `/api/v1/updates/${result.updateId}`);
      return c.json({ data: presentUpdate(found!) }, created ? 201 : 200);
    }
  }
}

const forbidden = (c: Context<ApiEnv>) =>
  apiError(c, 403, "forbidden", "Only a read-write token of the State organisation that owns an update writes it.");

async function bodyOf(c: Context<ApiEnv>) {
  const body = await jsonBody(c);
  if (!body) return { error: apiError(c, 400, "invalid_body", "Send a JSON object.") } as const;
  const { form, wrong } = formOf(body);
  if (wrong.length > 0)
    return {
      error: c.json(
        {
          error: {
            code: "invalid_fields",
            message: `Invalid: ${wrong.join(", ")}`,
            fields: Object.fromEntries(wrong.map((f) => [f, "a string, or for lists an array of strings"])),
          },
        },
        400,
      ),
    } as const;
  return { form, state: typeof body.state === "string" ? body.state.toUpperCase() : undefined } as const;
}

/**
 * `/api/v1/updates`: voluntary national updates. Reading follows the shared visibility rule for
 * the token's organisation (or the public, without a token); writing needs a read-write token of
 * the State organisation, which drafts, edits and publishes its own updates.
 */
export const updatesApi = new Hono<ApiEnv>()
  .get("/updates", async (c) => {
    const { query, errors } = parseUpdateQuery(new URL(c.req.url).searchParams);
    if (Object.keys(errors).length > 0)
      return c.json(
        {
          error: { code: "invalid_parameters", message: `Invalid: ${Object.keys(errors).join(", ")}`, fields: errors },
        },
        400,
      );
    const result = await listUpdates({ actor: c.var.actor, query }, c.var.services);
    return c.json({
      data: result.items.map((item) => ({
        id: item.id,
        state: item.stateIso3,
        status: item.status,
        title: item.title,
        language: item.language,
        themes: item.themes,
        sdgTargets: item.sdgTargets,
        version: item.version || null,
        date: item.date,
        excerpt: item.excerpt,
      })),
      meta: { total: result.total, limit: query.limit, offset: query.offset },
      facets: result.facets,
    });
  })
  .get("/updates/:id", async (c) => {
    const found = await getUpdate({ actor: c.var.actor, id: c.req.param("id") }, c.var.services);
    if (!found) return apiError(c, 404, "not_found", "No update with that id is visible to this token.");
    return c.json({ data: presentUpdate(found) });
  })
  .post("/updates", async (c) => {
    const body = await bodyOf(c);
    if ("error" in body) return body.error;
    try {
      const result = await saveUpdateDraft(
        { actor: c.var.actor, stateIso3: body.state, form: body.form, request: requestOf(c) },
        c.var.services,
      );
      return answer(c, result, true);
    } catch (error) {
      if (error instanceof UpdateForbiddenError) return forbidden(c);
      throw error;
    }
  })
  .put("/updates/:id", async (c) => {
    const body = await bodyOf(c);
    if ("error" in body) return body.error;
    try {
      const result = await saveUpdateDraft(
        { actor: c.var.actor, updateId: c.req.param("id"), form: body.form, request: requestOf(c) },
        c.var.services,
      );
      return answer(c, result, false);
    } catch (error) {
      if (error instanceof UpdateForbiddenError) return forbidden(c);
      throw error;
    }
  })
  .post("/updates/:id/publish", async (c) => {
    const id = c.req.param("id");
    try {
      const result = await publishUpdate({ actor: c.var.actor, updateId: id, request: requestOf(c) }, c.var.services);
      if (result.outcome === "not-found")
        return apiError(c, 404, "not_found", "No update with that id is visible to this token.");
      if (result.outcome === "invalid") return problemErrors(c, result.problems);
      const found = await getUpdate({ actor: c.var.actor, id }, c.var.services);
      return c.json({ data: presentUpdate(found!), meta: { published: result.outcome === "published" } });
    } catch (error) {
      if (error instanceof UpdateForbiddenError) return forbidden(c);
      throw error;
    }
  });

function requestOf(c: Context<ApiEnv>) {
  return { requestId: c.var.requestId, ipAddress: c.var.ipAddress };
}

const content = {
  type: "object",
  properties: {
    title: { type: "string", maxLength: 200 },
    achievements: { type: "string", description: "Sanitised HTML" },
    challenges: { type: "string", description: "Sanitised HTML" },
    goodPractices: { type: "string", description: "Sanitised HTML" },
    lessons: { type: "string", description: "Sanitised HTML" },
    language: { type: "string", description: "ISO 639-1" },
    themes: { type: "array", items: { type: "string" } },
    sdgTargets: { type: "array", items: { type: "string" } },
    recommendations: {
      type: "array",
      items: { type: "object", properties: { id: { type: "string" }, key: { type: "string" } } },
    },
    clusters: {
      type: "array",
      items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    },
    visibility: { type: "string", enum: ["private", "secretariat", "providers", "public"] },
  },
};

const updateSchema = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    state: { type: "string", description: "ISO 3166 alpha-3" },
    status: { type: "string", enum: ["draft", "published", "withdrawn"] },
    currentVersion: { type: ["integer", "null"] },
    publishedAt: { type: ["string", "null"], format: "date-time" },
    withdrawnAt: { type: ["string", "null"], format: "date-time" },
    current: {
      description: "The current published version, as far as the caller may see it",
      oneOf: [{ type: "null" }, { $ref: "#/components/schemas/NationalUpdateContent" }],
    },
    workingCopy: {
      description: "The text being edited: only for the State that owns the update",
      oneOf: [{ type: "null" }, { $ref: "#/components/schemas/NationalUpdateContent" }],
    },
    versions: {
      type: "array",
      items: {
        type: "object",
        properties: {
          version: { type: "integer" },
          publishedAt: { type: "string", format: "date-time" },
          visibility: { type: "string" },
        },
      },
    },
    canEdit: { type: "boolean" },
  },
};

const writeBody = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["title", "language"],
        properties: {
          state: { type: "string", description: "ISO alpha-3; only when the token's organisation speaks for several" },
          title: { type: "string", maxLength: 200 },
          achievements: {
            type: "string",
            maxLength: 20000,
            description:
              "Plain text (a blank line starts a paragraph) or HTML limited to p, br, strong, em, ul, ol, li, a (http, https, mailto), blockquote, h3, h4; anything else is removed",
          },
          challenges: { type: "string", maxLength: 20000, description: "As achievements" },
          goodPractices: { type: "string", maxLength: 20000, description: "As achievements" },
          lessons: { type: "string", maxLength: 20000, description: "As achievements" },
          language: { type: "string", description: "ISO 639-1 code of the text's language" },
          themes: { type: "array", items: { type: "string" }, description: "Theme codes, as listed by /vocabularies" },
          sdgTargets: { type: "array", items: { type: "string" }, description: "SDG target codes such as 5.2" },
          recommendationIds: {
            type: "array",
            items: { type: "string", format: "uuid" },
            description: "Ids of recommendations the State received",
          },
          clusterIds: {
            type: "array",
            items: { type: "string", format: "uuid" },
            description: "Ids of the State's own tracking clusters",
          },
          visibility: { type: "string", enum: ["private", "secretariat", "providers", "public"], default: "private" },
        },
      },
    },
  },
};

const one = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: { type: "object", properties: { data: { $ref: "#/components/schemas/NationalUpdate" } } },
    },
  },
});
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const text = (description: string) => ({ in: "query", schema: { type: "string" }, description });

export const updatesOpenApi = {
  paths: {
    "/updates": {
      get: {
        summary: "Search voluntary national updates the caller may see",
        parameters: [
          { name: "q", ...text("Full text over the title and the four texts") },
          { name: "theme", ...text("A theme code, as listed by /vocabularies") },
          { name: "sdg", ...text("An SDG goal, 1 to 17") },
          { name: "group", ...text("Regional group of the State, such as asia-pacific") },
          { name: "status", in: "query", schema: { type: "string", enum: ["ldc", "lldc", "sids"] } },
          { name: "state", ...text("ISO 3166 alpha-3") },
          { name: "year", in: "query", schema: { type: "integer" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description: "`{ data, meta: { total, limit, offset }, facets }`: the matching updates, with facet counts",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { type: "object" } },
                    meta: {
                      type: "object",
                      properties: {
                        total: { type: "integer" },
                        limit: { type: "integer" },
                        offset: { type: "integer" },
                      },
                    },
                    facets: { type: "object" },
                  },
                },
              },
            },
          },
          "400": { description: "A parameter is invalid; `error.fields` names each one" },
        },
      },
      post: {
        summary: "Draft a new update (read-write token of a State organisation)",
        security: [{ bearer: [] }],
        requestBody: writeBody,
        responses: {
          "201": one("The draft"),
          "400": { description: "A field is invalid; `error.fields` names each one" },
          "403": { description: "Not a read-write token of a State organisation" },
        },
      },
    },
    "/updates/{id}": {
      get: {
        summary: "One update: its current version, the versions the caller may see, and for its State the working copy",
        parameters: [idParameter],
        responses: { "200": one("The update"), "404": { description: "No such update, or not visible" } },
      },
      put: {
        summary: "Replace the working copy of an update (its State's read-write token); readers see it once published",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        requestBody: writeBody,
        responses: {
          "200": one("The update"),
          "400": { description: "A field is invalid" },
          "403": { description: "Not the owning State's token" },
          "404": { description: "No such update, or not visible" },
          "409": { description: "The update is withdrawn: publish it again first" },
        },
      },
    },
    "/updates/{id}/publish": {
      post: {
        summary: "Publish the working copy as the next version (or a withdrawn update again)",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          "200": {
            description:
              "`{ data, meta: { published } }`: the update; `meta.published` is false when the working copy says what the current version says",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { $ref: "#/components/schemas/NationalUpdate" },
                    meta: { type: "object", properties: { published: { type: "boolean" } } },
                  },
                },
              },
            },
          },
          "400": { description: "Nothing to publish: all four texts are empty" },
          "403": { description: "Not the owning State's token" },
          "404": { description: "No such update, or not visible" },
        },
      },
    },
  },
  schemas: { NationalUpdate: updateSchema, NationalUpdateContent: content },
};
