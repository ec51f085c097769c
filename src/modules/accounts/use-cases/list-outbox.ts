import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { listOutbox } from "../../../platform/mail/outbox";
import { can } from "../domain/policy";
import { ForbiddenError } from "./list-audit-events";

/**
 * The emails the platform wrote, for administrators. Once delivered, a message's links
 * (invitations, password resets) belong to its recipient alone, so they are hidden here.
 */
export async function listOutboxMessages(
  { actor, limit, offset }: { actor: Actor; limit: number; offset: number },
  deps: { db: Db },
) {
  if (!can(actor, "outbox.view")) throw new ForbiddenError();
  const { messages, total } = await listOutbox(deps.db, limit, offset);
  return {
    total,
    messages: messages.map((m) => ({ ...m, text: m.sentAt ? m.text.replace(/https?:\/\/\S+/g, "[link]") : m.text })),
  };
}
