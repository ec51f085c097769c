import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { auditEvents } from "../../../platform/audit/schema";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { REASON_CODES } from "../domain/weights";
import { currentWeights } from "../use-cases/weights";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const PAGE = "/en/secretariat/matching-weights";
const en = CATALOGUES.en;
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const withReason = (key: keyof typeof en, code: (typeof REASON_CODES)[number]) =>
  escaped(en[key].replace("{reason}", en[`matching.reason.${code}`]));

let officer: Browser;
let committee: Browser;

beforeAll(async () => {
  app = await startTestPlatform();
  officer = new Browser(fetcher);
  expect((await officer.signIn("secretariat@example.org")).status).toBe(302);
  committee = new Browser(fetcher);
  expect((await committee.signIn("committee@example.org")).status).toBe(302);
});
afterAll(async () => {
  await app.stop();
});

describe("the matching weights page", () => {
  it("shows everyone the weights in force, each reason explained, and their history, without a form", async () => {
    const page = await new Browser(fetcher).html(PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<h1>${en["matching.weights.title"]}</h1>`);
    for (const code of REASON_CODES) {
      expect(page.body).toContain(`<th scope="row">${escaped(en[`matching.reason.${code}`])}</th>`);
      expect(page.body).toContain(escaped(en[`matching.reason.${code}.help`]));
    }
    expect(page.body).toContain("<td>30</td>");
    expect(page.body).toContain(en["matching.weights.by.platform"]);
    expect(page.body).not.toContain('<form method="post"');
    // The committee reads the full gap map, but does not set the weights.
    expect((await committee.html(PAGE)).body).not.toContain('name="weight-theme"');
    const forged = await committee.submit(PAGE, { "weight-theme": "50" }, "/en/account");
    expect(forged.status).toBe(403);
  });

  it("names each wrong field to an officer, keeps what was typed, and publishes nothing", async () => {
    const form = await officer.html(PAGE);
    for (const code of REASON_CODES) expect(form.body).toContain(`name="weight-${code}"`);
    const fields = Object.fromEntries(REASON_CODES.map((code) => [`weight-${code}`, "5"]));
    const bad = await officer.submit(PAGE, {
      ...fields,
      "weight-theme": "150",
      "weight-text": "lots",
      "weight-timing": "",
    });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('class="error-summary"');
    expect(page).toContain(`<a href="#weight-theme">${withReason("matching.weights.error.out-of-range", "theme")}</a>`);
    expect(page).toContain(`<a href="#weight-text">${withReason("matching.weights.error.not-a-number", "text")}</a>`);
    expect(page).toContain(`<a href="#weight-timing">${withReason("matching.weights.error.required", "timing")}</a>`);
    expect(page).toMatch(/<input(?=[^>]*id="weight-text")(?=[^>]*aria-invalid="true")(?=[^>]*value="lots")[^>]*>/);
    const zero = await officer.submit(PAGE, Object.fromEntries(REASON_CODES.map((code) => [`weight-${code}`, "0"])));
    expect(zero.status).toBe(400);
    expect(await zero.text()).toContain(`<a href="#weight-theme">${en["matching.weights.error.all-zero"]}</a>`);
    expect((await currentWeights(app.database.db)).version).toBe(1);
  });

  it("publishes a new version with its note, audited, and lists it first", async () => {
    const fields = Object.fromEntries(REASON_CODES.map((code) => [`weight-${code}`, "5"]));
    const done = await officer.submit(PAGE, { ...fields, "weight-theme": "40.5", note: "Themes matter more." });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(PAGE);
    const page = await officer.html(PAGE);
    expect(page.body).toContain(en["matching.weights.published"]);
    expect(page.body).toContain("<td>40.5</td>");
    expect(page.body).toContain("Themes matter more.");
    expect(page.body).toContain(en["matching.weights.by.secretariat"]);
    expect(await currentWeights(app.database.db)).toMatchObject({ version: 2, weights: { theme: 40.5, text: 5 } });
    const audit = await app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "matching.weights.publish"), eq(auditEvents.subjectId, "2")));
    expect(audit).toHaveLength(1);
  });
});
