import type { ReactNode } from "react";
import { BarChartView, type BarChartData } from "./bar-chart-view";
import { SvgDownloadButton } from "./svg-download";

// Every chart comes with its text alternative (a table), the data behind it as CSV, and its
// image: a chart alone shuts out screen-reader users and anyone who wants to check the numbers.

export type ChartPanelProps = {
  id: string;
  title: string;
  description: string;
  csvHref: string;
  chart: BarChartData;
  /** The chart's values are amounts of money in this currency. */
  currency?: string;
  table: ReactNode;
};

export function ChartPanel({ id, title, description, csvHref, chart, currency, table }: ChartPanelProps) {
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="meta">{description}</p>
      <BarChartView
        boxId={id}
        id={id}
        title={title}
        description={description}
        chart={chart}
        currency={currency}
      />
      <div className="chart-actions">
        {/* A plain link: Next's <Link> would prefetch the CSV as if it were a page. */}
        <a href={csvHref} download>
          Data behind this chart (CSV)
        </a>
        <SvgDownloadButton targetId={id} filename={`${id}.svg`} />
      </div>
      <details>
        <summary>Show the data as a table</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </section>
  );
}
