import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../src/platform/i18n/messages";
import { startTestPlatform } from "./support/platform";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
beforeAll(async () => {
  app = await startTestPlatform();
});
afterAll(async () => {
  await app.stop();
});

const rows = (html: string) => html.match(/<tr><th scope="row"><a href="\/[a-z]{2}\/countries\/[A-Z]{3}">/g) ?? [];

describe("pages", () => {
  it("serves the home page with live reference counts", async () => {
    const page = await app.html("/");
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr">/);
    expect(page.body).toContain("<strong>195</strong>");
  });

  it("lists 195 States on /countries", async () => {
    const page = await app.html("/countries");
    expect(page.status).toBe(200);
    expect(rows(page.body)).toHaveLength(195);
    expect(page.body).toContain("<caption>");
  });

  it("filters /countries by group and status, keeping the choice in the form", async () => {
    const page = await app.html("/countries?group=asia-pacific&status=sids");
    const codes = rows(page.body).map((r) => r.slice(-5, -2));
    expect(codes).toContain("FJI");
    expect(codes).not.toContain("JAM");
    expect(page.body).toMatch(/<option value="asia-pacific" selected="">/);
  });

  it("explains an invalid filter with an error summary linked to the field", async () => {
    const page = await app.html("/countries?group=nordic");
    expect(page.status).toBe(200);
    expect(page.body).toContain('class="error-summary"');
    expect(page.body).toContain('<a href="#group">');
    expect(page.body).toContain('aria-invalid="true"');
  });

  it("shows Fiji in the Asia-Pacific Group, flagged SIDS", async () => {
    const page = await app.html("/countries/FJI");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<h1>Fiji</h1>");
    expect(page.body).toContain("Asia-Pacific Group");
    expect(page.body).toContain("Small island developing State");
  });

  it("answers 404 for an unknown State, path or language prefix, in the reader's language", async () => {
    for (const path of ["/countries/ZZZ", "/no-such-page", "/xx/countries", "/sdgs/99"]) {
      const page = await app.html(path);
      expect(page.status, path).toBe(404);
      expect(page.body).toContain(CATALOGUES.en["error.notFound.title"]);
    }
    const french = await app.html("/fr/countries/ZZZ");
    expect(french.body).toContain(CATALOGUES.fr["error.notFound.title"]);
  });
});

describe("languages", () => {
  it("renders /ar/countries right to left with Arabic names", async () => {
    const page = await app.html("/ar/countries");
    expect(page.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page.body).toContain(">فيجي</a>");
    expect(page.headers.get("content-language")).toBe("ar");
  });

  it("lists the 17 goals in Chinese on /zh/sdgs", async () => {
    const page = await app.html("/zh/sdgs");
    expect(page.body).toMatch(/<html lang="zh-Hans" dir="ltr">/);
    expect(page.body.match(/<li id="goal-\d+">/g)).toHaveLength(17);
    expect(page.body).toContain("无贫穷");
  });

  it("remembers a language chosen in the URL, for the next unprefixed visit", async () => {
    const first = await app.request("/es/sdgs");
    const cookie = first.headers.get("set-cookie");
    expect(cookie).toContain("item10_lang=es");
    const next = await app.html("/countries", { headers: { cookie: "item10_lang=es" } });
    expect(next.body).toMatch(/<html lang="es"/);
  });

  it("guesses the first language from Accept-Language", async () => {
    const page = await app.html("/", { headers: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" } });
    expect(page.body).toMatch(/<html lang="ru"/);
    expect(page.headers.get("vary")).toContain("Accept-Language");
  });

  it("offers every language on every page, pointing at the same page", async () => {
    const page = await app.html("/fr/countries?group=african");
    for (const l of ["ar", "zh", "en", "fr", "ru", "es"])
      expect(page.body).toContain(`href="/${l}/countries?group=african"`);
  });

  it("formats dates for the locale", async () => {
    expect((await app.html("/fr/countries/FJI")).body).toContain("13 décembre 2023");
    expect((await app.html("/ru/countries/FJI")).body).toContain("13 декабря 2023");
    expect((await app.html("/zh/countries/FJI")).body).toContain("2023年12月13日");
  });
});
