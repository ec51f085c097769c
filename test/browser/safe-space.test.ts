import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { check, openJourneyBrowser, signIn, submit, tabTo, wording } from "../support/journey";

/**
 * The safe space as its people use it (issue 5), in English and in Arabic, without JavaScript:
 * a provider publishes an offer; a State focal point drafts a request with the keyboard alone,
 * links recommendations its State received, and submits it; the secretariat screens it and opens
 * it, which tells the provider a request matches its offer; the State withdraws it, and everyone
 * involved is told. A visitor who is not signed in sees the request only once it is open. Every
 * page on the way passes axe (WCAG 2.1 A and AA).
 */
const base = inject("baseUrl");
const NHRI = "uhri:national-human-rights-institution-nhri";

/** What each person writes, in the language of the journey. Recommendations are searched in English, their language. */
const WRITTEN = {
  en: {
    request: {
      title: "A national human rights institution in line with the Paris Principles",
      summary:
        "Fiji asks for a review of the law on its Human Rights and Anti-Discrimination Commission, training for the Commission's staff, and help to prepare its accreditation.",
    },
    picker: "Paris Principles",
    withdrawal: "A bilateral partner has since agreed to fund this work.",
    offer: {
      title: "National human rights institutions: Thailand's experience of accreditation",
      description:
        "Thailand offers study visits and advice to national human rights institutions preparing for accreditation under the Paris Principles.",
    },
    update: {
      title: "Following up the Universal Periodic Review: progress since 2019",
      achievements:
        "Fiji adopted a national action plan to follow up recommendations and set up an interministerial committee.",
    },
  },
  ar: {
    request: {
      title: "مؤسسة وطنية لحقوق الإنسان تتوافق مع مبادئ باريس",
      summary:
        "تطلب فيجي مراجعة قانون لجنة حقوق الإنسان ومكافحة التمييز، وتدريب موظفي اللجنة، والمساعدة في التحضير لاعتمادها.",
    },
    picker: "Human Rights Commission",
    withdrawal: "وافق شريك ثنائي منذ ذلك الحين على تمويل هذا العمل.",
    offer: {
      title: "المؤسسات الوطنية لحقوق الإنسان: تجربة تايلند في الاعتماد",
      description:
        "تقدّم تايلند زيارات دراسية ومشورة للمؤسسات الوطنية لحقوق الإنسان التي تستعد للاعتماد وفقًا لمبادئ باريس.",
    },
    update: {
      title: "متابعة الاستعراض الدوري الشامل: التقدّم المحرز منذ 2019",
      achievements: "اعتمدت فيجي خطة عمل وطنية لمتابعة التوصيات وأنشأت لجنة مشتركة بين الوزارات.",
    },
  },
} satisfies Record<"en" | "ar", unknown>;

let browser: Awaited<ReturnType<typeof openJourneyBrowser>>;
beforeAll(async () => {
  browser = await openJourneyBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The value shown beside a term of a facts list (`<dt>Step</dt><dd>Submitted</dd>`). */
async function fact(page: Page, term: string): Promise<string | null> {
  return page.evaluate((label) => {
    const dt = [...document.querySelectorAll("main dt")].find((d) => d.textContent?.trim() === label);
    return dt?.nextElementSibling?.textContent?.trim() ?? null;
  }, term);
}

/** A request's step, without the "open since…" that follows it once open. */
async function step(page: Page, term: string): Promise<string | undefined> {
  return (await fact(page, term))?.split(" · ")[0];
}

/** The texts of the links to `path` inside the main content. */
async function linkTexts(page: Page, path: string): Promise<string[]> {
  return page.locator(`main a[href="${path}"]`).allTextContents();
}

describe.each(["en", "ar"] as const)("the safe space in %s, without JavaScript", (locale) => {
  const t = wording(locale);
  const w = WRITTEN[locale];
  const at = (path: string) => `${base}/${locale}${path}`;
  let fiji: Page;
  let thailand: Page;
  let secretariat: Page;
  let visitor: Page;
  let requestId = "";
  let offerId = "";
  let linkedKeys: string[] = [];

  beforeAll(async () => {
    [fiji, thailand, secretariat, visitor] = await Promise.all([
      browser.person(),
      browser.person(),
      browser.person(),
      browser.person(),
    ]);
    await signIn(fiji, base, "fiji@example.org", locale);
    await signIn(thailand, base, "thailand@example.org", locale);
    await signIn(secretariat, base, "secretariat@example.org", locale);
  });
  afterAll(async () => {
    await Promise.all([fiji, thailand, secretariat, visitor].map((p) => p?.context().close()));
  });

  it("a provider publishes an offer on national human rights institutions and finds it listed", async () => {
    await thailand.goto(at("/offers"));
    await check(thailand, locale);
    await submit(thailand, `main a[href="/${locale}/offers/new"]`);
    expect(new URL(thailand.url()).pathname).toBe(`/${locale}/offers/new`);
    await check(thailand, locale);

    // Sent empty first: the error summary and the invalid fields pass axe too.
    await submit(thailand, 'main form.stack button[type="submit"]');
    expect(await thailand.locator(".error-summary").count()).toBe(1);
    await check(thailand, locale);

    await thailand.fill("#title", w.offer.title);
    await thailand.fill("#description", w.offer.description);
    await thailand.selectOption("#language", locale);
    await thailand.check('input[name="supportKinds"][value="expertise"]');
    await thailand.check('input[name="supportKinds"][value="peer-exchange"]');
    await thailand.check(`input[name="themes"][value="${NHRI}"]`);
    await thailand.fill("#capacity", "2");
    await thailand.check("#visibility-public");
    await submit(thailand, 'main form.stack button[type="submit"]');
    const [, id] = new URL(thailand.url()).pathname.match(new RegExp(`^/${locale}/offers/([0-9a-f-]{36})$`)) ?? [];
    expect(id, thailand.url()).toBeTruthy();
    offerId = id!;
    expect(await thailand.textContent(".flash")).toBe(t("offers.flash.published"));
    expect(await thailand.textContent("main h1")).toBe(w.offer.title);
    expect(await thailand.getAttribute("main h1", "lang")).toBe(locale);
    expect(await fact(thailand, t("offers.fact.status"))).toBe(t("offers.status.open"));
    await check(thailand, locale);

    await thailand.goto(at("/offers"));
    expect(await linkTexts(thailand, `/${locale}/offers/${offerId}`)).toEqual([w.offer.title]);
    // Public: a visitor finds it too.
    await visitor.goto(at("/offers"));
    expect(await linkTexts(visitor, `/${locale}/offers/${offerId}`)).toEqual([w.offer.title]);
    await check(visitor, locale);
  });

  it("a State focal point drafts a request with the keyboard alone, links three of its recommendations and submits it", async () => {
    await fiji.goto(at("/requests"));
    await check(fiji, locale);
    await tabTo(fiji, `main a[href="/${locale}/requests/new"]`);
    await Promise.all([fiji.waitForURL(at("/requests/new")), fiji.keyboard.press("Enter")]);
    await check(fiji, locale);

    // Keyboard only: Tab to each control, type, Space to tick, arrows within a radio group, Enter to send.
    await tabTo(fiji, "#title");
    await fiji.keyboard.type(w.request.title);
    await tabTo(fiji, "#summary");
    await fiji.keyboard.type(w.request.summary);
    await tabTo(fiji, 'input[name="supportKinds"][value="training"]');
    await fiji.keyboard.press("Space");
    await tabTo(fiji, 'input[name="supportKinds"][value="institution-building"]');
    await fiji.keyboard.press("Space");
    await tabTo(fiji, `input[name="themes"][value="${NHRI}"]`);
    await fiji.keyboard.press("Space");
    // The group's chosen tier takes the focus; the arrows move from "secretariat" past "providers" to "public".
    await tabTo(fiji, 'input[name="visibility"]:checked');
    await fiji.keyboard.press("ArrowDown");
    await fiji.keyboard.press("ArrowDown");
    expect(await fiji.isChecked("#visibility-public")).toBe(true);
    await tabTo(fiji, 'main form.stack button[type="submit"]');
    await Promise.all([fiji.waitForURL(/\/requests\/[0-9a-f-]{36}\/edit/), fiji.keyboard.press("Enter")]);

    const [, id] = new URL(fiji.url()).pathname.match(/\/requests\/([0-9a-f-]{36})\/edit$/) ?? [];
    requestId = id!;
    expect(await fiji.textContent(".flash")).toBe(t("requests.flash.drafted"));
    expect(await fiji.textContent("main")).toContain(t("requests.picker.none"));
    await check(fiji, locale);

    // The picker, a plain GET form: the State's own recommendations matching the words.
    await fiji.fill("#q", w.picker);
    await submit(fiji, 'main form.filters button[type="submit"]');
    expect(new URL(fiji.url()).searchParams.get("q")).toBe(w.picker);
    const boxes = fiji.locator('input[name="add"]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    await check(fiji, locale);
    linkedKeys = [];
    for (let i = 0; i < 3; i++) {
      await boxes.nth(i).check();
      linkedKeys.push((await boxes.nth(i).getAttribute("value"))!);
    }
    await submit(fiji, 'main button[name="intent"][value="link"]');
    expect(await fiji.textContent(".flash")).toBe(t("requests.flash.linked"));
    expect(await fiji.textContent("main fieldset legend")).toBe(t("requests.picker.linked", { count: 3 }));
    await check(fiji, locale);

    // The request as its State reads it: a draft, private to it, with the three recommendations.
    await fiji.goto(at(`/requests/${requestId}`));
    expect(await fact(fiji, t("requests.fact.state"))).toBe(t("requests.state.draft"));
    for (const key of linkedKeys)
      expect(await fiji.locator(`main a[href="/${locale}/recommendations/${key}"]`).count()).toBe(1);
    await check(fiji, locale);
    await submit(fiji, 'main button[name="intent"][value="submit"]');
    expect(new URL(fiji.url()).pathname).toBe(`/${locale}/requests/${requestId}`);
    expect(await fiji.textContent(".flash")).toBe(t("requests.flash.submitted"));
    expect(await fact(fiji, t("requests.fact.state"))).toBe(t("requests.state.submitted"));
    expect(await fiji.locator('section[aria-labelledby="history-heading"] li').last().textContent()).toContain(
      t("requests.state.submitted"),
    );
    await check(fiji, locale);

    // While it waits for screening, a visitor can neither open it nor find it.
    const hidden = await visitor.goto(at(`/requests/${requestId}`));
    expect(hidden?.status()).toBe(404);
    await check(visitor, locale);
    await visitor.goto(at("/requests"));
    expect(await visitor.locator(`main a[href="/${locale}/requests/${requestId}"]`).count()).toBe(0);
    await check(visitor, locale);
  }, 120_000);

  it("the secretariat finds it waiting, screens it against the criteria and opens it to providers", async () => {
    await secretariat.goto(at("/secretariat/screening"));
    await check(secretariat, locale);
    const waiting = secretariat.locator('section[aria-labelledby="waiting-heading"]');
    expect(await waiting.locator(`a[href="/${locale}/requests/${requestId}"]`).textContent()).toContain(
      w.request.title,
    );
    await secretariat.click(`a[href="/${locale}/secretariat/screening-criteria"]`);
    await check(secretariat, locale);

    await secretariat.goto(at("/secretariat/screening"));
    await submit(secretariat, `main a[href="/${locale}/requests/${requestId}"]`);
    await check(secretariat, locale);
    await submit(secretariat, `main a[href="/${locale}/requests/${requestId}/screening"]`);
    await check(secretariat, locale);
    const criteria = await secretariat.locator('main input[type="radio"][value="met"]').count();
    expect(criteria).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < criteria; i++)
      await secretariat.locator('main input[type="radio"][value="met"]').nth(i).check();
    await secretariat.check('input[name="outcome"][value="open"]');
    await submit(secretariat, 'main form.stack button[type="submit"]');
    expect(new URL(secretariat.url()).pathname).toBe(`/${locale}/requests/${requestId}`);
    expect(await secretariat.textContent(".flash")).toBe(t("requests.flash.screened"));
    expect(await step(secretariat, t("requests.fact.state"))).toBe(t("requests.state.open"));
    await check(secretariat, locale);

    // Open, and public by its State's choice: now a visitor finds it and reads it.
    await visitor.goto(at("/requests"));
    expect(await linkTexts(visitor, `/${locale}/requests/${requestId}`)).toEqual([w.request.title]);
    await check(visitor, locale);
    await submit(visitor, `main a[href="/${locale}/requests/${requestId}"]`);
    expect(await visitor.textContent("main h2.lead")).toBe(w.request.title);
    expect(await step(visitor, t("requests.fact.state"))).toBe(t("requests.state.open"));
    expect(await visitor.locator('main a[href*="/recommendations/"]').count()).toBe(3);
    await check(visitor, locale);
  });

  it("the provider is told a newly opened request matches its offer, and pauses the offer", async () => {
    await thailand.goto(at("/notifications"));
    await check(thailand, locale);
    expect(await linkTexts(thailand, `/${locale}/requests/${requestId}`)).toContain(
      t("notification.request-matches-offer", { title: w.request.title, offer: w.offer.title }),
    );

    await thailand.goto(at(`/offers/${offerId}`));
    await submit(thailand, 'main form:has(input[name="status"][value="paused"]) button');
    expect(await thailand.textContent(".flash")).toBe(t("offers.flash.paused"));
    expect(await fact(thailand, t("offers.fact.status"))).toBe(t("offers.status.paused"));
    expect(await thailand.textContent("main .notice")).toBe(t("offers.notice.paused"));
    await check(thailand, locale);
    await thailand.goto(at("/offers"));
    await check(thailand, locale);
  });

  it("the State is told its request was opened, withdraws it with a reason, and the secretariat is told", async () => {
    await fiji.goto(at("/notifications"));
    expect(await linkTexts(fiji, `/${locale}/requests/${requestId}`)).toContain(
      t("notification.request-opened", { title: w.request.title }),
    );
    await check(fiji, locale);

    await fiji.goto(at(`/requests/${requestId}`));
    // Without a reason the form comes back with its error, which passes axe too.
    await submit(fiji, 'main button[name="intent"][value="withdraw"]');
    expect(await fiji.locator(".error-summary").count()).toBe(1);
    await check(fiji, locale);
    await fiji.fill("#reason", w.withdrawal);
    await submit(fiji, 'main button[name="intent"][value="withdraw"]');
    expect(await fiji.textContent(".flash")).toBe(t("requests.flash.withdrawn"));
    expect(await fact(fiji, t("requests.fact.state"))).toBe(t("requests.state.withdrawn"));
    expect(await fiji.textContent('section[aria-labelledby="history-heading"]')).toContain(w.withdrawal);
    await check(fiji, locale);

    await secretariat.goto(at("/notifications"));
    const told = await linkTexts(secretariat, `/${locale}/requests/${requestId}`);
    const withdrawn = told.indexOf(t("notification.request-withdrawn", { title: w.request.title }));
    const due = told.indexOf(t("notification.screening-due", { title: w.request.title }));
    expect(withdrawn, told.join("\n")).toBeGreaterThanOrEqual(0);
    expect(due, told.join("\n")).toBeGreaterThanOrEqual(0);
    // Newest first: the withdrawal above the screening that fell due before it.
    expect(withdrawn).toBeLessThan(due);
    await check(secretariat, locale);
  });

  it("the State publishes a voluntary national update that everyone can read", async () => {
    await fiji.goto(at("/updates"));
    await check(fiji, locale);
    await submit(fiji, `main a[href="/${locale}/updates/new"]`);
    expect(new URL(fiji.url()).pathname).toBe(`/${locale}/updates/new`);
    await check(fiji, locale);
    await fiji.fill("#title", w.update.title);
    await fiji.fill("#achievements", w.update.achievements);
    await fiji.check(`input[name="themes"][value="${NHRI}"]`);
    await fiji.check("#visibility-public");
    await submit(fiji, 'main form.stack button[type="submit"]');
    const [, id] = new URL(fiji.url()).pathname.match(/\/updates\/([0-9a-f-]{36})\/edit$/) ?? [];
    expect(id, fiji.url()).toBeTruthy();
    expect(await fiji.textContent(".flash")).toBe(t("updates.flash.created"));
    await check(fiji, locale);
    await submit(fiji, 'main button[name="intent"][value="publish"]');
    expect(new URL(fiji.url()).pathname).toBe(`/${locale}/updates/${id}`);
    expect(await fiji.textContent(".flash")).toBe(t("updates.flash.published"));
    await check(fiji, locale);

    await visitor.goto(at("/updates"));
    expect(await linkTexts(visitor, `/${locale}/updates/${id}`)).toEqual([w.update.title]);
    await check(visitor, locale);
    await submit(visitor, `main a[href="/${locale}/updates/${id}"]`);
    expect(await visitor.textContent("main")).toContain(w.update.achievements);
    await check(visitor, locale);
  });
});
