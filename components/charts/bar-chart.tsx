import { barChartSvg, type BarChartSvgInput } from "@/lib/charts/bar-svg";
import styles from "./bar-chart.module.css";

export type BarChartProps = BarChartSvgInput;

/**
 * The chart's SVG as the page inlines it (lib/charts/bar-svg.ts draws it; the SVG and PNG files,
 * the embeds and share images use the same drawing). Null when there is nothing to chart.
 */
export function barChartMarkup(props: BarChartProps): string | null {
  return barChartSvg(props, { className: styles.chart })?.markup ?? null;
}

/** The chart inside its scrolling box (`boxId` is what the SVG download looks for). */
export function BarChart({ boxId, ...props }: BarChartProps & { boxId: string }) {
  const markup = barChartMarkup(props);
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
