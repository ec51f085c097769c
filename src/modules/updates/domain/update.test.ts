import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { VisibilityTier } from "../../../platform/visibility";
import { parseUpdateQuery } from "./query";
import {
  isSameContent,
  LIMITS,
  parseUpdateForm,
  parseWithdrawalReason,
  publishProblems,
  shownTier,
  transition,
  UPDATE_EVENTS,
  UPDATE_STATUSES,
  type UpdateContent,
} from "./update";

const known = {
  themes: new Set(["uhri:women", "uhri:justice"]),
  sdgTargets: new Set(["5.2", "16.3", "16.a"]),
};
const REC = "11111111-1111-4111-8111-111111111111";
const CLUSTER = "22222222-2222-4222-8222-222222222222";
const valid = { title: "Justice reform, 2024", language: "en", achievements: "A new law." };

describe("parseUpdateForm", () => {
  it("reads a whole update: texts sanitised, lists trimmed and without repeats, private unless told", () => {
    const { value, problems } = parseUpdateForm(
      {
        title: "  Justice   reform,\n2024 ",
        achievements: "A new <b>law</b>.<script>x</script>",
        challenges: "Courts are slow.\n\nFew lawyers.",
        goodPractices: "",
        language: "fr",
        themes: ["uhri:women", " uhri:justice", "uhri:women"],
        sdgTargets: ["16.3", "5.2"],
        recommendationIds: [REC, REC],
        clusterIds: `${CLUSTER}\n`,
      },
      known,
    );
    expect(problems).toEqual({});
    expect(value).toEqual({
      title: "Justice reform, 2024",
      achievements: "A new <strong>law</strong>.",
      challenges: "<p>Courts are slow.</p>\n<p>Few lawyers.</p>",
      goodPractices: "",
      lessons: "",
      language: "fr",
      themes: ["uhri:justice", "uhri:women"],
      sdgTargets: ["16.3", "5.2"],
      recommendationIds: [REC],
      clusterIds: [CLUSTER],
      visibility: "private",
    });
  });

  it.each([
    ["no title", { title: " " }, "title", "updates.error.title"],
    ["a title too long", { title: "x".repeat(LIMITS.title + 1) }, "title", "updates.error.title"],
    [
      "achievements too long",
      { achievements: "x".repeat(LIMITS.text + 1) },
      "achievements",
      "updates.error.achievements",
    ],
    ["challenges too long", { challenges: "x".repeat(LIMITS.text + 1) }, "challenges", "updates.error.challenges"],
    [
      "good practices too long",
      { goodPractices: "x".repeat(LIMITS.text + 1) },
      "goodPractices",
      "updates.error.goodPractices",
    ],
    ["lessons too long", { lessons: "x".repeat(LIMITS.text + 1) }, "lessons", "updates.error.lessons"],
    ["no language", { language: "" }, "language", "updates.error.language"],
    ["an unknown language", { language: "xx" }, "language", "updates.error.language"],
    ["an unknown theme", { themes: ["uhri:women", "made-up"] }, "themes", "updates.error.themes"],
    ["an unknown SDG target", { sdgTargets: ["5.2", "5.99"] }, "sdgTargets", "updates.error.sdgTargets"],
    ["a goal given as a target", { sdgTargets: ["16"] }, "sdgTargets", "updates.error.sdgTargets"],
    [
      "a recommendation id that is no id",
      { recommendationIds: ["A/HRC/1"] },
      "recommendationIds",
      "updates.error.recommendationIds",
    ],
    ["a cluster id that is no id", { clusterIds: ["cluster"] }, "clusterIds", "updates.error.clusterIds"],
    ["an unknown tier", { visibility: "everyone" }, "visibility", "updates.error.visibility"],
  ])("names the field for %s", (_what, change, field, key) => {
    const { value, problems } = parseUpdateForm({ ...valid, ...change }, known);
    expect(value).toBeNull();
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]?.key).toBe(key);
  });

  it("counts the length of what the author sent, not of the HTML it becomes", () => {
    const source = "x".repeat(LIMITS.text);
    expect(parseUpdateForm({ ...valid, lessons: source }, known).value?.lessons).toBe(`<p>${source}</p>`);
  });

  it("names the values a message needs", () => {
    expect(parseUpdateForm({ ...valid, themes: ["nope"] }, known).problems.themes).toEqual({
      key: "updates.error.themes",
      values: { code: "nope" },
    });
    expect(parseUpdateForm({ ...valid, title: "" }, known).problems.title?.values).toEqual({ max: LIMITS.title });
  });
});

const content = (change: Partial<UpdateContent> = {}): UpdateContent => ({
  title: "T",
  achievements: "<p>A</p>",
  challenges: "",
  goodPractices: "",
  lessons: "",
  language: "en",
  themes: ["a", "b"],
  sdgTargets: [],
  recommendationIds: [REC],
  clusterIds: [],
  visibility: "public",
  ...change,
});

describe("isSameContent", () => {
  it("ignores the order of lists, and sees every other change", () => {
    expect(isSameContent(content(), content({ themes: ["b", "a"] }))).toBe(true);
    for (const change of [
      { title: "U" },
      { lessons: "<p>L</p>" },
      { language: "fr" },
      { themes: ["a"] },
      { recommendationIds: [] },
      { clusterIds: [CLUSTER] },
      { visibility: "private" as const },
    ])
      expect(isSameContent(content(), content(change)), JSON.stringify(change)).toBe(false);
  });
});

describe("publishProblems", () => {
  it("refuses an update with no text at all", () => {
    expect(publishProblems(content({ achievements: "" }))).toEqual({
      achievements: { key: "updates.error.nothingToPublish" },
    });
    expect(publishProblems(content({ achievements: "", lessons: "<p>L</p>" }))).toEqual({});
  });
});

describe("transition", () => {
  it.each([
    // status, event, changed since the last version, outcome
    ["draft", "edit", true, { ok: true, status: "draft", newVersion: false }],
    ["published", "edit", true, { ok: true, status: "published", newVersion: false }],
    ["withdrawn", "edit", true, { ok: false, reason: "not-editable" }],
    ["draft", "publish", true, { ok: true, status: "published", newVersion: true }],
    ["published", "publish", true, { ok: true, status: "published", newVersion: true }],
    ["published", "publish", false, { ok: false, reason: "unchanged" }],
    ["withdrawn", "publish", false, { ok: true, status: "published", newVersion: false }],
    ["withdrawn", "publish", true, { ok: true, status: "published", newVersion: true }],
    ["published", "withdraw", false, { ok: true, status: "withdrawn", newVersion: false }],
    ["draft", "withdraw", false, { ok: false, reason: "not-published" }],
    ["withdrawn", "withdraw", false, { ok: false, reason: "not-published" }],
  ] as const)("%s + %s (changed: %s)", (status, event, changed, outcome) => {
    expect(transition(status, event, { changedSinceLastVersion: changed })).toEqual(outcome);
  });

  it("never goes back to draft, and makes a version only by publishing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UPDATE_STATUSES),
        fc.constantFrom(...UPDATE_EVENTS),
        fc.boolean(),
        (status, event, changed) => {
          const step = transition(status, event, { changedSinceLastVersion: changed });
          if (!step.ok) return;
          if (status !== "draft") expect(step.status).not.toBe("draft");
          if (step.newVersion) expect(event).toBe("publish");
        },
      ),
    );
  });
});

describe("shownTier", () => {
  it.each([
    ["published", "public", "public"],
    ["published", "secretariat", "secretariat"],
    ["draft", null, "private"],
    ["withdrawn", "public", "private"],
  ] as const)("a %s update whose current version is %s is read as %s", (status, tier, shown) => {
    expect(shownTier(status, tier as VisibilityTier | null)).toBe(shown);
  });
});

describe("parseWithdrawalReason", () => {
  it("keeps an optional, bounded reason", () => {
    expect(parseWithdrawalReason(undefined).value).toBe("");
    expect(parseWithdrawalReason(" Superseded.\r\n ").value).toBe("Superseded.");
    expect(parseWithdrawalReason("x".repeat(LIMITS.withdrawalReason + 1)).problems.reason?.key).toBe(
      "updates.error.reason",
    );
  });
});

describe("parseUpdateQuery", () => {
  it("reads the facets and names what it cannot read", () => {
    const { query, errors } = parseUpdateQuery(
      new URLSearchParams("q=courts&theme=uhri:women&sdg=16&group=asia-pacific&status=sids&state=fji&year=2024"),
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      q: "courts",
      theme: "uhri:women",
      sdg: "16",
      group: "asia-pacific",
      status: "sids",
      state: "FJI",
      year: 2024,
      limit: 20,
      offset: 0,
    });
    const bad = parseUpdateQuery(new URLSearchParams("sdg=18&status=rich&state=Fiji&year=soon&limit=0"));
    expect(Object.keys(bad.errors).sort()).toEqual(["limit", "sdg", "state", "status", "year"]);
  });
});
