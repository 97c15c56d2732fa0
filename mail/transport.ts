import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { OutboxRow } from "@/db/schema";

// How a queued message leaves: SMTP through nodemailer when SMTP_URL is set, or else an .eml
// file per message under the data directory, so a fresh `npm start` with no mail server still
// "sends" every message somewhere a person can open it (docs/decisions/0023).

export type MailTransport = {
  /** Sends one message; resolves to where it went, rejects with the reason it did not. */
  send(row: OutboxRow): Promise<string>;
  close(): void;
  /** For the log at start: "SMTP smtp.example.in:587" or the folder written to. */
  description: string;
};

export const DEFAULT_MAIL_FROM = "Make in India localisation tracker <tracker@localhost>";

/** The message as nodemailer takes it. The Message-ID is the outbox row's, so a repeat is recognisable. */
export function messageOf(row: OutboxRow, from: string) {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return {
    from,
    to: row.recipient,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
    headers: row.headers,
    messageId: `<outbox-${row.id}@${domain}>`,
    date: new Date(row.createdAt),
  };
}

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // Every wait is bounded well inside the worker's 10-minute lease, so a stalled server fails
  // the attempt (and it is retried) rather than outlive the lease and invite a second send.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  let where = "SMTP";
  try {
    const url = new URL(smtpUrl);
    where = `SMTP ${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
  } catch {
    // nodemailer reports a malformed URL on the first send, recorded as that message's error.
  }
  return {
    description: where,
    async send(row) {
      const info = await transporter.sendMail(messageOf(row, from));
      return `${where} (${info.response})`;
    },
    close: () => transporter.close(),
  };
}

/** Writes each message, exactly as it would go over SMTP, to `dir/{id}-{kind}.eml`. */
export function fileTransport(dir: string, from: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: dir,
    async send(row) {
      const info = await composer.sendMail(messageOf(row, from));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${row.id}-${row.kind}.eml`);
      if (!Buffer.isBuffer(info.message)) throw new Error("the message was not composed into a buffer");
      fs.writeFileSync(file, info.message);
      return file;
    },
    close: () => composer.close(),
  };
}

/** The transport the settings ask for: SMTP_URL and MAIL_FROM, or files beside the database. */
export function transportFromEnv(databaseFile: string, env: NodeJS.ProcessEnv = process.env): MailTransport {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const smtpUrl = env.SMTP_URL?.trim();
  if (smtpUrl) return smtpTransport(smtpUrl, from);
  return fileTransport(path.join(path.dirname(path.resolve(databaseFile)), "mail"), from);
}
