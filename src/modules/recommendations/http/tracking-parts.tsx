import type { MessageKey } from "../../../platform/i18n/messages";
import { Field, invalidProps } from "../../../platform/ui/components";
import { Choice, TIER_LABEL, VisibilityChoice } from "../../../platform/ui/form-fields";
import { useDate, useT } from "../../../platform/ui/i18n";
import type { VisibilityTier } from "../../../platform/visibility";
import { LIMITS, type Problems, TRACKING_STATUSES } from "../domain/tracking";

export const STATUS_LABEL: Record<string, MessageKey> = {
  "not-started": "tracking.status.not-started",
  "in-progress": "tracking.status.in-progress",
  "partially-implemented": "tracking.status.partially-implemented",
  implemented: "tracking.status.implemented",
  "not-applicable": "tracking.status.not-applicable",
};

export interface TrackingValues {
  status: string;
  institutions: string;
  notes: string;
  evidenceLinks: string;
  visibility: string;
}

/** The fields an entry and a cluster share, in the order a focal point fills them in. */
export function TrackingFields({
  values,
  problems,
  statusLegend,
}: {
  values: TrackingValues;
  problems: Problems;
  statusLegend?: string;
}) {
  const t = useT();
  return (
    <>
      <Choice
        id="status"
        legend={statusLegend ?? t("tracking.field.status")}
        problem={problems.status}
        value={values.status}
        options={TRACKING_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]!) }))}
      />
      <Field
        id="institutions"
        label={t("tracking.field.institutions")}
        hint={t("tracking.field.institutionsHint", { max: LIMITS.institutions })}
        error={problems.institutions}
      >
        <textarea
          rows={4}
          defaultValue={values.institutions}
          {...invalidProps("institutions", problems.institutions, true)}
        />
      </Field>
      <Field
        id="notes"
        label={t("tracking.field.notes")}
        hint={t("tracking.field.notesHint", { max: LIMITS.notes })}
        error={problems.notes}
      >
        <textarea rows={6} defaultValue={values.notes} {...invalidProps("notes", problems.notes, true)} />
      </Field>
      <Field
        id="evidenceLinks"
        label={t("tracking.field.evidenceLinks")}
        hint={t("tracking.field.evidenceLinksHint", { max: LIMITS.evidenceLinks })}
        error={problems.evidenceLinks}
      >
        <textarea
          rows={4}
          dir="ltr"
          defaultValue={values.evidenceLinks}
          {...invalidProps("evidenceLinks", problems.evidenceLinks, true)}
        />
      </Field>
      <VisibilityChoice value={values.visibility} problem={problems.visibility} />
    </>
  );
}

/** What the form shows: what was sent back with problems, else the saved state, else a new entry. */
export function valuesOf(
  sent: Record<string, string> | undefined,
  saved: { status: string; institutions: string[]; notes: string; evidenceLinks: string[]; visibility: string } | null,
): TrackingValues {
  if (sent)
    return {
      status: sent.status ?? "",
      institutions: sent.institutions ?? "",
      notes: sent.notes ?? "",
      evidenceLinks: sent.evidenceLinks ?? "",
      visibility: sent.visibility ?? "private",
    };
  if (saved)
    return {
      status: saved.status,
      institutions: saved.institutions.join("\n"),
      notes: saved.notes,
      evidenceLinks: saved.evidenceLinks.join("\n"),
      visibility: saved.visibility,
    };
  return { status: "", institutions: "", notes: "", evidenceLinks: "", visibility: "private" };
}

/** The fields of a posted form as strings (a repeated field keeps its last value). */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  return Object.fromEntries([...form.entries()].filter(([k]) => k !== "_csrf").map(([k, v]) => [k, String(v)]));
}

export interface ShownState {
  status: string;
  institutions: string[];
  notes: string;
  evidenceLinks: string[];
  visibility: string;
}

/** One saved state, read-only: institutions, notes and links as the State wrote them. */
export function TrackingFacts({ state, updatedAt }: { state: ShownState; updatedAt?: string }) {
  const t = useT();
  const date = useDate();
  return (
    <dl className="facts">
      <dt>{t("tracking.field.status")}</dt>
      <dd>{t(STATUS_LABEL[state.status]!)}</dd>
      {state.institutions.length > 0 && (
        <>
          <dt>{t("tracking.field.institutions")}</dt>
          <dd>
            <ul className="changes">
              {state.institutions.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {state.notes && (
        <>
          <dt>{t("tracking.field.notes")}</dt>
          <dd>
            {state.notes.split("\n").map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one saved text never move
              <span key={i}>
                {i > 0 && <br />}
                {line}
              </span>
            ))}
          </dd>
        </>
      )}
      {state.evidenceLinks.length > 0 && (
        <>
          <dt>{t("tracking.field.evidenceLinks")}</dt>
          <dd>
            <ul className="changes">
              {state.evidenceLinks.map((link) => (
                <li key={link}>
                  <a href={link} rel="external nofollow noreferrer" dir="ltr">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t("tracking.column.visibility")}</dt>
      <dd>{t(TIER_LABEL[state.visibility as VisibilityTier])}</dd>
      {updatedAt && (
        <>
          <dt>{t("tracking.column.updated")}</dt>
          <dd>
            <time dateTime={updatedAt}>{date(updatedAt)}</time>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The dated history, newest first; each saved state as it was. */
export function History({
  id,
  rows,
  level = 3,
}: {
  id: string;
  rows: (ShownState & { id: string; changedAt: string })[];
  level?: 2 | 3;
}) {
  const t = useT();
  const date = useDate();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id}>
      <Heading id={id}>{t("tracking.history.heading")}</Heading>
      <p className="hint">{t("tracking.history.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("tracking.history.empty")}</p>
      ) : (
        <ol className="history">
          {rows.map((row) => (
            <li key={row.id}>
              <p>
                <strong>
                  <time dateTime={row.changedAt}>{date(row.changedAt)}</time>
                </strong>
              </p>
              <TrackingFacts state={row} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A cluster's own fields (name and members), then the fields it shares with an entry. */
export function ClusterFields({
  values,
  problems,
}: {
  values: TrackingValues & { name: string; members: string };
  problems: Problems;
}) {
  const t = useT();
  return (
    <>
      <Field id="name" label={t("tracking.field.name")} error={problems.name}>
        <input
          maxLength={LIMITS.clusterName}
          defaultValue={values.name}
          {...invalidProps("name", problems.name?.key)}
        />
      </Field>
      <Field
        id="members"
        label={t("tracking.field.members")}
        hint={t("tracking.field.membersHint")}
        error={problems.members}
      >
        <textarea
          rows={6}
          dir="ltr"
          defaultValue={values.members}
          {...invalidProps("members", problems.members?.key, true)}
        />
      </Field>
      <TrackingFields values={values} problems={problems} statusLegend={t("tracking.cluster.status")} />
    </>
  );
}
