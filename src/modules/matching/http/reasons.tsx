import { codeLabel, PROVIDER_TYPE_LABEL, SUPPORT_KIND_LABEL, useLanguageName } from "../../../platform/ui/form-fields";
import { useLocale, useT } from "../../../platform/ui/i18n";
import type { ReasonCode } from "../domain/weights";
import type { StoredReason } from "../schema";
import { FAMILY_LABEL, REASON_LABEL } from "./labels";

/**
 * Why a pair was suggested: each reason in the reader's language, what it added, and what the two
 * sides share (theme names, SDG targets, kinds of support, languages).
 */
export function ReasonList({ reasons, themes }: { reasons: readonly StoredReason[]; themes: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const languageName = useLanguageName();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "always" });
  const itemName = (code: string, item: string) => {
    switch (code) {
      case "theme":
      case "recommendation-theme":
        return themes[item] ?? item;
      case "theme-family":
        return codeLabel(FAMILY_LABEL, item, t);
      case "support-kind":
        return codeLabel(SUPPORT_KIND_LABEL, item, t);
      case "provider-type":
        return codeLabel(PROVIDER_TYPE_LABEL, item, t);
      case "language":
        return languageName(item);
      default:
        return item;
    }
  };
  return (
    <ul className="reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          <strong>
            {REASON_LABEL[reason.code as ReasonCode] ? t(REASON_LABEL[reason.code as ReasonCode]) : reason.code}
          </strong>{" "}
          <span>({number.format(reason.contribution)})</span>
          {reason.items.length > 0 && (
            <span>: {reason.items.map((item) => itemName(reason.code, item)).join(", ")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
