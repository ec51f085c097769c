import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./server-process";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  language: string | null;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, for the tests to read. */
export async function startSmtpPeer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            language: (mail.headers.get("content-language") as string | undefined) ?? null,
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
