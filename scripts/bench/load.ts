import autocannon from "autocannon";
import { median } from "./stats";

// Throughput and latency of one URL under a fixed number of keep-alive connections (autocannon's
// programmatic API). A single load quotes the median of its per-second request counts, which one
// busy second of a neighbour's process moves less than the mean; latency is autocannon's
// percentiles of every response. Loads split into turns are combined by their medians.

export type LoadOptions = {
  connections: number;
  /** Seconds. */
  duration: number;
  /**
   * A number of requests instead of a duration: the load ends when all have been answered, so
   * none is cut off in flight (see turnAmount).
   */
  amount?: number;
  /** Several paths, taken in turn by each connection (the search mix). */
  paths?: readonly string[];
  headers?: Record<string, string>;
};

export type LoadResult = {
  url: string;
  connections: number;
  seconds: number;
  /** Median of the per-second counts (with `amount`: all responses divided by the duration). */
  rps: number;
  /** All responses divided by the duration. */
  rpsMean: number;
  p50: number;
  p99: number;
  max: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean body bytes per response. */
  bytesPerResponse: number;
};

const AMOUNT_SAMPLE_MS = 20;

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    // autocannon notices the last answer only at its next sample, once a second by default: with
    // a fixed number of requests, sample often, or a 0.3 s turn would be timed as 1 s.
    ...(options.amount ? { amount: options.amount, sampleInt: AMOUNT_SAMPLE_MS } : {}),
    pipelining: 1,
    timeout: 30,
    headers: options.headers,
    requests: options.paths?.map((path) => ({ method: "GET" as const, path })),
  });
  const responses = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    url,
    connections: options.connections,
    seconds: result.duration,
    // The median of per-sample counts is per second only when samples are.
    rps: options.amount ? responses / result.duration : result.requests.p50,
    rpsMean: responses / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    responses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: responses ? result.throughput.total / responses : 0,
  };
}

/**
 * One result from several turns at the same URL: the median turn's throughput (each turn's
 * responses over its duration), the median turn's p50 and p99, the worst maximum, and the sums.
 */
export function combineTurns(turns: readonly LoadResult[]): LoadResult {
  const first = turns[0];
  if (!first) throw new Error("No turns to combine");
  const responses = turns.reduce((n, t) => n + t.responses, 0);
  return {
    url: first.url,
    connections: first.connections,
    seconds: turns.reduce((n, t) => n + t.seconds, 0),
    rps: median(turns.map((t) => t.rpsMean)),
    rpsMean: responses / turns.reduce((n, t) => n + t.seconds, 0),
    p50: median(turns.map((t) => t.p50)),
    p99: median(turns.map((t) => t.p99)),
    max: Math.max(...turns.map((t) => t.max)),
    responses,
    non2xx: turns.reduce((n, t) => n + t.non2xx, 0),
    errors: turns.reduce((n, t) => n + t.errors, 0),
    timeouts: turns.reduce((n, t) => n + t.timeouts, 0),
    bytesPerResponse: responses
      ? turns.reduce((n, t) => n + t.bytesPerResponse * t.responses, 0) / responses
      : 0,
  };
}

/** A short load that is not recorded: JIT, caches and connection pools settle first. Its rate sizes the turns. */
export async function warmup(url: string, options: LoadOptions): Promise<LoadResult> {
  return load(url, options);
}

/**
 * How many requests make a turn of about `seconds` at `rate` requests per second. A load of fixed
 * duration drops the requests still in flight when it ends: a loss of up to one response per
 * connection, which for a page taking 3 s under 10 connections (the old build's /deadlines at
 * 100k) is the whole of a 2 s turn. A fixed number of requests waits for every answer instead;
 * at least two per connection, so a server too slow for the warm-up to see still gets a turn.
 */
export function turnAmount(rate: number, connections: number, seconds: number): number {
  const planned = Number.isFinite(rate) && rate > 0 ? Math.round(rate * seconds) : 0;
  return Math.max(2 * connections, planned);
}

export function describe(r: LoadResult): string {
  const problems = r.non2xx || r.errors ? `  non-2xx ${r.non2xx}, errors ${r.errors}` : "";
  return `${r.rps.toFixed(0).padStart(6)} req/s (mean ${r.rpsMean.toFixed(0)})  p50 ${r.p50} ms  p99 ${r.p99} ms${problems}`;
}
