"use client";

import dynamic from "next/dynamic";
import type { ProgressChartProps } from "./progress-chart";

// Recharts is the heaviest script on the site: load it only on pages that draw a chart, after
// the text (and the chart's table equivalent) is already readable.
const ProgressChart = dynamic(() => import("./progress-chart").then((m) => m.ProgressChart), {
  ssr: false,
  loading: () => <div className="chart-box skeleton" aria-hidden="true" />,
});

export function LazyProgressChart(props: ProgressChartProps) {
  return <ProgressChart {...props} />;
}
