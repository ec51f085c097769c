import { useT } from "../../../platform/ui/i18n";
import { RESPONSE_LABEL } from "./labels";

/** Who recommended what to whom, when, and the answer: the line under a recommendation in any list. */
export function RecommendationFacts({
  item,
}: {
  item: {
    kind: string;
    state: string;
    by: string[];
    cycle: number | null;
    session: number | null;
    year: number | null;
    response: string | null;
  };
}) {
  const t = useT();
  const response = item.response ? RESPONSE_LABEL[item.response] : undefined;
  return (
    <p className="hint">
      {item.kind === "voluntary-pledge"
        ? t("search.pledgeBy", { state: item.state })
        : t("search.recommendedTo", { state: item.state, by: item.by.join(", ") || "—" })}
      {" · "}
      {t("search.when", { cycle: item.cycle ?? "—", session: item.session ?? "—", year: item.year ?? "—" })}
      {response && ` · ${t(response)}`}
    </p>
  );
}
