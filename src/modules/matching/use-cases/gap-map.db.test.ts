import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { type Actor, ANONYMOUS } from "../../../platform/actor";
import { CATALOGUES } from "../../../platform/i18n/messages";
import { publishOffer } from "../../offers";
import {
  actOnRequest,
  changeRequestRecommendations,
  currentCriteria,
  saveRequestDraft,
  screenRequest,
} from "../../requests";
import { ALL, type GapCell, type GapMap } from "../domain/gap-map";
import { getGapMap } from "./gap-map";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const who = {} as Record<
  "fiji" | "bhutan" | "maldives" | "honduras" | "thailand" | "norway" | "secretariat" | "committee",
  Actor
>;

const NHRI = "uhri:national-human-rights-institution-nhri";
const CHILDREN = "upr-info:rights-of-the-child";
const DAY = 86_400_000;
const exact = (n: number) => ({ exact: n });
const FEWER = { fewerThan: 3 };

/** A request of one State, taken through submission and screening to open (or left where `until` says). */
async function openRequest(
  actor: Actor,
  recommendation: string,
  form: Record<string, unknown>,
  until: "open" | "submitted" = "open",
) {
  const saved = await saveRequestDraft(
    {
      actor,
      form: {
        title: "Support for the national human rights institution",
        summary: "Peer exchange with another institution on complaints handling.",
        supportKinds: ["peer-exchange"],
        workingLanguages: ["en"],
        ...form,
      },
    },
    deps(),
  );
  if (saved.outcome !== "saved") throw new Error(JSON.stringify(saved));
  expect((await changeRequestRecommendations({ actor, id: saved.id, add: [recommendation] }, deps())).outcome).toBe(
    "saved",
  );
  expect(await actOnRequest({ actor, id: saved.id, action: "submit" }, deps())).toMatchObject({ outcome: "done" });
  if (until === "open") {
    const criteria = await currentCriteria({ actor: who.secretariat }, deps());
    const answers = Object.fromEntries(criteria!.items.map((c) => [c.code, "met"]));
    expect(
      await screenRequest(
        { actor: who.secretariat, id: saved.id, form: { answers, outcome: "open", comment: "" } },
        deps(),
      ),
    ).toEqual({ outcome: "done", to: "open" });
  }
  return saved.id;
}

async function offer(actor: Actor, form: Record<string, unknown>) {
  const result = await publishOffer(
    { actor, form: { title: "Peer exchange", supportKinds: ["peer-exchange"], capacity: "2", ...form } },
    deps(),
  );
  if (result.outcome !== "created") throw new Error(JSON.stringify(result));
  return result.offerId;
}

const cell = (map: GapMap, row: string, column: string): GapCell =>
  (row === ALL ? map.total : map.rows.find((r) => r.key === row)!).cells[column]!;

beforeAll(async () => {
  app = await startTestPlatform();
  await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, cycle, year, state_under_review, recommending_states, text, source, content_hash)
     values ('g-fji', 'recommendation', 'upr', 3, 2019, 'FJI', '{NOR}', 'Strengthen the national human rights institution', 'test', 'g-fji'),
            ('g-btn', 'recommendation', 'upr', 3, 2019, 'BTN', '{NOR}', 'Strengthen the national human rights institution', 'test', 'g-btn'),
            ('g-mdv', 'recommendation', 'upr', 3, 2019, 'MDV', '{NOR}', 'Strengthen the national human rights institution', 'test', 'g-mdv'),
            ('g-hnd', 'recommendation', 'upr', 3, 2019, 'HND', '{NOR}', 'Strengthen the national human rights institution', 'test', 'g-hnd')`,
  );
  for (const name of [
    "fiji",
    "bhutan",
    "maldives",
    "honduras",
    "thailand",
    "norway",
    "secretariat",
    "committee",
  ] as const)
    who[name] = await actorOf(app.database, `${name}@example.org`);

  // Public figures may count: Fiji's public request, Fiji's request counted anonymously, Bhutan's public one.
  await openRequest(who.fiji, "g-fji", { themes: [NHRI], sdgTargets: ["16.a"], visibility: "public" });
  await openRequest(who.fiji, "g-fji", { themes: [NHRI], visibility: "secretariat", anonymousCounting: true });
  await openRequest(who.bhutan, "g-btn", { themes: [NHRI], visibility: "public" });
  // They may not: Fiji's request for registered providers on children's rights, the Maldives' for the secretariat.
  await openRequest(who.fiji, "g-fji", { themes: [CHILDREN], sdgTargets: ["4.1"], visibility: "providers" });
  await openRequest(who.maldives, "g-mdv", { themes: [NHRI], visibility: "secretariat" });
  // Not open yet: counted by nobody.
  await openRequest(who.honduras, "g-hnd", { themes: [NHRI], visibility: "public" }, "submitted");

  await offer(who.thailand, { themes: [NHRI], visibility: "public" });
  await offer(who.norway, { themes: [NHRI], visibility: "providers", eligibleStatuses: ["sids"] });
  await offer(who.thailand, { themes: [CHILDREN], visibility: "public", eligibleStates: ["HND"] });
  // Closed, or out of capacity: no supply.
  const closed = await offer(who.thailand, { themes: [NHRI], visibility: "public" });
  await app.database.executeSql("update offers set status = 'closed' where id = $1", [closed]);
});
afterAll(async () => {
  await app.stop();
});

describe("getGapMap", () => {
  it("gives the public figures to everyone without the policy, counting only what may be counted", async () => {
    for (const actor of [ANONYMOUS, who.fiji, who.thailand]) {
      const map = await getGapMap({ actor, dimension: "theme" }, deps());
      expect(map.audience).toBe("public");
      expect(cell(map, "institutions-law", "asia-pacific")).toEqual({
        requests: exact(3),
        offers: FEWER,
        unanswered: exact(0),
        level: "short",
      });
      expect(cell(map, "institutions-law", "sids")).toMatchObject({ requests: FEWER, offers: FEWER, level: "unclear" });
      // Bhutan left the list of LDCs in December 2023: it counts under its regional group alone.
      expect(cell(map, "institutions-law", "ldc")).toMatchObject({ requests: exact(0) });
      // Fiji's request on children's rights is for registered providers: never counted publicly, not even Fiji's own.
      expect(cell(map, "children", "asia-pacific")).toEqual({
        requests: exact(0),
        offers: exact(0),
        unanswered: exact(0),
        level: "no-demand",
      });
      expect(cell(map, "children", "latin-american-caribbean")).toMatchObject({ requests: exact(0), offers: FEWER });
      expect(cell(map, ALL, ALL)).toMatchObject({ requests: exact(3), offers: FEWER });
    }
  });

  it("gives the full picture to the secretariat and the advisory committee", async () => {
    for (const actor of [who.secretariat, who.committee]) {
      const map = await getGapMap({ actor, dimension: "theme" }, deps());
      expect(map.audience).toBe("full");
      expect(cell(map, "institutions-law", "asia-pacific")).toEqual({
        requests: exact(4),
        offers: exact(2),
        unanswered: exact(0),
        level: "short",
      });
      // Norway's offer is for SIDS only: supply where there are SIDS, not in the Eastern European Group.
      expect(cell(map, "institutions-law", "sids")).toMatchObject({ requests: exact(3), offers: exact(2) });
      expect(cell(map, "institutions-law", "eastern-european")).toMatchObject({ requests: exact(0), offers: exact(1) });
      expect(cell(map, "children", "asia-pacific")).toMatchObject({
        requests: exact(1),
        offers: exact(0),
        level: "unmet",
      });
      expect(cell(map, "children", "latin-american-caribbean")).toMatchObject({ offers: exact(1) });
      expect(cell(map, ALL, ALL)).toMatchObject({ requests: exact(5), offers: exact(3) });
    }
  });

  it("counts requests unanswered for more than 90 days", async () => {
    const later = new Date(Date.now() + 91 * DAY);
    const full = await getGapMap({ actor: who.secretariat, dimension: "theme", now: later }, deps());
    expect(cell(full, ALL, ALL).unanswered).toEqual(exact(5));
    expect(cell(full, "children", "sids").unanswered).toEqual(exact(1));
    const shown = await getGapMap({ actor: ANONYMOUS, dimension: "theme", now: later }, deps());
    expect(cell(shown, ALL, ALL).unanswered).toEqual(exact(3));
    expect(cell(shown, "institutions-law", "sids").unanswered).toEqual(FEWER);
    const soon = await getGapMap(
      { actor: who.secretariat, dimension: "theme", now: new Date(Date.now() + 89 * DAY) },
      deps(),
    );
    expect(cell(soon, ALL, ALL).unanswered).toEqual(exact(0));
  });

  it("rows by SDG goal", async () => {
    const shown = await getGapMap({ actor: ANONYMOUS, dimension: "sdg" }, deps());
    expect(cell(shown, "16", "asia-pacific").requests).toEqual(FEWER);
    expect(cell(shown, "4", "asia-pacific").requests).toEqual(exact(0));
    expect(cell(shown, "none", "asia-pacific").requests).toEqual(FEWER);
    const full = await getGapMap({ actor: who.secretariat, dimension: "sdg" }, deps());
    expect(cell(full, "4", "asia-pacific").requests).toEqual(exact(1));
    expect(cell(full, "none", "asia-pacific").requests).toEqual(exact(3));
  });
});

const en = CATALOGUES.en;
const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

describe("the /gaps page", () => {
  it("shows everyone the public figures in a heat table and a chart, and says whose they are", async () => {
    const page = await new Browser(fetcher).html("/en/gaps");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<h1>${en["gaps.title"]}</h1>`);
    expect(page.body).toContain(escaped(en["gaps.audience.public"]));
    expect(page.body).toContain(`<caption id="gap-caption">${escaped(en["gaps.table.caption.theme"])}</caption>`);
    expect(page.body).toContain('<th scope="colgroup"');
    expect(page.body).toContain(`<th scope="row">${escaped(en["matching.family.institutions-law"])}</th>`);
    expect(page.body).toContain('<svg class="chart" role="img"');
    expect(page.body).toContain("3 requests");
    expect(page.body).toContain("fewer than 3 requests");
    expect(page.body).toContain("fewer than 3 offers");
    // No secretariat figure leaks: four, five and two are the full picture's.
    for (const figure of ["4 requests", "5 requests", "2 offers"]) expect(page.body).not.toContain(`>${figure}<`);
    expect(page.body).toContain('class="gap-cell gap-short"');
    expect(page.body).toContain(escaped(en["gaps.level.short"]));
  });

  it("tells a signed-in provider it reads the public figures, and shows the secretariat the full picture", async () => {
    const thailand = new Browser(fetcher);
    await thailand.signIn("thailand@example.org");
    const provider = await thailand.html("/en/gaps");
    expect(provider.body).toContain(escaped(en["gaps.audience.signedIn"]));
    expect(provider.body).not.toContain(">4 requests<");

    const secretariat = new Browser(fetcher);
    await secretariat.signIn("secretariat@example.org");
    const full = await secretariat.html("/en/gaps");
    expect(full.body).toContain(escaped(en["gaps.audience.full"]));
    expect(full.body).toContain(">4 requests<");
    expect(full.body).toContain(">5 requests<");
  });

  it("switches rows to SDG goals, in every language, and says when `by` is not understood", async () => {
    const sdg = await new Browser(fetcher).html("/en/gaps?by=sdg");
    expect(sdg.body).toContain(escaped(en["gaps.table.caption.sdg"]));
    expect(sdg.body).toContain("Goal 16: Peace, justice and strong institutions");
    expect(sdg.body).toMatch(/<a href="\/en\/gaps\?by=sdg" aria-current="page">/);
    for (const locale of ["fr", "es", "ru", "zh", "ar"] as const) {
      const page = await new Browser(fetcher).html(`/${locale}/gaps`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(escaped(CATALOGUES[locale]["gaps.title"]));
    }
    expect((await new Browser(fetcher).html("/ar/gaps")).body).toContain('direction="rtl"');
    const wrong = await new Browser(fetcher).html("/en/gaps?by=region");
    expect(wrong.status).toBe(200);
    expect(wrong.body).toContain("were not understood and were left out: by");
  });
});

describe("GET /api/v1/gaps", () => {
  it("gives the public figures as { data }, each count exact or fewerThan", async () => {
    const response = await app.request("/api/v1/gaps");
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as any;
    expect(data).toMatchObject({ by: "theme", audience: "public" });
    expect(data.columns.map((c: { key: string }) => c.key)).toEqual([
      "african",
      "asia-pacific",
      "eastern-european",
      "latin-american-caribbean",
      "western-european-other",
      "ldc",
      "sids",
      "all",
    ]);
    const row = data.rows.find((r: { key: string }) => r.key === "institutions-law");
    expect(row.label).toBe(en["matching.family.institutions-law"]);
    expect(row.cells["asia-pacific"]).toEqual({
      requests: exact(3),
      offers: FEWER,
      unanswered: exact(0),
      level: "short",
    });
    expect(data.rows.find((r: { key: string }) => r.key === "children").cells["asia-pacific"].requests).toEqual(
      exact(0),
    );
    expect(data.total.all.requests).toEqual(exact(3));
  });

  it("labels goal rows in the caller's language, and names a wrong parameter", async () => {
    const response = await app.request("/api/v1/gaps?by=sdg", { headers: { "accept-language": "es" } });
    const { data } = (await response.json()) as any;
    expect(data.rows.find((r: { key: string }) => r.key === "5").label).toBe("Igualdad de Género");
    const wrong = await app.request("/api/v1/gaps?by=region");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.fields).toEqual({ by: en["gaps.error.by"] });
  });

  it("gives a provider's token the public figures too", async () => {
    const norway = new Browser(fetcher);
    await norway.signIn("norway@example.org");
    const token = await norway.issueApiToken("Norwegian Agency for Development Cooperation", "read");
    const response = await app.request("/api/v1/gaps", { headers: { authorization: `Bearer ${token}` } });
    const { data } = (await response.json()) as any;
    expect(data.audience).toBe("public");
    expect(data.total.all.requests).toEqual(exact(3));
  });
});
