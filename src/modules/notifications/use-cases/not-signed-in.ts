import type { Actor } from "../../../platform/actor";

/** Notifications are a person's own: tokens act for organisations, and anonymous readers have none. */
export class NotSignedInError extends Error {}

export function signedInUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new NotSignedInError();
  return actor;
}
