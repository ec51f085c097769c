import { PageHeading } from "../../../platform/ui/components";
import { useHref, useLocale, useT } from "../../../platform/ui/i18n";
import type { StoredReason } from "../schema";
import { ReasonList } from "./reasons";

/** A request or an offer as a suggestion page names it: requests with their number. */
interface Named {
  id: string;
  seq?: number;
  title: string;
  language: string;
}

const HEADINGS = {
  request: { title: "matching.suggestions.forRequest.title", lead: "matching.suggestions.forRequest.lead" },
  offer: { title: "matching.suggestions.forOffer.title", lead: "matching.suggestions.forOffer.lead" },
} as const;

function Label({ record }: { record: Named }) {
  return record.seq === undefined ? (
    record.title
  ) : (
    <>
      {record.seq}. {record.title}
    </>
  );
}

/**
 * One suggestion page, for a request (its offers) or an offer (its requests): the record, then
 * each suggestion best first with who stands behind it, its score, its reasons and the way to
 * propose the match.
 */
export function SuggestionList({
  side,
  subject,
  suggestions,
  themes,
}: {
  side: "request" | "offer";
  subject: Named;
  suggestions: (Named & { by: string; score: number; reasons: StoredReason[] })[];
  themes: Record<string, string>;
}) {
  const t = useT();
  const href = useHref();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  const other = side === "request" ? "offers" : "requests";
  const propose = (id: string) =>
    side === "request"
      ? `/matches/new?request=${subject.id}&offer=${id}`
      : `/matches/new?request=${id}&offer=${subject.id}`;
  const heading = HEADINGS[side];
  return (
    <>
      <title>{`${t(heading.title)} · item10`}</title>
      <PageHeading title={t(heading.title)} lead={t(heading.lead)} />
      <p>
        <a href={href(`/${side}s/${subject.id}`)} lang={subject.language}>
          <Label record={subject} />
        </a>
      </p>
      {suggestions.length === 0 ? (
        <p>{t("matching.suggestions.none")}</p>
      ) : (
        <ol className="suggestions">
          {suggestions.map((s) => (
            <li key={s.id}>
              <h2>
                <a href={href(`/${other}/${s.id}`)} lang={s.language}>
                  <Label record={s} />
                </a>
              </h2>
              <p>
                {s.by} · {t("matching.suggestions.score", { score: number.format(s.score) })}
              </p>
              <ReasonList reasons={s.reasons} themes={themes} />
              <p>
                <a href={href(propose(s.id))}>{t("matching.suggestions.propose")}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={href("/secretariat/matching-weights")}>{t("matching.suggestions.howRanked")}</a>
      </p>
    </>
  );
}
