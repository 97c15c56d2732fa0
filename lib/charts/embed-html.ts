import { formatIndiaDate } from "@/lib/domain/dates";
import { TRACKER_NAME } from "@/lib/export/csv";
import type { ChartFigure } from "./figure";
import { fragment, h, toHtml } from "./markup";
import { embedPath } from "./chart-path";

// The page another site frames (issue 14): the chart alone with its title, where it comes from,
// the data's licence and a link to its full page. A complete HTML document written here rather
// than a Next page, because a Next page always carries its runtime and its RSC payload as scripts:
// this carries none, and weighs a few KB. Links open in the reader's window (<base target=_top>),
// not inside the frame.

/** At most this many bytes of HTML per embed. */
export const EMBED_BUDGET = 30 * 1024;

export const LICENCE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" };

const STYLE = [
  "body{margin:0;padding:8px 12px;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#fff}",
  "h1{font-size:16px;margin:0}",
  "p{margin:0;font-size:12px;color:#555}",
  "svg{display:block;width:100%;max-width:560px;height:auto;margin:6px 0}",
  "a{color:#0b5394}",
  "a:focus-visible{outline:3px solid #f9a825;outline-offset:1px}",
  "svg a:focus-visible rect{stroke:#1a1a1a;stroke-width:3px}",
].join("");

export function embedDocument(figure: ChartFigure): string {
  const head = fragment([
    h("meta", { charset: "utf-8" }),
    h("meta", { name: "viewport", content: "width=device-width,initial-scale=1" }),
    // The embed is a view of a page that search engines should find instead.
    h("meta", { name: "robots", content: "noindex" }),
    h("title", {}, `${figure.title} · ${TRACKER_NAME}`),
    h("link", { rel: "canonical", href: figure.pageHref }),
    h("base", { target: "_top" }),
  ]);
  const source = h(
    "p",
    {},
    "Source: ",
    h("a", { href: figure.pageHref }, TRACKER_NAME),
    `, figures as of ${formatIndiaDate(figure.asOf)}. Data: `,
    h("a", { href: LICENCE.url, rel: "license" }, LICENCE.name),
    ". ",
    h("a", { href: figure.pageHref }, "See the full page, the data and the sources"),
    ".",
  );
  // The chart's SVG was built by lib/charts (escaped by construction, lib/charts/markup.ts).
  const main = [
    toHtml(h("h1", {}, figure.title)),
    toHtml(h("p", {}, figure.description)),
    figure.chart.markup,
    toHtml(source),
  ].join("");
  return `<!doctype html><html lang="en-IN"><head>${toHtml(head)}<style>${STYLE}</style></head><body><main>${main}</main></body></html>`;
}

/**
 * The height an <iframe> of the embed needs at its full width (600 px): the chart at its own size
 * and, around it, a title, two lines of description and two of source.
 */
export function embedHeight(chartHeight: number): number {
  return Math.ceil(chartHeight + 150);
}

export const EMBED_WIDTH = 600;

/** The code a person pastes into their own page. `origin` is the site's public origin. */
export function iframeCode({
  origin,
  path,
  title,
  chartHeight,
}: {
  origin: string;
  path: string;
  title: string;
  chartHeight: number;
}): string {
  return toHtml(
    h("iframe", {
      src: `${origin}${embedPath(path)}`,
      title,
      width: EMBED_WIDTH,
      height: embedHeight(chartHeight),
      style: "border:0;max-width:100%",
      loading: "lazy",
    }),
  ).replace(/\/>$/, "></iframe>");
}
