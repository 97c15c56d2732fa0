"use client";

import type { BarChartInput } from "@/lib/charts/bar-layout";
import { formatMoney } from "@/lib/domain/format";
import { barChartMarkup } from "./bar-chart";
import styles from "./bar-chart.module.css";

/** What a page passes for a chart: data only, so that the RSC payload can carry it. */
export type BarChartData = Omit<BarChartInput, "formatValue">;

export type BarChartViewProps = {
  /** The scrolling box's id, which the SVG download looks for. */
  boxId: string;
  /** Prefix for the ids of the SVG's title and description. */
  id: string;
  title: string;
  description: string;
  chart: BarChartData;
  /** Values are amounts of money in this currency. */
  currency?: string;
};

/**
 * The chart inside its scrolling box. A client component only so that the page carries the chart
 * once: the server renders the SVG into the HTML, and the RSC payload carries this data rather
 * than the markup again; hydration rebuilds the same string with the same code and leaves the
 * SVG as it is (decision 0014). No chart script runs after that: the bars are plain links.
 */
export function BarChartView({ boxId, id, title, description, chart, currency }: BarChartViewProps) {
  const formatValue = currency ? (v: number) => formatMoney(v, currency) : undefined;
  const markup = barChartMarkup({ id, title, description, ...chart, formatValue });
  if (markup === null) {
    return (
      <div id={boxId} className={styles.box}>
        <p className="meta">Nothing to chart yet.</p>
      </div>
    );
  }
  // The markup is escaped by construction: every text and attribute value goes through
  // lib/charts/markup.ts, which the hostile corpus tests.
  return <div id={boxId} className={styles.box} dangerouslySetInnerHTML={{ __html: markup }} />;
}
