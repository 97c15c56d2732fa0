import { FONT_SIZE } from "./bar-layout";
import { h, toHtml, type Attributes, type Child, type Markup } from "./markup";

// A chart as a file of its own (the SVG and PNG downloads, the embeds, share images) rather than
// inside a page: it names its namespace and its size, sits on a white ground (a PNG is
// transparent otherwise, and dark viewers show it on black), and names first the font that the
// PNG is drawn with (lib/charts/png.ts), so that the file looks the same wherever it opens.

/** The font every standalone chart names first; assets/fonts ships it for the PNG renderer. */
export const CHART_FONT = "DejaVu Sans";
export const PAGE_FONT_FAMILY = "system-ui, sans-serif";
export const STANDALONE_FONT_FAMILY = `${CHART_FONT}, ${PAGE_FONT_FAMILY}`;

export type SvgTarget = {
  /** A file of its own (true), or inline in one of the site's pages. */
  standalone?: boolean;
  /** In the page: a class for the site's styles. */
  className?: string;
};

/** The attributes that differ between a chart in the page and a chart as a file. */
export function frameAttributes(
  width: number,
  height: number,
  { standalone = false, className }: SvgTarget,
): Attributes {
  return standalone
    ? {
        xmlns: "http://www.w3.org/2000/svg",
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        "font-family": STANDALONE_FONT_FAMILY,
      }
    : // No xmlns in the page: HTML puts an <svg> in its namespace.
      { class: className, viewBox: `0 0 ${width} ${height}`, "font-family": PAGE_FONT_FAMILY };
}

/** The white ground under a standalone chart; in the page, the page's background shows through. */
export function ground(width: number, height: number, { standalone = false }: SvgTarget): Markup | null {
  return standalone ? h("rect", { width, height, fill: "#fff" }) : null;
}

export type ChartHead = {
  /** Prefix for the ids of the SVG's title and description. */
  id: string;
  title: string;
  description: string;
  /** "group" when the chart holds links (bars), "img" when it is a picture alone. */
  role: "group" | "img";
  width: number;
  height: number;
};

/** A chart's <svg>: named by its title and description, 13 px text, on its ground when standalone. */
export function chartRoot(head: ChartHead, target: SvgTarget, ...marks: Child[]): Markup {
  const titleId = `${head.id}-svg-title`;
  const descId = `${head.id}-svg-desc`;
  return h(
    "svg",
    {
      ...frameAttributes(head.width, head.height, target),
      role: head.role,
      "aria-labelledby": titleId,
      "aria-describedby": descId,
      "font-size": FONT_SIZE,
      fill: "#1a1a1a",
    },
    h("title", { id: titleId }, head.title),
    h("desc", { id: descId }, head.description),
    ground(head.width, head.height, target),
    ...marks,
  );
}

/** A chart with nothing to draw yet, standalone, so that its address still answers with an image. */
export function emptyChartSvg(head: Omit<ChartHead, "role" | "width" | "height">): {
  markup: string;
  width: number;
  height: number;
} {
  const width = 560;
  const height = 120;
  const markup = chartRoot(
    { ...head, role: "img", width, height },
    { standalone: true },
    h(
      "text",
      { x: width / 2, y: height / 2, "text-anchor": "middle", fill: "#555" },
      "Nothing to chart yet.",
    ),
  );
  return { markup: toHtml(markup), width, height };
}
