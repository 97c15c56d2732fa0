import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

// Everything the benchmark fixes in advance: where it works, what it asks for, how long it loads
// each endpoint, and the targets of issue 6. Kept in one place so a run's report can quote them.

export const ROOT = process.cwd();
/** Databases, logs, results: gitignored. */
export const BENCH_DATA = path.join(ROOT, ".bench-data");
/**
 * The build is copied here before any server starts, so that another engineer's `next build` in
 * the shared tree cannot swap the files under a running benchmark. Outside the project, so that
 * lint and type-checking never see it; named after the checkout, so that benchmarks run from two
 * worktrees at once (which share .bench-data through a link) do not replace each other's copy.
 */
export const APP_SNAPSHOT = path.join(
  os.tmpdir(),
  `tracker-bench-${process.getuid?.() ?? "user"}-${crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}`,
  "app",
);
/** Names this checkout's working copies of the databases in .bench-data, for the same reason. */
export const CHECKOUT_TAG = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 8);

/**
 * The e2e suite owns 3100; the benchmark takes twelve ports from BENCH_PORT_BASE (3250 unless set,
 * so that engineers sharing a machine can give each run its own range): one server per scale, the
 * floor, the baseline build, and nginx.
 */
export const PORT_BASE = Number(process.env.BENCH_PORT_BASE?.trim() || 3250);
export const APP_PORTS = [PORT_BASE, PORT_BASE + 2, PORT_BASE + 4] as const;
export const FLOOR_PORT = PORT_BASE + 1;
export const BASELINE_PORT = PORT_BASE + 6;
export const NGINX_PORT = PORT_BASE + 10;

export const TODAY = "2026-11-25";
/** The build before issue 11 (the last commit served by `next start`): the baseline of its targets. */
export const DEFAULT_BASELINE = "bdd6cad";
export const SCALES = [1_000, 10_000, 100_000] as const;
export const SMOKE_SCALES = [1_000] as const;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The flags STACK.md gives for Debian Chromium: no sandbox (root in a container), no GPU, nothing reaching out. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type Durations = {
  /** Seconds of load per endpoint and scale, after its warm-up. */
  measure: number;
  /** The measuring time is split into this many turns, taken in rotation with the other servers. */
  rounds: number;
  warmup: number;
  connections: number;
  /** Seconds of concurrent submissions. */
  submissions: number;
  submitClients: number;
  /** Seconds of sequential search requests (one connection). */
  search: number;
  /** Lighthouse runs per page (the performance score is their median). */
  lighthouseRuns: number;
  /** Publications per view for the first request after one (the figure is their median). */
  firstRequestRepetitions: number;
  /** Seconds of the read mix replayed through nginx (longer than s-maxage, so entries go stale). */
  replay: number;
};

export const FULL: Durations = {
  measure: 10,
  rounds: 5,
  warmup: 3,
  connections: 10,
  submissions: 20,
  submitClients: 50,
  search: 10,
  lighthouseRuns: 3,
  firstRequestRepetitions: 5,
  replay: 20,
};

export const SMOKE: Durations = {
  measure: 2,
  rounds: 2,
  warmup: 1,
  connections: 10,
  submissions: 3,
  submitClients: 50,
  search: 2,
  lighthouseRuns: 0,
  firstRequestRepetitions: 3,
  replay: 5,
};

/** One real visit in Chromium (issue 11): this page, then this long idle. */
export const VISIT_PATH = "/commitments";
export const VISIT_IDLE_MS = 5000;

/** The explorer view loaded as a page and through the API: two filters and words to find. */
export const EXPLORER_FILTERS = { q: "smartphones", state: "IN-TN", status: "behind" } as const;

/**
 * Words researchers search for: a broad category (tens of thousands of matches at 100k), a city,
 * a seed partner's name, a prefix, two words, a synthetic company's name, and a rare word.
 */
export const SEARCH_TERMS = [
  "smartphones",
  "noida",
  "optiemus",
  "semicond",
  "electric vehicles",
  "aurora devices",
  "drones karnataka",
] as const;

/** Issue 6. */
/** The documented longest a publication takes to show through a shared cache: s-maxage + stale-while-revalidate (docs/decisions/0017). */
export const PROXY_FRESHNESS_LIMIT_SECONDS = 30;

export const TARGETS = {
  scaleThroughputRatio: 0.5,
  p99Ms: 100,
  floorRatio: 0.4,
  submissionsPerSecond: 300,
  searchP99Ms: 20,
  firstLoadJsBytes: 150 * 1024,
  chartJsBytes: 120 * 1024,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
  rssBytes: 300 * 1024 * 1024,
} as const;

/** Issue 11 (cached public reads), at the largest scale against the baseline build. */
export const ISSUE11_TARGETS = {
  throughputRatio: 10,
  p99Ms: 50,
  firstRequestMs: 300,
  visitRenders: 3,
  dashboardHtmlBytes: 100 * 1024,
  rssBytes: 300 * 1024 * 1024,
  proxyShare: 0.95,
} as const;
