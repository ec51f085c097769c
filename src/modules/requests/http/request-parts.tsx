import type { MessageKey } from "../../../platform/i18n/messages";
import { amountText } from "../../../platform/support-vocabulary";
import { Field, invalidProps } from "../../../platform/ui/components";
import {
  AmountFields,
  CheckboxGroup,
  Choice,
  ContentLanguageField,
  ProviderTypesField,
  readForm,
  SdgTargetsField,
  SupportKindsField,
  ThemesField,
  TIER_LABEL,
  WorkingLanguagesField,
} from "../../../platform/ui/form-fields";
import { useT } from "../../../platform/ui/i18n";
import { LIMITS, REQUEST_TIERS, type RequestContent, type RequestForm } from "../domain/request";
import type { RequestState } from "../domain/workflow";

export const STATE_LABEL: Record<RequestState, MessageKey> = {
  draft: "requests.state.draft",
  submitted: "requests.state.submitted",
  screening: "requests.state.screening",
  returned: "requests.state.returned",
  open: "requests.state.open",
  matched: "requests.state.matched",
  "in-implementation": "requests.state.in-implementation",
  completed: "requests.state.completed",
  "reported-back": "requests.state.reported-back",
  withdrawn: "requests.state.withdrawn",
};

/** What a request form posts, read for the use case: repeated checkboxes as lists. */
export async function readRequestForm(request: Request) {
  const { form, one, all } = await readForm(request);
  const sent: RequestForm = {
    title: one("title"),
    summary: one("summary"),
    language: one("language"),
    themes: all("themes"),
    sdgTargets: all("sdgTargets"),
    supportKinds: all("supportKinds"),
    providerTypes: all("providerTypes"),
    workingLanguages: all("workingLanguages"),
    desiredStart: one("desiredStart"),
    durationMonths: one("durationMonths"),
    budgetAmount: one("budgetAmount"),
    budgetCurrency: one("budgetCurrency"),
    counterparts: one("counterparts"),
    visibility: one("visibility"),
    anonymousCounting: one("anonymousCounting") === "on",
  };
  return { sent, clusterIds: all("clusterIds"), intent: one("intent"), form };
}

export interface RequestValues {
  title: string;
  summary: string;
  language: string;
  themes: readonly string[];
  sdgTargets: readonly string[];
  supportKinds: readonly string[];
  providerTypes: readonly string[];
  workingLanguages: readonly string[];
  desiredStart: string;
  durationMonths: string;
  budgetAmount: string;
  budgetCurrency: string;
  counterparts: string;
  visibility: string;
  anonymousCounting: boolean;
  clusterIds: readonly string[];
}

/** The form's values: what was sent back with problems, else what is saved, else a new request. */
export function requestValues(
  sent: (RequestForm & { clusterIds?: readonly string[] }) | undefined,
  /** As the loader sends it: the tier arrives as plain text. */
  saved: (Omit<RequestContent, "visibility"> & { visibility: string; clusterIds: string[] }) | null,
  locale: string,
): RequestValues {
  if (sent)
    return {
      title: sent.title ?? "",
      summary: sent.summary ?? "",
      language: sent.language ?? locale,
      themes: sent.themes ?? [],
      sdgTargets: sent.sdgTargets ?? [],
      supportKinds: sent.supportKinds ?? [],
      providerTypes: sent.providerTypes ?? [],
      workingLanguages: sent.workingLanguages ?? [],
      desiredStart: sent.desiredStart ?? "",
      durationMonths: String(sent.durationMonths ?? ""),
      budgetAmount: String(sent.budgetAmount ?? ""),
      budgetCurrency: sent.budgetCurrency ?? "",
      counterparts: typeof sent.counterparts === "string" ? sent.counterparts : (sent.counterparts ?? []).join("\n"),
      visibility: sent.visibility ?? "secretariat",
      anonymousCounting: sent.anonymousCounting === true,
      clusterIds: sent.clusterIds ?? [],
    };
  if (saved)
    return {
      ...saved,
      desiredStart: saved.desiredStart ?? "",
      durationMonths: saved.durationMonths === null ? "" : String(saved.durationMonths),
      budgetAmount:
        saved.budgetMinor === null || !saved.budgetCurrency ? "" : amountText(saved.budgetMinor, saved.budgetCurrency),
      budgetCurrency: saved.budgetCurrency ?? "",
      counterparts: saved.counterparts.join("\n"),
    };
  return {
    title: "",
    summary: "",
    language: locale,
    themes: [],
    sdgTargets: [],
    supportKinds: [],
    providerTypes: [],
    workingLanguages: [],
    desiredStart: "",
    durationMonths: "",
    budgetAmount: "",
    budgetCurrency: "",
    counterparts: "",
    visibility: "secretariat",
    anonymousCounting: false,
    clusterIds: [],
  };
}

type Problems = Partial<Record<string, { key: string; values?: Record<string, string | number> }>>;

/** The request's own fields, in the order a focal point thinks them through. */
export function RequestFields({
  values,
  problems,
  themes,
  goals,
  clusters,
}: {
  values: RequestValues;
  problems: Problems;
  themes: readonly { code: string; label: string }[];
  goals: readonly { code: number; short: string; targets: readonly { code: string; title: string }[] }[];
  clusters: readonly { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <>
      <Field id="title" label={t("requests.field.title")} error={problems.title}>
        <input
          type="text"
          defaultValue={values.title}
          maxLength={LIMITS.title}
          {...invalidProps("title", problems.title)}
        />
      </Field>
      <Field
        id="summary"
        label={t("requests.field.summary")}
        hint={t("requests.field.summaryHint")}
        error={problems.summary}
      >
        <textarea rows={8} defaultValue={values.summary} {...invalidProps("summary", problems.summary, true)} />
      </Field>
      <ContentLanguageField label={t("requests.field.language")} value={values.language} problem={problems.language} />
      <SupportKindsField values={values.supportKinds} problem={problems.supportKinds} />
      {clusters.length > 0 && (
        <CheckboxGroup
          id="clusterIds"
          legend={t("requests.field.clusters")}
          hint={t("requests.field.clustersHint")}
          problem={problems.clusterIds}
          values={values.clusterIds}
          options={clusters.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <ThemesField themes={themes} values={values.themes} problem={problems.themes} />
      <SdgTargetsField goals={goals} values={values.sdgTargets} problem={problems.sdgTargets} />
      <ProviderTypesField
        legend={t("requests.field.providerTypes")}
        hint={t("requests.field.providerTypesHint")}
        values={values.providerTypes}
        problem={problems.providerTypes}
      />
      <WorkingLanguagesField values={values.workingLanguages} problem={problems.workingLanguages} />
      <Field
        id="desiredStart"
        label={t("requests.field.desiredStart")}
        hint={t("requests.field.dateHint")}
        error={problems.desiredStart}
      >
        <input
          type="date"
          defaultValue={values.desiredStart}
          {...invalidProps("desiredStart", problems.desiredStart, true)}
        />
      </Field>
      <Field id="durationMonths" label={t("requests.field.durationMonths")} error={problems.durationMonths}>
        <input
          type="number"
          min={1}
          max={LIMITS.durationMonths}
          inputMode="numeric"
          defaultValue={values.durationMonths}
          {...invalidProps("durationMonths", problems.durationMonths)}
        />
      </Field>
      <AmountFields
        name="budget"
        labels={{
          amount: t("requests.field.budgetAmount"),
          amountHint: t("requests.field.budgetHint"),
          currency: t("requests.field.budgetCurrency"),
          currencyHint: t("requests.field.currencyHint"),
        }}
        amount={values.budgetAmount}
        currency={values.budgetCurrency}
        problems={problems}
      />
      <Field
        id="counterparts"
        label={t("requests.field.counterparts")}
        hint={t("requests.field.counterpartsHint", { max: LIMITS.counterparts })}
        error={problems.counterparts}
      >
        <textarea
          rows={3}
          defaultValue={values.counterparts}
          {...invalidProps("counterparts", problems.counterparts, true)}
        />
      </Field>
      <Choice
        id="visibility"
        legend={t("form.visibility")}
        hint={t("requests.field.visibilityHint")}
        problem={problems.visibility}
        value={values.visibility}
        options={REQUEST_TIERS.map((tier) => ({ value: tier, label: t(TIER_LABEL[tier]) }))}
      />
      <div className="field checkbox">
        <input
          type="checkbox"
          id="anonymousCounting"
          name="anonymousCounting"
          defaultChecked={values.anonymousCounting}
        />
        <label htmlFor="anonymousCounting">{t("requests.field.anonymousCounting")}</label>
      </div>
    </>
  );
}
