import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./config";
import { median } from "./stats";

// Lighthouse 12 (13 needs Node 22) in Debian Chromium, headless, against the local server only.
// Each page is audited `runs` times with Lighthouse's default (mobile, simulated slow 4G and 4×
// CPU slowdown) and once with its desktop preset; the performance score quoted is the median of
// the mobile runs, as Lighthouse's own guidance on variance advises.

export type LighthouseResult = {
  path: string;
  performance: number;
  performanceRuns: number[];
  desktopPerformance: number;
  accessibility: number;
  /** Median metrics of the mobile runs, in ms (CLS unitless). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Accessibility audits that failed, by title. */
  accessibilityFailures: string[];
};

type Lhr = {
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<
    string,
    { numericValue?: number; score: number | null; title: string; scoreDisplayMode: string }
  >;
};

const score = (lhr: Lhr, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const metric = (lhr: Lhr, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

export async function measureLighthouse(
  origin: string,
  paths: readonly string[],
  runs: number,
): Promise<LighthouseResult[]> {
  const { default: lighthouse, desktopConfig } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS],
  });
  const audit = async (url: string, desktop: boolean): Promise<Lhr> => {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      },
      desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const lhr = result.lhr as unknown as Lhr;
    const runtimeError = (result.lhr as { runtimeError?: { message?: string } }).runtimeError;
    if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
    return lhr;
  };
  try {
    const out: LighthouseResult[] = [];
    for (const path of paths) {
      const url = `${origin}${path}`;
      const mobile: Lhr[] = [];
      for (let i = 0; i < runs; i++) mobile.push(await audit(url, false));
      const desktop = await audit(url, true);
      const last = mobile.at(-1) as Lhr;
      out.push({
        path,
        performance: median(mobile.map((l) => score(l, "performance"))),
        performanceRuns: mobile.map((l) => score(l, "performance")),
        desktopPerformance: score(desktop, "performance"),
        accessibility: Math.min(...mobile.map((l) => score(l, "accessibility"))),
        fcp: median(mobile.map((l) => metric(l, "first-contentful-paint"))),
        lcp: median(mobile.map((l) => metric(l, "largest-contentful-paint"))),
        tbt: median(mobile.map((l) => metric(l, "total-blocking-time"))),
        cls: median(mobile.map((l) => metric(l, "cumulative-layout-shift"))),
        accessibilityFailures: (last.categories.accessibility?.auditRefs ?? [])
          .map((ref) => last.audits[ref.id])
          .filter((a) => a !== undefined && a.scoreDisplayMode === "binary" && a.score === 0)
          .map((a) => a?.title ?? ""),
      });
      console.log(
        `  lighthouse ${path}: performance ${out.at(-1)?.performanceRuns.join("/")}, accessibility ${out.at(-1)?.accessibility}`,
      );
    }
    return out;
  } finally {
    chrome.kill();
  }
}
