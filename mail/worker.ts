import type { Db } from "@/db/connection";
import { claimDueMail } from "@/db/mutations/outbox-claim";
import { markMailFailed } from "@/db/mutations/outbox-mark-failed";
import { markMailSent } from "@/db/mutations/outbox-mark-sent";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/mail/backoff";
import { leaseOwner, runPeriodically } from "@/lib/server/periodic";
import type { MailTransport } from "./transport";

export type WorkerOptions = {
  db: Db;
  transport: MailTransport;
  /** Unique per worker; two processes on one database must not share it. */
  owner?: string;
  /** The clock, injected so tests can move past a backoff without waiting for it. */
  now?: () => Date;
  /** Longer than any one send takes (nodemailer gives up on a silent server within minutes). */
  leaseMs?: number;
  batch?: number;
  policy?: RetryPolicy;
  log?: (entry: Record<string, unknown>) => void;
};

const defaultLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/**
 * Sends everything due, a batch at a time, until nothing is due. Each message is claimed under a
 * lease, sent, and marked sent or failed; a failure is recorded, never thrown, so one bad
 * message does not hold up the rest. Resolves to the number of messages sent.
 */
export async function drainOutbox(options: WorkerOptions): Promise<number> {
  const { db, transport, policy = DEFAULT_RETRY_POLICY, log = defaultLog } = options;
  const owner = options.owner ?? leaseOwner();
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let sent = 0;
  for (;;) {
    const due = claimDueMail(db, { owner, now: now(), leaseMs, limit: options.batch ?? 20 });
    if (due.length === 0) return sent;
    for (const row of due) {
      try {
        const where = await transport.send(row);
        if (markMailSent(db, row.id, owner, now())) sent += 1;
        log({ level: "info", message: "mail sent", id: row.id, kind: row.kind, to: where });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const state = markMailFailed(db, row.id, owner, now(), reason, policy);
        log({
          level: state === "failed" ? "error" : "warn",
          message: state === "failed" ? "mail failed for good" : "mail not sent; will retry",
          id: row.id,
          kind: row.kind,
          attempt: row.attempts,
          error: reason,
        });
      }
    }
  }
}

export type RunningWorker = { stop(): Promise<void>; drain(): Promise<number> };

/**
 * Drains the outbox every `intervalMs` (15 s unless given); `stop` waits for a send in progress,
 * then closes the transport.
 */
export function startOutboxWorker(options: WorkerOptions & { intervalMs?: number }): RunningWorker {
  const owner = options.owner ?? leaseOwner();
  const log = options.log ?? defaultLog;
  const periodic = runPeriodically(
    () => drainOutbox({ ...options, owner }),
    options.intervalMs ?? 15_000,
    (error) => log({ level: "error", message: "outbox drain failed", error: String(error) }),
  );
  return {
    drain: periodic.run,
    async stop() {
      await periodic.stop();
      options.transport.close();
    },
  };
}
