import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { Locale } from "../../../platform/i18n/locales";
import type { MessageKey } from "../../../platform/i18n/messages";
import { Field, type FieldProblem } from "../../../platform/ui/components";
import {
  CheckboxGroup,
  ContentLanguageField,
  Fact,
  readForm,
  SdgTargetsField,
  ThemesField,
  TIER_LABEL,
  useLanguageName,
  VisibilityChoice,
} from "../../../platform/ui/form-fields";
import { useDate, useHref, useT } from "../../../platform/ui/i18n";
import type { VisibilityTier } from "../../../platform/visibility";
import { listClusters } from "../../recommendations";
import { classificationChoices, getCountry, listVocabularies } from "../../reference-data";
import { updateWriters } from "../domain/policy";
import {
  LIMITS,
  type Problems,
  UPDATE_TEXT_FIELDS,
  type UpdateContent,
  type UpdateForm,
  type UpdateTextField,
} from "../domain/update";

export const UPDATE_STATUS_LABEL: Record<string, MessageKey> = {
  draft: "updates.status.draft",
  published: "updates.status.published",
  withdrawn: "updates.status.withdrawn",
};

export const TEXT_LABEL: Record<UpdateTextField, MessageKey> = {
  achievements: "updates.field.achievements",
  challenges: "updates.field.challenges",
  goodPractices: "updates.field.goodPractices",
  lessons: "updates.field.lessons",
};

const TEXT_HINT: Record<UpdateTextField, MessageKey> = {
  achievements: "updates.field.achievementsHint",
  challenges: "updates.field.challengesHint",
  goodPractices: "updates.field.goodPracticesHint",
  lessons: "updates.field.lessonsHint",
};

const LIST_FIELDS = ["themes", "sdgTargets", "clusterIds", "recommendationIds"] as const;

/** A posted update form: checkbox groups and hidden links repeat their name, the rest are single. */
export async function postedForm(request: Request): Promise<{ intent: string; form: UpdateForm; fields: FormData }> {
  const { form: fields, one, all } = await readForm(request);
  const form: UpdateForm = {
    title: one("title"),
    achievements: one("achievements"),
    challenges: one("challenges"),
    goodPractices: one("goodPractices"),
    lessons: one("lessons"),
    language: one("language"),
    visibility: one("visibility"),
  };
  for (const name of LIST_FIELDS) form[name] = all(name);
  return { intent: one("intent") ?? "save", form, fields };
}

/** What the form shows: text as sent or saved; lists as arrays; the tier as sent, even a wrong one. */
export type UpdateValues = Omit<UpdateContent, "visibility"> & { visibility: string };

export function valuesOf(form: UpdateForm | undefined, fallback: UpdateValues): UpdateValues {
  if (!form) return fallback;
  const list = (v: string | readonly string[] | undefined) => (typeof v === "string" ? [v] : [...(v ?? [])]);
  return {
    title: form.title ?? "",
    achievements: form.achievements ?? "",
    challenges: form.challenges ?? "",
    goodPractices: form.goodPractices ?? "",
    lessons: form.lessons ?? "",
    language: form.language ?? "",
    themes: list(form.themes),
    sdgTargets: list(form.sdgTargets),
    clusterIds: list(form.clusterIds),
    recommendationIds: list(form.recommendationIds),
    visibility: form.visibility ?? "private",
  };
}

/** The vocabularies and the State's own clusters the form offers, in the reader's language. */
export async function formChoices(actor: Actor, locale: Locale, stateIso3s: readonly string[], deps: { db: Db }) {
  const writers = updateWriters(actor);
  const [classification, clusters] = await Promise.all([
    classificationChoices({ actor, locale }, deps),
    Promise.all(stateIso3s.map((stateIso3) => listClusters({ actor, stateIso3 }, deps))),
  ]);
  const own = new Set(writers.map((w) => w.organisationId));
  return {
    ...classification,
    clusters: clusters
      .flat()
      .filter((c) => own.has(c.organisationId))
      .map((c) => ({ id: c.id, name: c.name })),
  };
}

export type FormChoices = Awaited<ReturnType<typeof formChoices>>;

export async function stateName(actor: Actor, iso3: string, locale: Locale, deps: { db: Db }) {
  const country = await getCountry({ actor, iso3 }, deps);
  return country?.names[locale] ?? iso3;
}

function describedBy(id: string, problem: FieldProblem | undefined) {
  return [`${id}-hint`, "text-format", problem ? `${id}-error` : null].filter(Boolean).join(" ");
}

/** The fields of an update, in the order a focal point fills them in. Links to recommendations ride along hidden. */
export function UpdateFields({
  values,
  problems,
  choices,
}: {
  values: UpdateValues;
  problems: Problems;
  choices: FormChoices;
}) {
  const t = useT();
  return (
    <>
      <Field id="title" label={t("updates.field.title")} error={problems.title}>
        <input
          id="title"
          name="title"
          maxLength={LIMITS.title}
          defaultValue={values.title}
          lang={values.language || undefined}
          dir="auto"
          aria-invalid={problems.title ? true : undefined}
          aria-describedby={problems.title ? "title-error" : undefined}
        />
      </Field>
      <ContentLanguageField label={t("updates.field.language")} value={values.language} problem={problems.language} />
      <p className="hint" id="text-format">
        {t("updates.field.textHint", { max: LIMITS.text })}
      </p>
      {UPDATE_TEXT_FIELDS.map((field) => (
        <Field key={field} id={field} label={t(TEXT_LABEL[field])} hint={t(TEXT_HINT[field])} error={problems[field]}>
          <textarea
            id={field}
            name={field}
            rows={10}
            defaultValue={values[field]}
            lang={values.language || undefined}
            dir="auto"
            aria-invalid={problems[field] ? true : undefined}
            aria-describedby={describedBy(field, problems[field])}
          />
        </Field>
      ))}
      <ThemesField themes={choices.themes} values={values.themes} problem={problems.themes} />
      <SdgTargetsField goals={choices.goals} values={values.sdgTargets} problem={problems.sdgTargets} />
      {choices.clusters.length > 0 && (
        <CheckboxGroup
          id="clusterIds"
          legend={t("updates.field.clusters")}
          hint={t("updates.field.clustersHint")}
          problem={problems.clusterIds}
          values={values.clusterIds}
          options={choices.clusters.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <VisibilityChoice value={values.visibility} problem={problems.visibility} />
      {values.recommendationIds.map((id) => (
        <input key={id} type="hidden" name="recommendationIds" value={id} />
      ))}
    </>
  );
}

/** One version or working copy as shown: its links are shown apart (UpdateLinks). */
export type ShownContent = Omit<UpdateValues, "clusterIds" | "recommendationIds">;

/**
 * The four texts of one version or working copy. The HTML was sanitised to a small allowlist
 * when saved (domain/rich-text.ts): it is the only HTML this page inserts as such.
 */
export function UpdateTexts({ content, level = 2 }: { content: ShownContent; level?: 2 | 3 }) {
  const t = useT();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      {UPDATE_TEXT_FIELDS.filter((field) => content[field] !== "").map((field) => (
        <section key={field} aria-labelledby={`${field}-heading`}>
          <Heading id={`${field}-heading`}>{t(TEXT_LABEL[field])}</Heading>
          <div
            className="rich-text"
            lang={content.language}
            dir="auto"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised to an allowlist when stored
            dangerouslySetInnerHTML={{ __html: content[field] }}
          />
        </section>
      ))}
    </>
  );
}

/** The facts of one version: who may see it, its language, themes and SDG targets. */
export function UpdateFacts({
  content,
  state,
  status,
  publishedAt,
  version,
  themeNames,
}: {
  content: ShownContent;
  state: string;
  status: string;
  publishedAt: string | null;
  version: number | null;
  themeNames: Record<string, string>;
}) {
  const t = useT();
  const date = useDate();
  const languageName = useLanguageName();
  return (
    <dl className="facts">
      <Fact term={t("updates.facts.state")}>{state}</Fact>
      <Fact term={t("updates.facts.status")}>{t(UPDATE_STATUS_LABEL[status]!)}</Fact>
      {version !== null && <Fact term={t("updates.facts.version")}>{version}</Fact>}
      {publishedAt && (
        <Fact term={t("updates.facts.published")}>
          <time dateTime={publishedAt}>{date(publishedAt)}</time>
        </Fact>
      )}
      <Fact term={t("updates.facts.language")}>{languageName(content.language)}</Fact>
      <Fact term={t("updates.facts.visibility")}>{t(TIER_LABEL[content.visibility as VisibilityTier])}</Fact>
      {content.themes.length > 0 && (
        <Fact term={t("updates.facts.themes")}>
          <ul className="changes">
            {content.themes.map((code) => (
              <li key={code} lang="en">
                {themeNames[code] ?? code}
              </li>
            ))}
          </ul>
        </Fact>
      )}
      {content.sdgTargets.length > 0 && (
        <Fact term={t("updates.facts.sdgTargets")}>
          <ul className="changes">
            {content.sdgTargets.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </Fact>
      )}
    </dl>
  );
}

export interface ShownRecommendation {
  id: string;
  key: string;
  text: string;
  language: string;
}

/** The recommendations and clusters one content links to, each a link to its own page. */
export function UpdateLinks({
  recommendations,
  clusters,
}: {
  recommendations: ShownRecommendation[];
  clusters: { id: string; name: string }[];
}) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">{t("updates.recommendations.heading")}</h2>
        {recommendations.length === 0 ? (
          <p>{t("updates.recommendations.none")}</p>
        ) : (
          <ul className="result-list">
            {recommendations.map((r) => (
              <li key={r.id}>
                <p lang={r.language}>
                  <a href={href(`/recommendations/${encodeURIComponent(r.key)}`)}>{r.text}</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {clusters.length > 0 && (
        <section aria-labelledby="clusters-heading">
          <h2 id="clusters-heading">{t("updates.clusters.heading")}</h2>
          <ul>
            {clusters.map((c) => (
              <li key={c.id}>
                <a href={href(`/tracking/clusters/${c.id}`)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The links of one content, resolved to what the reader may see. */
export function linksFor(
  found: {
    recommendations: ReadonlyMap<string, { key: string; text: string; language: string }>;
    clusters: ReadonlyMap<string, { id: string; name: string }>;
  },
  content: UpdateContent,
) {
  return {
    recommendations: content.recommendationIds.flatMap((id): ShownRecommendation[] => {
      const r = found.recommendations.get(id);
      return r ? [{ id, key: r.key, text: r.text, language: r.language }] : [];
    }),
    clusters: content.clusterIds.flatMap((id) => {
      const cluster = found.clusters.get(id);
      return cluster ? [cluster] : [];
    }),
  };
}

/** The published versions the reader may see, newest first, each a link to its own page. */
export function VersionList({
  id,
  versions,
  current,
}: {
  id: string;
  versions: { version: number; publishedAt: string; visibility: string }[];
  current: number | null;
}) {
  const t = useT();
  const href = useHref();
  const date = useDate();
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("updates.versions.heading")}</h2>
      {versions.length === 0 ? (
        <p>{t("updates.versions.empty")}</p>
      ) : (
        <ol className="history" reversed>
          {versions.map((v) => (
            <li key={v.version}>
              <a
                href={href(`/updates/${id}/versions/${v.version}`)}
                aria-current={v.version === current ? "true" : undefined}
              >
                {t("updates.version", { version: v.version })}
              </a>
              {" · "}
              <time dateTime={v.publishedAt}>{date(v.publishedAt)}</time>
              {" · "}
              {t(TIER_LABEL[v.visibility as VisibilityTier])}
              {v.version === current && ` · ${t("updates.versions.isCurrent")}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Theme codes to their (English) labels, for the facts of an update. */
export async function themeNamesOf(actor: Actor, deps: { db: Db }) {
  const vocabularies = await listVocabularies({ actor }, deps);
  return Object.fromEntries(vocabularies.themes.map((t) => [t.code, t.label]));
}
