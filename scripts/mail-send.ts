import { databasePath, openDatabase } from "@/db/connection";
import { transportFromEnv } from "@/mail/transport";
import { drainOutbox } from "@/mail/worker";
import { retryPolicyWithFirstWait } from "@/lib/mail/backoff";

// `npm run mail:send`: sends everything due in the outbox once and exits, with the same
// settings as the server (SMTP_URL, MAIL_FROM). For a deployment that runs the sender from cron
// rather than in `npm start`, and for tests that need the outbox drained now. Safe beside a
// running server: both lease what they send (docs/decisions/0023-mail-outbox.md).

async function main(): Promise<void> {
  const file = databasePath();
  const db = openDatabase(file, { seed: false });
  const transport = transportFromEnv(file);
  try {
    const policy = retryPolicyWithFirstWait(process.env.TRACKER_MAIL_RETRY_SECONDS);
    const sent = await drainOutbox({ db, transport, policy });
    console.log(`Sent ${sent} message(s) through ${transport.description}`);
  } finally {
    transport.close();
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
