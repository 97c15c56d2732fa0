import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { ByteLru } from "@/lib/cache/byte-lru";
import { inlineScriptHashes } from "@/lib/cache/inline-scripts";
import {
  cacheKey,
  etagOf,
  hasSessionCookie,
  ifNoneMatchHits,
  isCacheablePath,
  isCacheableStatus,
  KEYED_HEADERS,
  publicCacheControl,
  repeatableHeaders,
  withVary,
  type SharedCachePolicy,
} from "@/lib/cache/policy";
import { buildHashedCsp, isFrameablePath, requestIdFrom } from "@/lib/security/csp";
import { SHARED_RENDER_HEADER } from "@/lib/server/shared-render";

// The front of the server (docs/decisions/0017): answers anonymous reads of published data from
// a cache of whole responses, keyed by the publication version, today's date in India and the
// request, and hands everything else to Next as `next start` would. A reader therefore costs one
// render per change of published data and per day, not one per request.

/** A response as the renderer gave it, whole. */
export type Rendered = { status: number; headers: IncomingHttpHeaders; body: Buffer };

type Entry = {
  status: number;
  headers: OutgoingHttpHeaders;
  vary: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  csp: string;
  bytes: number;
};

export type FrontOptions = {
  /** Next's request handler, for every request the cache does not answer. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Renders an anonymous GET of `url` with `headers`, for the cache. */
  render: (url: string, headers: Record<string, string>) => Promise<Rendered>;
  /** publication_version, read from the database on every cacheable request. */
  version: () => number;
  /** Today in India (or TRACKER_TODAY). */
  day: () => string;
  maxBytes: number;
  policy: SharedCachePolicy;
  exposeMetrics?: boolean;
};

export type FrontMetrics = {
  /** Requests Next handled: renders of pages, RSC payloads and API responses (static files aside). */
  renders: number;
  hits: number;
  misses: number;
  notModified: number;
  bypassed: number;
  entries: number;
  bytes: number;
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|atom\+xml|rss\+xml)|image\/svg)/i;
/** Larger bodies are kept uncompressed: gzip of megabytes would hold the event loop too long. */
const GZIP_LIMIT = 2 * 1024 * 1024;
const INTERNAL_HEADER = SHARED_RENDER_HEADER;

export function createFront(options: FrontOptions) {
  const cache = new ByteLru<Entry>(options.maxBytes);
  // Concurrent misses for one key wait for one render (after a publication, ten readers of the
  // dashboard would otherwise render it ten times at once).
  const inFlight = new Map<string, Promise<Entry | null>>();
  let cachedVersion = -1;
  const metrics = { renders: 0, hits: 0, misses: 0, notModified: 0, bypassed: 0 };
  const cacheControl = publicCacheControl(options.policy);

  const passThrough = (req: IncomingMessage, res: ServerResponse) => {
    if (!isStaticFile(req.url ?? "")) metrics.renders++;
    return options.handle(req, res);
  };

  async function fill(key: string, url: string, req: IncomingMessage): Promise<Entry | null> {
    const headers: Record<string, string> = {
      accept: req.headers.rsc ? "text/x-component" : "text/html,application/json,*/*",
      "accept-encoding": "identity",
      "user-agent": "tracker-cache-fill",
      "x-request-id": requestIdFrom(one(req.headers["x-request-id"]) ?? null),
    };
    for (const name of KEYED_HEADERS) {
      const v = one(req.headers[name]);
      if (v !== undefined) headers[name] = v;
    }
    metrics.renders++;
    const rendered = await options.render(url, headers);
    if (!isCacheableStatus(rendered.status) || rendered.headers["set-cookie"]) return null;
    const entry = toEntry(rendered, pathOf(url));
    cache.set(key, entry);
    return entry;
  }

  function toEntry({ status, headers, body }: Rendered, path: string): Entry {
    const kept = repeatableHeaders(headers);
    const vary = withVary(kept.vary, ["Accept-Encoding", "Cookie"]);
    delete kept.vary;
    const type = String(kept["content-type"] ?? "");
    const html = /^text\/html/i.test(type);
    const gzip =
      COMPRESSIBLE.test(type) && body.length > 1024 && body.length <= GZIP_LIMIT ? gzipSync(body) : null;
    return {
      status,
      headers: kept,
      vary,
      body,
      gzip,
      etag: etagOf(body),
      csp: buildHashedCsp(html ? inlineScriptHashes(body.toString("utf8")) : [], {
        frameable: isFrameablePath(path),
      }),
      bytes: body.length + (gzip?.length ?? 0) + 1024,
    };
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: Entry, outcome: "HIT" | "MISS") {
    const common = {
      "cache-control": cacheControl,
      etag: entry.etag,
      vary: entry.vary,
      "x-request-id": requestIdFrom(one(req.headers["x-request-id"]) ?? null),
      "x-tracker-cache": outcome,
    };
    if (ifNoneMatchHits(one(req.headers["if-none-match"]), entry.etag)) {
      metrics.notModified++;
      res.writeHead(304, common);
      res.end();
      return;
    }
    const gzip =
      entry.gzip && /\bgzip\b/i.test(one(req.headers["accept-encoding"]) ?? "") ? entry.gzip : null;
    const body = gzip ?? entry.body;
    res.writeHead(entry.status, {
      ...entry.headers,
      ...common,
      "content-security-policy": entry.csp,
      "content-length": String(body.length),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this process may ask Next for a render without a nonce (proxy.ts).
    delete req.headers[INTERNAL_HEADER];
    const url = req.url ?? "/";
    if (options.exposeMetrics && url === "/_tracker/metrics") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(snapshot()));
      return;
    }
    const key = cacheable(req) ? keyFor(req, url) : null;
    if (key === null) {
      metrics.bypassed++;
      return passThrough(req, res);
    }
    const hit = cache.get(key);
    if (hit) {
      metrics.hits++;
      return send(req, res, hit, "HIT");
    }
    metrics.misses++;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fill(key, url, req).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    let entry: Entry | null;
    try {
      entry = await pending;
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", message: "cache fill failed", url, error: String(error) }),
      );
      entry = null;
    }
    if (entry) return send(req, res, entry, "MISS");
    // Not kept (an error, a redirect, a cookie): this reader gets Next's own answer.
    return passThrough(req, res);
  }

  function cacheable(req: IncomingMessage): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (hasSessionCookie(req.headers.cookie)) return false;
    const url = req.url ?? "";
    if (!url.startsWith("/")) return false;
    return isCacheablePath(pathOf(url));
  }

  function keyFor(req: IncomingMessage, url: string): string | null {
    let version: number;
    try {
      version = options.version();
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", message: "publication version unreadable", error: String(error) }),
      );
      return null;
    }
    // Every key names the version, so entries of an older one can never be served again: drop
    // them at once rather than wait for the LRU to push them out.
    if (version !== cachedVersion) {
      cache.clear();
      cachedVersion = version;
    }
    return cacheKey({ version, day: options.day(), url, headers: req.headers });
  }

  function snapshot(): FrontMetrics {
    return { ...metrics, entries: cache.size, bytes: cache.bytes };
  }

  return { listener, metrics: snapshot };
}

/** Files Next serves as they are, without rendering: not counted as renders. */
function isStaticFile(url: string): boolean {
  return url.startsWith("/_next/static/") || url === "/favicon.ico" || url.startsWith("/favicon.ico?");
}

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
