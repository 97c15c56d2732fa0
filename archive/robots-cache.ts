import { parseRobots, productToken, robotsAllows, ROBOTS_MAX_BYTES, type Robots } from "@/lib/archive/robots";
import type { FetchFailureCode } from "./fetch-policy";
import type { FetchFailure, Fetched, SafeGetOptions } from "./safe-get";

// robots.txt, read once per origin for a run through the same safe path as any page
// (docs/decisions/0028), following RFC 9309 on what an unreadable file means.

type RobotsState =
  | { kind: "rules"; robots: Robots }
  | { kind: "open" }
  | { kind: "closed"; reason: string }
  | { kind: "failed"; code: FetchFailureCode; reason: string };

/** robots.txt verdicts for a run, by origin (scheme, host and port, as RFC 9309 scopes them). */
export class RobotsCache {
  readonly byOrigin = new Map<string, Promise<RobotsState>>();
}

type Get = (raw: string, policy: SafeGetOptions) => Promise<Fetched | FetchFailure>;

async function readRobots(origin: string, policy: SafeGetOptions, get: Get): Promise<RobotsState> {
  const result = await get(`${origin}/robots.txt`, {
    ...policy,
    respectRobots: false,
    maxRedirects: 5,
    truncateAt: ROBOTS_MAX_BYTES,
  });
  if (result.ok) return { kind: "rules", robots: parseRobots(result.body.toString("utf8")) };
  // A missing file (any 4xx), one behind too many redirects, or one that redirects somewhere the
  // tracker does not fetch is "unavailable": everything is allowed.
  if (result.code === "http_status" && result.status !== undefined && result.status < 500)
    return { kind: "open" };
  if (result.code === "too_many_redirects" || result.code === "refused" || result.code === "bad_url")
    return { kind: "open" };
  // A server error means the site cannot say what it allows: RFC 9309 says to stay away for now.
  if (result.code === "http_status")
    return {
      kind: "closed",
      reason: `${origin}/robots.txt answered ${result.status}, so the site is treated as closed to crawlers for now.`,
    };
  return {
    kind: "failed",
    code: result.code,
    reason: `${origin}/robots.txt could not be read: ${result.reason}`,
  };
}

/** Whether robots.txt lets the tracker fetch `url`, reading it first if this run has not. */
export async function robotsVerdict(
  url: URL,
  policy: SafeGetOptions,
  cache: RobotsCache,
  get: Get,
): Promise<{ ok: true } | { ok: false; code: FetchFailureCode; reason: string }> {
  let state = cache.byOrigin.get(url.origin);
  if (!state) {
    state = readRobots(url.origin, policy, get);
    cache.byOrigin.set(url.origin, state);
  }
  const found = await state;
  switch (found.kind) {
    case "open":
      return { ok: true };
    case "closed":
      return { ok: false, code: "robots", reason: found.reason };
    case "failed":
      return { ok: false, code: found.code, reason: found.reason };
    case "rules": {
      const path = `${url.pathname}${url.search}`;
      return robotsAllows(found.robots, productToken(policy.userAgent), path)
        ? { ok: true }
        : {
            ok: false,
            code: "robots",
            reason: `${url.origin}/robots.txt asks crawlers like the tracker not to fetch ${path}.`,
          };
    }
  }
}
