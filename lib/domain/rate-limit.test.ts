import { describe, expect, it } from "vitest";
import { RateLimiter, retryMessage } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows up to the limit in a window, then says how long to wait, then allows again", () => {
    let t = 0;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => t);
    expect([1, 2, 3].map(() => limiter.hit("a").allowed)).toEqual([true, true, true]);
    t = 15_000;
    expect(limiter.hit("a")).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit("b").allowed).toBe(true);
    t = 60_000;
    expect(limiter.hit("a").allowed).toBe(true);
  });

  it("does not grow without bound under a flood of distinct keys", () => {
    let t = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 }, () => t, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
    t = 2000;
    expect(limiter.hit("k999").allowed).toBe(true);
  });
});

describe("retryMessage", () => {
  it.each([
    [1, "Too many attempts. Please wait 1 second and try again."],
    [45, "Too many attempts. Please wait 45 seconds and try again."],
    [61, "Too many attempts. Please wait 2 minutes and try again."],
  ])("%i s: %s", (s, m) => expect(retryMessage(s)).toBe(m));
});
