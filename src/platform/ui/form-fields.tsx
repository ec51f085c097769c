import type { ReactNode } from "react";
import { LANGUAGE_TAG } from "../i18n/locales";
import type { MessageKey } from "../i18n/messages";
import {
  minorUnitsOf,
  PROVIDER_TYPES,
  type ProviderType,
  SUPPORT_KINDS,
  type SupportKind,
  WORKING_LANGUAGES,
} from "../support-vocabulary";
import { VISIBILITY_TIERS, type VisibilityTier } from "../visibility";
import { Field, FieldError, type FieldProblem, invalidProps } from "./components";
import { useLocale, useT } from "./i18n";

/**
 * Form controls the safe-space forms share (updates, requests, offers): choices from the
 * platform's vocabularies, each a fieldset whose first control carries the field's id, so the
 * error summary's link lands on it. No script: plain radios and checkboxes post as they are.
 */

export const TIER_LABEL: Record<VisibilityTier, MessageKey> = {
  private: "tier.private",
  secretariat: "tier.secretariat",
  providers: "tier.providers",
  public: "tier.public",
};

/**
 * A code's label in the reader's language through its label map; a code the map does not know
 * (stored under an older vocabulary) is shown as it is.
 */
export function codeLabel<K extends string>(
  labels: Record<K, MessageKey>,
  code: string,
  t: (key: MessageKey) => string,
): string {
  return Object.hasOwn(labels, code) ? t(labels[code as K]) : code;
}

export const SUPPORT_KIND_LABEL: Record<SupportKind, MessageKey> = {
  expertise: "supportKind.expertise",
  training: "supportKind.training",
  "peer-exchange": "supportKind.peer-exchange",
  "legislative-review": "supportKind.legislative-review",
  "institution-building": "supportKind.institution-building",
  "data-indicators": "supportKind.data-indicators",
  equipment: "supportKind.equipment",
  funding: "supportKind.funding",
};

export const PROVIDER_TYPE_LABEL: Record<ProviderType, MessageKey> = {
  "state-african": "providerType.state-african",
  "state-asia-pacific": "providerType.state-asia-pacific",
  "state-eastern-european": "providerType.state-eastern-european",
  "state-latin-american-caribbean": "providerType.state-latin-american-caribbean",
  "state-western-european-other": "providerType.state-western-european-other",
  "un-entity": "providerType.un-entity",
  nhri: "providerType.nhri",
  ngo: "providerType.ngo",
  "regional-organisation": "providerType.regional-organisation",
  academic: "providerType.academic",
  donor: "providerType.donor",
};

/** A language's name in the reader's language ("French", "français", "法语"). */
export function useLanguageName(): (code: string) => string {
  const names = new Intl.DisplayNames([useLocale()], { type: "language" });
  return (code) => names.of(code) ?? code;
}

/** An amount kept in minor units, as people read it: "USD 25,000.00" in the reader's conventions. */
export function useMoney(): (minor: number, currency: string) => string {
  const locale = LANGUAGE_TAG[useLocale()];
  return (minor, currency) =>
    new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** minorUnitsOf(currency));
}

/**
 * A posted form, read for a use case: `one` for a single field (absent or a file reads as
 * undefined), `all` for checkbox groups and hidden lists, which repeat their name.
 */
export async function readForm(request: Request) {
  const form = await request.formData();
  return {
    form,
    one: (name: string): string | undefined => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    },
    all: (name: string): string[] => form.getAll(name).filter((v): v is string => typeof v === "string"),
  };
}

/** One row of a facts list (`<dl className="facts">`): the term and what the record says. */
export function Fact({ term, lang, children }: { term: string; lang?: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd lang={lang}>{children}</dd>
    </>
  );
}

export interface Option {
  value: string;
  label: string;
  /** The option's own language when it is not the page's (theme labels are English). */
  lang?: string;
}

function describedBy(id: string, hint: boolean, problem: FieldProblem | undefined) {
  return [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Fieldset({
  id,
  legend,
  hint,
  problem,
  children,
  className,
}: {
  id: string;
  legend: string;
  hint?: string;
  problem?: FieldProblem;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      className={className ? `field ${className}` : "field"}
      aria-describedby={describedBy(id, !!hint, problem)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={problem} />
      {children}
    </fieldset>
  );
}

function Options({
  id,
  type,
  options,
  checked,
  problem,
}: {
  id: string;
  type: "radio" | "checkbox";
  options: Option[];
  checked: (value: string) => boolean;
  problem?: FieldProblem;
}) {
  return options.map((option, i) => {
    const optionId = i === 0 ? id : `${id}-${option.value.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    return (
      // The label wraps its control, so a long label flows beside it instead of under it.
      <div key={option.value}>
        <label htmlFor={optionId}>
          <input
            type={type}
            id={optionId}
            name={id}
            value={option.value}
            defaultChecked={checked(option.value)}
            aria-invalid={problem ? true : undefined}
          />{" "}
          <span lang={option.lang}>{option.label}</span>
        </label>
      </div>
    );
  });
}

/** One choice among a few, as radio buttons. */
export function Choice(props: {
  id: string;
  legend: string;
  hint?: string;
  problem?: FieldProblem;
  options: Option[];
  value: string;
}) {
  return (
    <Fieldset {...props}>
      <Options
        id={props.id}
        type="radio"
        options={props.options}
        checked={(v) => v === props.value}
        problem={props.problem}
      />
    </Fieldset>
  );
}

/** Any number of choices, as checkboxes; the form posts one value per checked box. */
export function CheckboxGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  problem?: FieldProblem;
  options: Option[];
  values: readonly string[];
  /** Long lists (themes) flow in columns. */
  columns?: boolean;
}) {
  return (
    <Fieldset {...props} className={props.columns ? "columns" : undefined}>
      <Options
        id={props.id}
        type="checkbox"
        options={props.options}
        checked={(v) => props.values.includes(v)}
        problem={props.problem}
      />
    </Fieldset>
  );
}

/** Who may see a record: the State's choice of tier (PRODUCT.md principle 4). */
export function VisibilityChoice({
  value,
  problem,
  legend,
  hint,
}: {
  value: string;
  problem?: FieldProblem;
  legend?: string;
  hint?: string;
}) {
  const t = useT();
  return (
    <Choice
      id="visibility"
      legend={legend ?? t("form.visibility")}
      hint={hint ?? t("form.visibilityHint")}
      problem={problem}
      value={value}
      options={VISIBILITY_TIERS.map((tier) => ({ value: tier, label: t(TIER_LABEL[tier]) }))}
    />
  );
}

export function SupportKindsField({ values, problem }: { values: readonly string[]; problem?: FieldProblem }) {
  const t = useT();
  return (
    <CheckboxGroup
      id="supportKinds"
      legend={t("form.supportKinds")}
      problem={problem}
      values={values}
      options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(SUPPORT_KIND_LABEL[k]) }))}
    />
  );
}

export function ProviderTypesField({
  values,
  problem,
  legend,
  hint,
}: {
  values: readonly string[];
  problem?: FieldProblem;
  legend: string;
  hint?: string;
}) {
  const t = useT();
  return (
    <CheckboxGroup
      id="providerTypes"
      legend={legend}
      hint={hint}
      problem={problem}
      values={values}
      options={PROVIDER_TYPES.map((p) => ({ value: p, label: t(PROVIDER_TYPE_LABEL[p]) }))}
    />
  );
}

export function WorkingLanguagesField({ values, problem }: { values: readonly string[]; problem?: FieldProblem }) {
  const t = useT();
  const name = useLanguageName();
  return (
    <CheckboxGroup
      id="workingLanguages"
      legend={t("form.workingLanguages")}
      problem={problem}
      values={values}
      columns
      options={WORKING_LANGUAGES.map((code) => ({ value: code, label: name(code) }))}
    />
  );
}

/** Human-rights themes from the reference vocabulary; their labels are English, marked so. */
export function ThemesField({
  themes,
  values,
  problem,
}: {
  themes: readonly { code: string; label: string }[];
  values: readonly string[];
  problem?: FieldProblem;
}) {
  const t = useT();
  return (
    <CheckboxGroup
      id="themes"
      legend={t("form.themes")}
      hint={t("form.themesHint")}
      problem={problem}
      values={values}
      columns
      options={themes.map((theme) => ({ value: theme.code, label: theme.label, lang: "en" }))}
    />
  );
}

/**
 * SDG targets, one collapsible group per goal (169 targets would bury the form). A goal with a
 * chosen target starts open, so nothing chosen is hidden.
 */
export function SdgTargetsField({
  goals,
  values,
  problem,
}: {
  goals: readonly { code: number; short: string; targets: readonly { code: string; title: string }[] }[];
  values: readonly string[];
  problem?: FieldProblem;
}) {
  const t = useT();
  return (
    <Fieldset id="sdgTargets" legend={t("form.sdgTargets")} hint={t("form.sdgTargetsHint")} problem={problem}>
      {goals.map((goal, g) => (
        <details key={goal.code} open={goal.targets.some((target) => values.includes(target.code))}>
          <summary>{t("form.sdgGoal", { goal: goal.code, title: goal.short })}</summary>
          {goal.targets.map((target, i) => {
            const optionId = g === 0 && i === 0 ? "sdgTargets" : `sdgTargets-${target.code.replace(".", "_")}`;
            return (
              <div key={target.code}>
                <label htmlFor={optionId}>
                  <input
                    type="checkbox"
                    id={optionId}
                    name="sdgTargets"
                    value={target.code}
                    defaultChecked={values.includes(target.code)}
                    aria-invalid={problem ? true : undefined}
                  />{" "}
                  {t("form.sdgTarget", { target: target.code, title: target.title })}
                </label>
              </div>
            );
          })}
        </details>
      ))}
    </Fieldset>
  );
}

/** The language a record is written in, so pages can mark its text with `lang`. */
export function ContentLanguageField({
  label,
  hint,
  value,
  problem,
}: {
  label: string;
  hint?: string;
  value: string;
  problem?: FieldProblem;
}) {
  const name = useLanguageName();
  return (
    <Field id="language" label={label} hint={hint} error={problem}>
      <select defaultValue={value} {...invalidProps("language", problem, Boolean(hint))}>
        {WORKING_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {name(code)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * An amount and its currency, posted as `<name>Amount` and `<name>Currency` and read with
 * `parseAmount`. Figures and codes read left to right in every language.
 */
export function AmountFields({
  name,
  labels,
  amount,
  currency,
  problems,
}: {
  name: string;
  labels: { amount: string; amountHint: string; currency: string; currencyHint: string };
  amount: string;
  currency: string;
  problems: Partial<Record<string, FieldProblem>>;
}) {
  const amountId = `${name}Amount`;
  const currencyId = `${name}Currency`;
  return (
    <>
      <Field id={amountId} label={labels.amount} hint={labels.amountHint} error={problems[amountId]}>
        <input
          type="text"
          inputMode="decimal"
          dir="ltr"
          defaultValue={amount}
          {...invalidProps(amountId, problems[amountId], true)}
        />
      </Field>
      <Field id={currencyId} label={labels.currency} hint={labels.currencyHint} error={problems[currencyId]}>
        <input
          type="text"
          maxLength={3}
          autoCapitalize="characters"
          dir="ltr"
          defaultValue={currency}
          {...invalidProps(currencyId, problems[currencyId], true)}
        />
      </Field>
    </>
  );
}
