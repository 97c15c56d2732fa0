import { createHash } from "node:crypto";

// Which requests the front server (server/front.ts) may answer from its response cache, what a
// cached response is keyed by, and the headers it carries. Pure: no sockets, no database, no Next.
// See docs/decisions/0017.

/**
 * The public reads: published data only, the same for every anonymous reader. Anything that
 * signs in, proposes, reviews or administers is left out, and so are the pages under these
 * prefixes that are not reads (/commitments/1/supersede, /deadlines/outcome). /unsubscribe is
 * per person (its token) and must never be shared: it is not listed.
 */
const CACHEABLE = [
  /^\/$/,
  /^\/commitments$/,
  /^\/commitments\/[^/]+$/,
  /^\/companies$/,
  /^\/companies\/[^/]+$/,
  /^\/states$/,
  /^\/states\/[^/]+$/,
  /^\/deadlines$/,
  /^\/methodology$/,
  /^\/api-docs$/,
  /^\/api\/v1\/[^]*$/,
  // Chart embeds and images (issue 14): published data, the same for everyone.
  /^\/embed\/[^]*$/,
  /^\/charts\/[^]*$/,
];

export function isCacheablePath(pathname: string): boolean {
  return CACHEABLE.some((pattern) => pattern.test(pathname));
}

/**
 * better-auth's session cookie, with or without the __Secure- prefix it takes over https. Its
 * presence, valid or not, sends the request past the cache: the page may be personal, and an
 * expired cookie merely costs one render.
 */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?better-auth\.session_token=/;

export function hasSessionCookie(cookie: string | string[] | undefined): boolean {
  const value = Array.isArray(cookie) ? cookie.join(";") : (cookie ?? "");
  return SESSION_COOKIE.test(value);
}

/**
 * The request headers a response differs by, besides the address. Host and the forwarded host and
 * protocol: feeds and citations print absolute links. The rest are Next's router headers, which
 * choose between the HTML document, a navigation's RSC payload and a prefetch's (Next names them
 * in its own Vary).
 */
export const KEYED_HEADERS = [
  "host",
  "x-forwarded-host",
  "x-forwarded-proto",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
] as const;

export type KeyInput = {
  /** publication_version: moves with every change to published data (drizzle/0009). */
  version: number;
  /** Today in India: statuses and days to deadline depend on it. */
  day: string;
  /** Path and query exactly as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
};

export function cacheKey({ version, day, url, headers }: KeyInput): string {
  const parts = [String(version), day, url];
  for (const name of KEYED_HEADERS) {
    const v = headers[name];
    parts.push(Array.isArray(v) ? v.join(",") : (v ?? ""));
  }
  // \n cannot occur in a request line or a header value Node accepts, so keys cannot collide.
  return parts.join("\n");
}

/** Status codes worth keeping: the same request gives the same answer while the data stand. */
export function isCacheableStatus(status: number): boolean {
  return status === 200 || status === 400 || status === 404 || status === 410;
}

export type SharedCachePolicy = {
  /** Seconds a shared cache (a reverse proxy, a CDN) may serve a response without asking. */
  sMaxAge: number;
  /** Seconds after that it may serve it while it asks in the background. */
  staleWhileRevalidate: number;
};

export const DEFAULT_SHARED_POLICY: SharedCachePolicy = { sMaxAge: 10, staleWhileRevalidate: 20 };

/**
 * Browsers revalidate every time (max-age=0; the ETag makes that a 304), so a reader never sees
 * an older page than the server has; shared caches may keep a response s-maxage seconds and serve
 * it stale while revalidating for staleWhileRevalidate more: the most a reader behind one waits
 * to see a publication is the sum.
 */
export function publicCacheControl({ sMaxAge, staleWhileRevalidate }: SharedCachePolicy): string {
  return `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`;
}

/** Reads the policy from TRACKER_SHARED_MAX_AGE and TRACKER_SHARED_STALE (seconds). */
export function sharedPolicyFrom(env: Record<string, string | undefined>): SharedCachePolicy {
  const seconds = (value: string | undefined, fallback: number) => {
    const s = value?.trim() ?? "";
    return /^\d{1,6}$/.test(s) ? Number(s) : fallback;
  };
  return {
    sMaxAge: seconds(env.TRACKER_SHARED_MAX_AGE, DEFAULT_SHARED_POLICY.sMaxAge),
    staleWhileRevalidate: seconds(env.TRACKER_SHARED_STALE, DEFAULT_SHARED_POLICY.staleWhileRevalidate),
  };
}

/** A strong validator: the body's hash, so it changes exactly when the bytes do. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match matches with the weak comparison, and `*` matches anything. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const want = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === want);
}

/** Response headers a cached copy must not repeat to other readers. */
const NOT_REPEATED = new Set([
  "set-cookie",
  "cache-control",
  "etag",
  "last-modified",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-security-policy",
  "x-request-id",
]);

export function repeatableHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_REPEATED.has(name.toLowerCase())) continue;
    kept[name.toLowerCase()] = value;
  }
  return kept;
}

/** Adds `names` to a Vary header value, once each. */
export function withVary(existing: string | string[] | undefined, names: string[]): string {
  const current = (Array.isArray(existing) ? existing.join(",") : (existing ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const lower = new Set(current.map((s) => s.toLowerCase()));
  for (const n of names) if (!lower.has(n.toLowerCase())) current.push(n);
  return current.join(", ");
}
