import type { AppLoadContext } from "react-router";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { amountText, minorUnitsOf, WORKING_LANGUAGES } from "../../../platform/support-vocabulary";
import { Field, invalidProps } from "../../../platform/ui/components";
import {
  CheckboxGroup,
  Choice,
  SdgTargetsField,
  SupportKindsField,
  ThemesField,
  useLanguageName,
  WorkingLanguagesField,
} from "../../../platform/ui/form-fields";
import { useLocale, useT } from "../../../platform/ui/i18n";
import { VISIBILITY_TIERS } from "../../../platform/visibility";
import { GROUP_LABEL, listCountries, listSdgGoals, listVocabularies, REGIONAL_GROUPS } from "../../reference-data";
import { ELIGIBLE_STATUSES, LIMITS, type OfferForm, type Problems } from "../domain/offer";
import type { Offer } from "../store";
import { ELIGIBLE_STATUS_LABEL, ELIGIBLE_STATUS_SHORT, OFFER_TIER_LABEL } from "./labels";

/** A calendar date (`2026-03-01`) in the reader's language, read as UTC so it never shifts a day. */
export function useDay(): (isoDate: string) => string {
  const format = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], { dateStyle: "medium", timeZone: "UTC" });
  return (isoDate) => format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function useMoney(): (minor: number, currency: string) => string {
  const locale = LANGUAGE_TAG[useLocale()];
  return (minor, currency) =>
    new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** minorUnitsOf(currency));
}

/** Who may ask, as short labelled parts: "Regional group: …", "Status: …", "Named States: …". */
export function useEligibilityParts(): (
  eligibility: Offer["eligibility"],
  stateName: (iso3: string) => string,
) => string[] {
  const t = useT();
  const locale = LANGUAGE_TAG[useLocale()];
  const either = new Intl.ListFormat(locale, { type: "disjunction" });
  const all = new Intl.ListFormat(locale, { type: "conjunction", style: "narrow" });
  return (e, stateName) => {
    if (e.regionalGroups.length + e.statuses.length + e.namedStates.length === 0) return [t("offers.eligibility.any")];
    const parts: string[] = [];
    if (e.regionalGroups.length > 0)
      parts.push(
        t("offers.eligibility.groups", {
          groups: either.format(
            e.regionalGroups.map((g) => (g in GROUP_LABEL ? t(GROUP_LABEL[g as keyof typeof GROUP_LABEL]) : g)),
          ),
        }),
      );
    if (e.statuses.length > 0)
      parts.push(
        t("offers.eligibility.statuses", {
          statuses: either.format(e.statuses.map((s) => (ELIGIBLE_STATUS_SHORT[s] ? t(ELIGIBLE_STATUS_SHORT[s]) : s))),
        }),
      );
    if (e.namedStates.length > 0) {
      const shown = e.namedStates.slice(0, 5).map(stateName);
      const more = e.namedStates.length - shown.length;
      parts.push(
        t("offers.eligibility.states", {
          states: all.format(more > 0 ? [...shown, t("offers.eligibility.more", { count: more })] : shown),
        }),
      );
    }
    return parts;
  };
}

/** What the form shows and sends back: lists as arrays, everything else as typed. */
export interface OfferValues {
  organisationId: string;
  title: string;
  description: string;
  language: string;
  themes: string[];
  sdgTargets: string[];
  supportKinds: string[];
  workingLanguages: string[];
  eligibleGroups: string[];
  eligibleStatuses: string[];
  eligibleStates: string[];
  capacity: string;
  contributionAmount: string;
  contributionCurrency: string;
  validFrom: string;
  validUntil: string;
  visibility: string;
}

const LIST_FIELDS = [
  "themes",
  "sdgTargets",
  "supportKinds",
  "workingLanguages",
  "eligibleGroups",
  "eligibleStatuses",
  "eligibleStates",
] as const;
const TEXT_FIELDS = [
  "organisationId",
  "title",
  "description",
  "language",
  "capacity",
  "contributionAmount",
  "contributionCurrency",
  "validFrom",
  "validUntil",
  "visibility",
] as const;

/** A posted offer form: checkbox groups post one value per ticked box. */
export async function readOfferForm(request: Request): Promise<OfferValues> {
  const form = await request.formData();
  const values = {} as Record<string, string | string[]>;
  for (const field of TEXT_FIELDS) values[field] = String(form.get(field) ?? "");
  for (const field of LIST_FIELDS) values[field] = form.getAll(field).map(String);
  return values as unknown as OfferValues;
}

/** The form's fields as the use case reads them (the organisation is chosen apart). */
export function formOf({ organisationId: _, ...values }: OfferValues): OfferForm {
  return values;
}

export function valuesOf(offer: Offer | null): OfferValues {
  return {
    organisationId: offer?.provider.id ?? "",
    title: offer?.title ?? "",
    description: offer?.description ?? "",
    language: offer?.language ?? "en",
    themes: offer?.themes ?? [],
    sdgTargets: offer?.sdgTargets ?? [],
    supportKinds: offer?.supportKinds ?? [],
    workingLanguages: offer?.workingLanguages ?? [],
    eligibleGroups: offer?.eligibility.regionalGroups ?? [],
    eligibleStatuses: offer?.eligibility.statuses ?? [],
    eligibleStates: offer?.eligibility.namedStates ?? [],
    capacity: String(offer?.capacity ?? 1),
    contributionAmount: offer?.contribution
      ? amountText(offer.contribution.amountMinor, offer.contribution.currency)
      : "",
    contributionCurrency: offer?.contribution?.currency ?? "",
    validFrom: offer?.validFrom ?? "",
    validUntil: offer?.validUntil ?? "",
    visibility: offer?.visibility ?? "providers",
  };
}

/** The vocabularies the form offers, in the reader's language where they have one. */
export async function formChoices(context: AppLoadContext) {
  const { actor, locale, services } = context;
  const [vocabularies, goals, countries] = await Promise.all([
    listVocabularies({ actor }, services),
    listSdgGoals({ actor, withIndicators: false }, services),
    listCountries({ actor, filter: {}, locale }, services),
  ]);
  return {
    themes: vocabularies.themes.map((t) => ({ code: t.code, label: t.label })),
    goals: goals.map((g) => ({
      code: g.code,
      short: g.short[locale],
      targets: g.targets.map((target) => ({ code: target.code, title: target.title[locale] })),
    })),
    countries: countries.map((c) => ({ iso3: c.iso3, name: c.names[locale] })),
  };
}
export type FormChoices = Awaited<ReturnType<typeof formChoices>>;

function TextField({
  id,
  label,
  hint,
  problems,
  value,
  type = "text",
  ...rest
}: {
  id: keyof OfferValues;
  label: string;
  hint?: string;
  problems: Problems;
  value: string;
  type?: string;
  maxLength?: number;
  inputMode?: "decimal" | "numeric";
  autoComplete?: string;
  dir?: "ltr";
}) {
  return (
    <Field id={id} label={label} hint={hint} error={problems[id]}>
      <input type={type} defaultValue={value} {...rest} {...invalidProps(id, problems[id], Boolean(hint))} />
    </Field>
  );
}

/** The offer's fields, in the order a provider thinks of them: what, on what, for whom, how much, who sees it. */
export function OfferFields({
  values,
  problems,
  choices,
  organisations,
}: {
  values: OfferValues;
  problems: Problems;
  choices: FormChoices;
  /** Offered as a choice when the actor publishes for more than one organisation. */
  organisations: { id: string; name: string }[];
}) {
  const t = useT();
  const languageName = useLanguageName();
  const statesOpen = values.eligibleStates.length > 0 || Boolean(problems.eligibleStates);
  return (
    <>
      {organisations.length > 1 && (
        <Field id="organisationId" label={t("offers.field.organisation")}>
          <select id="organisationId" name="organisationId" defaultValue={values.organisationId}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <TextField
        id="title"
        label={t("offers.field.title")}
        hint={t("offers.field.titleHint", { max: LIMITS.title })}
        problems={problems}
        value={values.title}
        maxLength={LIMITS.title}
      />
      <Field
        id="description"
        label={t("offers.field.description")}
        hint={t("offers.field.descriptionHint", { max: LIMITS.description })}
        error={problems.description}
      >
        <textarea
          rows={8}
          defaultValue={values.description}
          {...invalidProps("description", problems.description, true)}
        />
      </Field>
      <Field
        id="language"
        label={t("offers.field.language")}
        hint={t("offers.field.languageHint")}
        error={problems.language}
      >
        <select defaultValue={values.language} {...invalidProps("language", problems.language, true)}>
          {WORKING_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </Field>
      <SupportKindsField values={values.supportKinds} problem={problems.supportKinds} />
      <ThemesField themes={choices.themes} values={values.themes} problem={problems.themes} />
      <SdgTargetsField goals={choices.goals} values={values.sdgTargets} problem={problems.sdgTargets} />
      <WorkingLanguagesField values={values.workingLanguages} problem={problems.workingLanguages} />

      <h2>{t("offers.form.eligibility")}</h2>
      <p className="hint">{t("offers.form.eligibilityHint")}</p>
      <CheckboxGroup
        id="eligibleGroups"
        legend={t("offers.field.eligibleGroups")}
        hint={t("offers.field.eligibleGroupsHint")}
        problem={problems.eligibleGroups}
        values={values.eligibleGroups}
        options={REGIONAL_GROUPS.map((g) => ({ value: g, label: t(GROUP_LABEL[g]) }))}
      />
      <CheckboxGroup
        id="eligibleStatuses"
        legend={t("offers.field.eligibleStatuses")}
        hint={t("offers.field.eligibleStatusesHint")}
        problem={problems.eligibleStatuses}
        values={values.eligibleStatuses}
        options={ELIGIBLE_STATUSES.map((s) => ({ value: s, label: t(ELIGIBLE_STATUS_LABEL[s]!) }))}
      />
      {/* 195 boxes would bury the form: folded unless some are ticked or need fixing. */}
      <details open={statesOpen}>
        <summary>{t("offers.field.eligibleStatesSummary", { count: values.eligibleStates.length })}</summary>
        <CheckboxGroup
          id="eligibleStates"
          legend={t("offers.field.eligibleStates")}
          hint={t("offers.field.eligibleStatesHint")}
          problem={problems.eligibleStates}
          values={values.eligibleStates}
          columns
          options={choices.countries.map((c) => ({ value: c.iso3, label: c.name }))}
        />
      </details>

      <h2>{t("offers.form.means")}</h2>
      <TextField
        id="capacity"
        type="number"
        label={t("offers.field.capacity")}
        hint={t("offers.field.capacityHint", { min: LIMITS.capacityMin, max: LIMITS.capacityMax })}
        problems={problems}
        value={values.capacity}
        inputMode="numeric"
      />
      <TextField
        id="contributionAmount"
        label={t("offers.field.contributionAmount")}
        hint={t("offers.field.contributionAmountHint")}
        problems={problems}
        value={values.contributionAmount}
        inputMode="decimal"
        dir="ltr"
      />
      <TextField
        id="contributionCurrency"
        label={t("offers.field.contributionCurrency")}
        hint={t("offers.field.contributionCurrencyHint")}
        problems={problems}
        value={values.contributionCurrency}
        maxLength={3}
        dir="ltr"
      />
      <TextField
        id="validFrom"
        type="date"
        label={t("offers.field.validFrom")}
        hint={t("offers.field.dateHint")}
        problems={problems}
        value={values.validFrom}
      />
      <TextField
        id="validUntil"
        type="date"
        label={t("offers.field.validUntil")}
        hint={t("offers.field.dateHint")}
        problems={problems}
        value={values.validUntil}
      />
      <Choice
        id="visibility"
        legend={t("offers.field.visibility")}
        hint={t("offers.field.visibilityHint")}
        problem={problems.visibility}
        value={values.visibility}
        options={VISIBILITY_TIERS.map((tier) => ({ value: tier, label: t(OFFER_TIER_LABEL[tier]) }))}
      />
    </>
  );
}
