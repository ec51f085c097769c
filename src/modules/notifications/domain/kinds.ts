import type { Role } from "../../../platform/actor";
import type { MessageKey } from "../../../platform/i18n/messages";
import { splitLocalePrefix } from "../../../platform/i18n/negotiate";

/**
 * What a person can be told, and the values each message needs. The text is rendered in the
 * reader's language when shown (stored values, not stored sentences), so every value a kind's
 * message names must be given when the notification is written.
 */
export const NOTIFICATION_KINDS = [
  "screening-due",
  "request-returned",
  "request-opened",
  "request-matches-offer",
  "request-withdrawn",
  "request-progressed",
  "match-proposed",
  "match-accepted",
  "match-consented",
  "match-declined",
  "match-revoked",
  "match-progressed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The ICU arguments of `notification.<kind>`: `title` is the record's own title, in the language it was written in. */
export const NOTIFICATION_VALUES: Record<NotificationKind, readonly string[]> = {
  "screening-due": ["title"],
  "request-returned": ["title", "reason"],
  "request-opened": ["title"],
  "request-matches-offer": ["title", "offer"],
  "request-withdrawn": ["title"],
  /** `step`: where the request moved: implementation, completed or reported (a `select` in the message). */
  "request-progressed": ["title", "step"],
  // Matches: `title` is the request's, `offer` the offer's, each in the language it was written in.
  "match-proposed": ["title", "offer"],
  "match-accepted": ["title", "offer"],
  "match-consented": ["title", "offer"],
  /** `reason`: the declining side's words, or the platform's code (workflow.ts PLATFORM_REASONS), a `select` in the message. */
  "match-declined": ["title", "offer", "reason"],
  /** `reason`: the State's words, noReason when it gave none, or requestWithdrawn (a `select` in the message). */
  "match-revoked": ["title", "offer", "reason"],
  /** `step`: active (work started), closed, or requestCompleted (closed by the platform) (a `select`). */
  "match-progressed": ["title", "offer", "step"],
};

export interface NotificationMessages {
  /** One sentence shown in the notification centre and carried by the email. */
  text: MessageKey;
  /** A short name for the kind: the email's subject and the preferences form's legend. */
  label: MessageKey;
}

export const NOTIFICATION_MESSAGES: Record<NotificationKind, NotificationMessages> = {
  "screening-due": { text: "notification.screening-due", label: "notification.screening-due.label" },
  "request-returned": { text: "notification.request-returned", label: "notification.request-returned.label" },
  "request-opened": { text: "notification.request-opened", label: "notification.request-opened.label" },
  "request-matches-offer": {
    text: "notification.request-matches-offer",
    label: "notification.request-matches-offer.label",
  },
  "request-withdrawn": { text: "notification.request-withdrawn", label: "notification.request-withdrawn.label" },
  "request-progressed": { text: "notification.request-progressed", label: "notification.request-progressed.label" },
  "match-proposed": { text: "notification.match-proposed", label: "notification.match-proposed.label" },
  "match-accepted": { text: "notification.match-accepted", label: "notification.match-accepted.label" },
  "match-consented": { text: "notification.match-consented", label: "notification.match-consented.label" },
  "match-declined": { text: "notification.match-declined", label: "notification.match-declined.label" },
  "match-revoked": { text: "notification.match-revoked", label: "notification.match-revoked.label" },
  "match-progressed": { text: "notification.match-progressed", label: "notification.match-progressed.label" },
};

/** Which values a notification of `kind` lacks; an empty list when it can be rendered. */
export function missingValues(kind: NotificationKind, values: Record<string, string | number>): string[] {
  return NOTIFICATION_VALUES[kind].filter((name) => values[name] === undefined || values[name] === "");
}

/**
 * A path on this site without the language prefix (`/requests/…`): the reader's language is
 * added when the link is shown or mailed, and nothing else may be linked from a notification.
 */
export function isSitePath(link: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(link) && splitLocalePrefix(link).locale === null;
}

/** Who is told, in the terms of memberships: all given fields must hold for one membership. */
export interface AudienceSelector {
  role?: Role;
  organisationId?: string;
  secretariat?: boolean;
  userId?: string;
}

export const DELIVERIES = ["immediate", "daily"] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** No preference recorded: an email at once, so nothing due is missed by someone who never opened the form. */
export const DEFAULT_DELIVERY: Delivery = "immediate";
