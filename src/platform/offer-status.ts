import type { Actor } from "./actor";
import type { AuditContext } from "./audit/record";
import type { Db } from "./db/database";

/** An offer's status changed (open, paused, closed), by its owner. */
export interface OfferStatusChange {
  actor: Actor;
  offerId: string;
  from: string;
  to: string;
  request?: AuditContext;
}

/**
 * What another module does when an offer's status changes, in the offers module's transaction:
 * the change and its consequences land together or not at all. The offers module cannot call the
 * modules built on offers (matching reads offers, so the reverse would be a cycle), so they
 * register here at the composition root (boot.ts), as citation sources do.
 */
export type OfferStatusListener = (
  change: OfferStatusChange,
  deps: { db: Db; config?: { publicUrl: string } },
) => Promise<unknown>;
