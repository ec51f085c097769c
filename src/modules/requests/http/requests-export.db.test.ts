import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import type { Actor } from "../../../platform/actor";
import { changeRequestRecommendations, saveRequestDraft } from "../use-cases/save-request";
import { screenRequest } from "../use-cases/screening";
import { actOnRequest } from "../use-cases/transition";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db, statusListeners: app.platform.services.statusListeners });

async function openRequest(fiji: Actor, secretariat: Actor, title: string, visibility: string) {
  const saved = await saveRequestDraft(
    { actor: fiji, form: { title, summary: "A summary", supportKinds: ["training"], visibility } },
    deps(),
  );
  if (saved.outcome !== "saved") throw new Error("not saved");
  await changeRequestRecommendations({ actor: fiji, id: saved.id, add: ["x-fji-1"] }, deps());
  await actOnRequest({ actor: fiji, id: saved.id, action: "submit" }, deps());
  const { rows } = await app.database.executeSql("select items from screening_criteria order by version desc limit 1");
  const answers = Object.fromEntries((rows[0]!.items as { code: string }[]).map((c) => [c.code, "met"]));
  await screenRequest({ actor: secretariat, id: saved.id, form: { answers, outcome: "open" } }, deps());
}

beforeAll(async () => {
  app = await startTestPlatform();
  await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, state_under_review, recommending_states, text, source, content_hash)
     values ('x-fji-1', 'recommendation', 'upr', 'FJI', '{NOR}', 'Establish a national mechanism', 'test', 'x-fji-1')`,
  );
  const fiji = await actorOf(app.database, "fiji@example.org");
  const secretariat = await actorOf(app.database, "secretariat@example.org");
  await openRequest(fiji, secretariat, '=HYPERLINK("http://evil") a public request', "public");
  await openRequest(fiji, secretariat, "A request for registered providers", "providers");
  await saveRequestDraft({ actor: fiji, form: { title: "A draft nobody else sees" } }, deps());
});
afterAll(async () => {
  await app.stop();
});

describe("the request list's export", () => {
  it("holds exactly the rows the reader may see, with formulas escaped", async () => {
    const anonymous = await app.request("/en/requests/export/csv");
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("content-disposition")).toMatch(
      /attachment; filename="item10-requests-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const csv = await anonymous.text();
    expect(csv).toContain("a public request");
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toContain("registered providers");
    expect(csv).not.toContain("A draft");
    expect(csv.split("\n")[0]).toContain("days_open_unanswered");

    const norway = new Browser((path, init) => app.request(path, init));
    await norway.signIn("norway@example.org");
    const asProvider = await (await norway.request("/en/requests/export/csv")).text();
    expect(asProvider).toContain("registered providers");
    expect(asProvider).not.toContain("A draft");

    const fiji = new Browser((path, init) => app.request(path, init));
    await fiji.signIn("fiji@example.org");
    const own = await (await fiji.request("/en/requests/export/csv?state=draft")).text();
    expect(own).toContain("A draft nobody else sees");
    expect(own).not.toContain("a public request");
  });

  it("also answers in XLSX, and names a parameter it cannot read", async () => {
    const xlsx = await app.request("/en/requests/export/xlsx?state=open");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const bad = await app.request("/en/requests/export/csv?kind=cash");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("kind");
    expect((await app.request("/en/requests/export/pdf")).status).toBe(404);
  });
});
