import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform } from "../../../../test/support/platform";
import { Browser } from "../../../../test/support/session";
import { CATALOGUES } from "../../../platform/i18n/messages";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
let fiji: Browser;
const fetcher = (path: string, init?: RequestInit) => app.request(path, init);
const rec: Record<string, string> = {};

const updateForm = (change: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    title: "Justice sur les îles",
    language: "fr",
    achievements: `<p>Des tribunaux itinérants <strong>dans 14 îles</strong>.</p><script>alert("x")</script><p onclick="x()" style="color:red">Suite.</p>`,
    challenges: "Le coût des déplacements.\n\nPeu d’avocats.",
    visibility: "public",
    ...change,
  }).concat([
    ["themes", "upr-info:justice"],
    ["sdgTargets", "16.3"],
  ]);

beforeAll(async () => {
  app = await startTestPlatform();
  const { rows } = await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, state_under_review, recommending_states, text, source, content_hash)
     values ('p-fji-1', 'recommendation', 'upr', 'FJI', '{NOR}', 'Ratify the Optional Protocol to the Convention against Torture', 'test', 'p-fji-1'),
            ('p-hnd-1', 'recommendation', 'upr', 'HND', '{NOR}', 'Ratify the Optional Protocol to the Convention against Torture', 'test', 'p-hnd-1')
     returning id, key`,
  );
  for (const row of rows) rec[String(row.key)] = String(row.id);
  fiji = new Browser(fetcher);
  expect((await fiji.signIn("fiji@example.org")).status).toBe(302);
});
afterAll(async () => {
  await app.stop();
});

describe("a State's focal point on the pages", () => {
  let id = "";

  it("drafts an update, links a recommendation with the picker, publishes it, and the public reads it", async () => {
    const form = await (await fiji.request("/en/updates/new")).text();
    expect(form).toContain("<h1>Write an update</h1>");
    expect(form).toContain('name="achievements"');
    expect(form).toContain('id="themes"');
    expect(form).toContain('name="sdgTargets"');

    const bad = await fiji.submit("/en/updates/new", updateForm({ title: "" }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#title"');

    const created = await fiji.submit("/en/updates/new", updateForm());
    expect(created.status).toBe(302);
    const edit = created.headers.get("location") ?? "";
    id = /\/en\/updates\/([0-9a-f-]{36})\/edit$/.exec(edit)?.[1] ?? "";
    expect(id).not.toBe("");

    // Drafts are the State's own.
    expect((await new Browser(fetcher).request(`/en/updates/${id}`)).status).toBe(404);

    // The picker: a GET search listing this State's recommendations, each with an add button.
    const found = await (await fiji.request(`${edit}?rq=torture`)).text();
    expect(found).toContain("1 recommendation found");
    expect(found).toContain(`name="recommendationId" value="${rec["p-fji-1"]}"`);
    expect(found).not.toContain(rec["p-hnd-1"]);
    const linked = await fiji.submit(`${edit}?rq=torture`, [
      ["intent", "link"],
      ["recommendationId", rec["p-fji-1"]!],
    ]);
    expect(linked.status).toBe(302);
    expect(linked.headers.get("location")).toBe(`${edit}?rq=torture`);
    const after = await (await fiji.request(`${edit}?rq=torture`)).text();
    expect(after).toContain("The recommendation is linked.");
    expect(after).toContain("already linked");
    expect(after).toContain('name="intent" value="unlink"');
    // Another State's recommendation cannot be linked, even by a forged post.
    const forged = await fiji.submit(edit, [
      ["intent", "link"],
      ["recommendationId", rec["p-hnd-1"]!],
    ]);
    expect(forged.status).toBe(400);

    // The stored HTML comes back into the form, sanitised.
    const editing = await (await fiji.request(edit)).text();
    expect(editing).toContain("&lt;p&gt;Des tribunaux itinérants &lt;strong&gt;dans 14 îles&lt;/strong&gt;.&lt;/p&gt;");
    expect(editing).not.toContain("alert");

    const published = await fiji.submit(edit, [
      ...updateForm(),
      ["recommendationIds", rec["p-fji-1"]!],
      ["intent", "publish"],
    ]);
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`/en/updates/${id}`);

    const reader = new Browser(fetcher);
    const page = await (await reader.request(`/en/updates/${id}`)).text();
    expect(page).toContain('<h1 lang="fr" dir="auto">Justice sur les îles</h1>');
    expect(page).toContain(
      '<div class="rich-text" lang="fr" dir="auto"><p>Des tribunaux itinérants <strong>dans 14 îles</strong>.</p><p>Suite.</p></div>',
    );
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("onclick");
    expect(page).toContain("Ratify the Optional Protocol");
    expect(page).toContain(`href="/en/updates/${id}/versions/1"`);
    expect(page).not.toContain('name="intent" value="withdraw"');
    const list = await (await reader.request("/en/updates?q=tribunaux")).text();
    expect(list).toContain(`href="/en/updates/${id}"`);
    expect((await reader.request(`/en/updates/${id}/versions/1`)).status).toBe(200);
    expect((await reader.request(`/en/updates/${id}/versions/2`)).status).toBe(404);
    const signIn = await reader.request(`/en/updates/${id}/edit`);
    expect(signIn.headers.get("location")).toContain("/sign-in");
  });

  it("is shown in the reader's language around the State's own text", async () => {
    const page = await (await new Browser(fetcher).request(`/ar/updates/${id}`)).text();
    expect(page).toContain(CATALOGUES.ar["updates.field.achievements"]);
    expect(page).toContain('lang="fr"');
  });

  it("keeps a second version, and lists both", async () => {
    const edit = `/en/updates/${id}/edit`;
    expect((await fiji.submit(edit, [...updateForm({ lessons: "Commencer tôt." }), ["intent", "save"]])).status).toBe(
      302,
    );
    const owner = await (await fiji.request(`/en/updates/${id}`)).text();
    expect(owner).toContain("There are changes not yet published. Readers see version 1.");
    expect(await (await new Browser(fetcher).request(`/en/updates/${id}`)).text()).not.toContain("Commencer tôt.");
    const publish = await fiji.submit(`/en/updates/${id}`, [["intent", "publish"]]);
    expect(publish.status).toBe(302);
    const page = await (await new Browser(fetcher).request(`/en/updates/${id}`)).text();
    expect(page).toContain("Commencer tôt.");
    expect(page).toContain(`href="/en/updates/${id}/versions/2"`);
    expect(page).toContain(`href="/en/updates/${id}/versions/1"`);
    const first = await (await new Browser(fetcher).request(`/en/updates/${id}/versions/1`)).text();
    expect(first).not.toContain("Commencer tôt.");
    expect(first).toContain("it is not the current version");
  });

  it("refuses another State's focal point", async () => {
    const honduras = new Browser(fetcher);
    await honduras.signIn("honduras@example.org");
    expect((await honduras.request(`/en/updates/${id}/edit`)).status).toBe(403);
    expect((await honduras.submit(`/en/updates/${id}`, [["intent", "withdraw"]], "/en/updates")).status).toBe(403);
    expect((await honduras.submit(`/en/updates/${id}/edit`, updateForm(), "/en/updates")).status).toBe(403);
  });

  it("withdraws it: gone for the public, kept for the State", async () => {
    const withdrawn = await fiji.submit(`/en/updates/${id}`, [
      ["intent", "withdraw"],
      ["reason", "Figures under review"],
    ]);
    expect(withdrawn.status).toBe(302);
    const reader = new Browser(fetcher);
    expect((await reader.request(`/en/updates/${id}`)).status).toBe(404);
    expect(await (await reader.request("/en/updates")).text()).not.toContain(id);
    const own = await (await fiji.request(`/en/updates/${id}`)).text();
    expect(own).toContain("This update is withdrawn");
    expect(own).toContain("Publish again");
    expect((await fiji.request(`/en/updates/${id}/edit`)).status).toBe(302);
  });
});

describe("the API", () => {
  let write = "";
  let read = "";
  const api = (path: string, token: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });

  beforeAll(async () => {
    write = await fiji.issueApiToken("Permanent Mission", "read-write");
    read = await fiji.issueApiToken("Permanent Mission", "read");
    expect(write).toMatch(/^item10_/);
  });

  it("drafts, edits and publishes with the State's read-write token", async () => {
    const created = await api("/api/v1/updates", write, {
      method: "POST",
      body: JSON.stringify({
        title: "Birth registration",
        language: "en",
        achievements: "Registration is free.<img src=x onerror=alert(1)>",
        themes: ["upr-info:justice"],
        recommendationIds: [rec["p-fji-1"]],
        visibility: "providers",
      }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as any;
    expect(data).toMatchObject({ state: "FJI", status: "draft", current: null, canEdit: true, versions: [] });
    expect(data.workingCopy).toMatchObject({
      achievements: "<p>Registration is free.</p>",
      recommendations: [{ id: rec["p-fji-1"], key: "p-fji-1" }],
    });
    expect(created.headers.get("location")).toBe(`/api/v1/updates/${data.id}`);

    expect((await app.request(`/api/v1/updates/${data.id}`)).status).toBe(404);

    const invalid = await api(`/api/v1/updates/${data.id}`, write, {
      method: "PUT",
      body: JSON.stringify({ title: "", language: "en", themes: "not a list" }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).error.fields).toHaveProperty("themes");
    const noTitle = await api(`/api/v1/updates/${data.id}`, write, {
      method: "PUT",
      body: JSON.stringify({ title: "", language: "en" }),
    });
    expect(((await noTitle.json()) as any).error.fields.title).toContain("200");

    const put = await api(`/api/v1/updates/${data.id}`, write, {
      method: "PUT",
      body: JSON.stringify({
        title: "Birth registration",
        language: "en",
        achievements: "Free, and online.",
        visibility: "public",
      }),
    });
    expect(put.status).toBe(200);
    const publish = await api(`/api/v1/updates/${data.id}/publish`, write, { method: "POST" });
    expect(publish.status).toBe(200);
    const published = (await publish.json()) as any;
    expect(Object.keys(published).sort()).toEqual(["data", "meta"]);
    expect(published.data).toMatchObject({ status: "published", currentVersion: 1 });
    expect(published.meta).toEqual({ published: true });
    // Publishing the same text again changes nothing, and says so.
    const again = (await (await api(`/api/v1/updates/${data.id}/publish`, write, { method: "POST" })).json()) as any;
    expect(again.data.currentVersion).toBe(1);
    expect(again.meta).toEqual({ published: false });

    const anonymous = await app.request(`/api/v1/updates/${data.id}`);
    expect(anonymous.status).toBe(200);
    const shown = ((await anonymous.json()) as any).data;
    expect(shown.current).toMatchObject({ version: 1, achievements: "<p>Free, and online.</p>", visibility: "public" });
    expect(shown.workingCopy).toBeNull();
    expect(shown.canEdit).toBe(false);
    const list = (await (await app.request("/api/v1/updates?q=registration&state=FJI")).json()) as any;
    expect(Object.keys(list).sort()).toEqual(["data", "facets", "meta"]);
    expect(list.data.map((i: { id: string }) => i.id)).toContain(data.id);
    expect(list.meta).toEqual({ total: list.data.length, limit: 20, offset: 0 });
    expect(list.facets.group).toEqual([{ value: "asia-pacific", count: 1 }]);
    expect((await app.request("/api/v1/updates?sdg=99")).status).toBe(400);
  });

  it("refuses writing to a read token, to no token and to another State's token", async () => {
    const body = JSON.stringify({ title: "Nope", language: "en" });
    expect((await api("/api/v1/updates", read, { method: "POST", body })).status).toBe(403);
    expect(
      (await app.request("/api/v1/updates", { method: "POST", body, headers: { "content-type": "application/json" } }))
        .status,
    ).toBe(403);
    const mine = (await (await api("/api/v1/updates", write, { method: "POST", body })).json()) as any;

    const honduras = new Browser(fetcher);
    await honduras.signIn("honduras@example.org");
    const theirs = await honduras.issueApiToken("Secretaría de Estado", "read-write");
    // A draft is Fiji's alone: to Honduras it does not exist; a published one is refused.
    expect((await api(`/api/v1/updates/${mine.data.id}`, theirs, { method: "PUT", body })).status).toBe(404);
    await api(`/api/v1/updates/${mine.data.id}`, write, {
      method: "PUT",
      body: JSON.stringify({ title: "Shared", language: "en", lessons: "L", visibility: "providers" }),
    });
    await api(`/api/v1/updates/${mine.data.id}/publish`, write, { method: "POST" });
    expect((await api(`/api/v1/updates/${mine.data.id}`, theirs)).status).toBe(200);
    expect((await api(`/api/v1/updates/${mine.data.id}`, theirs, { method: "PUT", body })).status).toBe(403);
    expect((await api(`/api/v1/updates/${mine.data.id}/publish`, theirs, { method: "POST" })).status).toBe(403);
    expect((await app.request(`/api/v1/updates/${mine.data.id}`)).status).toBe(404);
  });

  it("describes itself in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as any;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/updates", "/updates/{id}", "/updates/{id}/publish"]),
    );
    expect(doc.components.schemas).toHaveProperty("NationalUpdate");
  });
});
