import { getDb } from "@/db";
import { chartFigure } from "@/app/charts/registry";
import { parseImagePath } from "@/lib/charts/chart-path";
import { svgToPng } from "@/lib/charts/png";
import { CARD, shareCardSvg } from "@/lib/charts/share-card";
import { today } from "@/lib/server/clock";

export const dynamic = "force-dynamic";

// /charts/<chart>.svg, .png and .card.png: a chart as a file, drawn on the server from the same
// SVG as its page and its embed (issue 14). The PNG is twice the chart's size, sharp on dense
// screens and in print; the card is the 1200×630 share image of Open Graph and Twitter cards.

/** PNGs are drawn at this multiple of the chart's own size. */
const PNG_SCALE = 2;

export async function GET(_request: Request, ctx: RouteContext<"/charts/[...chart]">): Promise<Response> {
  const { chart } = await ctx.params;
  const asked = parseImagePath(chart);
  const asOf = today();
  const figure = asked ? chartFigure(getDb(), asked.segments, asOf) : null;
  if (!asked || !figure) {
    return new Response("No chart at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const name = `${figure.path.replaceAll("/", "-")}-${asOf}`;
  if (asked.format === "svg") {
    return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${figure.chart.markup}`, {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Disposition": `inline; filename="${name}.svg"`,
      },
    });
  }
  const png =
    asked.format === "card.png"
      ? await svgToPng(shareCardSvg(figure), { width: CARD.width })
      : await svgToPng(figure.chart.markup, { width: figure.chart.width * PNG_SCALE });
  return new Response(new Uint8Array(png.data), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="${name}${asked.format === "card.png" ? "-card" : ""}.png"`,
    },
  });
}
