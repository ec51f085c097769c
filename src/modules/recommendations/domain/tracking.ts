import { VISIBILITY_TIERS, type VisibilityTier } from "../../../platform/visibility";

/**
 * How a State reports its own implementation of the recommendations it received (issue 4,
 * point 6): a status, the institutions responsible, notes and evidence, and who may read it.
 */
export const TRACKING_STATUSES = [
  "not-started",
  "in-progress",
  "partially-implemented",
  "implemented",
  "not-applicable",
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** The tiers of the safe space (platform/visibility.ts), narrowest first as the form offers them. */
export const TRACKING_TIERS: readonly VisibilityTier[] = VISIBILITY_TIERS;

export const LIMITS = {
  institutions: 20,
  institutionLength: 200,
  notes: 5_000,
  evidenceLinks: 20,
  evidenceLinkLength: 2_000,
  clusterName: 120,
  clusterMembers: 1_000,
} as const;

/** A problem with one field of a form: a catalogue key, and the values its message names. */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

/** What a form (or an API body) sends: lists as arrays or as text with one item a line. */
export interface TrackingForm {
  status?: string;
  institutions?: string | readonly string[];
  notes?: string;
  evidenceLinks?: string | readonly string[];
  visibility?: string;
}

export interface ClusterForm extends TrackingForm {
  name?: string;
  /** Recommendation keys, one a line (or separated by commas or spaces), or an array. */
  members?: string | readonly string[];
}

export interface TrackingState {
  status: TrackingStatus;
  institutions: string[];
  notes: string;
  evidenceLinks: string[];
  visibility: VisibilityTier;
}

export interface ClusterState extends TrackingState {
  name: string;
  memberKeys: string[];
}

function lines(value: string | readonly string[] | undefined, separator: RegExp = /\r?\n/): string[] {
  const items = typeof value === "string" ? value.split(separator) : [...(value ?? [])];
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

/** The first spelling of each item wins; case and surrounding spaces do not make a new one. */
function distinct(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const folded = item.toLocaleLowerCase("en");
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}

/** Reads the fields an entry and a cluster share; problems are catalogue keys by field. Pure. */
export function parseTrackingForm(form: TrackingForm): { value: TrackingState | null; problems: Problems } {
  const problems: Problems = {};
  const status = (form.status ?? "").trim();
  if (!(TRACKING_STATUSES as readonly string[]).includes(status)) problems.status = { key: "tracking.error.status" };
  const visibility = (form.visibility ?? "").trim() || "private";
  if (!(TRACKING_TIERS as readonly string[]).includes(visibility))
    problems.visibility = { key: "tracking.error.visibility" };

  const institutions = distinct(lines(form.institutions));
  const tooLong = institutions.find((i) => i.length > LIMITS.institutionLength);
  if (institutions.length > LIMITS.institutions)
    problems.institutions = { key: "tracking.error.institutionCount", values: { max: LIMITS.institutions } };
  else if (tooLong)
    problems.institutions = { key: "tracking.error.institutionLength", values: { max: LIMITS.institutionLength } };

  const notes = (form.notes ?? "").replace(/\r\n/g, "\n").trim();
  if (notes.length > LIMITS.notes) problems.notes = { key: "tracking.error.notes", values: { max: LIMITS.notes } };

  const evidenceLinks = distinct(lines(form.evidenceLinks));
  const badLink = evidenceLinks.find((l) => l.length > LIMITS.evidenceLinkLength || !isHttpUrl(l));
  if (evidenceLinks.length > LIMITS.evidenceLinks)
    problems.evidenceLinks = { key: "tracking.error.evidenceCount", values: { max: LIMITS.evidenceLinks } };
  else if (badLink !== undefined)
    problems.evidenceLinks = { key: "tracking.error.evidenceLink", values: { link: badLink.slice(0, 200) } };

  if (Object.keys(problems).length > 0) return { value: null, problems };
  return {
    value: {
      status: status as TrackingStatus,
      institutions,
      notes,
      evidenceLinks,
      visibility: visibility as VisibilityTier,
    },
    problems,
  };
}

/** A cluster: the shared fields, a name and at least one recommendation key. Pure. */
export function parseClusterForm(form: ClusterForm): { value: ClusterState | null; problems: Problems } {
  const { value: shared, problems } = parseTrackingForm(form);
  const name = (form.name ?? "").trim().replace(/\s+/g, " ");
  if (name.length < 1 || name.length > LIMITS.clusterName)
    problems.name = { key: "tracking.error.clusterName", values: { max: LIMITS.clusterName } };
  // Keys never hold spaces or commas, so a pasted list in any of these shapes reads the same.
  const memberKeys = [...new Set(lines(form.members, /[\s,;]+/))];
  if (memberKeys.length === 0) problems.members = { key: "tracking.error.members" };
  else if (memberKeys.length > LIMITS.clusterMembers)
    problems.members = { key: "tracking.error.memberCount", values: { max: LIMITS.clusterMembers } };
  if (!shared || Object.keys(problems).length > 0) return { value: null, problems };
  return { value: { ...shared, name, memberKeys }, problems };
}

/** Whether saving `next` over `current` changes anything a reader or the history would see. */
export function isSameTracking(current: TrackingState, next: TrackingState): boolean {
  return (
    current.status === next.status &&
    current.notes === next.notes &&
    current.visibility === next.visibility &&
    current.institutions.join("\n") === next.institutions.join("\n") &&
    current.evidenceLinks.join("\n") === next.evidenceLinks.join("\n")
  );
}

/** Filters of a tracking list, as `/tracking` reads them from its address. */
export interface TrackingFilter {
  /** A tracking status, or `untracked` for recommendations with no entry yet. */
  status?: TrackingStatus | "untracked";
  cycle?: number;
  theme?: string;
  q: string;
  state?: string;
}

/** Reads the list's query parameters; a value it cannot read is left out and named. Pure. */
export function parseTrackingFilter(params: URLSearchParams): { filter: TrackingFilter; invalid: string[] } {
  const invalid: string[] = [];
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const filter: TrackingFilter = { q: (get("q") ?? "").slice(0, 500) };
  const status = get("status");
  if (status && ([...TRACKING_STATUSES, "untracked"] as string[]).includes(status))
    filter.status = status as TrackingFilter["status"];
  else if (status) invalid.push("status");
  const cycle = get("cycle");
  if (cycle && /^\d{1,2}$/.test(cycle) && Number(cycle) >= 1) filter.cycle = Number(cycle);
  else if (cycle) invalid.push("cycle");
  const theme = get("theme");
  if (theme && theme.length <= 100) filter.theme = theme;
  else if (theme) invalid.push("theme");
  const state = get("state")?.toUpperCase();
  if (state && /^[A-Z]{3}$/.test(state)) filter.state = state;
  else if (state) invalid.push("state");
  return { filter, invalid };
}
