import { packRows, type PanelRow } from "@/lib/charts/rows";
import { ChartPanelBody, type ChartPanelBodyProps } from "./chart-panel-body";

// Every chart comes with its text alternative (a table), the data behind it as CSV, and its
// image: a chart alone shuts out screen-reader users and anyone who wants to check the numbers.

export type ChartPanelProps = Omit<ChartPanelBodyProps, "rows"> & {
  /** What the chart draws and its table lists. */
  rows: readonly PanelRow[];
};

/** Packs the rows on the server, where the page reads them, so that the page carries them small. */
export function ChartPanel({ rows, ...props }: ChartPanelProps) {
  return <ChartPanelBody {...props} rows={packRows(rows)} />;
}
