import zlib from "node:zlib";
import { chromium, type Response } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./config";

// The JavaScript each public page loads, from Debian Chromium through Playwright: every script
// response's body, gzipped here at zlib's default level (what `next start` sends), so the figure
// does not depend on whether a response happened to be compressed. A script is first-load when
// the page's HTML names it; the rest arrive later (next/dynamic chunks), and those holding
// Recharts are the chart code.

export type PageWeight = {
  path: string;
  firstLoadBytes: number;
  firstLoadFiles: number;
  chartBytes: number;
  otherLazyBytes: number;
  /** Bytes of every script as they came over the wire (for comparison). */
  wireBytes: number;
  /** Requests for React Server Component payloads (link prefetches) before the page went quiet. */
  rscRequests: number;
};

/** Scripts are done when none has started for this long after the load event. */
const QUIET_MS = 2000;
const MAX_WAIT_MS = 20_000;

type Script = { url: string; gzipBytes: number; wireBytes: number; chart: boolean };

export async function measurePageWeights(origin: string, paths: readonly string[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const out: PageWeight[] = [];
    for (const path of paths) {
      // A new context per page: nothing cached from the page before.
      const context = await browser.newContext();
      const page = await context.newPage();
      const pending: Promise<Script | null>[] = [];
      let lastScriptAt = Date.now();
      let rscRequests = 0;
      page.on("request", (request) => {
        if (request.resourceType() === "script") lastScriptAt = Date.now();
        if (new URL(request.url()).searchParams.has("_rsc")) rscRequests++;
      });
      page.on("response", (response: Response) => {
        if (response.request().resourceType() !== "script") return;
        pending.push(
          (async () => {
            const body = await response.body().catch(() => null);
            if (!body) return null;
            const sizes = await response
              .request()
              .sizes()
              .catch(() => null);
            return {
              url: response.url(),
              gzipBytes: zlib.gzipSync(body).length,
              wireBytes: sizes?.responseBodySize ?? body.length,
              chart: body.includes("recharts"),
            };
          })(),
        );
      });
      // Not "networkidle": Next prefetches the links in view, which can keep the network busy.
      const navigation = await page.goto(`${origin}${path}`, { waitUntil: "load" });
      if (!navigation || navigation.status() !== 200)
        throw new Error(`${path} answered ${navigation?.status()}`);
      // Lazy charts are imported once the page has hydrated: wait until scripts stop starting.
      const started = Date.now();
      while (Date.now() - lastScriptAt < QUIET_MS && Date.now() - started < MAX_WAIT_MS)
        await page.waitForTimeout(250);
      const html = await navigation.text();
      const named = new Set(
        [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js[^"]*)"/g)].map(
          (m) => new URL((m[1] ?? "").replace(/&amp;/g, "&"), origin).href,
        ),
      );
      const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
      const first = scripts.filter((s) => named.has(s.url));
      const lazy = scripts.filter((s) => !named.has(s.url));
      const sum = (list: Script[], key: "gzipBytes" | "wireBytes") => list.reduce((n, s) => n + s[key], 0);
      out.push({
        path,
        firstLoadBytes: sum(first, "gzipBytes"),
        firstLoadFiles: first.length,
        chartBytes: sum(
          lazy.filter((s) => s.chart),
          "gzipBytes",
        ),
        otherLazyBytes: sum(
          lazy.filter((s) => !s.chart),
          "gzipBytes",
        ),
        wireBytes: sum(scripts, "wireBytes"),
        rscRequests,
      });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
