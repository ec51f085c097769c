import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
});
afterAll(async () => {
  await app.stop();
});

async function json(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as any };
}

describe("GET /api/v1/countries", () => {
  it("returns the 195 States with names in the six languages", async () => {
    const { status, type, body } = await json("/api/v1/countries");
    expect(status).toBe(200);
    expect(type).toContain("application/json");
    expect(body.meta.count).toBe(195);
    expect(body.data).toHaveLength(195);
    const fiji = body.data.find((c: { iso3: string }) => c.iso3 === "FJI");
    expect(fiji).toMatchObject({
      regionalGroup: "asia-pacific",
      sids: true,
      ldc: false,
      developmentStatusAsOf: "2023-12-13",
    });
    expect(Object.keys(fiji.names).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
  });

  it("filters by group and status", async () => {
    const { body } = await json("/api/v1/countries?group=african&status=ldc");
    expect(body.meta.count).toBeGreaterThan(20);
    for (const c of body.data) expect(c).toMatchObject({ regionalGroup: "african", ldc: true });
  });

  it("names the field that was wrong, in the caller's language", async () => {
    const { status, body } = await json("/api/v1/countries?group=nordic", { "accept-language": "fr" });
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameters");
    expect(Object.keys(body.error.fields)).toEqual(["group"]);
    expect(body.error.fields.group).toBe(CATALOGUES.fr["countries.filter.error.group"]);
  });

  it("finds one State, and says so when there is none", async () => {
    expect((await json("/api/v1/countries/hnd")).body.data.names.es).toBe("Honduras");
    const missing = await json("/api/v1/countries/XYZ");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "not_found", message: expect.stringContaining("XYZ") });
  });
});

describe("GET /api/v1/sdgs", () => {
  it("returns 17 goals and 169 targets, indicators only when asked", async () => {
    const plain = await json("/api/v1/sdgs");
    expect(plain.body.meta).toEqual({ goals: 17, targets: 169 });
    expect(plain.body.data[0].targets[0].indicators).toBeUndefined();
    const full = await json("/api/v1/sdgs?include=indicators");
    expect(full.body.data[0].targets[0].indicators[0].code).toBe("1.1.1");
    expect((await json("/api/v1/sdgs?include=everything")).status).toBe(400);
  });

  it("returns one goal, 404 outside 1–17", async () => {
    expect((await json("/api/v1/sdgs/5")).body.data.short.en).toBe("Gender equality");
    expect((await json("/api/v1/sdgs/0")).status).toBe(404);
  });
});

describe("vocabularies and mechanisms", () => {
  it("lists UPR Info issues, UHRI themes with their legacy codes, and affected-persons groups", async () => {
    const { body } = await json("/api/v1/vocabularies");
    const schemes = new Set(body.data.themes.map((t: { scheme: string }) => t.scheme));
    expect([...schemes].sort()).toEqual(["uhri", "upr-info"]);
    // The 56 issues of UPR Info's current list, and one older label its pledges still use.
    expect(body.data.themes.filter((t: { scheme: string }) => t.scheme === "upr-info")).toHaveLength(57);
    expect(body.data.themes.some((t: { legacyCode: string | null }) => t.legacyCode === "A3")).toBe(true);
    expect(body.data.affectedPersons.map((p: { label: string }) => p.label)).toContain("Children");
  });

  it("lists the UPR cycles with their sessions, the ten Treaty Bodies and Special Procedures mandates", async () => {
    const { body } = await json("/api/v1/mechanisms");
    expect(body.data.upr.cycles.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4]);
    expect(body.data.upr.cycles[0].sessions).toHaveLength(12);
    expect(body.data.treatyBodies.map((b: { code: string }) => b.code).sort()).toEqual([
      "CAT",
      "CCPR",
      "CED",
      "CEDAW",
      "CERD",
      "CESCR",
      "CMW",
      "CRC",
      "CRPD",
      "SPT",
    ]);
    expect(body.data.treatyBodies.find((b: { code: string }) => b.code === "CCPR").names.fr).toBe(
      "Comité des droits de l'homme",
    );
    expect(body.data.specialProcedures.length).toBeGreaterThan(40);
  });
});

describe("the API as a whole", () => {
  it("describes itself in OpenAPI 3.1, covering every path it serves", async () => {
    const { body } = await json("/api/v1/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual([
      "/countries",
      "/countries/{iso3}",
      "/gaps",
      "/matches",
      "/matches/{id}",
      "/matches/{id}/actions/{action}",
      "/me",
      "/mechanisms",
      "/offers",
      "/offers/{id}",
      "/offers/{id}/suggestions",
      "/recommendations",
      "/requests",
      "/requests/statistics",
      "/requests/{id}",
      "/requests/{id}/actions/{action}",
      "/requests/{id}/suggestions",
      "/sdgs",
      "/sdgs/{goal}",
      "/updates",
      "/updates/{id}",
      "/updates/{id}/publish",
      "/vocabularies",
    ]);
    expect(body.components.schemas.Country.properties.iso3).toBeDefined();
  });

  it("answers unknown endpoints with a JSON 404", async () => {
    const { status, body } = await json("/api/v1/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("reports health after touching the database", async () => {
    expect(await json("/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("sends security headers", async () => {
    const response = await app.request("/api/v1/countries/FJI");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
