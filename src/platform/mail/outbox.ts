import { and, asc, eq, isNull, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Locale } from "../i18n/locales";
import { getIntl, type MessageKey } from "../i18n/messages";
import type { Logger } from "../logger";
import { outboxMessages } from "./schema";

/** Every email is one of these; its subject and body are catalogue messages `mail.<kind>.subject|body`. */
export type MailKind =
  | "invitation"
  | "password-reset"
  | "join-request-received"
  | "join-request-declined"
  | "account-closed"
  | "notification"
  | "notification-digest";

export interface Mail {
  to: string;
  locale: Locale;
  kind: MailKind;
  values: Record<string, string | number>;
}

/** Writes the message in the recipient's language into the caller's transaction (outbox pattern). */
export async function enqueueMail(tx: Db, mail: Mail): Promise<void> {
  const intl = getIntl(mail.locale);
  await tx.insert(outboxMessages).values({
    recipient: mail.to,
    locale: mail.locale,
    kind: mail.kind,
    subject: intl.formatMessage({ id: `mail.${mail.kind}.subject` as MessageKey }, mail.values),
    text: intl.formatMessage({ id: `mail.${mail.kind}.body` as MessageKey }, mail.values),
  });
}

const transports = new Map<string, Transporter>();

/**
 * Sends what waits in the outbox (the `mail-deliver` job, every minute). Each message is taken
 * under a row lock that other workers skip, so several processes never send one twice.
 * Without SMTP the messages stay for administrators to read.
 */
export async function deliverOutbox(deps: {
  db: Db;
  config: Config;
  logger: Logger;
}): Promise<{ sent: number; failed: number }> {
  const { smtpUrl, from } = deps.config.mail;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < 100; i++) {
    const outcome = await deps.db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outboxMessages)
        .where(and(isNull(outboxMessages.sentAt)))
        .orderBy(asc(outboxMessages.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return "empty" as const;
      try {
        await transport.sendMail({
          from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          headers: { "Content-Language": message.locale },
        });
        await tx
          .update(outboxMessages)
          .set({ sentAt: sql`now()`, lastError: null })
          .where(eq(outboxMessages.id, message.id));
        return "sent" as const;
      } catch (error) {
        await tx
          .update(outboxMessages)
          .set({ lastError: String((error as Error).message).slice(0, 500) })
          .where(eq(outboxMessages.id, message.id));
        deps.logger.warn({ err: error, messageId: message.id }, "email not delivered; will retry");
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else {
      failed++;
      break;
    }
  }
  return { sent, failed };
}

export async function listOutbox(db: Db, limit: number, offset: number) {
  const [rows, [count]] = await Promise.all([
    db.select().from(outboxMessages).orderBy(sql`${outboxMessages.createdAt} desc`).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages),
  ]);
  return { messages: rows, total: Number(count?.n ?? 0) };
}
