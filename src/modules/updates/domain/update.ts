import { WORKING_LANGUAGES } from "../../../platform/support-vocabulary";
import { VISIBILITY_TIERS, type VisibilityTier } from "../../../platform/visibility";
import { richTextFromSource } from "./rich-text";

/**
 * A voluntary national update (issue 5): what a State achieved, where it is stuck, what worked
 * and what it learnt, tied to the recommendations, clusters, themes and SDG targets it speaks to.
 */
export const UPDATE_STATUSES = ["draft", "published", "withdrawn"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** The four texts, in the order the form and the page show them. */
export const UPDATE_TEXT_FIELDS = ["achievements", "challenges", "goodPractices", "lessons"] as const;
export type UpdateTextField = (typeof UPDATE_TEXT_FIELDS)[number];

export const LIMITS = {
  title: 200,
  /** Characters of what the author sent, before sanitising. */
  text: 20_000,
  themes: 60,
  sdgTargets: 169,
  recommendations: 500,
  clusters: 100,
  withdrawalReason: 1_000,
} as const;

/** A problem with one field: a catalogue key `updates.error.<field>` and the values it names. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

/** What a form or an API body sends: lists as arrays (repeated fields) or text, one a line. */
export interface UpdateForm {
  title?: string;
  achievements?: string;
  challenges?: string;
  goodPractices?: string;
  lessons?: string;
  language?: string;
  themes?: string | readonly string[];
  sdgTargets?: string | readonly string[];
  recommendationIds?: string | readonly string[];
  clusterIds?: string | readonly string[];
  visibility?: string;
}

/** What an update holds, and each published version keeps whole. Texts are sanitised HTML. */
export interface UpdateContent {
  title: string;
  achievements: string;
  challenges: string;
  goodPractices: string;
  lessons: string;
  language: string;
  themes: string[];
  sdgTargets: string[];
  recommendationIds: string[];
  clusterIds: string[];
  visibility: VisibilityTier;
}

/** The codes the form may use, read from the reference data by the caller. */
export interface KnownCodes {
  themes: ReadonlySet<string>;
  sdgTargets: ReadonlySet<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

function items(value: string | readonly string[] | undefined): string[] {
  const list = typeof value === "string" ? value.split(/[\s,;]+/) : [...(value ?? [])];
  return [...new Set(list.map((item) => item.trim()).filter((item) => item.length > 0))];
}

/** Reads an update's form; every problem is named by its field. Pure. */
export function parseUpdateForm(
  form: UpdateForm,
  known: KnownCodes,
): { value: UpdateContent | null; problems: Problems } {
  const problems: Problems = {};

  const title = (form.title ?? "").trim().replace(/\s+/g, " ");
  if (title.length === 0 || title.length > LIMITS.title)
    problems.title = { key: "updates.error.title", values: { max: LIMITS.title } };

  const texts = {} as Record<UpdateTextField, string>;
  for (const field of UPDATE_TEXT_FIELDS) {
    const source = (form[field] ?? "").replace(/\r\n?/g, "\n");
    if (source.length > LIMITS.text) problems[field] = { key: `updates.error.${field}`, values: { max: LIMITS.text } };
    else texts[field] = richTextFromSource(source);
  }

  const language = (form.language ?? "").trim();
  if (!(WORKING_LANGUAGES as readonly string[]).includes(language))
    problems.language = { key: "updates.error.language" };

  const themes = items(form.themes);
  const unknownTheme = themes.find((code) => !known.themes.has(code));
  if (themes.length > LIMITS.themes)
    problems.themes = { key: "updates.error.themeCount", values: { max: LIMITS.themes } };
  else if (unknownTheme !== undefined)
    problems.themes = { key: "updates.error.themes", values: { code: unknownTheme.slice(0, 100) } };

  const sdgTargets = items(form.sdgTargets);
  const unknownTarget = sdgTargets.find((code) => !known.sdgTargets.has(code));
  if (sdgTargets.length > LIMITS.sdgTargets)
    problems.sdgTargets = { key: "updates.error.sdgTargetCount", values: { max: LIMITS.sdgTargets } };
  else if (unknownTarget !== undefined)
    problems.sdgTargets = { key: "updates.error.sdgTargets", values: { code: unknownTarget.slice(0, 100) } };

  const recommendationIds = items(form.recommendationIds);
  if (recommendationIds.length > LIMITS.recommendations)
    problems.recommendationIds = {
      key: "updates.error.recommendationCount",
      values: { max: LIMITS.recommendations },
    };
  else if (!recommendationIds.every(isUuid)) problems.recommendationIds = { key: "updates.error.recommendationIds" };

  const clusterIds = items(form.clusterIds);
  if (clusterIds.length > LIMITS.clusters || !clusterIds.every(isUuid))
    problems.clusterIds = { key: "updates.error.clusterIds" };

  const visibility = (form.visibility ?? "").trim() || "private";
  if (!(VISIBILITY_TIERS as readonly string[]).includes(visibility))
    problems.visibility = { key: "updates.error.visibility" };

  if (Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: {
      title,
      ...texts,
      language,
      themes: themes.sort(),
      sdgTargets: sdgTargets.sort(),
      recommendationIds,
      clusterIds,
      visibility: visibility as VisibilityTier,
    },
    problems,
  };
}

/** Whether two contents would read the same: a publication of the second adds nothing. */
export function isSameContent(a: UpdateContent, b: UpdateContent): boolean {
  const list = (x: readonly string[]) => [...x].sort().join("\n");
  return (
    a.title === b.title &&
    UPDATE_TEXT_FIELDS.every((field) => a[field] === b[field]) &&
    a.language === b.language &&
    a.visibility === b.visibility &&
    list(a.themes) === list(b.themes) &&
    list(a.sdgTargets) === list(b.sdgTargets) &&
    list(a.recommendationIds) === list(b.recommendationIds) &&
    list(a.clusterIds) === list(b.clusterIds)
  );
}

/** An update with nothing to say is not published: at least one of the four texts. */
export function publishProblems(content: UpdateContent): Problems {
  return UPDATE_TEXT_FIELDS.some((field) => content[field] !== "")
    ? {}
    : { achievements: { key: "updates.error.nothingToPublish" } };
}

export const UPDATE_EVENTS = ["edit", "publish", "withdraw"] as const;
export type UpdateEvent = (typeof UPDATE_EVENTS)[number];

export type Transition =
  | { ok: true; status: UpdateStatus; newVersion: boolean }
  | { ok: false; reason: "not-editable" | "unchanged" | "not-published" };

/**
 * Which status follows an event, and whether it makes a new published version. A published
 * update stays readable while it is edited: readers see its last version until it is published
 * again. A withdrawn one is frozen: it is republished (its working copy as it was) before any
 * further edit. Publishing what the last version already says adds no version.
 */
export function transition(
  status: UpdateStatus,
  event: UpdateEvent,
  { changedSinceLastVersion }: { changedSinceLastVersion: boolean },
): Transition {
  switch (event) {
    case "edit":
      return status === "withdrawn" ? { ok: false, reason: "not-editable" } : { ok: true, status, newVersion: false };
    case "publish":
      if (status === "draft") return { ok: true, status: "published", newVersion: true };
      if (status === "withdrawn") return { ok: true, status: "published", newVersion: changedSinceLastVersion };
      return changedSinceLastVersion
        ? { ok: true, status: "published", newVersion: true }
        : { ok: false, reason: "unchanged" };
    case "withdraw":
      return status === "published"
        ? { ok: true, status: "withdrawn", newVersion: false }
        : { ok: false, reason: "not-published" };
  }
}

/**
 * The tier anyone but the owner reads an update under: its current version's, while published.
 * A draft or a withdrawn update is the State's alone, which is exactly the `private` tier of the
 * shared rule (platform/visibility.ts), so no second rule is needed for them.
 */
export function shownTier(status: UpdateStatus, currentVersionTier: VisibilityTier | null): VisibilityTier {
  return status === "published" && currentVersionTier ? currentVersionTier : "private";
}

/** Reads the optional reason for a withdrawal. */
export function parseWithdrawalReason(reason: string | undefined): { value: string | null; problems: Problems } {
  const text = (reason ?? "").replace(/\r\n?/g, "\n").trim();
  if (text.length > LIMITS.withdrawalReason)
    return {
      value: null,
      problems: { reason: { key: "updates.error.reason", values: { max: LIMITS.withdrawalReason } } },
    };
  return { value: text, problems: {} };
}
