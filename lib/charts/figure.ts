import type { ChartSvg } from "./bar-svg";

/**
 * One chart as the embeds, the image files and the share images show it: drawn standalone, with
 * what is said around it and where its page is. The registry (app/charts/registry.ts) builds one
 * per address; everything below only formats it.
 */
export type ChartFigure = {
  /** The address below /embed/ and /charts/, e.g. "dashboard/by-sector" (lib/charts/chart-path.ts). */
  path: string;
  title: string;
  /** What the chart shows, in a sentence or two. */
  description: string;
  /** Above the title on a share image: whose chart it is, e.g. the company's name. */
  kicker: string;
  /** Drawn with `standalone: true`. */
  chart: ChartSvg;
  /** The page the chart belongs to, as a path on this site (with its #fragment). */
  pageHref: string;
  /** The day the figures are computed for (YYYY-MM-DD). */
  asOf: string;
};
