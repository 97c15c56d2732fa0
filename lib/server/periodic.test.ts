import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { leaseOwner, runPeriodically } from "./periodic";

// The one timer loop the mail, capture, link-check and digest workers share: what each of them
// relies on is that runs start at once, never overlap, survive a failure, and end with `stop`.

/** A job whose runs are resolved (or rejected) by the test, one at a time. */
function controlledJob() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  let started = 0;
  const job = () => {
    started += 1;
    return new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { job, pending, started: () => started };
}

describe("runPeriodically", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs at once, then every interval, never two runs at a time", async () => {
    const { job, pending, started } = controlledJob();
    const periodic = runPeriodically(job, 1000, () => {});
    expect(started()).toBe(1);
    // The first run is still going: three ticks pass without starting another.
    await vi.advanceTimersByTimeAsync(3000);
    expect(started()).toBe(1);
    // `run` asked during a run joins it rather than starting a second.
    const joined = periodic.run();
    expect(started()).toBe(1);
    pending[0]!.resolve(7);
    expect(await joined).toBe(7);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started()).toBe(2);
    pending[1]!.resolve(0);
    await periodic.stop();
  });

  it("reports a failed run and runs again at the next tick", async () => {
    const { job, pending, started } = controlledJob();
    const errors: unknown[] = [];
    const periodic = runPeriodically(job, 1000, (error) => errors.push(error));
    pending[0]!.reject(new Error("database is locked"));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([new Error("database is locked")]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started()).toBe(2);
    pending[1]!.resolve(1);
    await periodic.stop();
  });

  it("stop waits for the run in progress and starts no more", async () => {
    const { job, pending, started } = controlledJob();
    const periodic = runPeriodically(job, 1000, () => {});
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false);
    pending[0]!.resolve(1);
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(started()).toBe(1);
  });

  it("stop clears its timer", () => {
    const periodic = runPeriodically(
      async () => 0,
      1000,
      () => {},
    );
    expect(vi.getTimerCount()).toBe(1);
    void periodic.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("leaseOwner", () => {
  it("names this process and differs on every call", () => {
    const a = leaseOwner();
    const b = leaseOwner();
    expect(a).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{12}$`));
    expect(a).not.toBe(b);
  });
});
