import type { ReactNode } from "react";
import type { BarChartInput } from "@/lib/charts/bar-layout";
import { BarChart } from "./bar-chart";
import { SvgDownloadButton } from "./svg-download";

// Every chart comes with its text alternative (a table), the data behind it as CSV, and its
// image: a chart alone shuts out screen-reader users and anyone who wants to check the numbers.

export type ChartPanelProps = {
  id: string;
  title: string;
  description: string;
  csvHref: string;
  chart: BarChartInput;
  table: ReactNode;
};

export function ChartPanel({ id, title, description, csvHref, chart, table }: ChartPanelProps) {
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="meta">{description}</p>
      <BarChart boxId={id} id={id} title={title} description={description} {...chart} />
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
