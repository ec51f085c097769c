import { Hono } from "hono";
import { type ApiEnv, fieldErrors } from "../../../platform/http/api";
import { getIntl } from "../../../platform/i18n/messages";
import { listSdgGoals } from "../../reference-data";
import { ALL, GAP_STATUS_COLUMNS, NONE, parseGapQuery } from "../domain/gap-map";
import type { ThemeFamily } from "../domain/theme-families";
import { getGapMap } from "../use-cases/gap-map";
import { FAMILY_LABEL } from "./labels";

const kindOf = (column: string) =>
  column === ALL ? "all" : (GAP_STATUS_COLUMNS as readonly string[]).includes(column) ? "status" : "group";

export const gapsApi = new Hono<ApiEnv>().get("/gaps", async (c) => {
  const { dimension, errors } = parseGapQuery(new URL(c.req.url).searchParams);
  if (Object.keys(errors).length > 0) return fieldErrors(c, errors);
  const { actor, locale, services } = c.var;
  const map = await getGapMap({ actor, dimension }, services);
  const intl = getIntl(locale);
  const goals =
    dimension === "sdg"
      ? new Map(
          (await listSdgGoals({ actor, withIndicators: false }, services)).map((g) => [
            String(g.code),
            g.short[locale],
          ]),
        )
      : new Map<string, string>();
  const label = (key: string) =>
    key === NONE
      ? intl.formatMessage({ id: dimension === "theme" ? "gaps.row.none.theme" : "gaps.row.none.sdg" })
      : dimension === "theme"
        ? intl.formatMessage({ id: FAMILY_LABEL[key as ThemeFamily] })
        : (goals.get(key) ?? key);
  return c.json({
    data: {
      by: map.dimension,
      audience: map.audience,
      asOf: map.asOf,
      columns: map.columns.map((key) => ({ key, kind: kindOf(key) })),
      rows: map.rows.map((row) => ({ key: row.key, label: label(row.key), cells: row.cells })),
      total: map.total.cells,
    },
  });
});

const count = {
  description:
    '`{ exact }`; in the public figures `{ fewerThan: 3 }` for 1 or 2, or `{ withheld: "complementary" }` for a ' +
    "count of 3 or more withheld so that no `fewerThan` in its row or column can be worked out from the others",
  oneOf: [
    { type: "object", required: ["exact"], properties: { exact: { type: "integer", minimum: 0 } } },
    { type: "object", required: ["fewerThan"], properties: { fewerThan: { const: 3 } } },
    {
      type: "object",
      required: ["withheld"],
      properties: {
        withheld: {
          const: "complementary",
          description: "Why it is withheld: to protect a count of fewer than 3 from being worked out by subtraction",
        },
      },
    },
  ],
};

export const gapsOpenApi = {
  schemas: {
    GapCell: {
      type: "object",
      properties: {
        requests: { ...count, description: "Open requests" },
        offers: { ...count, description: "Open offers: open, still valid, with capacity left" },
        unanswered: { ...count, description: "Open requests unanswered for more than 90 days" },
        level: {
          type: "string",
          enum: ["no-demand", "covered", "short", "unmet", "unclear"],
          description:
            "Offers against requests, judged on the figures shown (a withheld count being 3 or more): unclear " +
            "when both are fewer than 3, or when one is withheld and the other 3 or more",
        },
      },
    },
  },
  paths: {
    "/gaps": {
      get: {
        summary: "The gap map: open requests, open offers and requests unanswered for more than 90 days",
        description:
          "Rows are theme families (item10's grouping of the UHRI and UPR Info themes) or SDG goals, plus `none`; " +
          "columns the five regional groups, `ldc`, `sids` and `all`. A record on several subjects counts in each " +
          "row, and once in `total`. An offer counts in every column holding a State it is open to. Public figures " +
          "(`audience: public`) count only public requests and those their State allowed to be counted anonymously, " +
          "and only public offers; the secretariat's officers and the advisory committee read every record (`full`).",
        parameters: [
          {
            name: "by",
            in: "query",
            schema: { type: "string", enum: ["theme", "sdg"], default: "theme" },
            description: "Rows by theme family or by SDG goal",
          },
        ],
        responses: {
          "200": {
            description:
              "`{ data: { by, audience, asOf, columns: [{ key, kind }], rows: [{ key, label, cells }], total } }`; " +
              "`cells` and `total` map each column key to a GapCell",
          },
          "400": { description: "`by` is neither theme nor sdg; `error.fields` names it" },
        },
      },
    },
  },
};
