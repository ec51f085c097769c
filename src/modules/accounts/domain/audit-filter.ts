/** The audit page's filter, read from query parameters; errors name the field (message keys). */
export interface AuditFilterInput {
  user?: string | null;
  organisation?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface ParsedAuditFilter {
  userEmail?: string;
  organisationId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  /** Exclusive: the day after the `to` date the reader chose. */
  to?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

export function parseAuditFilter(input: AuditFilterInput): {
  filter: ParsedAuditFilter;
  errors: Record<string, string>;
} {
  const filter: ParsedAuditFilter = {};
  const errors: Record<string, string> = {};
  const v = (x: string | null | undefined) => x?.trim() || "";
  if (v(input.user)) filter.userEmail = v(input.user).toLowerCase();
  if (v(input.organisation)) {
    if (UUID.test(v(input.organisation))) filter.organisationId = v(input.organisation);
    else errors.organisation = "audit.filter.error.organisation";
  }
  if (v(input.subjectType)) {
    if (/^[a-z-]{1,40}$/.test(v(input.subjectType))) filter.subjectType = v(input.subjectType);
    else errors.subjectType = "audit.filter.error.subjectType";
  }
  if (v(input.subjectId)) filter.subjectId = v(input.subjectId).slice(0, 100);
  if (v(input.from)) {
    const d = day(v(input.from));
    if (d) filter.from = d;
    else errors.from = "audit.filter.error.date";
  }
  if (v(input.to)) {
    const d = day(v(input.to));
    if (d) filter.to = new Date(d.getTime() + 86_400_000);
    else errors.to = "audit.filter.error.date";
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.to = "audit.filter.error.range";
  return { filter, errors };
}
