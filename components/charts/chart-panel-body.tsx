"use client";

import { barChartInput, type ChartSpec } from "@/lib/charts/bar-svg";
import { unpackRows, type PackedRows } from "@/lib/charts/rows";
import { BarChart } from "./bar-chart";
import { ChartTable, type ChartTableSpec } from "./chart-table";
import { EmbedCode } from "./embed-code";
import { SvgDownloadButton } from "./svg-download";

export type ChartPanelBodyProps = {
  id: string;
  title: string;
  description: string;
  csvHref: string;
  rows: PackedRows;
  chart: ChartSpec;
  table: ChartTableSpec;
  /** The chart as PNG (app/charts), offered beside the SVG. */
  pngHref?: string;
  /** The <iframe> code of the chart's embed (app/embed). */
  embedCode?: string;
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
  pngHref,
  embedCode,
}: ChartPanelBodyProps) {
  const rows = unpackRows(packed);
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="meta">{description}</p>
      <BarChart boxId={id} id={id} title={title} description={description} {...barChartInput(chart, rows)} />
      <div className="chart-actions">
        {/* A plain link: Next's <Link> would prefetch the CSV as if it were a page. */}
        <a href={csvHref} download>
          Data behind this chart (CSV)
        </a>
        <SvgDownloadButton targetId={id} filename={`${id}.svg`} />
        {pngHref ? (
          <a href={pngHref} download>
            Download image (PNG)
          </a>
        ) : null}
      </div>
      {embedCode ? <EmbedCode id={id} code={embedCode} /> : null}
      <details>
        <summary>Show the data as a table</summary>
        <div className="table-wrap">
          <ChartTable rows={rows} {...table} />
        </div>
      </details>
    </section>
  );
}
