"use client";

import dynamic from "next/dynamic";
import type { ProgressChartProps } from "./progress-chart";
import styles from "./progress-chart.module.css";
import { PROGRESS_LINES } from "./progress-lines";

// Recharts is the heaviest script on the site: load it only on pages that draw a chart, after
// the text (and the chart's table equivalent) is already readable.
const ProgressChart = dynamic(() => import("./progress-chart").then((m) => m.ProgressChart), {
  ssr: false,
  loading: () => <div className={`${styles.plot} skeleton`} />,
});

export function LazyProgressChart(props: ProgressChartProps) {
  return (
    <div className={styles.figure}>
      <ul className={styles.legend}>
        {PROGRESS_LINES.map((line) => (
          <li key={line.label}>
            <svg width="24" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="24"
                y2="5"
                stroke={line.color}
                strokeWidth="2"
                strokeDasharray={line.dash}
              />
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
      <div className={styles.plot}>
        <ProgressChart {...props} />
      </div>
    </div>
  );
}
