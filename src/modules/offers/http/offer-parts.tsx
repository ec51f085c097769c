import type { AppLoadContext } from "react-router";
import { LANGUAGE_TAG } from "../../../platform/i18n/locales";
import { amountText } from "../../../platform/support-vocabulary";
import { Field, invalidProps } from "../../../platform/ui/components";
import {
  AmountFields,
  CheckboxGroup,
  Choice,
  ContentLanguageField,
  readForm,
  SdgTargetsField,
  SupportKindsField,
  ThemesField,
  WorkingLanguagesField,
} from "../../../platform/ui/form-fields";
import { useLocale, useT } from "../../../platform/ui/i18n";
import { VISIBILITY_TIERS } from "../../../platform/visibility";
import {
  classificationChoices,
  DEVELOPMENT_STATUS_ABBREVIATION,
  DEVELOPMENT_STATUS_LABEL,
  type DevelopmentStatus,
  GROUP_LABEL,
  listCountries,
  REGIONAL_GROUPS,
} from "../../reference-data";
import { ELIGIBLE_STATUSES, LIMITS, type OfferForm, type Problems } from "../domain/offer";
import type { Offer } from "../store";
import { OFFER_TIER_LABEL } from "./labels";

/** A calendar date (`2026-03-01`) in the reader's language, read as UTC so it never shifts a day. */
export function useDay(): (isoDate: string) => string {
  const format = new Intl.DateTimeFormat(LANGUAGE_TAG[useLocale()], { dateStyle: "medium", timeZone: "UTC" });
  return (isoDate) => format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
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
          statuses: either.format(
            e.statuses.map((s) => {
              const short = DEVELOPMENT_STATUS_ABBREVIATION[s as DevelopmentStatus];
              return short ? t(short) : s;
            }),
          ),
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

/** What the form shows and sends back: lists as arrays, everything else as the text typed. */
export type OfferValues = Record<(typeof TEXT_FIELDS)[number], string> & Record<(typeof LIST_FIELDS)[number], string[]>;

/** A posted offer form: checkbox groups post one value per ticked box. */
export async function readOfferForm(request: Request): Promise<OfferValues> {
  const { one, all } = await readForm(request);
  const values = {} as Record<string, string | string[]>;
  for (const field of TEXT_FIELDS) values[field] = one(field) ?? "";
  for (const field of LIST_FIELDS) values[field] = all(field);
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
  const [classification, countries] = await Promise.all([
    classificationChoices({ actor, locale }, services),
    listCountries({ actor, filter: {}, locale }, services),
  ]);
  return {
    ...classification,
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
  inputMode?: "numeric";
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
      <ContentLanguageField
        label={t("offers.field.language")}
        hint={t("offers.field.languageHint")}
        value={values.language}
        problem={problems.language}
      />
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
        options={ELIGIBLE_STATUSES.map((s) => ({ value: s, label: t(DEVELOPMENT_STATUS_LABEL[s]) }))}
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
      <AmountFields
        name="contribution"
        labels={{
          amount: t("offers.field.contributionAmount"),
          amountHint: t("offers.field.contributionAmountHint"),
          currency: t("offers.field.contributionCurrency"),
          currencyHint: t("offers.field.contributionCurrencyHint"),
        }}
        amount={values.contributionAmount}
        currency={values.contributionCurrency}
        problems={problems}
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
