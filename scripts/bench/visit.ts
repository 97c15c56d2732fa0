import { chromium, type Request } from "@playwright/test";
import { cacheMetrics, type CacheMetrics } from "./app-server";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./config";

// One real visit (issue 11: load /commitments, stay 5 s: at most 3 server renders). Debian
// Chromium loads the page in a fresh browser context (nothing in its HTTP cache) and stays idle;
// the server counts what it rendered (/_tracker/metrics, before and after), and the browser's own
// list of requests is kept beside it, to say what they were. The first visit is made on a server
// freshly started (its cache empty), the second on the same server (its cache warm), each from a
// new context.

export type Visit = {
  /** "cold": the server's first visit; "warm": the next one. */
  kind: "cold" | "warm";
  path: string;
  idleMs: number;
  /** Renders counted by the server (null when the build has no counters: before issue 11). */
  renders: number | null;
  /** The cache's hits and misses during the visit. */
  hits: number | null;
  misses: number | null;
  /** Requests the browser sent to the server other than static files, as "path?query (kind)". */
  requests: string[];
  /** Requests for static files (scripts, styles, fonts, the icon). */
  staticRequests: number;
};

const isStatic = (pathname: string) => pathname.startsWith("/_next/static/") || pathname === "/favicon.ico";

function describeRequest(request: Request): string {
  const url = new URL(request.url());
  const headers = request.headers();
  const kind = headers["next-router-prefetch"]
    ? "prefetch"
    : headers.rsc
      ? "RSC"
      : request.resourceType() === "document"
        ? "document"
        : request.resourceType();
  return `${request.method()} ${url.pathname}${url.search.length > 60 ? `${url.search.slice(0, 60)}…` : url.search} (${kind})`;
}

const delta = (after: CacheMetrics | null, before: CacheMetrics | null, key: keyof CacheMetrics) =>
  after && before ? after[key] - before[key] : null;

/** A cold visit and a warm one to `path`, each followed by `idleMs` of idleness. */
export async function measureVisits(origin: string, path: string, idleMs: number): Promise<Visit[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const out: Visit[] = [];
    for (const kind of ["cold", "warm"] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: string[] = [];
      let staticRequests = 0;
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin) return;
        if (isStatic(url.pathname)) staticRequests++;
        else requests.push(describeRequest(request));
      });
      const before = await cacheMetrics(origin);
      const navigation = await page.goto(`${origin}${path}`, { waitUntil: "load" });
      if (!navigation || navigation.status() !== 200)
        throw new Error(`Visit: ${path} answered ${navigation?.status()}`);
      await page.waitForTimeout(idleMs);
      await context.close();
      const after = await cacheMetrics(origin);
      out.push({
        kind,
        path,
        idleMs,
        renders: delta(after, before, "renders"),
        hits: delta(after, before, "hits"),
        misses: delta(after, before, "misses"),
        requests,
        staticRequests,
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}
