import { eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { type StatusDeps, tellStatusListeners } from "../../../platform/status-listeners";
import type { VisibleRecord } from "../../../platform/visibility";
import { type AudienceSelector, type NotificationKind, notify } from "../../notifications";
import { openOffersMatchingRequest } from "../../offers";
import { getCountry } from "../../reference-data";
import { partyOf } from "../domain/policy";
import { type Problems, readiness } from "../domain/request";
import {
  type DirectAction,
  isDirectAction,
  type RequestAction,
  type RequestState,
  type TransitionRefusal,
  transition,
} from "../domain/workflow";
import { supportRequests as r, requestEvents, requestGrants } from "../schema";
import { grantsOf, linksOf, type RequestRow, selectVisibleRequest, visibleRecordOf } from "../store";

export type ActResult =
  | { outcome: "done"; to: RequestState }
  | { outcome: "refused"; refusal: TransitionRefusal }
  | { outcome: "invalid"; problems: Problems }
  | { outcome: "not-found" };

const OWNER_FOCAL_POINTS = (row: RequestRow): AudienceSelector[] => [
  { organisationId: row.organisationId, role: "state-focal-point" },
];
const SCREENERS: AudienceSelector[] = [
  { role: "secretariat-officer", secretariat: true },
  { role: "advisory-committee-member" },
];

/** The steps a progress notification names, as its message's `select` reads them. */
const STEP_NAME: Partial<Record<string, string>> = {
  "in-implementation": "implementation",
  completed: "completed",
  "reported-back": "reported",
};

/** When each step happened, kept on the request for lists ("open for 40 days") and statistics. */
const STAMPS: Partial<Record<RequestAction, Partial<Record<"submittedAt" | "openedAt" | "matchedAt", SQL | null>>>> = {
  submit: { submittedAt: sql`now()` },
  open: { openedAt: sql`now()` },
  match: { matchedAt: sql`now()` },
  // Reopened, the request is open and unanswered again: the lists count its wait and the
  // secretariat's queue shows it (both read "no matchedAt"). The wait runs from its first
  // opening, kept, since the State has waited for support all along; the match's own dates stay
  // in the request's history and the match's.
  reopen: { matchedAt: null },
};

/**
 * Takes one step of the workflow on a request the caller has locked: the domain rule decides,
 * then the new state, the request's event, the audit row and the notifications are written in
 * the caller's transaction. Refusals write nothing.
 */
export async function applyTransition(
  db: Db,
  actor: Actor,
  row: RequestRow,
  action: RequestAction,
  reason: string | null,
  options: { request?: AuditContext; publicUrl?: string; statusDeps?: StatusDeps } = {},
): Promise<ActResult> {
  const party = partyOf(actor, { ownerOrganisationId: row.organisationId });
  const verdict = transition(row.state as RequestState, action, party, reason);
  if (!verdict.ok) return { outcome: "refused", refusal: verdict.refusal };
  if (action === "submit") {
    const links = await linksOf(db, row.id);
    const problems = readiness({
      summary: row.summary,
      supportKinds: row.supportKinds,
      recommendationCount: links.recommendationIds.length,
      clusterCount: links.clusterIds.length,
    });
    if (Object.keys(problems).length > 0) return { outcome: "invalid", problems };
  }
  const userId = actor.kind === "user" ? actor.userId : null;
  const [updated] = await db
    .update(r)
    .set({ state: verdict.to, updatedAt: sql`now()`, ...STAMPS[action] })
    .where(eq(r.id, row.id))
    .returning();
  const trimmed = reason?.trim() || null;
  await db.insert(requestEvents).values({
    requestId: row.id,
    action,
    fromState: row.state,
    toState: verdict.to,
    reason: trimmed,
    userId,
  });
  await recordAudit(
    db,
    actor,
    {
      action: `request.${action}`,
      subjectType: "support-request",
      subjectId: row.id,
      before: { state: row.state },
      after: { state: verdict.to, reason: trimmed },
      // A reason can say as much as the request itself; the trail records that one was given.
      confidential: ["reason"],
      organisationId: row.organisationId,
    },
    options.request,
  );
  // Those who could read the request when it was withdrawn are told, though it is now withdrawn
  // from them; every other step is told to those who may read it after the step.
  const readers = visibleRecordOf(action === "withdraw" ? row : updated!, await grantsOf(db, row.id));
  await tellThoseConcerned(db, actor, updated!, readers, action, trimmed, options.publicUrl);
  // The other modules hear of the step here (a direct step's caller passes them), before the grants
  // below are touched: they lock the offers and matches they change, then the grants, and every path
  // takes those locks in that order (matching's matches-act.ts), so the grants cannot come first.
  if (options.statusDeps)
    await tellStatusListeners(
      db,
      "request",
      { actor, id: row.id, from: row.state, to: verdict.to, request: options.request },
      options.statusDeps,
    );
  // Withdrawing takes back everything the State shared: no organisation keeps reading the request
  // through a consent given to a match, whatever becomes of the match itself.
  if (action === "withdraw") await db.delete(requestGrants).where(eq(requestGrants.requestId, row.id));
  return { outcome: "done", to: verdict.to };
}

async function tellThoseConcerned(
  db: Db,
  actor: Actor,
  row: RequestRow,
  record: VisibleRecord,
  action: RequestAction,
  reason: string | null,
  publicUrl: string | undefined,
) {
  const base = {
    subject: { type: "support-request" as const, id: row.id },
    record,
    values: { title: row.title, number: row.seq, reason: reason ?? "" },
    link: `/requests/${row.id}`,
    exceptUserId: actor.kind === "user" ? actor.userId : null,
  };
  const send = (kind: NotificationKind, audience: AudienceSelector[], includePriorRecipients = false) =>
    notify(db, { ...base, kind, audience, includePriorRecipients }, { publicUrl });
  switch (action) {
    case "submit":
      await send("screening-due", SCREENERS);
      break;
    case "return":
      await send("request-returned", OWNER_FOCAL_POINTS(row));
      break;
    case "open": {
      await send("request-opened", OWNER_FOCAL_POINTS(row));
      const country = await getCountry({ actor, iso3: row.stateIso3 }, { db });
      const offers = await openOffersMatchingRequest(db, {
        themes: row.themes,
        state: {
          iso3: row.stateIso3,
          regionalGroup: country?.regionalGroup ?? null,
          statuses: country?.statuses ?? [],
        },
      });
      // One notification per provider organisation, naming one of its offers the request meets.
      const firstOffer = new Map<string, string>();
      for (const offer of offers)
        if (offer.organisationId !== row.organisationId && !firstOffer.has(offer.organisationId))
          firstOffer.set(offer.organisationId, offer.title);
      for (const [organisationId, offer] of firstOffer)
        await notify(
          db,
          {
            ...base,
            kind: "request-matches-offer",
            values: { ...base.values, offer },
            audience: [
              { organisationId, role: "provider-focal-point" },
              { organisationId, role: "state-focal-point" },
            ],
          },
          { publicUrl },
        );
      break;
    }
    // The State and the secretariat follow a request through implementation together: each is
    // told of the steps the other takes.
    case "start-implementation":
    case "complete":
    case "report-back":
      await notify(
        db,
        {
          ...base,
          kind: "request-progressed",
          values: { ...base.values, step: STEP_NAME[row.state] ?? "other" },
          audience: [...OWNER_FOCAL_POINTS(row), { role: "secretariat-officer", secretariat: true }],
        },
        { publicUrl },
      );
      break;
    case "withdraw":
      await send("request-withdrawn", [...OWNER_FOCAL_POINTS(row), ...SCREENERS], true);
      break;
    // Matching and reopening: the match workflow tells both parties of the consent or revocation
    // that caused them; a second notice from here would say the same thing twice.
    default:
      break;
  }
}

/**
 * A step the State or the secretariat takes on a request directly: submit, start screening,
 * withdraw, start implementation, complete, report back. Opening and returning go through
 * screening (screenRequest), matching through the match workflow.
 *
 * What follows in other modules happens in the same transaction, through the listeners registered
 * in boot.ts (platform/status-listeners.ts): a request withdrawn, under way or completed ends the
 * matches that can no longer go on. The request row is locked first; the listeners lock what they
 * change after it (matching: the offers, then the matches, then the grants).
 */
export async function actOnRequest(
  input: {
    actor: Actor;
    id: string;
    action: DirectAction;
    reason?: string | null;
    request?: AuditContext;
  },
  deps: StatusDeps,
): Promise<ActResult> {
  // Checked here, not only by the type: a caller that casts must not open a request unscreened.
  if (!isDirectAction(input.action)) return { outcome: "refused", refusal: "not-for-this-party" };
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const found = await selectVisibleRequest(db, input.actor, input.id, true);
    if (!found) return { outcome: "not-found" } as const;
    return applyTransition(db, input.actor, found.row, input.action, input.reason ?? null, {
      request: input.request,
      publicUrl: deps.config?.publicUrl,
      statusDeps: deps,
    });
  });
}
