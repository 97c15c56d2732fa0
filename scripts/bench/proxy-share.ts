// How much of a replayed read mix a shared cache answered (issue 11: at least 95% through nginx),
// from the X-Proxy-Cache header nginx adds ($upstream_cache_status). Pure, so that the rule is
// tested and quoted in the report as it is applied.
//
// Answered by the proxy: the body came from nginx's cache.
//   HIT          fresh in the cache
//   STALE        past its s-maxage, served within stale-while-revalidate (or on an upstream error)
//   UPDATING     stale, served while another request refreshes it
//   REVALIDATED  stale, and the tracker answered the conditional request 304: nginx sent its copy
// Not answered by the proxy: the tracker rendered or sent the body.
//   MISS, EXPIRED (stale and refetched whole), BYPASS (a session cookie)
// Anything else (no header: an error nginx made itself; or a value not listed) counts as not
// answered by the proxy, so that the share is never flattered.

export const ANSWERED_BY_PROXY = ["HIT", "STALE", "UPDATING", "REVALIDATED"] as const;
export const ANSWERED_BY_UPSTREAM = ["MISS", "EXPIRED", "BYPASS"] as const;

export type CacheStatusClass = "proxy" | "upstream" | "unknown";

export function classifyCacheStatus(value: string | null | undefined): CacheStatusClass {
  const v = (value ?? "").trim().toUpperCase();
  if ((ANSWERED_BY_PROXY as readonly string[]).includes(v)) return "proxy";
  if ((ANSWERED_BY_UPSTREAM as readonly string[]).includes(v)) return "upstream";
  return "unknown";
}

export type ProxyShare = {
  total: number;
  proxy: number;
  upstream: number;
  unknown: number;
  /** proxy ÷ total (NaN when nothing was counted). */
  share: number;
};

/** Sums counts by X-Proxy-Cache value ("" for none) into the share answered by the proxy. */
export function proxyShare(counts: Readonly<Record<string, number>>): ProxyShare {
  const out = { total: 0, proxy: 0, upstream: 0, unknown: 0 };
  for (const [status, n] of Object.entries(counts)) {
    out.total += n;
    out[classifyCacheStatus(status)] += n;
  }
  return { ...out, share: out.total ? out.proxy / out.total : Number.NaN };
}

/** The rule as one line, for the report and the log. */
export const PROXY_SHARE_RULE = `answered by the proxy: ${ANSWERED_BY_PROXY.join(", ")}; not: ${ANSWERED_BY_UPSTREAM.join(", ")} and anything else (or no header)`;
