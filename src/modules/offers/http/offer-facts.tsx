import type { SupportKind } from "../../../platform/support-vocabulary";
import { PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL } from "../../../platform/ui/form-fields";
import { useT } from "../../../platform/ui/i18n";
import type { Offer } from "../store";
import { OFFER_STATUS_LABEL } from "./labels";
import { useDay, useEligibilityParts } from "./offer-parts";

/** The period an offer runs, either end possibly open. */
export function useValidity(): (offer: Pick<Offer, "validFrom" | "validUntil">) => string {
  const t = useT();
  const day = useDay();
  return ({ validFrom, validUntil }) =>
    validFrom && validUntil
      ? t("offers.validity.range", { from: day(validFrom), until: day(validUntil) })
      : validFrom
        ? t("offers.validity.from", { from: day(validFrom) })
        : validUntil
          ? t("offers.validity.until", { until: day(validUntil) })
          : t("offers.validity.open");
}

/** Who offers what, to whom, how many more times, until when: the lines under an offer in a list. */
export function OfferFacts({ offer, stateName }: { offer: Offer; stateName: (iso3: string) => string }) {
  const t = useT();
  const eligibility = useEligibilityParts();
  const validity = useValidity();
  return (
    <dl className="facts">
      <dt>{t("offers.fact.provider")}</dt>
      <dd>
        {offer.provider.name}
        {offer.provider.type && ` · ${t(PROVIDER_TYPE_LABEL[offer.provider.type])}`}
      </dd>
      {offer.supportKinds.length > 0 && (
        <>
          <dt>{t("form.supportKinds")}</dt>
          <dd>{offer.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k as SupportKind])).join(", ")}</dd>
        </>
      )}
      <dt>{t("offers.fact.eligibility")}</dt>
      <dd>{eligibility(offer.eligibility, stateName).join(" · ")}</dd>
      <dt>{t("offers.fact.capacity")}</dt>
      <dd>{t("offers.capacityLeft", { left: offer.capacityLeft, capacity: offer.capacity })}</dd>
      <dt>{t("offers.fact.validity")}</dt>
      <dd>{validity(offer)}</dd>
      {offer.status !== "open" && (
        <>
          <dt>{t("offers.fact.status")}</dt>
          <dd>{t(OFFER_STATUS_LABEL[offer.status])}</dd>
        </>
      )}
    </dl>
  );
}
