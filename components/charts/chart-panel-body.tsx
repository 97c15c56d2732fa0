"use client";

import type { BarChartInput } from "@/lib/charts/bar-layout";
import { unpackRows, type PackedRows } from "@/lib/charts/rows";
import { formatMoney } from "@/lib/domain/format";
import { BarChart } from "./bar-chart";
import { ChartTable, type ChartTableSpec } from "./chart-table";
import { SvgDownloadButton } from "./svg-download";

/** How to draw a panel's rows as a chart: data only, so that it can cross to the browser. */
export type ChartSpec = Omit<BarChartInput, "rows" | "formatValue"> & {
  /** The values are amounts of money in this currency. */
  currency?: string;
};

export type ChartPanelBodyProps = {
  id: string;
  title: string;
  description: string;
  csvHref: string;
  rows: PackedRows;
  chart: ChartSpec;
  table: ChartTableSpec;
};

/**
 * A chart panel drawn from its data. A client component only so that the page carries the chart
 * once: the server renders it into the HTML, and the RSC payload written into the page for
 * hydration carries these props rather than the SVG and the table a second time (decision 0014).
 * No chart script has to run for it to be read or used: the bars are plain links in the HTML.
 */
export function ChartPanelBody({
  id,
  title,
  description,
  csvHref,
  rows: packed,
  chart,
  table,
}: ChartPanelBodyProps) {
  const rows = unpackRows(packed);
  const { currency, ...input } = chart;
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="meta">{description}</p>
      <BarChart
        boxId={id}
        id={id}
        title={title}
        description={description}
        {...input}
        rows={rows}
        formatValue={currency ? (v) => formatMoney(v, currency) : undefined}
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
        <div className="table-wrap">
          <ChartTable rows={rows} {...table} />
        </div>
      </details>
    </section>
  );
}
