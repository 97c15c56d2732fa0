import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY_POLICY,
  givesUp,
  retryDelayMs,
  retryPolicyWithFirstWait,
  type RetryPolicy,
} from "./backoff";

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };

describe("retry backoff", () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 5000],
    [50, 5000],
    [2000, 5000],
  ])("after %i failed attempts waits %i ms", (attempts, ms) => {
    expect(retryDelayMs(attempts, policy)).toBe(ms);
  });

  it.each([
    [1, false],
    [3, false],
    [4, true],
    [5, true],
  ])("after %i attempts gives up: %s", (attempts, expected) => {
    expect(givesUp(attempts, policy)).toBe(expected);
  });
});

describe("retryPolicyWithFirstWait", () => {
  it.each([
    [undefined, 60_000],
    ["", 60_000],
    ["1", 1000],
    [" 0.5 ", 500],
    ["0", 60_000],
    ["-3", 60_000],
    ["soon", 60_000],
  ])("TRACKER_MAIL_RETRY_SECONDS=%j waits %i ms after the first failure", (raw, first) => {
    const policy = retryPolicyWithFirstWait(raw);
    expect(retryDelayMs(1, policy)).toBe(first);
    expect(policy.maxAttempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
  });
});
