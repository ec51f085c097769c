/**
 * Who is acting. Every use case receives one explicitly, so authorisation never depends on
 * ambient state. Signed-in users join this union with the accounts module.
 */
export type Actor =
  | { kind: "anonymous" }
  /** The platform itself: boot-time loading, scheduled jobs. `process` names which part. */
  | { kind: "system"; process: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function systemActor(process: string): Actor {
  return { kind: "system", process };
}
