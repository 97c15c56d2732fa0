import { formatTick, niceTicks, stackSegments, truncateLabel } from "./scale";

// Where every mark of a bar chart goes, worked out on the server: the component that draws it
// only maps this to SVG. Sizes are in the SVG's own units; the SVG scales to its box, so they are
// chosen for a chart about 560 px wide with 13 px text.

export type BarSeries = {
  key: string;
  label: string;
  color: string;
  /** Words after the number in a bar's name, e.g. ["commitment", "commitments"]. */
  unit?: readonly [one: string, other: string];
  /** Where selecting the bar leads, in words, e.g. "open in explorer". */
  linkHint?: string;
};

/** One bar (or group of bars): its label, a value per series, and where each segment leads. */
export type BarRow = { label: string; values: Record<string, number>; hrefs?: Record<string, string> };

export type BarChartInput = {
  rows: readonly BarRow[];
  series: readonly BarSeries[];
  /** Segments end to end in one bar, or one bar per series side by side. */
  stacked?: boolean;
  /** "horizontal": bars run left to right, labels on the left; "vertical": columns. */
  orientation?: "horizontal" | "vertical";
  /** What the value axis counts, shown as its title. */
  valueLabel: string;
  /** The value as the bar's accessible name gives it (full, not abbreviated like the ticks). */
  formatValue?: (value: number) => string;
  /** Counts get whole-number ticks. */
  integer?: boolean;
};

export type Box = { x: number; y: number; width: number; height: number };
export type BarMark = Box & {
  key: string;
  seriesKey: string;
  value: number;
  color: string;
  name: string;
  href?: string;
};
export type TickMark = {
  value: number;
  label: string;
  line: [number, number, number, number];
  x: number;
  y: number;
};
export type CategoryLabel = { text: string; full: string; x: number; y: number };
export type LegendItem = { label: string; color: string; x: number; y: number };

export type BarLayout = {
  width: number;
  height: number;
  orientation: "horizontal" | "vertical";
  plot: Box;
  ticks: TickMark[];
  categories: CategoryLabel[];
  bars: BarMark[];
  legend: LegendItem[];
  valueTitle: { text: string; x: number; y: number };
  /** No row has a value above zero: the component says so instead of drawing empty axes. */
  empty: boolean;
};

export const CHART_WIDTH = 560;
export const FONT_SIZE = 13;
/**
 * Average glyph width of 13 px system-ui text, erring wide (DejaVu Sans, Debian's default, runs
 * to about 7.8 px), so that labels neither collide nor get cut at the edge.
 */
const CHAR = 8;
const LEGEND_ROW = 20;
const SWATCH = 12;
/** A bar with any value at all stays wide enough to see and to click. */
const MIN_BAR = 2;
const HORIZONTAL_LABEL_CHARS = 24;
const VERTICAL_LABEL_CHARS = 12;

const round = (n: number) => Math.round(n * 10) / 10;
const textWidth = (text: string) => text.length * CHAR;

function legendItems(series: readonly BarSeries[], width: number, left: number): LegendItem[] {
  if (series.length < 2) return [];
  const items: LegendItem[] = [];
  let x = left;
  let y = 0;
  for (const s of series) {
    const w = SWATCH + 6 + textWidth(s.label) + 16;
    if (x + w > width && x > left) {
      x = left;
      y += LEGEND_ROW;
    }
    items.push({ label: s.label, color: s.color, x, y });
    x += w;
  }
  return items;
}

function barName(row: BarRow, s: BarSeries, value: number, format: (v: number) => string): string {
  const unit = s.unit ? ` ${value === 1 ? s.unit[0] : s.unit[1]}` : "";
  const hint = s.linkHint && row.hrefs?.[s.key] ? ` — ${s.linkHint}` : "";
  return `${row.label}, ${s.label}: ${format(value)}${unit}${hint}`;
}

const defaultFormat = new Intl.NumberFormat("en-IN").format;

export function layoutBarChart(input: BarChartInput): BarLayout {
  const { rows, stacked = false, orientation = "horizontal", valueLabel, integer = false } = input;
  const format = input.formatValue ?? defaultFormat;
  const valueOf = (row: BarRow, key: string) => {
    const v = row.values[key];
    return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
  };
  // Series with nothing to show stay out of the legend, as they stay out of the table.
  const series = input.series.filter((s) => rows.some((r) => valueOf(r, s.key) > 0));
  const largest = Math.max(
    0,
    ...rows.map((r) =>
      stacked
        ? series.reduce((sum, s) => sum + valueOf(r, s.key), 0)
        : Math.max(0, ...series.map((s) => valueOf(r, s.key))),
    ),
  );
  const ticks = niceTicks(largest, { integer });
  const tickLabels = ticks.values.map(formatTick);
  const width = CHART_WIDTH;
  const right = 24;

  const mark = (row: BarRow, r: number, s: BarSeries, value: number, box: Box): BarMark => ({
    ...box,
    key: `${r}-${s.key}`,
    seriesKey: s.key,
    value,
    color: s.color,
    name: barName(row, s, value, format),
    href: row.hrefs?.[s.key],
  });

  // The pieces of one bar along the value axis, as [start, length] fractions of the axis.
  const pieces = (row: BarRow) =>
    stacked
      ? stackSegments(
          series.map((s) => ({ key: s.key, value: valueOf(row, s.key) })),
          ticks.top,
        ).map((seg) => ({
          s: series.find((x) => x.key === seg.key) as BarSeries,
          value: seg.value,
          slot: 0,
          from: seg.start,
          to: seg.end,
        }))
      : series
          .map((s, i) => ({
            s,
            value: valueOf(row, s.key),
            slot: i,
            from: 0,
            to: valueOf(row, s.key) / ticks.top,
          }))
          .filter((p) => p.value > 0);
  const slots = stacked ? 1 : Math.max(1, series.length);

  if (orientation === "horizontal") {
    const longest = Math.max(0, ...rows.map((r) => truncateLabel(r.label, HORIZONTAL_LABEL_CHARS).length));
    const left = Math.max(40, longest * CHAR + 12);
    const legend = legendItems(series, width - right, left);
    const top = (legend.length ? (legend.at(-1) as LegendItem).y + LEGEND_ROW : 0) + 8;
    const band = slots === 1 ? 28 : 8 + slots * 11;
    const plot: Box = { x: left, y: top, width: width - left - right, height: rows.length * band };
    const thickness = (band - 8) / slots;
    const bars = rows.flatMap((row, r) =>
      pieces(row).map((p) => {
        const x = plot.x + p.from * plot.width;
        const length = Math.max(MIN_BAR, (p.to - p.from) * plot.width);
        return mark(row, r, p.s, p.value, {
          x: round(x),
          y: round(plot.y + r * band + 4 + p.slot * thickness),
          width: round(length),
          height: round(thickness),
        });
      }),
    );
    const bottom = plot.y + plot.height;
    return {
      width,
      height: round(bottom + 44),
      orientation,
      plot,
      ticks: ticks.values.map((value, i) => {
        const x = round(plot.x + (value / ticks.top) * plot.width);
        return { value, label: tickLabels[i] as string, line: [x, plot.y, x, bottom], x, y: bottom + 16 };
      }),
      categories: rows.map((row, r) => ({
        text: truncateLabel(row.label, HORIZONTAL_LABEL_CHARS),
        full: row.label,
        x: left - 8,
        y: round(plot.y + r * band + band / 2),
      })),
      bars,
      legend,
      valueTitle: { text: valueLabel, x: round(plot.x + plot.width / 2), y: bottom + 36 },
      empty: largest === 0,
    };
  }

  const longestTick = Math.max(...tickLabels.map((t) => t.length));
  const left = Math.max(32, longestTick * CHAR + 12);
  const legend = legendItems(series, width - right, left);
  const top = (legend.length ? (legend.at(-1) as LegendItem).y + LEGEND_ROW : 0) + 28;
  const height = 320;
  const plot: Box = { x: left, y: top, width: width - left - right, height: height - top - 28 };
  const band = plot.width / Math.max(1, rows.length);
  const thickness = Math.min(48, band * 0.7);
  const longestLabel = Math.max(0, ...rows.map((r) => truncateLabel(r.label, VERTICAL_LABEL_CHARS).length));
  // Labels that would overlap are thinned out: every n-th is shown, the rest stay in the names.
  const every = Math.max(1, Math.ceil((longestLabel * CHAR + 8) / band));
  const bottom = plot.y + plot.height;
  const bars = rows.flatMap((row, r) =>
    pieces(row).map((p) => {
      const length = Math.max(MIN_BAR, (p.to - p.from) * plot.height);
      return mark(row, r, p.s, p.value, {
        x: round(plot.x + r * band + (band - thickness) / 2 + (p.slot * thickness) / slots),
        y: round(bottom - p.from * plot.height - length),
        width: round(thickness / slots),
        height: round(length),
      });
    }),
  );
  return {
    width,
    height,
    orientation,
    plot,
    ticks: ticks.values.map((value, i) => {
      const y = round(bottom - (value / ticks.top) * plot.height);
      return {
        value,
        label: tickLabels[i] as string,
        line: [plot.x, y, plot.x + plot.width, y],
        x: left - 8,
        y,
      };
    }),
    categories: rows.flatMap((row, r) =>
      r % every === 0
        ? [
            {
              text: truncateLabel(row.label, VERTICAL_LABEL_CHARS),
              full: row.label,
              x: round(plot.x + r * band + band / 2),
              y: bottom + 18,
            },
          ]
        : [],
    ),
    bars,
    legend,
    valueTitle: { text: valueLabel, x: left, y: top - 12 },
    empty: largest === 0,
  };
}
