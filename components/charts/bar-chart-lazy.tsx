"use client";

import dynamic from "next/dynamic";
import type { BarChartProps } from "./bar-chart";

const Chart = dynamic(() => import("./bar-chart").then((m) => m.BarChart), {
  ssr: false,
  loading: () => <div className="chart-box skeleton" aria-hidden="true" />,
});

export function LazyBarChart(props: BarChartProps) {
  return <Chart {...props} />;
}
