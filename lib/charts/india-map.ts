import { formatIndiaDate } from "@/lib/domain/dates";
import type { StateCode } from "@/lib/domain/india-states";
import type { StateMapData } from "@/lib/views/state-map";
import { mapShapeViews, scaleForData, shapeLinks, type MapScale } from "./choropleth";
import { MAP_SHAPE_PATHS, shapePathData, type OutlineDetail } from "./india-map-geometry";
import { MAP_ATTRIBUTION, MAP_SHAPES, OUTLINE_HEIGHT, OUTLINE_WIDTH } from "./india-map-shapes";
import { measureLabel } from "./map-measure";
import { fragment, h, toHtml, type Markup } from "./markup";

// The map of India as a standalone SVG document: the shapes with their links and names, the title,
// the legend and the outline's attribution all inside it, so that it stands alone as a file, in
// an <img>, an embed, or rasterised to PNG (@resvg/resvg-js, which draws the fonts it is given for
// the families named here). The page's own map draws the same shapes and colours through <use>
// of indiaOutlineSvg(), so that the path data is fetched once and cached rather than written into
// every page (docs/decisions/0026).

/**
 * The fonts the standalone SVG names, first choice first. DejaVu Sans is what Debian (this
 * server, and a PNG renderer on it) has; browsers elsewhere fall back to the others.
 */
export const MAP_FONT_FAMILY = "DejaVu Sans, system-ui, sans-serif";

/**
 * Average advance of a DejaVu Sans glyph, in ems (bold runs wider). DejaVu is among the widest
 * sans-serif faces, so text sized by it fits in the narrower fallbacks too.
 */
const EM = 0.62;
const EM_BOLD = 0.68;

/** The largest font size up to `max` at which `text` fits in `width`, by the estimate above. */
export function fittedFontSize(text: string, max: number, width: number, bold = false): number {
  const fit = width / (Math.max(1, text.length) * (bold ? EM_BOLD : EM));
  return Math.max(8, Math.min(max, Math.floor(fit * 10) / 10));
}

/** Words wrapped into lines of at most `chars` characters (a longer word keeps a line of its own). */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The standalone SVG's own size, in its units (and in pixels unless `width` says otherwise). */
export const MAP_SVG_WIDTH = 640;
const MARGIN = (MAP_SVG_WIDTH - OUTLINE_WIDTH) / 2;
const HEADER = 64;
const FOOTER_SIZE = 11;
const FOOTER_LINE = 15;
/** The attribution under the map: the credit, the licence's address, and what we changed. */
const FOOTER_LINES = [
  MAP_ATTRIBUTION.text,
  MAP_ATTRIBUTION.licenceUrl,
  ...wrapWords(MAP_ATTRIBUTION.changes, Math.floor(OUTLINE_WIDTH / (FOOTER_SIZE * EM))),
];
const FOOTER = 12 + FOOTER_LINES.length * FOOTER_LINE;
export const MAP_SVG_HEIGHT = HEADER + OUTLINE_HEIGHT + FOOTER;

/** The legend sits in the empty north-east of the outline's box (Tibet), clear of every shape. */
const LEGEND_X = 300;
const LEGEND_Y = 8;
const LEGEND_ROW = 24;
const LEGEND_WIDTH = OUTLINE_WIDTH - LEGEND_X;

export type IndiaMapSvgOptions = {
  /** Defaults to the measure and "by state or union territory". */
  title?: string;
  /** Defaults to the tracker's name and the date of the figures. */
  subtitle?: string;
  /**
   * Put before each state's path ("/states/IN-UP") in its link, e.g. "https://tracker.example":
   * links in a file or an embed elsewhere need the site's origin. Empty (relative) by default.
   */
  baseUrl?: string;
  /** Width in pixels of the drawing (its height follows); MAP_SVG_WIDTH by default. */
  width?: number;
  /**
   * The outline's detail: "fine" (45 KB of path data, the default) or "coarse" (about 15 KB,
   * within a pixel at 640 px), for a document held to a size budget such as a 30 KB embed.
   */
  detail?: OutlineDetail;
  /** Each shape a link to its state's page (the default), or a named shape without a link. */
  links?: boolean;
};

export function defaultMapTitle(data: StateMapData): string {
  return `${measureLabel(data.measure)} by state or union territory`;
}

function legend(scale: MapScale, title: string): Markup {
  const items = [scale.none, ...scale.classes];
  return h(
    "g",
    { transform: `translate(${LEGEND_X} ${LEGEND_Y})`, "aria-hidden": "true" },
    h(
      "text",
      { x: 0, y: 14, "font-weight": "bold", "font-size": fittedFontSize(title, 14, LEGEND_WIDTH, true) },
      title,
    ),
    fragment(
      items.map((item, i) => {
        const y = 24 + i * LEGEND_ROW;
        return fragment([
          h("rect", {
            x: 0,
            y,
            width: 16,
            height: 16,
            fill: item.color,
            stroke: "#767676",
            "stroke-width": 0.5,
          }),
          h("text", { x: 24, y: y + 13 }, item.label),
        ]);
      }),
    ),
  );
}

/**
 * The complete map as one SVG document (with its XML namespace, size, title, legend and
 * attribution), for a measure's figures: one link per shape to its state's page, named by the
 * place and its figure. Pure: the same data give the same bytes.
 */
export function renderIndiaMapSvg(data: StateMapData, options: IndiaMapSvgOptions = {}): string {
  const scale = scaleForData(data);
  const base = options.baseUrl?.replace(/\/+$/, "") ?? "";
  const views = mapShapeViews(data, scale, (code) => `${base}/states/${code}`);
  const title = options.title ?? defaultMapTitle(data);
  const subtitle =
    options.subtitle ?? `Make in India localisation tracker · figures as of ${formatIndiaDate(data.asOf)}`;
  const width = options.width ?? MAP_SVG_WIDTH;
  const height = Math.round((width * MAP_SVG_HEIGHT) / MAP_SVG_WIDTH);
  const footerY = HEADER + OUTLINE_HEIGHT + 18;
  const svg = h(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${MAP_SVG_WIDTH} ${MAP_SVG_HEIGHT}`,
      "aria-labelledby": "india-map-title",
      "aria-describedby": "india-map-desc",
      "font-family": MAP_FONT_FAMILY,
      "font-size": 14,
      fill: "#1a1a1a",
    },
    h("title", { id: "india-map-title" }, title),
    h(
      "desc",
      { id: "india-map-desc" },
      `${subtitle}. Each state or union territory is shaded by its figure and links to its page. ${MAP_ATTRIBUTION.text} (${MAP_ATTRIBUTION.licenceUrl}). ${MAP_ATTRIBUTION.changes}`,
    ),
    h("rect", { width: MAP_SVG_WIDTH, height: MAP_SVG_HEIGHT, fill: "#ffffff" }),
    h(
      "g",
      { "aria-hidden": "true" },
      h(
        "text",
        {
          x: MARGIN,
          y: 26,
          "font-size": fittedFontSize(title, 19, OUTLINE_WIDTH, true),
          "font-weight": "bold",
        },
        title,
      ),
      h(
        "text",
        { x: MARGIN, y: 50, "font-size": fittedFontSize(subtitle, 14, OUTLINE_WIDTH), fill: "#555555" },
        subtitle,
      ),
    ),
    h(
      "g",
      { transform: `translate(${MARGIN} ${HEADER})` },
      h(
        "g",
        { stroke: "#ffffff", "stroke-width": 0.6, "stroke-linejoin": "round" },
        shapeLinks(
          views,
          (view) => ({ tag: "path", d: shapePathData(view.id, options.detail), fill: view.color }),
          options.links ?? true,
        ),
      ),
      legend(scale, measureLabel(data.measure)),
    ),
    h(
      "g",
      { "font-size": FOOTER_SIZE, fill: "#555555" },
      fragment(
        FOOTER_LINES.map((line, i) => {
          const text = h("text", { x: MARGIN, y: footerY + i * FOOTER_LINE }, line);
          return line === MAP_ATTRIBUTION.licenceUrl ? h("a", { href: line }, text) : text;
        }),
      ),
    ),
  );
  return toHtml(svg);
}

/**
 * The outline alone, one <path id="IN-UP"> per shape and no fill or stroke of its own, so that
 * a page's <use href="…#IN-UP" fill="…"> colours it. Served once and cached, it keeps the path
 * data out of every page that draws the map.
 */
export function indiaOutlineSvg(): string {
  const svg = h(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${OUTLINE_WIDTH} ${OUTLINE_HEIGHT}` },
    h("title", {}, "Outline of India by state and union territory"),
    h("desc", {}, `${MAP_ATTRIBUTION.text} (${MAP_ATTRIBUTION.licenceUrl}). ${MAP_ATTRIBUTION.changes}`),
    fragment(MAP_SHAPES.map((shape) => h("path", { id: shape.id, d: MAP_SHAPE_PATHS.get(shape.id) ?? "" }))),
  );
  return toHtml(svg);
}

/** The ids indiaOutlineSvg() gives its paths: the shapes' ids. */
export const OUTLINE_PATH_IDS: readonly StateCode[] = MAP_SHAPES.map((s) => s.id);
