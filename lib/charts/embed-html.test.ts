import { describe, expect, test } from "vitest";
import { STATUS_LABELS, STATUSES } from "@/lib/domain/status";
import { barChartSvg } from "./bar-svg";
import { EMBED_BUDGET, embedDocument, embedHeight, iframeCode } from "./embed-html";
import type { ChartFigure } from "./figure";

// The largest chart the dashboard draws: 12 sectors with names as long as a category may be (80
// characters, lib/validation/submissions.ts), every one with all eight statuses and six-digit
// counts, each segment a link to the explorer in the page (as app/dashboard-charts.ts).
function worstCaseFigure(): ChartFigure {
  const categories = Array.from({ length: 12 }, (_, i) =>
    `Electronic components & sub-assemblies, category ${String(i).padStart(2, "0")} (“printed circuits”)`.padEnd(
      80,
      "x",
    ),
  );
  const explorer = (category: string, status?: string) =>
    `/commitments?${new URLSearchParams({ category, ...(status ? { status } : {}) })}`;
  const chart = barChartSvg(
    {
      id: "chart-by-sector",
      title: "Status by sector",
      description: "Commitments in the 12 largest product categories, stacked by status.",
      rows: categories.map((label, i) => ({
        label,
        values: Object.fromEntries(STATUSES.map((s, j) => [s, 100_000 + i * 1000 + j])),
        hrefs: Object.fromEntries(STATUSES.map((s) => [s, explorer(label, s)])),
      })),
      series: STATUSES.map((s) => ({
        key: s,
        label: STATUS_LABELS[s],
        color: "#123456",
        unit: ["commitment", "commitments"] as const,
        linkHint: "open in explorer",
      })),
      stacked: true,
      valueLabel: "Commitments",
      integer: true,
    },
    { standalone: true },
  );
  if (!chart) throw new Error("nothing to chart");
  return {
    path: "dashboard/by-sector",
    title: "Status by sector",
    description: "Commitments in the 12 largest product categories, stacked by status.",
    kicker: "Dashboard",
    chart,
    pageHref: "/#chart-by-sector",
    asOf: "2026-11-25",
  };
}

describe("embedDocument", () => {
  const figure = worstCaseFigure();
  const html = embedDocument(figure);

  test("holds the largest dashboard chart within the budget", () => {
    const bytes = Buffer.byteLength(html);
    console.log(`worst-case embed: ${bytes} bytes of ${EMBED_BUDGET}`);
    expect(bytes).toBeLessThanOrEqual(EMBED_BUDGET);
  });

  test("carries no script, and opens its links in the reader's window", () => {
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).toContain('<base target="_top"/>');
    // The bars are named but not links: the embed links to the chart's page, where they are.
    expect(html).not.toContain('href="/commitments');
    expect(html.match(/<g role="img"><title>/g)?.length).toBe(96);
  });

  test("says what the chart is, where it comes from, under which licence, and links back", () => {
    expect(html).toMatch(/^<!doctype html><html lang="en-IN">/);
    expect(html).toContain("<h1>Status by sector</h1>");
    expect(html).toContain("figures as of 25 Nov 2026");
    expect(html).toContain(
      '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>',
    );
    expect(html).toContain('<a href="/#chart-by-sector">See the full page, the data and the sources</a>');
  });

  test("escapes what contributors wrote", () => {
    const hostile = embedDocument({
      ...figure,
      title: "</title><script>alert(1)</script>",
      description: "<img src=x onerror=alert(1)>",
    });
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain("<img");
    expect(hostile).toContain("&lt;/title&gt;&lt;script&gt;");
  });
});

describe("iframeCode", () => {
  test("an absolute address, a title and a height that fits the chart", () => {
    const code = iframeCode({
      origin: "https://tracker.example.in",
      path: "commitments/12/progress",
      title: 'Progress: "50%" & more',
      chartHeight: 320,
    });
    expect(code).toBe(
      `<iframe src="https://tracker.example.in/embed/commitments/12/progress" title="Progress: &quot;50%&quot; &amp; more" width="600" height="${embedHeight(320)}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
  });
});
