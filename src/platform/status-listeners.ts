import type { Actor } from "./actor";
import type { AuditContext } from "./audit/record";
import type { Db } from "./db/database";

/** A record's status changed (an offer paused, a request withdrawn), by a person's act. */
export interface StatusChange {
  actor: Actor;
  /** The record whose status changed. */
  id: string;
  from: string;
  to: string;
  request?: AuditContext;
}

/**
 * What another module does when a record's status changes, in the transaction that changed it:
 * the change and its consequences land together or not at all. The module that owns the record
 * cannot call the modules built on it (matching reads offers and requests, so the reverse would be
 * a cycle), so they register here at the composition root (boot.ts), as citation sources do.
 */
export type StatusListener = (
  change: StatusChange,
  deps: { db: Db; config?: { publicUrl: string } },
) => Promise<unknown>;

/** The records whose status other modules follow, and who follows each. */
export interface StatusListeners {
  offer: readonly StatusListener[];
  request: readonly StatusListener[];
}

/** For a caller that deliberately tells no other module (a test of the owning module alone). */
export const NO_STATUS_LISTENERS: StatusListeners = { offer: [], request: [] };

/**
 * What a use case that changes a status needs besides the database. The listeners are required:
 * a caller that forgot them would leave the other modules' records hanging (a withdrawn request's
 * matches still waiting for consent), so one that means to tell nobody says so.
 */
export interface StatusDeps {
  db: Db;
  config?: { publicUrl: string };
  statusListeners: StatusListeners;
}

/** Tells the listeners of one kind of record of a change, in the transaction `db` that made it. */
export async function tellStatusListeners(
  db: Db,
  record: keyof StatusListeners,
  change: StatusChange,
  deps: StatusDeps,
): Promise<void> {
  for (const listener of deps.statusListeners[record]) await listener(change, { db, config: deps.config });
}
