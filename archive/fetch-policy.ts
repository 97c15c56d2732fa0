import type { FetchFailureCodeName } from "@/lib/archive/kinds";
import dns from "node:dns";
import type { HostSpacing } from "./host-spacing";
import type { RobotsCache } from "./robots-cache";

// What every fetch of a URL someone supplied obeys (docs/decisions/0028), shared by archiveUrl,
// checkUrl and the robots.txt reads they make.

/**
 * Why a fetch did not give a page. `bad_url` and `refused` concern the URL itself (it does not
 * parse, is not http(s), carries credentials, or leads to an address the tracker does not fetch)
 * and will fail the same way again; the others may pass on a later try.
 */
export type FetchFailureCode = FetchFailureCodeName;

export type ResolvedAddress = { address: string; family: number };
/** Every address a host name resolves to. Tests inject one; the default asks the system resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchPolicy = {
  userAgent: string;
  /** Test-only: loopback addresses (127.0.0.0/8, ::1) are allowed on these ports and no others. */
  allowLoopbackPorts?: readonly number[];
  /** The whole fetch, redirects included, but not the waits for per-host spacing. 20 s by default. */
  timeoutMs?: number;
  /** The largest body kept, after decompression. 10 MB by default. */
  maxBytes?: number;
  /** 5 by default. */
  maxRedirects?: number;
  /** true by default. */
  respectRobots?: boolean;
  spacing?: HostSpacing;
  /** Added: the resolver, used for the check and again at connect time. */
  resolve?: Resolver;
  /** Added: robots.txt verdicts kept for a run; without it each call reads robots.txt afresh. */
  robotsCache?: RobotsCache;
};

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
/** The spacing a run should use unless it has a reason not to: one request per host every 5 s. */
export const DEFAULT_HOST_GAP_MS = 5_000;

export const systemResolver: Resolver = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });
