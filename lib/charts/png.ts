import path from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { CHART_FONT } from "./standalone";

// The one place an SVG becomes a PNG (chart downloads and share images, issue 14). resvg draws
// the same SVG the page shows, without a browser. It is given the font file the charts name
// (DejaVu Sans, shipped in assets/fonts with its licence) and no system fonts, so that a PNG is
// the same on every machine: a text missing from a system's fonts would otherwise fall back to
// whatever that machine has, or to nothing. Labels were sized for DejaVu's widths (decision 0014).

export const FONT_FILES: readonly string[] = [path.join(process.cwd(), "assets", "fonts", "DejaVuSans.ttf")];

export type PngOptions = {
  /** Width of the PNG in pixels; the height follows the SVG's aspect ratio. */
  width: number;
  fontFiles?: readonly string[];
};

export type Png = { data: Buffer; width: number; height: number };

/** Drawn off the event loop (resvg's own thread), so a large PNG holds up no other request. */
export async function svgToPng(svg: string, { width, fontFiles = FONT_FILES }: PngOptions): Promise<Png> {
  const rendered = await renderAsync(svg, {
    fitTo: { mode: "width", value: Math.round(width) },
    background: "#ffffff",
    font: {
      fontFiles: [...fontFiles],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      serifFamily: CHART_FONT,
      monospaceFamily: CHART_FONT,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: "off",
  });
  return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
}
