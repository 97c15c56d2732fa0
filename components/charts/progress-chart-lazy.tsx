"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ProgressChartProps } from "./progress-chart";
import styles from "./progress-chart.module.css";
import { PROGRESS_LINES } from "@/lib/charts/progress-lines";

// Recharts is the heaviest script on the site: load it only on pages that draw a chart, after
// the text (and the chart's table equivalent) is already readable, and only once the chart is
// about to scroll into view. Its first render is one long task (Recharts updates its store while
// rendering), so a reader who never scrolls to the chart, on a phone say, never pays for it.
const ProgressChart = dynamic(() => import("./progress-chart").then((m) => m.ProgressChart), {
  ssr: false,
  loading: () => <div className={`${styles.plot} skeleton`} />,
});

/** How far below the viewport the chart starts loading, so it is usually drawn before it is seen. */
const LOAD_MARGIN = "400px";

export function LazyProgressChart(props: ProgressChartProps) {
  const plot = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = plot.current;
    if (!target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: LOAD_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
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
      <div className={styles.plot} ref={plot}>
        {near ? <ProgressChart {...props} /> : <div className={`${styles.plot} skeleton`} />}
      </div>
    </div>
  );
}
