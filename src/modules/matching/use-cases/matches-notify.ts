import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { type AudienceSelector, type NotificationKind, notify } from "../../notifications";
import {
  isPlatformReason,
  type MatchAction,
  type MatchStepTaker,
  matchRecord,
  type Proposer,
} from "../domain/workflow";
import type { MatchRow } from "./matches-store";

const STATE_SIDE = (match: MatchRow): AudienceSelector[] => [
  { organisationId: match.stateOrganisationId, role: "state-focal-point" },
];
/** Those who speak for the provider: as offers are published (a State provides too, and OHCHR through its officers). */
const PROVIDER_SIDE = (match: MatchRow): AudienceSelector[] => [
  { organisationId: match.providerOrganisationId, role: "provider-focal-point" },
  { organisationId: match.providerOrganisationId, role: "state-focal-point" },
  { organisationId: match.providerOrganisationId, role: "secretariat-officer", secretariat: true },
];
const SECRETARIAT: AudienceSelector[] = [{ role: "secretariat-officer", secretariat: true }];

const KIND: Record<MatchAction | "propose", NotificationKind> = {
  propose: "match-proposed",
  accept: "match-accepted",
  consent: "match-consented",
  decline: "match-declined",
  revoke: "match-revoked",
  activate: "match-progressed",
  close: "match-progressed",
};

/**
 * What the State's revocation notification carries when the State gave no reason: its message
 * chooses the sentence without one (a `select`), since a message's values may not be empty.
 */
export const NO_REASON = "noReason";

/**
 * Tells the other parties of a step, in the caller's transaction: the side that did not take it
 * (both sides when the platform took it), and the secretariat when it proposed the match and so
 * follows it. Each recipient is judged by the match's visibility rule, so a reason, written by one
 * side for the other, reaches only the match's readers; the one who acted is not told of their
 * own act (for a step the platform took, the person whose act caused it).
 */
export async function tellOtherParties(
  db: Db,
  input: {
    actor: Actor;
    party: MatchStepTaker;
    match: MatchRow;
    action: MatchAction | "propose";
    requestTitle: string;
    offerTitle: string;
    reason?: string | null;
  },
  deps: { publicUrl?: string },
) {
  const { match, party } = input;
  const audience: AudienceSelector[] = [];
  if (party !== "state") audience.push(...STATE_SIDE(match));
  if (party !== "provider") audience.push(...PROVIDER_SIDE(match));
  if (party !== "secretariat" && (match.proposedBy as Proposer) === "secretariat") audience.push(...SECRETARIAT);
  const values: Record<string, string> = { title: input.requestTitle, offer: input.offerTitle };
  // A decline always has its reason (the rule requires one; the platform's is a code its message names).
  if (input.action === "decline") values.reason = input.reason ?? "";
  if (input.action === "revoke") values.reason = input.reason?.trim() || NO_REASON;
  // The platform closes a completed request's matches: the message says why, in place of the step.
  if (input.action === "activate" || input.action === "close")
    values.step = input.action === "activate" ? "active" : isPlatformReason(input.reason) ? input.reason : "closed";
  return notify(
    db,
    {
      kind: KIND[input.action],
      subject: { type: "match", id: match.id },
      record: matchRecord(match),
      audience,
      values,
      link: `/matches/${match.id}`,
      exceptUserId: input.actor.kind === "user" ? input.actor.userId : null,
    },
    deps,
  );
}
