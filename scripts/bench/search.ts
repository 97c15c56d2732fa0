import { openDatabase } from "@/db/connection";
import { explorerFacets, searchCommitments } from "@/db/queries/explorer";
import { parseExplorerParams } from "@/lib/validation/explorer-params";
import { TODAY } from "./config";
import { load, type LoadResult } from "./load";
import { percentile } from "./stats";

// Search latency, two ways: through the API with one connection (what one researcher waits for,
// framework included, no queueing behind other requests), and by calling searchCommitments in
// this process on the same file (the query alone). The first call for a term counts its matches;
// the count is then kept until the data change, so later calls for the same term are cheaper:
// both are reported.

export type TermTiming = {
  term: string;
  matches: number;
  /** The first call: it counts the matches too. */
  coldMs: number;
  /** The counts beside the explorer's filters, the first time: with coldMs, what a new search costs the page. */
  facetsColdMs: number;
  p50: number;
  p99: number;
  calls: number;
};
export type SearchResult = {
  http: LoadResult;
  inProcess: TermTiming[];
  /** Percentiles of every in-process call after the first, the same number for each term. */
  p50: number;
  p99: number;
  coldMaxMs: number;
  /** The slowest first view of a search in the explorer page's queries (results and facet counts). */
  firstViewMaxMs: number;
};

/** A slow term gets fewer calls rather than holding the run for minutes. */
const MAX_SECONDS_PER_TERM = 8;

export const searchPath = (term: string) => `/api/v1/commitments?${new URLSearchParams({ q: term })}`;

function inProcess(
  database: string,
  terms: readonly string[],
  callsPerTerm: number,
): { timings: TermTiming[]; all: number[] } {
  const db = openDatabase(database, { migrate: false, seed: false });
  const all: number[] = [];
  try {
    const timings = terms.map((term) => {
      const parsed = parseExplorerParams(new URLSearchParams({ q: term }));
      if (!parsed.success) throw new Error(`q=${term}: ${parsed.error.message}`);
      let t0 = performance.now();
      const first = searchCommitments(db, parsed.data, TODAY);
      const coldMs = performance.now() - t0;
      t0 = performance.now();
      explorerFacets(db, parsed.data, TODAY);
      const facetsColdMs = performance.now() - t0;
      const times: number[] = [];
      const until = performance.now() + MAX_SECONDS_PER_TERM * 1000;
      for (let i = 0; i < callsPerTerm && performance.now() < until; i++) {
        t0 = performance.now();
        searchCommitments(db, parsed.data, TODAY);
        times.push(performance.now() - t0);
      }
      all.push(...times);
      return {
        term,
        matches: first.total,
        coldMs,
        facetsColdMs,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        calls: times.length,
      };
    });
    return { timings, all };
  } finally {
    db.$client.close();
  }
}

export async function measureSearch(
  origin: string,
  database: string,
  terms: readonly string[],
  seconds: number,
  callsPerTerm: number,
): Promise<SearchResult> {
  // In-process first, while the server is idle.
  const { timings, all } = inProcess(database, terms, callsPerTerm);
  const http = await load(origin, { connections: 1, duration: seconds, paths: terms.map(searchPath) });
  return {
    http,
    inProcess: timings,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    coldMaxMs: Math.max(...timings.map((t) => t.coldMs)),
    firstViewMaxMs: Math.max(...timings.map((t) => t.coldMs + t.facetsColdMs)),
  };
}
