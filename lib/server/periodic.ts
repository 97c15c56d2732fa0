import { randomBytes } from "node:crypto";

// A job run on a timer in the server process: at start, then every `intervalMs`, on a timer
// that does not keep the process alive. Runs never overlap (a tick that finds one running
// skips), a failed run is logged, and `stop` waits for the running one.

export type Periodic<T> = { run(): Promise<T>; stop(): Promise<void> };

export function runPeriodically<T>(
  job: () => Promise<T>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Periodic<T> {
  let running: Promise<T> | null = null;
  const run = () => {
    running ??= job().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    if (!running) run().catch(onError);
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * A name for this process's leases (the outbox's, the capture queue's): unique per worker, so two
 * processes on one database never take each other's claims for their own.
 */
export function leaseOwner(): string {
  return `${process.pid}-${randomBytes(6).toString("hex")}`;
}
