import { Hono } from "hono";
import type { ApiEnv } from "../../../platform/http/api";
import { apiError, fieldErrors } from "../../../platform/http/api";
import { parseCountryFilter } from "../domain/country";
import { getCountry } from "../use-cases/get-country";
import { getSdgGoal } from "../use-cases/get-sdg-goal";
import { listCountries } from "../use-cases/list-countries";
import { listMechanisms } from "../use-cases/list-mechanisms";
import { listSdgGoals } from "../use-cases/list-sdg-goals";
import { listVocabularies } from "../use-cases/list-vocabularies";
import { presentCountry, presentSdgGoal } from "./presenters";

/** `/api/v1` routes of the reference data: the same use cases and presenters as the pages. */
export const referenceDataApi = new Hono<ApiEnv>()
  .get("/countries", async (c) => {
    const { filter, errors } = parseCountryFilter({ group: c.req.query("group"), status: c.req.query("status") });
    if (Object.keys(errors).length > 0) return fieldErrors(c, errors);
    const countries = await listCountries({ actor: c.var.actor, filter, locale: c.var.locale }, c.var.services);
    return c.json({ data: countries.map(presentCountry), meta: { count: countries.length, filter } });
  })
  .get("/countries/:iso3", async (c) => {
    const country = await getCountry({ actor: c.var.actor, iso3: c.req.param("iso3") }, c.var.services);
    if (!country) return apiError(c, 404, "not_found", `No State with ISO 3166 alpha-3 code ${c.req.param("iso3")}`);
    return c.json({ data: presentCountry(country) });
  })
  .get("/sdgs", async (c) => {
    const include = c.req.query("include");
    if (include !== undefined && include !== "indicators") return fieldErrors(c, { include: "api.error.include" });
    const goals = await listSdgGoals({ actor: c.var.actor, withIndicators: include === "indicators" }, c.var.services);
    return c.json({
      data: goals.map(presentSdgGoal),
      meta: { goals: goals.length, targets: goals.reduce((n, g) => n + g.targets.length, 0) },
    });
  })
  .get("/sdgs/:goal", async (c) => {
    const goal = await getSdgGoal({ actor: c.var.actor, code: c.req.param("goal") }, c.var.services);
    if (!goal) return apiError(c, 404, "not_found", `No SDG numbered ${c.req.param("goal")}; goals run from 1 to 17`);
    return c.json({ data: presentSdgGoal(goal) });
  })
  .get("/vocabularies", async (c) => c.json({ data: await listVocabularies({ actor: c.var.actor }, c.var.services) }))
  .get("/mechanisms", async (c) => c.json({ data: await listMechanisms({ actor: c.var.actor }, c.var.services) }));
