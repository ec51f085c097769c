/**
 * A request's restricted fields: what a State tells providers only when it consents to a match
 * (issue 6). Seeing a request (its tier, platform/visibility.ts) is not reading all of it: the
 * budget, the schedule and the national counterparts stay with the State, the secretariat and the
 * advisory committee until the State grants them, field by field, to a provider organisation.
 * Every place a request leaves the module redacts it with `redactRequest`.
 */
export const RESTRICTED_REQUEST_FIELDS = ["budget", "schedule", "counterparts"] as const;
export type RestrictedRequestField = (typeof RESTRICTED_REQUEST_FIELDS)[number];

export function isRestrictedRequestField(value: unknown): value is RestrictedRequestField {
  return (RESTRICTED_REQUEST_FIELDS as readonly unknown[]).includes(value);
}

/** The request's columns each restricted field covers. */
export const RESTRICTED_COLUMNS = {
  budget: ["budgetMinor", "budgetCurrency"],
  schedule: ["desiredStart", "durationMonths"],
  counterparts: ["counterparts"],
} as const satisfies Record<RestrictedRequestField, readonly string[]>;

/** The columns a redaction touches, as a request row carries them. */
export interface RestrictedColumns {
  budgetMinor: number | null;
  budgetCurrency: string | null;
  desiredStart: string | null;
  durationMonths: number | null;
  counterparts: string[];
}

/**
 * Who is reading, as far as the restricted fields go. `insider`: a member of the State
 * organisation that owns the request, or the secretariat or the advisory committee, who read it
 * whole. `grants`: the field lists granted to each of the viewer's organisations on this
 * request (one list per grant row; a viewer in several organisations has several).
 */
export interface Viewer {
  insider: boolean;
  grants: readonly (readonly string[])[];
}

/**
 * The restricted fields this viewer reads, in the canonical order: all for an insider, else the
 * union of what was granted to any of its organisations (a name the module does not know grants
 * nothing), else none.
 */
export function disclosedFields(viewer: Viewer): RestrictedRequestField[] {
  if (viewer.insider) return [...RESTRICTED_REQUEST_FIELDS];
  const granted = new Set(viewer.grants.flat());
  return RESTRICTED_REQUEST_FIELDS.filter((field) => granted.has(field));
}

/** The restricted fields this viewer does not read: what a page says is shared only with consent. */
export function withheldFields(disclosed: readonly RestrictedRequestField[]): RestrictedRequestField[] {
  return RESTRICTED_REQUEST_FIELDS.filter((field) => !disclosed.includes(field));
}

/**
 * The row as this viewer may read it: each restricted field it was not disclosed emptied (null,
 * or no counterparts), whatever the State filled in, so an empty value never tells a withheld
 * one from a missing one. The row itself is not changed.
 */
export function redactRequest<T extends RestrictedColumns>(row: T, disclosed: readonly RestrictedRequestField[]): T {
  const hidden: Partial<RestrictedColumns> = {};
  if (!disclosed.includes("budget")) Object.assign(hidden, { budgetMinor: null, budgetCurrency: null });
  if (!disclosed.includes("schedule")) Object.assign(hidden, { desiredStart: null, durationMonths: null });
  if (!disclosed.includes("counterparts")) hidden.counterparts = [];
  return { ...row, ...hidden };
}

/**
 * A field list as a grant stores it: known names only, each once, in the canonical order.
 * Unknown names are a caller's mistake (a consent screen offers only these fields), so they throw.
 */
export function grantableFields(fields: readonly string[]): RestrictedRequestField[] {
  const unknown = fields.filter((field) => !isRestrictedRequestField(field));
  if (unknown.length > 0) throw new TypeError(`Not a restricted request field: ${unknown.join(", ")}`);
  return RESTRICTED_REQUEST_FIELDS.filter((field) => fields.includes(field));
}
