import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf as actorOfAccount } from "../../../../test/support/actors";
import { startTestPlatform } from "../../../../test/support/platform";
import { type Actor, ANONYMOUS, type Membership } from "../../../platform/actor";
import { auditEvents } from "../../../platform/audit/schema";
import type { VisibilityTier } from "../../../platform/visibility";
import { saveCluster } from "../../recommendations";
import type { UpdateQuery } from "../domain/query";
import { nationalUpdateVersions } from "../schema";
import { getUpdate, getUpdateVersion, updatesCitingRecommendation } from "./get-update";
import { listUpdates } from "./list-updates";
import { publishUpdate } from "./publish-update";
import { changeRecommendationLinks, saveUpdateDraft } from "./save-update-draft";
import { UpdateForbiddenError } from "./shared";
import { withdrawUpdate } from "./withdraw-update";

let app: Awaited<ReturnType<typeof startTestPlatform>>;
const deps = () => ({ db: app.database.db });

type Who = "owner" | "anonymous" | "otherState" | "provider" | "secretariat" | "committee";
const actors = {} as Record<Who, Actor> & { fijiReadToken: Actor; fijiWriteToken: Actor };
const EVERYONE: Who[] = ["owner", "anonymous", "otherState", "provider", "secretariat", "committee"];

const actorOf = (email: string) => actorOfAccount(app.database, email);

/** Fiji's organisation as a national system's token would present it. */
function tokenOf(user: Actor, scope: "read" | "read-write"): Actor {
  if (user.kind !== "user") throw new Error("a user");
  const membership = user.memberships[0]!;
  return { kind: "token", tokenId: randomUUID(), organisationId: membership.organisationId, membership, scope };
}

const rec: Record<string, string> = {};
let fijiCluster = "";
let hondurasCluster = "";

const form = (change: Record<string, unknown> = {}) => ({
  title: "Access to justice in the outer islands",
  achievements: "<p>Mobile courts reached <strong>14 islands</strong>.</p>",
  challenges: "Travel costs.",
  language: "en",
  themes: ["upr-info:justice"],
  sdgTargets: ["16.3"],
  visibility: "public",
  ...change,
});

async function draft(change: Record<string, unknown> = {}, actor: Actor = actors.owner) {
  const result = await saveUpdateDraft({ actor, form: form(change) }, deps());
  if (result.outcome !== "saved") throw new Error(JSON.stringify(result));
  return result.updateId;
}

async function published(change: Record<string, unknown> = {}) {
  const id = await draft(change);
  expect((await publishUpdate({ actor: actors.owner, updateId: id }, deps())).outcome).toBe("published");
  return id;
}

const query = (change: Partial<UpdateQuery> = {}): UpdateQuery => ({ q: "", limit: 100, offset: 0, ...change });
const listed = async (who: Who, change: Partial<UpdateQuery> = {}) =>
  (await listUpdates({ actor: actors[who], query: query(change) }, deps())).items.map((i) => i.id);
const auditsOf = (id: string) =>
  app.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, "national-update"), eq(auditEvents.subjectId, id)))
    .orderBy(asc(auditEvents.id));

beforeAll(async () => {
  app = await startTestPlatform({ pages: false });
  // Another module's table: written in SQL, as an import would, since modules meet only through index.ts.
  const { rows } = await app.database.executeSql(
    `insert into recommendations (key, kind, mechanism, state_under_review, recommending_states, text, source, content_hash)
     values ('u-fji-1', 'recommendation', 'upr', 'FJI', '{NOR}', 'Ensure access to justice for people living on remote islands', 'test', 'u-fji-1'),
            ('u-fji-2', 'recommendation', 'upr', 'FJI', '{NOR}', 'Ratify the Optional Protocol to the Convention against Torture', 'test', 'u-fji-2'),
            ('u-hnd-1', 'recommendation', 'upr', 'HND', '{NOR}', 'Protect human rights defenders', 'test', 'u-hnd-1')
     returning id, key`,
  );
  for (const row of rows) rec[String(row.key)] = String(row.id);
  actors.owner = await actorOf("fiji@example.org");
  actors.otherState = await actorOf("honduras@example.org");
  actors.provider = await actorOf("undp@example.org");
  actors.secretariat = await actorOf("secretariat@example.org");
  actors.committee = await actorOf("committee@example.org");
  actors.anonymous = ANONYMOUS;
  actors.fijiReadToken = tokenOf(actors.owner, "read");
  actors.fijiWriteToken = tokenOf(actors.owner, "read-write");
  const cluster = async (actor: Actor, key: string) => {
    const saved = await saveCluster(
      { actor, form: { name: `Cluster ${key}`, members: key, status: "in-progress", visibility: "private" } },
      deps(),
    );
    if (saved.outcome !== "saved") throw new Error(JSON.stringify(saved));
    return saved.clusterId;
  };
  fijiCluster = await cluster(actors.owner, "u-fji-1");
  hondurasCluster = await cluster(actors.otherState, "u-hnd-1");
});
afterAll(async () => {
  await app.stop();
});

describe("a draft", () => {
  it("is seen by its own State only, in lists and one by one", async () => {
    const id = await draft({ title: "A draft about justice" });
    const own = await getUpdate({ actor: actors.owner, id }, deps());
    expect(own).toMatchObject({ canEdit: true, current: null, update: { status: "draft", stateIso3: "FJI" } });
    expect(own?.workingCopy?.title).toBe("A draft about justice");
    expect(await listed("owner")).toContain(id);
    for (const who of EVERYONE.filter((w) => w !== "owner")) {
      expect(await getUpdate({ actor: actors[who], id }, deps()), who).toBeNull();
      expect(await listed(who), who).not.toContain(id);
    }
  });

  it("stores its texts sanitised", async () => {
    const id = await draft({
      achievements: `<p onclick="x()">Done<script>alert(1)</script> <a href="javascript:alert(1)">here</a></p>`,
      lessons: `<iframe src="https://evil.example"></iframe><p style="color:red">Plan early.</p>`,
    });
    const found = await getUpdate({ actor: actors.owner, id }, deps());
    expect(found?.workingCopy?.achievements).toBe("<p>Done here</p>");
    expect(found?.workingCopy?.lessons).toBe("<p>Plan early.</p>");
  });
});

describe("publishing", () => {
  it("keeps every published version whole, each with the tier it was published under", async () => {
    const id = await draft({ visibility: "secretariat", achievements: "<p>First account.</p>" });
    expect(await publishUpdate({ actor: actors.owner, updateId: id }, deps())).toEqual({
      outcome: "published",
      version: 1,
      newVersion: true,
    });
    // Editing a published update changes nothing readers see until it is published again.
    await saveUpdateDraft(
      { actor: actors.owner, updateId: id, form: form({ visibility: "public", achievements: "Second account." }) },
      deps(),
    );
    const meanwhile = await getUpdate({ actor: actors.secretariat, id }, deps());
    expect(meanwhile?.current?.achievements).toBe("<p>First account.</p>");
    expect(meanwhile?.workingCopy).toBeNull();
    expect(await getUpdate({ actor: ANONYMOUS, id }, deps())).toBeNull();

    expect(await publishUpdate({ actor: actors.owner, updateId: id }, deps())).toMatchObject({ version: 2 });
    expect(await publishUpdate({ actor: actors.owner, updateId: id }, deps())).toEqual({
      outcome: "unchanged",
      version: 2,
    });
    const versions = await app.database.db
      .select()
      .from(nationalUpdateVersions)
      .where(eq(nationalUpdateVersions.updateId, id))
      .orderBy(asc(nationalUpdateVersions.version));
    expect(versions.map((v) => [v.version, v.visibility, v.achievements])).toEqual([
      [1, "secretariat", "<p>First account.</p>"],
      [2, "public", "<p>Second account.</p>"],
    ]);
    expect(versions[0]!.publishedBy).toBe(actors.owner.kind === "user" ? actors.owner.userId : null);

    // The public reads version 2 and never version 1, which was the secretariat's only.
    const seen = await getUpdate({ actor: ANONYMOUS, id }, deps());
    expect(seen?.current).toMatchObject({ version: 2, achievements: "<p>Second account.</p>" });
    expect(seen?.versions.map((v) => v.version)).toEqual([2]);
    expect(await getUpdateVersion({ actor: ANONYMOUS, id, version: 1 }, deps())).toBeNull();
    expect((await getUpdateVersion({ actor: ANONYMOUS, id, version: 2 }, deps()))?.isCurrent).toBe(true);
    const officer = await getUpdate({ actor: actors.secretariat, id }, deps());
    expect(officer?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getUpdateVersion({ actor: actors.secretariat, id, version: 1 }, deps()))?.version.achievements).toBe(
      "<p>First account.</p>",
    );
    expect(await getUpdateVersion({ actor: actors.owner, id, version: 3 }, deps())).toBeNull();
  });

  it("refuses an update with nothing to say", async () => {
    const id = await draft({ achievements: "", challenges: "" });
    expect(await publishUpdate({ actor: actors.owner, updateId: id }, deps())).toEqual({
      outcome: "invalid",
      problems: { achievements: { key: "updates.error.nothingToPublish" } },
    });
  });

  it("never lets an unpublished edit be found by anyone else's search", async () => {
    const id = await published({ title: "Birth registration" });
    await saveUpdateDraft(
      {
        actor: actors.owner,
        updateId: id,
        form: form({ title: "Birth registration", lessons: "Zanzibarian secret." }),
      },
      deps(),
    );
    expect(await listed("anonymous", { q: "zanzibarian" })).not.toContain(id);
    expect(await listed("anonymous", { q: "birth registration" })).toContain(id);
  });
});

describe("visibility", () => {
  const tiers: VisibilityTier[] = ["private", "secretariat", "providers", "public"];
  const ids: Record<string, string> = {};
  const sees: Record<VisibilityTier, Who[]> = {
    private: ["owner"],
    secretariat: ["owner", "secretariat", "committee"],
    providers: ["owner", "secretariat", "committee", "provider", "otherState"],
    public: EVERYONE,
  };

  beforeAll(async () => {
    for (const tier of tiers) ids[tier] = await published({ title: `Tier ${tier}`, visibility: tier });
  });

  it.each(EVERYONE)("%s sees each published update as its tier says, in the list and one by one", async (who) => {
    const list = await listed(who);
    for (const tier of tiers) {
      const expected = sees[tier].includes(who);
      expect(list.includes(ids[tier]!), `${tier} in list`).toBe(expected);
      expect((await getUpdate({ actor: actors[who], id: ids[tier]! }, deps())) !== null, `${tier} alone`).toBe(
        expected,
      );
    }
  });

  it("shows the working copy to the owner only, and the right to edit to its focal points only", async () => {
    for (const who of EVERYONE) {
      const found = await getUpdate({ actor: actors[who], id: ids.public! }, deps());
      expect(found?.workingCopy !== null, who).toBe(who === "owner");
      expect(found?.canEdit, who).toBe(who === "owner");
    }
  });
});

describe("withdrawing", () => {
  it("hides the update from everyone but its State, which may publish it again without a new version", async () => {
    const id = await published({ title: "Withdrawn one" });
    expect(await listed("anonymous")).toContain(id);
    expect(
      await withdrawUpdate({ actor: actors.owner, updateId: id, reason: "Figures to be checked" }, deps()),
    ).toEqual({ outcome: "withdrawn" });
    for (const who of EVERYONE.filter((w) => w !== "owner")) {
      expect(await listed(who), who).not.toContain(id);
      expect(await getUpdate({ actor: actors[who], id }, deps()), who).toBeNull();
      expect(await getUpdateVersion({ actor: actors[who], id, version: 1 }, deps()), who).toBeNull();
    }
    expect(await listed("owner")).toContain(id);
    const own = await getUpdate({ actor: actors.owner, id }, deps());
    expect(own).toMatchObject({ update: { status: "withdrawn", publishedVersion: 1 }, current: { version: 1 } });
    expect(own?.update.withdrawnAt).toBeInstanceOf(Date);

    expect(
      await saveUpdateDraft({ actor: actors.owner, updateId: id, form: form({ title: "Edited" }) }, deps()),
    ).toEqual({ outcome: "not-editable", updateId: id });
    expect(await withdrawUpdate({ actor: actors.owner, updateId: id }, deps())).toEqual({ outcome: "not-published" });
    expect(await publishUpdate({ actor: actors.owner, updateId: id }, deps())).toEqual({
      outcome: "published",
      version: 1,
      newVersion: false,
    });
    expect(await listed("anonymous")).toContain(id);
  });
});

describe("writing is refused to anyone but the owning State's focal points", () => {
  let publicId = "";
  let privateId = "";
  beforeAll(async () => {
    publicId = await published({ title: "Refusals" });
    privateId = await published({ title: "Refusals, private", visibility: "private" });
  });

  it.each(["otherState", "provider", "secretariat", "committee"] as const)(
    "%s may not edit, publish or withdraw a visible update",
    async (who) => {
      const actor = actors[who];
      await expect(saveUpdateDraft({ actor, updateId: publicId, form: form() }, deps())).rejects.toThrow(
        UpdateForbiddenError,
      );
      await expect(publishUpdate({ actor, updateId: publicId }, deps())).rejects.toThrow(UpdateForbiddenError);
      await expect(withdrawUpdate({ actor, updateId: publicId }, deps())).rejects.toThrow(UpdateForbiddenError);
      await expect(
        changeRecommendationLinks({ actor, updateId: publicId, add: [rec["u-fji-2"]!] }, deps()),
      ).rejects.toThrow(UpdateForbiddenError);
    },
  );

  it("answers not-found, not forbidden, about an update the actor may not see", async () => {
    expect(await saveUpdateDraft({ actor: actors.otherState, updateId: privateId, form: form() }, deps())).toEqual({
      outcome: "not-found",
    });
    expect(await publishUpdate({ actor: actors.provider, updateId: privateId }, deps())).toEqual({
      outcome: "not-found",
    });
  });

  it("refuses new drafts to all but a State's focal points", async () => {
    for (const who of ["otherState"] as const)
      expect((await saveUpdateDraft({ actor: actors[who], form: form() }, deps())).outcome).toBe("saved");
    for (const who of ["anonymous", "provider", "secretariat", "committee"] as const)
      await expect(saveUpdateDraft({ actor: actors[who], form: form() }, deps()), who).rejects.toThrow(
        UpdateForbiddenError,
      );
  });

  it("lets a read-write token of the State organisation write, and not a read token", async () => {
    await expect(saveUpdateDraft({ actor: actors.fijiReadToken, form: form() }, deps())).rejects.toThrow(
      UpdateForbiddenError,
    );
    await expect(publishUpdate({ actor: actors.fijiReadToken, updateId: publicId }, deps())).rejects.toThrow(
      UpdateForbiddenError,
    );
    const saved = await saveUpdateDraft(
      { actor: actors.fijiWriteToken, updateId: publicId, form: form({ title: "Refusals, by token" }) },
      deps(),
    );
    expect(saved.outcome).toBe("saved");
  });
});

describe("links", () => {
  it("take only recommendations the State received and clusters its own focal points made", async () => {
    const foreign = await saveUpdateDraft(
      { actor: actors.owner, form: form({ recommendationIds: [rec["u-fji-1"], rec["u-hnd-1"]] }) },
      deps(),
    );
    expect(foreign).toEqual({
      outcome: "invalid",
      problems: { recommendationIds: { key: "updates.error.recommendationIds" } },
    });
    const unknown = await saveUpdateDraft(
      { actor: actors.owner, form: form({ recommendationIds: ["00000000-0000-4000-8000-000000000000"] }) },
      deps(),
    );
    expect(unknown.outcome).toBe("invalid");
    const otherCluster = await saveUpdateDraft(
      { actor: actors.owner, form: form({ clusterIds: [hondurasCluster] }) },
      deps(),
    );
    expect(otherCluster).toEqual({ outcome: "invalid", problems: { clusterIds: { key: "updates.error.clusterIds" } } });

    const id = await draft({ recommendationIds: [rec["u-fji-1"]], clusterIds: [fijiCluster] });
    expect(
      (await changeRecommendationLinks({ actor: actors.owner, updateId: id, add: [rec["u-fji-2"]!] }, deps())).outcome,
    ).toBe("saved");
    expect(
      (await changeRecommendationLinks({ actor: actors.owner, updateId: id, add: [rec["u-hnd-1"]!] }, deps())).outcome,
    ).toBe("invalid");
    expect(
      (await changeRecommendationLinks({ actor: actors.owner, updateId: id, remove: [rec["u-fji-1"]!] }, deps()))
        .outcome,
    ).toBe("saved");
    const found = await getUpdate({ actor: actors.owner, id }, deps());
    expect(found?.workingCopy?.recommendationIds).toEqual([rec["u-fji-2"]]);
    expect(found?.workingCopy?.clusterIds).toEqual([fijiCluster]);
    expect(found?.clusters.get(fijiCluster)?.name).toBe("Cluster u-fji-1");
    expect(found?.recommendations.get(rec["u-fji-2"]!)?.key).toBe("u-fji-2");

    // The cluster is private tracking: a reader of the published update does not learn its name.
    await saveUpdateDraft(
      {
        actor: actors.owner,
        updateId: id,
        form: form({ recommendationIds: [rec["u-fji-2"]], clusterIds: [fijiCluster] }),
      },
      deps(),
    );
    await publishUpdate({ actor: actors.owner, updateId: id }, deps());
    const readers = await getUpdate({ actor: ANONYMOUS, id }, deps());
    expect(readers?.current?.clusterIds).toEqual([fijiCluster]);
    expect(readers?.clusters.size).toBe(0);
  });

  it("list the updates citing a recommendation, as far as the reader may see them", async () => {
    const cited = rec["u-fji-1"]!;
    const open = await published({ title: "Cites openly", recommendationIds: [cited] });
    const closed = await published({ title: "Cites privately", recommendationIds: [cited], visibility: "private" });
    const drafted = await draft({ title: "Cites in a draft", recommendationIds: [cited] });
    const ids = async (actor: Actor) =>
      (await updatesCitingRecommendation({ actor, recommendationId: cited }, deps())).map((u) => u.id);
    expect(await ids(ANONYMOUS)).toContain(open);
    expect(await ids(ANONYMOUS)).not.toContain(closed);
    expect(await ids(ANONYMOUS)).not.toContain(drafted);
    expect(await ids(actors.owner)).toEqual(expect.arrayContaining([open, closed, drafted]));
    expect(await updatesCitingRecommendation({ actor: ANONYMOUS, recommendationId: "nope" }, deps())).toEqual([]);
    const shown = (await updatesCitingRecommendation({ actor: actors.owner, recommendationId: cited }, deps())).find(
      (u) => u.id === drafted,
    );
    expect(shown).toMatchObject({ title: "Cites in a draft", status: "draft", version: null });
  });
});

describe("the list", () => {
  it("searches the words and counts each facet over what the other filters keep", async () => {
    const a = await published({
      title: "Prison conditions",
      achievements: "New prison standards adopted.",
      themes: ["upr-info:detention"],
      sdgTargets: ["16.3", "16.a"],
    });
    const b = await published({
      title: "Girls in school",
      achievements: "Enrolment of girls rose.",
      themes: ["upr-info:womens-rights"],
      sdgTargets: ["5.2"],
    });
    const byWords = await listUpdates({ actor: ANONYMOUS, query: query({ q: "prisons" }) }, deps());
    expect(byWords.items.map((i) => i.id)).toEqual([a]);
    expect(byWords.items[0]).toMatchObject({ title: "Prison conditions", excerpt: "New prison standards adopted." });

    const bySdg = await listUpdates({ actor: ANONYMOUS, query: query({ sdg: "5" }) }, deps());
    expect(bySdg.items.map((i) => i.id)).toEqual([b]);
    // The SDG facet still offers goal 16, counted without the SDG filter.
    expect(bySdg.facets.sdg.find((f) => f.value === "16")?.count).toBeGreaterThan(0);
    expect(bySdg.facets.sdg.find((f) => f.value === "5")?.count).toBe(1);
    expect(bySdg.facets.state).toEqual([{ value: "FJI", count: 1 }]);
    // Fiji: Asia-Pacific Group, a small island developing State.
    expect(bySdg.facets.group).toEqual([{ value: "asia-pacific", count: 1 }]);
    expect(bySdg.facets.status).toEqual([{ value: "sids", count: 1 }]);
    expect(bySdg.facets.theme).toEqual([{ value: "upr-info:womens-rights", count: 1 }]);
    expect(bySdg.facets.year).toEqual([{ value: String(new Date().getUTCFullYear()), count: 1 }]);

    for (const change of [
      { group: "asia-pacific" },
      { status: "sids" },
      { state: "FJI" },
      { theme: "upr-info:detention" },
    ])
      expect(await listed("anonymous", change), JSON.stringify(change)).toContain(a);
    for (const change of [{ group: "african" }, { status: "ldc" }, { state: "HND" }, { year: 2001 }])
      expect(await listed("anonymous", change), JSON.stringify(change)).not.toContain(a);

    const page = await listUpdates({ actor: ANONYMOUS, query: query({ limit: 1, offset: 1 }) }, deps());
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });
});

describe("the audit trail", () => {
  it("records every change with its content marked confidential", async () => {
    const id = await draft({ title: "Audited", achievements: "Sensitive detail about Ward 9." });
    await saveUpdateDraft(
      { actor: actors.owner, updateId: id, form: form({ title: "Audited, edited", visibility: "private" }) },
      deps(),
    );
    await publishUpdate({ actor: actors.owner, updateId: id }, deps());
    await withdrawUpdate({ actor: actors.owner, updateId: id, reason: "Not ready" }, deps());
    const rows = await auditsOf(id);
    expect(rows.map((r) => r.action)).toEqual([
      "national-update.create",
      "national-update.update",
      "national-update.publish",
      "national-update.withdraw",
    ]);
    const [created, updated, publishing, withdrawing] = rows;
    expect(created!.changes).toMatchObject({
      title: [null, "[confidential]"],
      achievements: [null, "[confidential]"],
      themes: [null, "[confidential]"],
      language: [null, "en"],
      visibility: [null, "public"],
      status: [null, "draft"],
    });
    expect(updated!.changes).toEqual({
      title: ["[confidential]", "[confidential]"],
      achievements: ["[confidential]", "[confidential]"],
      visibility: ["public", "private"],
    });
    expect(publishing!.changes).toEqual({
      status: ["draft", "published"],
      version: [0, 1],
      visibility: [null, "private"],
    });
    // The update was the State's alone: the reason is recorded as given, never what it says.
    expect(withdrawing!.changes).toEqual({ status: ["published", "withdrawn"], reason: [null, "[confidential]"] });
    const trail = JSON.stringify(rows);
    for (const secret of ["Audited", "Ward 9", "Not ready", "upr-info:justice"]) expect(trail).not.toContain(secret);
    expect(
      rows.every(
        (r) => r.organisationId === (actors.owner as { memberships: Membership[] }).memberships[0]!.organisationId,
      ),
    ).toBe(true);
  });

  it("keeps the reason for withdrawing an update the secretariat could already read", async () => {
    const id = await published({ title: "Audited, public" });
    await withdrawUpdate({ actor: actors.owner, updateId: id, reason: "Superseded by the 2025 report" }, deps());
    const [row] = (await auditsOf(id)).filter((r) => r.action === "national-update.withdraw");
    expect(row?.changes).toEqual({
      status: ["published", "withdrawn"],
      reason: [null, "Superseded by the 2025 report"],
    });
  });

  it("writes nothing when nothing changed", async () => {
    const id = await draft();
    const before = (await auditsOf(id)).length;
    expect(await saveUpdateDraft({ actor: actors.owner, updateId: id, form: form() }, deps())).toEqual({
      outcome: "unchanged",
      updateId: id,
    });
    expect((await auditsOf(id)).length).toBe(before);
    const count = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(Number(count[0]?.n)).toBeGreaterThan(0);
  });
});
