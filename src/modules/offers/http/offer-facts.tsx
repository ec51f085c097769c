import type { SupportKind } from "../../../platform/support-vocabulary";
import { Fact, PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL } from "../../../platform/ui/form-fields";
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
      <Fact term={t("offers.fact.provider")}>
        {offer.provider.name}
        {offer.provider.type && ` · ${t(PROVIDER_TYPE_LABEL[offer.provider.type])}`}
      </Fact>
      {offer.supportKinds.length > 0 && (
        <Fact term={t("form.supportKinds")}>
          {offer.supportKinds.map((k) => t(SUPPORT_KIND_LABEL[k as SupportKind])).join(", ")}
        </Fact>
      )}
      <Fact term={t("offers.fact.eligibility")}>{eligibility(offer.eligibility, stateName).join(" · ")}</Fact>
      <Fact term={t("offers.fact.capacity")}>
        {t("offers.capacityLeft", { left: offer.capacityLeft, capacity: offer.capacity })}
      </Fact>
      <Fact term={t("offers.fact.validity")}>{validity(offer)}</Fact>
      {offer.status !== "open" && <Fact term={t("offers.fact.status")}>{t(OFFER_STATUS_LABEL[offer.status])}</Fact>}
    </dl>
  );
}
