import type { RetryPolicy } from "@/lib/mail/backoff";

export { givesUp, retryDelayMs } from "@/lib/mail/backoff";
export type { RetryPolicy } from "@/lib/mail/backoff";

// Captures retry as the outbox does (lib/mail/backoff.ts: a wait that doubles after each failed
// attempt, up to a cap, and a last attempt), with a slower policy: a source that cannot be
// fetched is most often a machine without internet or a site that is down for the day, not a
// relay restarting. Waits of 5, 10, 20 … minutes, capped at 12 hours, ten attempts: about three
// days of trying before a capture is left "failed" for a reviewer to ask again.
export const CAPTURE_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 5 * 60_000,
  maxDelayMs: 12 * 60 * 60_000,
};
