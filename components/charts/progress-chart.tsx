"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import type { ProgressSeries } from "@/lib/domain/progress-series";
import { PROGRESS_LINES } from "@/lib/charts/progress-lines";

export type ProgressChartProps = {
  series: ProgressSeries;
  /** The unit suffix shown on the value axis, e.g. "%". */
  unitSuffix: string;
  title: string;
};

const shortDate = (t: number) =>
  new Date(t).toLocaleDateString("en-IN", { month: "short", year: "numeric", timeZone: "UTC" });

type DotProps = { cx?: number; cy?: number; payload?: { t: number; recorded: number | null } };

/**
 * Recorded progress against the straight line to target, with the deadline marked.
 *
 * Only the parts of Recharts drawn here are imported: its <Tooltip> and <Legend> alone add about
 * 12 KB gzipped to the chunk (docs/decisions/0014). The legend is HTML beside the chart instead,
 * and each recorded point carries its date and value as an SVG <title>, which the browser shows
 * on hover; the table below the chart has every figure.
 */
export function ProgressChart({ series, unitSuffix, title }: ProgressChartProps) {
  const first = series.rows[0]?.t ?? 0;
  const last = Math.max(series.rows.at(-1)?.t ?? first, series.todayT);
  const [expected, recorded] = PROGRESS_LINES;
  return (
    <LineChart
      responsive
      style={{ width: "100%", height: "100%" }}
      accessibilityLayer={false}
      data={series.rows}
      margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
      title={title}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[first, last]}
        tickFormatter={shortDate}
        name="Date"
      />
      <YAxis tickFormatter={(v: number) => `${v}${unitSuffix}`} width={64} />
      <Line
        type="linear"
        dataKey="expected"
        name={expected.label}
        stroke={expected.color}
        strokeDasharray={expected.dash}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="recorded"
        name={recorded.label}
        stroke={recorded.color}
        strokeWidth={2}
        connectNulls
        isAnimationActive={false}
        dot={({ cx, cy, payload }: DotProps) =>
          cx === undefined || cy === undefined || payload?.recorded == null ? (
            <g key={`${cx}-${cy}`} />
          ) : (
            <circle key={payload.t} cx={cx} cy={cy} r={3} fill="#fff" stroke={recorded.color} strokeWidth={2}>
              <title>{`${shortDate(payload.t)}: ${payload.recorded}${unitSuffix}`}</title>
            </circle>
          )
        }
      />
      <ReferenceLine
        y={series.target}
        stroke="#1b5e20"
        label={{ value: "Target", position: "insideTopLeft" }}
      />
      <ReferenceLine
        x={series.todayT}
        stroke="#555"
        strokeDasharray="2 2"
        label={{ value: "Today", position: "insideBottomRight" }}
      />
      {series.dueT !== null ? (
        <ReferenceLine
          x={series.dueT}
          stroke="#b3261e"
          label={{ value: "Deadline", position: "insideTopRight" }}
        />
      ) : null}
    </LineChart>
  );
}
