/** How the outbox spaces out attempts to send one message. */
export type RetryPolicy = {
  /** Attempts in all, the first included; after the last failure a message stays failed. */
  maxAttempts: number;
  /** The wait after the first failure; each later failure doubles it. */
  baseDelayMs: number;
  /** No wait grows beyond this. */
  maxDelayMs: number;
};

// Eight attempts over about two hours (waits of 1, 2, 4, … 64 minutes; the cap only matters to
// a longer policy): an SMTP relay down for a restart or a short outage is waited out, and a
// refused login or a bad setting ends as 'failed' within the morning, with its error kept.
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 2 * 60 * 60_000,
};

/** The wait before the next attempt after `attempts` attempts have failed (1 or more). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, attempts - 1);
  // 2 ** 1000 is Infinity, which Math.min takes care of; no wait is negative.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/** True when the failed attempt was the last one allowed. */
export function givesUp(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  return attempts >= policy.maxAttempts;
}

/**
 * The default policy with its first wait set from a setting (TRACKER_MAIL_RETRY_SECONDS), for
 * tests that watch a message retried without waiting a minute; anything not a positive number of
 * seconds leaves the default.
 */
export function retryPolicyWithFirstWait(seconds: string | undefined): RetryPolicy {
  const n = Number(seconds?.trim());
  if (!seconds?.trim() || !Number.isFinite(n) || n <= 0) return DEFAULT_RETRY_POLICY;
  return { ...DEFAULT_RETRY_POLICY, baseDelayMs: Math.round(n * 1000) };
}
