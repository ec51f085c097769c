import type { MessageKey } from "../../../platform/i18n/messages";
import { codeLabel, Fact, SUPPORT_KIND_LABEL, useLanguageName } from "../../../platform/ui/form-fields";
import { useHref, useT } from "../../../platform/ui/i18n";
import type { Offer } from "../../offers";
import type { ReferenceNames } from "../../reference-data";
import type { RestrictedRequestField } from "../../requests";
import type { MatchAction, MatchState, PlatformReason, Proposer } from "../domain/workflow";
import type { RequestPublicPart } from "../use-cases/matches-read";

/** Catalogue keys for the match workflow's vocabulary, so every page names states and steps alike. */
export const MATCH_STATE_LABEL = {
  proposed: "matches.state.proposed",
  accepted: "matches.state.accepted",
  consented: "matches.state.consented",
  active: "matches.state.active",
  closed: "matches.state.closed",
  declined: "matches.state.declined",
  revoked: "matches.state.revoked",
} as const satisfies Record<MatchState, MessageKey>;

export const MATCH_ACTION_LABEL = {
  accept: "matches.action.accept",
  consent: "matches.action.consent",
  activate: "matches.action.activate",
  close: "matches.action.close",
  decline: "matches.action.decline",
  revoke: "matches.action.revoke",
} as const satisfies Record<MatchAction, MessageKey>;

/** The history names each step by what happened. */
export const MATCH_EVENT_LABEL = {
  propose: "matches.event.propose",
  accept: "matches.event.accept",
  consent: "matches.event.consent",
  activate: "matches.event.activate",
  close: "matches.event.close",
  decline: "matches.event.decline",
  revoke: "matches.event.revoke",
} as const satisfies Record<MatchAction | "propose", MessageKey>;

/** The platform's reasons, kept as codes in the history, in the reader's language. */
export const PLATFORM_REASON_LABEL = {
  offerClosed: "matches.event.reason.offerClosed",
  offerPaused: "matches.event.reason.offerPaused",
  requestWithdrawn: "matches.event.reason.requestWithdrawn",
  requestInImplementation: "matches.event.reason.requestInImplementation",
  requestCompleted: "matches.event.reason.requestCompleted",
} as const satisfies Record<PlatformReason, MessageKey>;

export const PROPOSER_LABEL = {
  provider: "matches.proposedBy.provider",
  state: "matches.proposedBy.state",
  secretariat: "matches.proposedBy.secretariat",
} as const satisfies Record<Proposer, MessageKey>;

export const RESTRICTED_FIELD_LABEL = {
  budget: "matches.field.budget",
  schedule: "matches.field.schedule",
  counterparts: "matches.field.counterparts",
} as const satisfies Record<RestrictedRequestField, MessageKey>;

/** The restricted fields consented to, named in the reader's language ("the public part only" when none). */
export function useScopeText(): (scope: readonly string[]) => string {
  const t = useT();
  return (scope) =>
    scope.length === 0
      ? t("matches.shared.none")
      : scope
          .map((f) => (f in RESTRICTED_FIELD_LABEL ? t(RESTRICTED_FIELD_LABEL[f as RestrictedRequestField]) : f))
          .join(" · ");
}

export interface RequestSummary {
  id: string;
  seq: number;
  title: string;
  summary: string;
  language: string;
  stateName: string;
  themes: string[];
  supportKinds: string[];
  workingLanguages: string[];
}

/** The public part of a request, as a match shows it to anyone who may read both. */
export function RequestSummaryFacts({ request }: { request: RequestSummary }) {
  const t = useT();
  const href = useHref();
  const languageName = useLanguageName();
  return (
    <>
      <p>
        <a href={href(`/requests/${request.id}`)} lang={request.language}>
          {t("matches.request.number", { number: request.seq })} {request.title}
        </a>
      </p>
      <dl className="facts">
        <Fact term={t("requests.fact.country")}>{request.stateName}</Fact>
        {request.themes.length > 0 && (
          <Fact term={t("form.themes")} lang="en">
            {request.themes.join(" · ")}
          </Fact>
        )}
        {request.supportKinds.length > 0 && (
          <Fact term={t("form.supportKinds")}>
            {request.supportKinds.map((k) => codeLabel(SUPPORT_KIND_LABEL, k, t)).join(" · ")}
          </Fact>
        )}
        {request.workingLanguages.length > 0 && (
          <Fact term={t("form.workingLanguages")}>{request.workingLanguages.map(languageName).join(", ")}</Fact>
        )}
      </dl>
      {request.summary && (
        <p lang={request.language} className="prose">
          {request.summary}
        </p>
      )}
    </>
  );
}

export interface OfferSummary {
  id: string;
  number: number;
  title: string;
  description: string;
  language: string;
  providerName: string;
  supportKinds: string[];
  capacity: number;
  capacityLeft: number;
}

export function OfferSummaryFacts({ offer }: { offer: OfferSummary }) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <p>
        <a href={href(`/offers/${offer.id}`)} lang={offer.language}>
          {t("matches.offer.number", { number: offer.number })} {offer.title}
        </a>
      </p>
      <dl className="facts">
        <Fact term={t("offers.fact.provider")}>{offer.providerName}</Fact>
        {offer.supportKinds.length > 0 && (
          <Fact term={t("form.supportKinds")}>
            {offer.supportKinds.map((k) => codeLabel(SUPPORT_KIND_LABEL, k, t)).join(" · ")}
          </Fact>
        )}
        <Fact term={t("offers.fact.capacity")}>
          {t("offers.capacityLeft", { left: offer.capacityLeft, capacity: offer.capacity })}
        </Fact>
      </dl>
      {offer.description && (
        <p lang={offer.language} className="prose">
          {offer.description}
        </p>
      )}
    </>
  );
}

/** What a refusal of the match use cases says, as a catalogue key. */
export const REFUSAL_MESSAGE: Record<string, MessageKey> = {
  "not-a-party": "matches.error.notAParty",
  "not-for-this-party": "matches.error.notAParty",
  "not-from-this-state": "matches.error.notFromThisState",
  "reason-required": "matches.error.reasonRequired",
  "request-not-open": "matches.error.requestNotOpen",
  "offer-unavailable": "matches.error.offerUnavailable",
  ineligible: "matches.error.ineligible",
  "already-proposed": "matches.error.alreadyProposed",
  "hidden-from-provider": "matches.error.hiddenFromProvider",
};

/** The request's public part with its State and themes named, for the summaries above. */
export function requestSummaryOf(r: RequestPublicPart, names: ReferenceNames): RequestSummary {
  return {
    id: r.id,
    seq: r.seq,
    title: r.title,
    summary: r.summary,
    language: r.language,
    stateName: names.states[r.stateIso3] ?? r.stateIso3,
    themes: r.themes.map((code) => names.themes[code] ?? code),
    supportKinds: r.supportKinds,
    workingLanguages: r.workingLanguages,
  };
}

export function offerSummaryOf(o: Offer): OfferSummary {
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    description: o.description,
    language: o.language,
    providerName: o.provider.name,
    supportKinds: o.supportKinds,
    capacity: o.capacity,
    capacityLeft: o.capacityLeft,
  };
}
