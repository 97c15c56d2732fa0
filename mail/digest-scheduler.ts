import type { Db } from "@/db/connection";
import { authSecret } from "@/db/auth-secret";
import { mailOrigin } from "@/db/mail-origin";
import { queueDueDigests, type DigestRunOptions } from "@/db/mutations/queue-digests";
import { parseDigestHour, pinnedInstant } from "@/lib/domain/digest-schedule";
import { today } from "@/lib/server/clock";
import { runPeriodically, type Periodic } from "@/lib/server/periodic";

// Digests are queued by the server process itself, on a timer, with no service of its own
// (docs/decisions/0024): every check queues whatever is due and records each period done, so a
// check after a restart catches up what the server slept through. The outbox worker sends them.
// `npm run digests:send` runs one check, for cron in a deployment that prefers it.

export type DigestSettings = Omit<DigestRunOptions, "now" | "today"> & {
  /** The clock; with TRACKER_TODAY set, moved to that date (pinnedInstant). */
  now: () => Date;
  today: () => string;
};

/** The settings a server reads: TRACKER_ORIGIN, the auth secret, TRACKER_DIGEST_HOUR, TRACKER_TODAY. */
export function digestSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DigestSettings {
  const pinned = env.TRACKER_TODAY?.trim() || null;
  return {
    origin: mailOrigin(env),
    secret: authSecret(env),
    hour: parseDigestHour(env.TRACKER_DIGEST_HOUR),
    now: () => pinnedInstant(new Date(), pinned),
    today,
  };
}

const defaultLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/** One check: queues every digest due now. */
export function checkDigests(db: Db, settings: DigestSettings, log = defaultLog) {
  const report = queueDueDigests(db, { ...settings, now: settings.now(), today: settings.today() });
  if (report.deadline_digest.queued + report.watch_digest.queued > 0)
    log({ level: "info", message: "digests queued", ...report });
  return report;
}

/**
 * Checks every `intervalMs` (and once at start) on the server's shared timer loop. A failed check
 * is logged and the next one tries again; nothing is lost, since what a check did not record as
 * done is still due.
 */
export function startDigestScheduler(
  db: Db,
  settings: DigestSettings,
  { intervalMs = 10 * 60_000, log = defaultLog }: { intervalMs?: number; log?: typeof defaultLog } = {},
): Periodic<ReturnType<typeof checkDigests>> {
  return runPeriodically(
    async () => checkDigests(db, settings, log),
    intervalMs,
    (error) => log({ level: "error", message: "digest check failed", error: String(error) }),
  );
}

/**
 * TRACKER_DIGEST_CHECK_SECONDS: how often digests are checked (600 s unless set; tests set 1), or
 * null for "0": this process checks none, for a deployment that checks from cron and for tests
 * that count every message.
 */
export function digestIntervalMs(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.TRACKER_DIGEST_CHECK_SECONDS?.trim() || "600";
  const seconds = Number(raw);
  if (seconds === 0) return null;
  return Number.isFinite(seconds) && seconds >= 0.1 ? seconds * 1000 : 600_000;
}
