import { databasePath, openDatabase } from "@/db/connection";
import { transportFromEnv } from "@/mail/transport";
import { drainOutbox } from "@/mail/worker";

// `npm run mail:send`: sends everything due in the outbox once and exits, with the same
// settings as the server (SMTP_URL, MAIL_FROM). For a deployment that runs the sender from cron
// rather than in `npm start`, and for tests that need the outbox drained now. Safe beside a
// running server: both lease what they send (docs/decisions/0023-mail-outbox.md).

async function main(): Promise<void> {
  const file = databasePath();
  const db = openDatabase(file, { seed: false });
  const transport = transportFromEnv(file);
  try {
    const sent = await drainOutbox({ db, transport });
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
