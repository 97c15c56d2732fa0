"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ProgressSeries } from "@/lib/domain/progress-series";

export type ProgressChartProps = {
  series: ProgressSeries;
  /** The unit suffix shown on the value axis, e.g. "%". */
  unitSuffix: string;
  title: string;
};

const shortDate = (t: number) =>
  new Date(t).toLocaleDateString("en-IN", { month: "short", year: "numeric", timeZone: "UTC" });

/** Recorded progress against the straight line to target, with the deadline marked. */
export function ProgressChart({ series, unitSuffix, title }: ProgressChartProps) {
  const first = series.rows[0]?.t ?? 0;
  const last = Math.max(series.rows.at(-1)?.t ?? first, series.todayT);
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 320 }}>
      <LineChart
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
        <Tooltip
          labelFormatter={(t) => shortDate(Number(t))}
          formatter={(value) => `${String(value)}${unitSuffix}`}
        />
        <Legend />
        <Line
          type="linear"
          dataKey="expected"
          name="Straight line to target"
          stroke="#6b6b6b"
          strokeDasharray="6 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="recorded"
          name="Recorded progress"
          stroke="#0b5394"
          strokeWidth={2}
          connectNulls
          isAnimationActive={false}
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
    </ResponsiveContainer>
  );
}
