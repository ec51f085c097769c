import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { DEMO_USERS } from "../../accounts";
import { recommendations, classificationSuggestions as suggestions } from "../schema";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
let officer: Browser;
const ids: string[] = [];
const emailOf = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;

/** Posts the page's form with repeated checkbox fields, as a browser does. */
async function post(browser: Browser, path: string, fields: [string, string][]) {
  const page = await (await browser.request(path)).text();
  const token = /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? "";
  const body = new URLSearchParams([["_csrf", token], ...fields]);
  return browser.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
}
const themesOf = async (id: string) =>
  (await app.database.db.select().from(recommendations).where(eq(recommendations.id, id)))[0]!.themes;

beforeAll(async () => {
  app = await startTestPlatform();
  const rows = await app.database.db
    .insert(recommendations)
    .values(
      [
        ["page-1", "Abolish the death penalty without delay.", "FJI"],
        ["page-2", "Ensure access to safe drinking water in rural areas.", "HND"],
      ].map(([key, text, state]) => ({
        key: key!,
        kind: "recommendation",
        mechanism: "upr",
        stateUnderReview: state!,
        text: text!,
        source: "test",
        contentHash: key!,
      })),
    )
    .returning({ id: recommendations.id });
  ids.push(...rows.map((r) => r.id));
  await app.database.db.insert(suggestions).values([
    { recommendationId: ids[0]!, scheme: "theme", code: "upr-info:death-penalty", score: 0.953, modelVersion: "t" },
    { recommendationId: ids[0]!, scheme: "sdg", code: "16", score: 0.9, modelVersion: "t" },
    {
      recommendationId: ids[1]!,
      scheme: "theme",
      code: "upr-info:right-to-water-and-sanitation",
      score: 0.8,
      modelVersion: "t",
    },
    { recommendationId: ids[1]!, scheme: "sdg", code: "6", score: 0.7, modelVersion: "t" },
  ]);
  officer = new Browser(app.request);
  expect((await officer.signIn(emailOf("secretariat-officer"))).status).toBe(302);
});
afterAll(async () => {
  await app.stop();
});

describe("the suggestions page", () => {
  it("lists pending suggestions with the recommendation, its State, the code's label and a labelled checkbox", async () => {
    const response = await officer.request("/en/secretariat/suggestions");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Theme and SDG suggestions</h1>");
    expect(html).toContain("4 suggestions wait for a decision");
    expect(html).toContain("Abolish the death penalty without delay.");
    expect(html).toContain("Fiji");
    expect(html).toContain("Death penalty");
    expect(html).toContain("Goal 16: Peace, justice and strong institutions");
    expect(html).toContain("95%");
    expect(html).toMatch(
      /<input type="checkbox" id="suggestion-0" name="suggestion" value="[^"]+\|theme\|upr-info:death-penalty"\/><label for="suggestion-0"><span class="visually-hidden">Select “Death penalty” for recommendation page-1<\/span><\/label>/,
    );
    expect(html).toContain(">Accept selected</button>");
    expect(html).toContain(">Reject selected</button>");
  });

  it("filters by scheme and by suggested code", async () => {
    const sdg = await (await officer.request("/en/secretariat/suggestions?scheme=sdg")).text();
    expect(sdg).toContain("2 suggestions wait for a decision");
    expect(sdg).not.toContain("|theme|");
    expect(sdg).toMatch(/<option value="6">Goal 6: Clean water and sanitation \(1\)<\/option>/);
    const water = await (await officer.request("/en/secretariat/suggestions?code=6")).text();
    expect(water).toContain("1 suggestion waits for a decision");
    expect(water).toContain("Ensure access to safe drinking water");
    expect(water).not.toContain("Abolish the death penalty");
  });

  it("asks for a selection, with an error summary linked to the list, when nothing is selected", async () => {
    const response = await post(officer, "/en/secretariat/suggestions", [["intent", "accept"]]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('<a href="#suggestions">Select at least one suggestion</a>');
    expect(html).toContain('<fieldset id="suggestions" tabindex="-1" aria-describedby="suggestions-error">');
  });

  it("accepts and rejects the selected suggestions in bulk", async () => {
    const accepted = await post(officer, "/en/secretariat/suggestions?scheme=theme", [
      ["intent", "accept"],
      ["suggestion", `${ids[0]}|theme|upr-info:death-penalty`],
      ["suggestion", `${ids[1]}|theme|upr-info:right-to-water-and-sanitation`],
    ]);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/en/secretariat/suggestions?scheme=theme");
    expect(await themesOf(ids[0]!)).toEqual(["upr-info:death-penalty"]);
    expect(await themesOf(ids[1]!)).toEqual(["upr-info:right-to-water-and-sanitation"]);
    const after = await (await officer.request("/en/secretariat/suggestions?scheme=theme")).text();
    expect(after).toContain(CATALOGUES.en["suggestions.accepted"]);
    expect(after).toContain("No suggestion is waiting for a decision");

    const rejected = await post(officer, "/en/secretariat/suggestions", [
      ["intent", "reject"],
      ["suggestion", `${ids[1]}|sdg|6`],
    ]);
    expect(rejected.status).toBe(302);
    const [row] = await app.database.db.select().from(suggestions).where(eq(suggestions.code, "6"));
    expect(row?.status).toBe("rejected");
  });

  it("queues a classifier run, or says the nightly run will do it when this process runs no jobs", async () => {
    const response = await post(officer, "/fr/secretariat/suggestions", [["intent", "run"]]);
    expect(response.status).toBe(302);
    const page = await (await officer.request("/fr/secretariat/suggestions")).text();
    expect(page).toContain("<h1>Thèmes et ODD proposés</h1>");
    expect(page).toContain(CATALOGUES.fr["suggestions.run.noWorker"]);
  });

  it("refuses a State focal point's decision before the action runs", async () => {
    const fiji = new Browser(app.request);
    await fiji.signIn(emailOf("state-focal-point"));
    const response = await post(fiji, "/en/secretariat/suggestions", [
      ["intent", "accept"],
      ["suggestion", `${ids[0]}|sdg|16`],
    ]);
    expect(response.status).toBe(403);
    const [row] = await app.database.db.select().from(suggestions).where(eq(suggestions.code, "16"));
    expect(row?.status).toBe("suggested");
  });
});

describe("with job workers in the process", () => {
  it("queues the classifier job, which runs and reports", { timeout: 60_000 }, async () => {
    const lines: { msg?: string; job?: string }[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const withJobs = await startTestPlatform({ jobs: true, logger });
    try {
      const browser = new Browser(withJobs.request);
      await browser.signIn(emailOf("platform-administrator"));
      const response = await post(browser, "/en/secretariat/suggestions", [["intent", "run"]]);
      expect(response.status).toBe(302);
      const page = await (await browser.request("/en/secretariat/suggestions")).text();
      expect(page).toContain(CATALOGUES.en["suggestions.run.queued"]);
      const started = Date.now();
      while (!lines.some((l) => l.msg === "classification suggestions refreshed") && Date.now() - started < 50_000)
        await new Promise((r) => setTimeout(r, 200));
      expect(lines.find((l) => l.msg === "classification suggestions refreshed")).toMatchObject({
        job: "recommendations-suggest",
      });
    } finally {
      await withJobs.stop();
    }
  });
});
