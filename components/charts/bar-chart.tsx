"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
  ResponsiveContainer,
} from "recharts";

export type BarSeries = { key: string; label: string; color: string };
/** One bar group: its label, a value per series, and where a click on each segment leads. */
export type BarRow = { label: string; values: Record<string, number>; hrefs?: Record<string, string> };

export type BarChartProps = {
  rows: BarRow[];
  series: BarSeries[];
  stacked?: boolean;
  layout?: "horizontal" | "vertical";
  valueLabel: string;
};

const formatTick = (v: number) =>
  new Intl.NumberFormat("en-IN", { notation: "compact", maximumFractionDigits: 1 }).format(v);

/** Bars that open the explorer filtered to what was clicked. */
export function BarChart({
  rows,
  series,
  stacked = false,
  layout = "horizontal",
  valueLabel,
}: BarChartProps) {
  const router = useRouter();
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  const vertical = layout === "vertical";
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 320 }}>
      <RechartsBarChart
        accessibilityLayer={false}
        data={data}
        layout={vertical ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={formatTick} name={valueLabel} />
            <YAxis type="category" dataKey="label" width={150} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval="preserveStartEnd" />
            <YAxis tickFormatter={formatTick} width={56} name={valueLabel} />
          </>
        )}
        <Tooltip formatter={(value) => new Intl.NumberFormat("en-IN").format(Number(value))} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? "stack" : undefined}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_entry, index) => {
              const href = rows[index]?.hrefs?.[s.key];
              if (href) router.push(href);
            }}
          />
        ))}
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
