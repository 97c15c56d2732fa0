import { databasePath, openDatabase } from "@/db/connection";
import { checkDigests, digestSettingsFromEnv } from "@/mail/digest-scheduler";

// `npm run digests:send`: queues every digest that is due and exits; `npm run mail:send` (or a
// running server's worker) sends them. `npm start` checks every 10 minutes by itself; this is
// for a deployment that runs the checks from cron instead, e.g.
//   */10 * * * *  npm run digests:send && npm run mail:send
// Safe beside running servers: each person's previous digest is re-read under the write lock,
// and every sender leases what it sends, so nothing is queued or sent twice (docs/decisions/0024).

const db = openDatabase(databasePath(), { seed: false });
try {
  const { deadline_digest, watch_digest } = checkDigests(db, digestSettingsFromEnv(), () => {});
  console.log(
    `Queued ${deadline_digest.queued} deadline and ${watch_digest.queued} watch digest(s); ` +
      `${deadline_digest.empty + watch_digest.empty} had nothing to say.`,
  );
} finally {
  db.$client.close();
}
