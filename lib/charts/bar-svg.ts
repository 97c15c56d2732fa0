import { formatMoney } from "@/lib/domain/format";
import { layoutBarChart, type BarChartInput, type BarRow } from "./bar-layout";
import { fragment, h, toHtml } from "./markup";
import { chartRoot, type SvgTarget } from "./standalone";

export type BarChartSvgInput = BarChartInput & {
  /** Prefix for the ids of the SVG's title and description. */
  id: string;
  title: string;
  description: string;
};

/** How to draw a panel's rows as a chart: data only, so that it can cross to the browser. */
export type ChartSpec = Omit<BarChartInput, "rows" | "formatValue"> & {
  /** The values are amounts of money in this currency. */
  currency?: string;
};

/** The chart's input from its spec and rows: money is named in its currency in the bars' names. */
export function barChartInput({ currency, ...spec }: ChartSpec, rows: readonly BarRow[]): BarChartInput {
  return { ...spec, rows, formatValue: currency ? (v) => formatMoney(v, currency) : undefined };
}

/** A drawn chart: its SVG markup and its size in the SVG's own units. */
export type ChartSvg = { markup: string; width: number; height: number };

/**
 * A bar chart as SVG: nothing to run before it can be read, and every bar is a link, so a
 * keyboard or a screen reader reaches the same filtered lists a click does, with or without JS.
 * Axes, ticks and legend are hidden from assistive technology: the bars' names say it all, and
 * the table beside the chart says it again.
 *
 * Built as one escaped string (lib/charts/markup.ts) rather than as React elements, so that
 * hydration has one element to match rather than a few hundred (decision 0014). The page inlines
 * it; with `standalone` it is a file of its own (downloads, embeds, PNGs). Null when there is
 * nothing to chart.
 */
export function barChartSvg(
  { id, title, description, ...input }: BarChartSvgInput,
  target: SvgTarget = {},
): ChartSvg | null {
  // A file of its own has no links: outside the site its relative links lead nowhere, and in an
  // embed 96 links to the explorer would take half its byte budget (issue 14). Its bars keep their
  // names; the embed links to the chart's page, where the bars are links.
  const l = layoutBarChart(
    target.standalone
      ? { ...input, rows: input.rows.map(({ label, values }) => ({ label, values })) }
      : input,
  );
  if (l.empty) return null;
  const horizontal = l.orientation === "horizontal";
  const bottom = l.plot.y + l.plot.height;
  const axis = horizontal
    ? h("line", { x1: l.plot.x, y1: l.plot.y, x2: l.plot.x, y2: bottom, stroke: "#555" })
    : h("line", { x1: l.plot.x, y1: bottom, x2: l.plot.x + l.plot.width, y2: bottom, stroke: "#555" });
  const svg = chartRoot(
    { id, title, description, role: "group", width: l.width, height: l.height },
    target,
    // Attributes that many marks share are set once on a group around them (text anchor), which
    // an SVG's children inherit: repeated on every mark they came to 5 KB of the page.
    h(
      "g",
      { "aria-hidden": "true" },
      // The grid as one path; the zero tick's line is the axis, drawn solid below.
      h("path", {
        d: l.ticks
          .filter((t) => t.value !== 0)
          .map((t) => `M${t.line[0]} ${t.line[1]}L${t.line[2]} ${t.line[3]}`)
          .join(""),
        stroke: "#d0d0c8",
        "stroke-dasharray": "3 3",
      }),
      axis,
      h(
        "g",
        horizontal ? { "text-anchor": "middle" } : { "text-anchor": "end", "dominant-baseline": "middle" },
        fragment(l.ticks.map((t) => h("text", { x: t.x, y: t.y }, t.label))),
      ),
      h(
        "g",
        horizontal ? { "text-anchor": "end", "dominant-baseline": "middle" } : { "text-anchor": "middle" },
        fragment(
          l.categories.map((c) =>
            h("text", { x: c.x, y: c.y }, c.text !== c.full ? h("title", {}, c.full) : null, c.text),
          ),
        ),
      ),
      h(
        "text",
        {
          x: l.valueTitle.x,
          y: l.valueTitle.y,
          "text-anchor": horizontal ? "middle" : "start",
          fill: "#555",
        },
        l.valueTitle.text,
      ),
      fragment(
        l.legend.flatMap((item) => [
          h("rect", { x: item.x, y: item.y + 4, width: 12, height: 12, fill: item.color }),
          h("text", { x: item.x + 18, y: item.y + 14 }, item.label),
        ]),
      ),
    ),
    // Each bar is named by its <title> alone (SVG-AAM): it is both the accessible name and the
    // tooltip, and an aria-label beside it would double the bytes of every bar. Bars are styled
    // as `.chart a` rather than by a class on each: a class name costs 20 bytes a bar.
    fragment(
      l.bars.map((b) => {
        const rect = h("rect", { x: b.x, y: b.y, width: b.width, height: b.height, fill: b.color });
        return b.href
          ? h("a", { href: b.href }, h("title", {}, b.name), rect)
          : h("g", { role: "img" }, h("title", {}, b.name), rect);
      }),
    ),
  );
  return { markup: toHtml(svg), width: l.width, height: l.height };
}
