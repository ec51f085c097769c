import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { FIRST_CRITERIA } from "../domain/screening";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const en = CATALOGUES.en;
const NHRI = "uhri:national-human-rights-institution-nhri";
/** Recommendation ids by key, for the picker's remove boxes (which post ids, not keys). */
const rec: Record<string, string> = {};

/** Text as React writes it into the page. */
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const message = (key: keyof typeof en, values: Record<string, string | number> = {}) =>
  escaped(Object.entries(values).reduce((text, [k, v]) => text.replaceAll(`{${k}}`, String(v)), en[key]));

/** The button that posts this intent. */
const button = (intent: string) => new RegExp(`<button(?=[^>]*name="intent")(?=[^>]*value="${intent}")[^>]*>`);
/** A checkbox or radio button with this value that is ticked. */
const ticked = (name: string, value: string) =>
  new RegExp(`<input(?=[^>]*name="${name}")(?=[^>]*value="${value.replaceAll(".", "\\.")}")(?=[^>]*checked)[^>]*>`);

const FORM: [string, string][] = [
  ["title", "Establishing a national mechanism for implementation, reporting and follow-up"],
  ["summary", "Fiji asks for peer exchange & expertise to set up its NMIRF."],
  ["language", "en"],
  ["supportKinds", "peer-exchange"],
  ["budgetAmount", "25000"],
  ["budgetCurrency", "FJD"],
  ["visibility", "public"],
];

/** The criteria codes the screening page asks about, each answered the same way. */
function answers(page: string, answer: string): [string, string][] {
  const codes = [...new Set([...page.matchAll(/name="(answer-c\d+)"/g)].map((m) => m[1]!))];
  expect(codes.length).toBeGreaterThan(0);
  return codes.map((code) => [code, answer]);
}

let fiji: Browser;
let secretariat: Browser;
let committee: Browser;
let norway: Browser;
let honduras: Browser;

beforeAll(async () => {
  app = await startTestPlatform();
  const { rows } = await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, cycle, year, state_under_review, recommending_states, text, source, content_hash)
     values ('q-fji-1', 'recommendation', 'upr', 3, 2019, 'FJI', '{NOR}', 'Establish a national mechanism for implementation, reporting and follow-up', 'test', 'q-fji-1'),
            ('q-fji-2', 'recommendation', 'upr', 3, 2019, 'FJI', '{NOR}', 'Strengthen the national human rights institution in line with the Paris Principles', 'test', 'q-fji-2'),
            ('q-fji-3', 'recommendation', 'upr', 3, 2019, 'FJI', '{NOR}', 'Ensure adequate resources for the human rights commission', 'test', 'q-fji-3'),
            ('q-hnd-1', 'recommendation', 'upr', 3, 2019, 'HND', '{NOR}', 'Strengthen the national human rights institution in line with the Paris Principles', 'test', 'q-hnd-1')
     returning id, key`,
  );
  for (const row of rows) rec[String(row.key)] = String(row.id);
  // Secretariat officers and committee members pass the second factor with the demo secret.
  const signedIn = async (name: string) => {
    const browser = new Browser(fetcher);
    expect((await browser.signIn(`${name}@example.org`)).status).toBe(302);
    return browser;
  };
  fiji = await signedIn("fiji");
  secretariat = await signedIn("secretariat");
  committee = await signedIn("committee");
  norway = await signedIn("norway");
  honduras = await signedIn("honduras");
});
afterAll(async () => {
  await app.stop();
});

/**
 * A public, open request by Fiji, followed from its draft to open, then withdrawn, through the
 * pages each party uses. The steps share it, in order.
 */
describe("a request's journey through the pages", () => {
  let id = "";
  let seq = "";
  const detail = () => `/en/requests/${id}`;
  const edit = () => `/en/requests/${id}/edit`;

  it("drafts a request: the form names each wrong field in an error summary, then saves and goes on to the picker", async () => {
    const form = await fiji.html("/en/requests/new");
    expect(form.status).toBe(200);
    expect(form.body).toContain(`<h1>${message("requests.new")}</h1>`);
    for (const name of ["title", "summary", "supportKinds", "themes", "sdgTargets", "budgetCurrency", "visibility"])
      expect(form.body).toContain(`name="${name}"`);

    const bad = await fiji.submit("/en/requests/new", [
      ["title", "  "],
      ["summary", "Kept as typed"],
      ["budgetAmount", "1000"],
      ["budgetCurrency", "XYZ"],
    ]);
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('class="error-summary"');
    expect(page).toContain(`<a href="#title">${message("requests.error.titleRequired")}</a>`);
    expect(page).toContain(`<a href="#budgetCurrency">${message("requests.error.budgetCurrency")}</a>`);
    // Each link lands on its field, which says what is wrong and keeps what was typed.
    expect(page).toMatch(/<input(?=[^>]*id="title")(?=[^>]*aria-invalid="true")[^>]*>/);
    expect(page).toContain('id="budgetCurrency-error"');
    expect(page).toContain('value="XYZ"');
    expect(page).toContain("Kept as typed</textarea>");

    const created = await fiji.submit("/en/requests/new", FORM);
    expect(created.status).toBe(302);
    const location = created.headers.get("location") ?? "";
    id = /^\/en\/requests\/([0-9a-f-]{36})\/edit(#recommendations-heading)?$/.exec(location)?.[1] ?? "";
    expect(id).not.toBe("");
    const editing = await fiji.html(edit());
    expect(editing.body).toContain(message("requests.flash.drafted"));
    seq = /<h1>Edit request (\d+)<\/h1>/.exec(editing.body)?.[1] ?? "";
    expect(seq).not.toBe("");
    // A draft is Fiji's alone.
    expect((await new Browser(fetcher).request(detail())).status).toBe(404);
    expect((await norway.request(detail())).status).toBe(404);
    expect((await secretariat.request(detail())).status).toBe(404);
    expect((await honduras.request(edit())).status).toBe(404);
    // Nor does a forged post tell Honduras that the draft exists.
    expect((await honduras.submit(edit(), [["intent", "save"], ...FORM], "/en/requests")).status).toBe(404);
    expect(
      (
        await honduras.submit(
          edit(),
          [
            ["intent", "link"],
            ["add", "q-hnd-1"],
          ],
          "/en/requests",
        )
      ).status,
    ).toBe(404);
    expect((await honduras.submit(detail(), [["intent", "submit"]], "/en/requests")).status).toBe(404);

    // Submitting needs a recommendation it serves: the page says so and nothing moves.
    const early = await fiji.submit(detail(), [["intent", "submit"]]);
    expect(early.status).toBe(400);
    expect(await early.text()).toContain(message("requests.error.recommendationsRequired"));
    expect((await fiji.html(detail())).body).toContain(`<dd>${en["requests.state.draft"]}</dd>`);
  });

  it("lists only Fiji's recommendations in the picker, links and unlinks them, and refuses a forged Honduras key", async () => {
    const all = await fiji.html(edit());
    for (const key of ["q-fji-1", "q-fji-2", "q-fji-3"]) expect(all.body).toContain(`name="add" value="${key}"`);
    expect(all.body).not.toContain("q-hnd-1");
    expect(all.body).toContain(message("requests.picker.none"));

    const found = await fiji.html(`${edit()}?q=${encodeURIComponent("Paris Principles")}`);
    expect(found.body).toContain('name="add" value="q-fji-2"');
    expect(found.body).not.toContain('value="q-fji-3"');
    expect(found.body).not.toContain("q-hnd-1");
    expect(found.body).toContain('value="Paris Principles"');

    const linked = await fiji.submit(edit(), [
      ["intent", "link"],
      ["add", "q-fji-1"],
      ["add", "q-fji-2"],
    ]);
    expect(linked.status).toBe(302);
    expect(linked.headers.get("location")).toBe(`${edit()}#recommendations-heading`);
    const after = await fiji.html(edit());
    expect(after.body).toContain(message("requests.flash.linked"));
    expect(after.body).toContain("2 recommendations linked");
    expect(after.body).toContain(`name="remove" value="${rec["q-fji-1"]}"`);
    expect(after.body).toContain(`name="remove" value="${rec["q-fji-2"]}"`);
    // What is linked is no longer offered.
    expect(after.body).not.toContain('name="add" value="q-fji-1"');
    expect(after.body).toContain('name="add" value="q-fji-3"');

    const forged = await fiji.submit(edit(), [
      ["intent", "link"],
      ["add", "q-hnd-1"],
    ]);
    expect(forged.status).toBe(400);
    const refused = await forged.text();
    expect(refused).toContain(
      `<a href="#recommendations">${message("requests.error.recommendationForeign", { key: "q-hnd-1" })}</a>`,
    );
    // The summary's link has somewhere to land.
    expect(refused).toContain('id="recommendations"');
    expect((await fiji.html(edit())).body).toContain("2 recommendations linked");

    const unlinked = await fiji.submit(edit(), [
      ["intent", "unlink"],
      ["remove", rec["q-fji-2"]!],
    ]);
    expect(unlinked.status).toBe(302);
    const left = await fiji.html(edit());
    expect(left.body).toContain("1 recommendation linked");
    expect(left.body).not.toContain(`name="remove" value="${rec["q-fji-2"]}"`);
    expect(left.body).toContain('name="add" value="q-fji-2"');
  });

  it("saves the request's fields, ticked boxes included, and shows them on its page", async () => {
    const saved = await fiji.submit(edit(), [
      ["intent", "save"],
      ...FORM,
      ["supportKinds", "institution-building"],
      ["themes", NHRI],
      ["sdgTargets", "16.a"],
      ["sdgTargets", "5.2"],
      ["workingLanguages", "en"],
      ["workingLanguages", "fr"],
      ["counterparts", "Fiji Human Rights and Anti-Discrimination Commission\nMinistry of Justice"],
      ["durationMonths", "18"],
    ]);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(detail());

    const page = await fiji.html(detail());
    expect(page.body).toContain(message("requests.flash.saved"));
    expect(page.body).toContain(`<h1>${message("requests.detail.heading", { number: seq })}</h1>`);
    expect(page.body).toContain(`<h2 lang="en" class="lead">${escaped(FORM[0]![1])}</h2>`);
    expect(page.body).toContain(escaped("Fiji asks for peer exchange & expertise to set up its NMIRF."));
    expect(page.body).toContain("National Human Rights Institution (NHRI)");
    expect(page.body).toContain("16.a, 5.2");
    expect(page.body).toContain(`${en["supportKind.peer-exchange"]} · ${en["supportKind.institution-building"]}`);
    expect(page.body).toContain("English, French");
    expect(page.body).toContain("FJD");
    expect(page.body).toContain("25,000.00");
    expect(page.body).toContain("18 months");
    expect(page.body).toContain("Fiji Human Rights and Anti-Discrimination Commission · Ministry of Justice");
    expect(page.body).toContain(`href="/en/recommendations/q-fji-1"`);
    expect(page.body).not.toContain(`href="/en/recommendations/q-fji-2"`);
    expect(page.body).toContain(`href="${edit()}"`);
    expect(page.body).toMatch(button("submit"));

    // The form comes back as saved.
    const form = await fiji.html(edit());
    expect(form.body).toMatch(ticked("themes", NHRI));
    expect(form.body).toMatch(ticked("sdgTargets", "16.a"));
    expect(form.body).toMatch(ticked("sdgTargets", "5.2"));
    expect(form.body).not.toMatch(ticked("sdgTargets", "16.3"));
    expect(form.body).toMatch(ticked("supportKinds", "peer-exchange"));
    expect(form.body).toMatch(ticked("supportKinds", "institution-building"));
    expect(form.body).toMatch(ticked("workingLanguages", "fr"));
    expect(form.body).toMatch(ticked("visibility", "public"));
    expect(form.body).toContain('value="25000.00"');
  });

  it("submits it with the button on its page, after which Fiji can no longer edit it, and asks for a reason to withdraw", async () => {
    const submitted = await fiji.submit(detail(), [["intent", "submit"]]);
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("location")).toBe(detail());
    const page = await fiji.html(detail());
    expect(page.body).toContain(message("requests.flash.submitted"));
    expect(page.body).toContain(`<dd>${en["requests.state.submitted"]}</dd>`);
    expect(page.body).not.toMatch(button("submit"));
    expect(page.body).not.toContain(`href="${edit()}"`);
    expect((await fiji.request(edit())).status).toBe(403);
    const late = await fiji.submit(edit(), [["intent", "save"], ...FORM], detail());
    expect(late.status).toBe(409);

    const noReason = await fiji.submit(detail(), [
      ["intent", "withdraw"],
      ["reason", "   "],
    ]);
    expect(noReason.status).toBe(400);
    const asked = await noReason.text();
    expect(asked).toContain(`<a href="#reason">${message("requests.error.reasonRequired")}</a>`);
    expect(asked).toMatch(/<textarea(?=[^>]*id="reason")(?=[^>]*aria-invalid="true")[^>]*>/);
    expect((await fiji.html(detail())).body).toContain(`<dd>${en["requests.state.submitted"]}</dd>`);

    // Submitted: the secretariat reads it; the public and providers still do not, whatever tier Fiji chose.
    expect((await secretariat.request(detail())).status).toBe(200);
    expect((await new Browser(fetcher).request(detail())).status).toBe(404);
    expect((await norway.request(detail())).status).toBe(404);
  });

  it("is screened: the queue lists it, the criteria are asked, a return needs reasons, which Fiji then reads", async () => {
    const queue = await secretariat.html("/en/secretariat/screening");
    expect(queue.status).toBe(200);
    expect(queue.body).toContain(`href="${detail()}"`);
    expect(queue.body).toContain(escaped(FORM[0]![1]));
    expect((await fiji.request("/en/secretariat/screening")).status).toBe(403);

    const own = await secretariat.html(detail());
    expect(own.body).toContain(`href="${detail()}/screening"`);
    const screening = await secretariat.html(`${detail()}/screening`);
    expect(screening.status).toBe(200);
    expect(screening.body).toContain(message("screening.decide.title", { number: seq }));
    expect(screening.body).toContain(escaped(FIRST_CRITERIA[0]!));
    expect(screening.body).toContain('name="outcome" value="return"');
    expect((await fiji.request(`${detail()}/screening`)).status).toBe(403);

    const empty = await secretariat.submit(`${detail()}/screening`, []);
    expect(empty.status).toBe(400);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain(`<a href="#answer-c1">${message("screening.error.answer", { criterion: 1 })}</a>`);
    expect(emptyPage).toContain('href="#outcome"');
    expect(emptyPage).toContain('id="answer-c1"');

    const met = answers(screening.body, "met");
    const noComment = await secretariat.submit(`${detail()}/screening`, [...met, ["outcome", "return"]]);
    expect(noComment.status).toBe(400);
    const noCommentPage = await noComment.text();
    expect(noCommentPage).toContain(`<a href="#comment">${message("screening.error.reasonsRequired")}</a>`);
    expect(noCommentPage).not.toContain('href="#answer-c1"');
    // The answers given are kept.
    expect(noCommentPage).toMatch(ticked("answer-c1", "met"));

    const returned = await secretariat.submit(`${detail()}/screening`, [
      ...met,
      ["outcome", "return"],
      ["comment", "Name the counterpart institution's focal point."],
    ]);
    expect(returned.status).toBe(302);
    expect(returned.headers.get("location")).toBe(detail());
    expect((await secretariat.html(detail())).body).toContain(message("requests.flash.screened"));

    const reasons = await fiji.html(detail());
    expect(reasons.body).toContain(`<dd>${en["requests.state.returned"]}</dd>`);
    expect(reasons.body).toContain("Name the counterpart institution&#x27;s focal point.");
    expect(reasons.body).toContain(`href="${edit()}"`);
    expect((await norway.request(detail())).status).toBe(404);
  });

  it("is submitted again, viewed by the committee, opened by the secretariat, and then read by the public", async () => {
    expect(
      (await fiji.submit(edit(), [["intent", "save"], ...FORM, ["counterparts", "Ministry of Justice"]])).status,
    ).toBe(302);
    expect((await fiji.submit(detail(), [["intent", "submit"]])).status).toBe(302);
    expect((await fiji.html(detail())).body).toContain(`<dd>${en["requests.state.submitted"]}</dd>`);

    // The committee member for the African Group records a view beside the request.
    const form = await committee.html(`${detail()}/screening`);
    expect(form.status).toBe(200);
    expect(form.body).toContain(message("screening.view.title", { number: seq }));
    const viewed = await committee.submit(`${detail()}/screening`, [...answers(form.body, "met"), ["outcome", "open"]]);
    expect(viewed.status).toBe(302);
    const waiting = await secretariat.html("/en/secretariat/screening");
    expect(waiting.body).toMatch(new RegExp(`href="${detail()}"[\\s\\S]*?<td>1</td></tr>`));

    const screening = await secretariat.html(`${detail()}/screening`);
    const opened = await secretariat.submit(`${detail()}/screening`, [
      ...answers(screening.body, "met"),
      ["outcome", "open"],
    ]);
    expect(opened.status).toBe(302);
    const own = await fiji.html(detail());
    expect(own.body).toContain(`<dd>${en["requests.state.open"]}`);
    expect(own.body).toContain("Advisory committee view: Open it to providers");
    expect(own.body).toContain("Secretariat decision: Open it to providers");

    const reader = new Browser(fetcher);
    const page = await reader.html(detail());
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<dd>${en["requests.state.open"]}`);
    // The public reads the steps, not the screening nor the reasons given to the State.
    expect(page.body).not.toContain("focal point.");
    expect(page.body).not.toContain("Advisory committee view");
    expect(page.body).not.toContain('name="intent"');
    // Public, yet its budget is the State's to share with a provider it consents to.
    expect(page.body).not.toContain("25,000.00");
    expect(page.body).toContain(escaped(en["requests.fact.withheld"]).replaceAll("'", "&#x27;"));
    const list = await reader.html("/en/requests");
    expect(list.body).toContain(`href="${detail()}"`);
    expect(list.body).not.toContain(`href="/en/requests/new"`);
    expect((await fiji.html("/en/requests")).body).toContain(`href="/en/requests/new"`);
    // Open: the secretariat's queue lists it among those no provider has answered yet.
    expect((await secretariat.html("/en/secretariat/screening")).body).toContain(
      message("screening.queue.unanswered", { count: 1 }),
    );
  });

  it("offers the committee no decision once the request is open", async () => {
    const page = await committee.html(detail());
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(`href="${detail()}/screening"`);
    expect((await committee.request(`${detail()}/screening`)).status).toBe(409);
    const late = await committee.submit(
      `${detail()}/screening`,
      [
        ["answer-c1", "met"],
        ["outcome", "open"],
      ],
      detail(),
    );
    expect(late.status).toBe(409);
    // Nor the secretariat: its decision is taken.
    expect((await secretariat.request(`${detail()}/screening`)).status).toBe(409);
  });

  it("is shown in Arabic, right to left, with the request's own text marked as English", async () => {
    const reader = new Browser(fetcher);
    const list = await reader.html("/ar/requests");
    expect(list.body).toContain('<html lang="ar" dir="rtl">');
    expect(list.body).toContain(CATALOGUES.ar["requests.title"]);
    expect(list.body).toContain(`<a href="/ar/requests/${id}" lang="en">${escaped(FORM[0]![1])}</a>`);
    const page = await reader.html(`/ar/requests/${id}`);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain(CATALOGUES.ar["requests.detail.asked"]);
    expect(page.body).toContain(CATALOGUES.ar["requests.state.open"]);
    expect(page.body).toContain(`<h2 lang="en" class="lead">${escaped(FORM[0]![1])}</h2>`);
    expect(page.body).toContain(`<p lang="en" class="prose">${escaped(FORM[1]![1])}</p>`);
  });

  it("is withdrawn with a reason", async () => {
    const withdrawn = await fiji.submit(detail(), [
      ["intent", "withdraw"],
      ["reason", "The ministry found national funding."],
    ]);
    expect(withdrawn.status).toBe(302);
    const page = await fiji.html(detail());
    expect(page.body).toContain(message("requests.flash.withdrawn"));
    expect(page.body).toContain(`<dd>${en["requests.state.withdrawn"]}</dd>`);
    expect(page.body).not.toMatch(button("withdraw"));
    expect((await new Browser(fetcher).html(detail())).body).not.toContain("national funding");
  });
});

describe("who sees an open request, by the tier its State chose", () => {
  /** Drafts, links, submits and opens a request through the pages; returns its id. */
  async function openRequest(title: string, visibility: string) {
    const created = await fiji.submit("/en/requests/new", [
      ...FORM.filter(([k]) => k !== "title" && k !== "visibility"),
      ["title", title],
      ["visibility", visibility],
    ]);
    const id = /\/requests\/([0-9a-f-]{36})\/edit/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
    expect(
      (
        await fiji.submit(`/en/requests/${id}/edit`, [
          ["intent", "link"],
          ["add", "q-fji-3"],
        ])
      ).status,
    ).toBe(302);
    expect((await fiji.submit(`/en/requests/${id}`, [["intent", "submit"]])).status).toBe(302);
    const screening = await secretariat.html(`/en/requests/${id}/screening`);
    const opened = await secretariat.submit(`/en/requests/${id}/screening`, [
      ...answers(screening.body, "met"),
      ["outcome", "open"],
    ]);
    expect(opened.status).toBe(302);
    return id;
  }

  it("hides a secretariat-tier request from the public and providers, and a providers-tier one from the public only", async () => {
    const forSecretariat = await openRequest("Ratification of the Optional Protocol, first steps", "secretariat");
    const forProviders = await openRequest("Training prison officers on the Nelson Mandela Rules", "providers");
    const anonymous = new Browser(fetcher);
    expect((await anonymous.request(`/en/requests/${forSecretariat}`)).status).toBe(404);
    expect((await anonymous.request(`/en/requests/${forProviders}`)).status).toBe(404);
    expect((await norway.request(`/en/requests/${forSecretariat}`)).status).toBe(404);
    expect((await norway.request(`/en/requests/${forProviders}`)).status).toBe(200);
    expect((await secretariat.request(`/en/requests/${forSecretariat}`)).status).toBe(200);
    expect((await fiji.request(`/en/requests/${forSecretariat}`)).status).toBe(200);
    const publicList = (await anonymous.html("/en/requests")).body;
    expect(publicList).not.toContain(forSecretariat);
    expect(publicList).not.toContain(forProviders);
    const providerList = (await norway.html("/en/requests")).body;
    expect(providerList).toContain(`href="/en/requests/${forProviders}"`);
    expect(providerList).not.toContain(forSecretariat);
    // Fiji's own page says who may see it now.
    expect((await fiji.html(`/en/requests/${forProviders}`)).body).toContain(en["tier.providers"]);
  });
});

describe("the screening criteria page", () => {
  it("is public, lets an officer publish a new version while the earlier one stays readable, and refuses a State", async () => {
    const reader = await new Browser(fetcher).html("/en/secretariat/screening-criteria");
    expect(reader.status).toBe(200);
    expect(reader.body).toContain(escaped(FIRST_CRITERIA[0]!));
    expect(reader.body).not.toContain('name="criteria"');
    expect(reader.body).not.toContain(en["screening.criteria.older"]);

    const officer = await secretariat.html("/en/secretariat/screening-criteria");
    expect(officer.body).toContain('name="criteria"');
    const empty = await secretariat.submit("/en/secretariat/screening-criteria", [["criteria", " \n "]]);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain(`<a href="#criteria">${message("screening.error.criteriaEmpty")}</a>`);

    const published = await secretariat.submit("/en/secretariat/screening-criteria", [
      ["criteria", "The State asked for it through its focal point\nIt serves recommendations the State received"],
    ]);
    expect(published.status).toBe(302);
    const page = await secretariat.html("/en/secretariat/screening-criteria");
    expect(page.body).toContain(message("screening.criteria.published"));
    const [current, older = ""] = page.body.split(en["screening.criteria.older"]);
    expect(current).toMatch(/Version 2, published/);
    expect(current).toContain("<li>It serves recommendations the State received</li>");
    expect(older).toMatch(/<summary>Version 1, published/);
    expect(older).toContain(escaped(FIRST_CRITERIA[0]!));

    // A new screening asks the new version's two criteria.
    expect((await new Browser(fetcher).html("/en/secretariat/screening-criteria")).body).toContain(
      "The State asked for it through its focal point",
    );

    const refused = await fiji.submit(
      "/en/secretariat/screening-criteria",
      [["criteria", "Anything goes"]],
      "/en/requests/new",
    );
    expect(refused.status).toBe(403);
    expect((await fiji.html("/en/secretariat/screening-criteria")).body).not.toContain("Anything goes");
  });
});
