import type { ProgressSeries } from "@/lib/domain/progress-series";
import type { ChartSvg } from "./bar-svg";
import { fragment, h, toHtml } from "./markup";
import { PROGRESS_LINES } from "./progress-lines";
import { formatTick, niceTicks } from "./scale";
import { chartRoot, type SvgTarget } from "./standalone";

// A commitment's progress chart drawn on the server, from the same series as the Recharts chart
// on its page (components/charts/progress-chart.tsx): the straight line to target, the recorded
// values, and the target, today and the deadline marked. The embed and the PNG use it, since they
// carry no script (issue 14). Its look follows the page's chart; its size is fixed, like the bar
// charts', and it scales with its box.

export type ProgressSvgInput = {
  id: string;
  title: string;
  description: string;
  series: ProgressSeries;
  /** Appended to values on the axis and in the points' titles, e.g. "%". */
  unitSuffix: string;
};

const WIDTH = 560;
const HEIGHT = 320;
/** The drawn height of every progress chart, for the height of its embed. */
export const PROGRESS_HEIGHT = HEIGHT;
const PLOT = { left: 64, right: 24, top: 40, bottom: 36 };
const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Steps between date ticks, in months; the smallest that gives at most MAX_DATE_TICKS is taken. */
const MONTH_STEPS = [1, 3, 6, 12, 24, 60, 120, 240];
const MAX_DATE_TICKS = 6;

const round = (n: number) => Math.round(n * 10) / 10;

export const shortDate = (t: number) => {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** Ticks on the first of a month, every `step` months (on years' starts from a year up). */
export function dateTicks(from: number, to: number): { t: number; label: string }[] {
  const months = (t: number) => {
    const d = new Date(t);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const first = months(from);
  const last = months(to);
  const step =
    MONTH_STEPS.find((s) => Math.floor(last / s) - Math.ceil(first / s) + 1 <= MAX_DATE_TICKS) ?? 240;
  const ticks: { t: number; label: string }[] = [];
  for (let m = Math.ceil(first / step) * step; m <= last; m += step) {
    const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
    if (t < from || t > to) continue;
    ticks.push({
      t,
      label: step >= 12 ? String(Math.floor(m / 12)) : `${MONTHS[m % 12]} ${Math.floor(m / 12)}`,
    });
  }
  return ticks;
}

export function progressChartSvg(
  { id, title, description, series, unitSuffix }: ProgressSvgInput,
  target: SvgTarget = {},
): ChartSvg | null {
  const rows = series.rows;
  if (rows.length === 0) return null;
  const [expectedLine, recordedLine] = PROGRESS_LINES;
  const firstT = Math.min(rows[0]?.t ?? series.todayT, series.todayT);
  let lastT = Math.max(rows.at(-1)?.t ?? firstT, series.todayT);
  if (lastT <= firstT) lastT = firstT + DAY;
  const values = rows.flatMap((r) => [r.recorded, r.expected]).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(series.target, ...values));
  const plot = {
    x: PLOT.left,
    y: PLOT.top,
    width: WIDTH - PLOT.left - PLOT.right,
    height: HEIGHT - PLOT.top - PLOT.bottom,
  };
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const x = (t: number) => round(plot.x + ((t - firstT) / (lastT - firstT)) * plot.width);
  const y = (v: number) => round(bottom - (Math.max(0, v) / ticks.top) * plot.height);
  const points = (pick: (r: (typeof rows)[number]) => number | null) =>
    rows.flatMap((r) => {
      const v = pick(r);
      return v === null ? [] : [`${x(r.t)},${y(v)}`];
    });
  const expected = points((r) => r.expected);
  const recorded = rows.filter((r) => r.recorded !== null);
  const vertical = (t: number, color: string, label: string, dash: string | undefined, labelY: number) => {
    const at = x(t);
    // The label sits inside the plot, on the side with room.
    const nearRight = at > right - 70;
    return fragment([
      h("line", { x1: at, y1: plot.y, x2: at, y2: bottom, stroke: color, "stroke-dasharray": dash }),
      h(
        "text",
        {
          x: nearRight ? at - 4 : at + 4,
          y: labelY,
          fill: color,
          "text-anchor": nearRight ? "end" : "start",
        },
        label,
      ),
    ]);
  };
  let legendX = plot.x;
  const legend = PROGRESS_LINES.map((line) => {
    const item = fragment([
      h("line", {
        x1: legendX,
        y1: 10,
        x2: legendX + 24,
        y2: 10,
        stroke: line.color,
        "stroke-width": 2,
        "stroke-dasharray": line.dash,
      }),
      h("text", { x: legendX + 30, y: 14 }, line.label),
    ]);
    legendX += 30 + line.label.length * 8 + 20;
    return item;
  });

  const svg = chartRoot(
    { id, title, description, role: "img", width: WIDTH, height: HEIGHT },
    target,
    fragment(legend),
    h("path", {
      d: [
        ...ticks.values.filter((v) => v !== 0).map((v) => `M${plot.x} ${y(v)}H${right}`),
        ...dateTicks(firstT, lastT).map((t) => `M${x(t.t)} ${plot.y}V${bottom}`),
      ].join(""),
      stroke: "#d0d0c8",
      "stroke-dasharray": "3 3",
      fill: "none",
    }),
    h("path", { d: `M${plot.x} ${plot.y}V${bottom}H${right}`, stroke: "#555", fill: "none" }),
    h(
      "g",
      { "text-anchor": "end", "dominant-baseline": "middle", fill: "#555" },
      fragment(
        ticks.values.map((v) => h("text", { x: plot.x - 8, y: y(v) }, `${formatTick(v)}${unitSuffix}`)),
      ),
    ),
    h(
      "g",
      { "text-anchor": "middle", fill: "#555" },
      fragment(dateTicks(firstT, lastT).map((t) => h("text", { x: x(t.t), y: bottom + 20 }, t.label))),
    ),
    h("line", { x1: plot.x, y1: y(series.target), x2: right, y2: y(series.target), stroke: "#1b5e20" }),
    h("text", { x: plot.x + 4, y: y(series.target) - 5, fill: "#1b5e20" }, "Target"),
    vertical(series.todayT, "#555", "Today", "2 2", bottom - 6),
    series.dueT !== null ? vertical(series.dueT, "#b3261e", "Deadline", undefined, plot.y + 14) : null,
    expected.length > 1
      ? h("polyline", {
          points: expected.join(" "),
          fill: "none",
          stroke: expectedLine.color,
          "stroke-dasharray": expectedLine.dash,
        })
      : null,
    recorded.length > 1
      ? h("polyline", {
          points: points((r) => r.recorded).join(" "),
          fill: "none",
          stroke: recordedLine.color,
          "stroke-width": 2,
        })
      : null,
    fragment(
      recorded.map((r) =>
        h(
          "circle",
          {
            cx: x(r.t),
            cy: y(r.recorded as number),
            r: 3,
            fill: "#fff",
            stroke: recordedLine.color,
            "stroke-width": 2,
          },
          h("title", {}, `${shortDate(r.t)}: ${r.recorded}${unitSuffix}`),
        ),
      ),
    ),
  );
  return { markup: toHtml(svg), width: WIDTH, height: HEIGHT };
}
