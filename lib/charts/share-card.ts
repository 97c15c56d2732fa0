import { formatIndiaDate } from "@/lib/domain/dates";
import { TRACKER_NAME } from "@/lib/export/csv";
import { LICENCE } from "./embed-html";
import type { ChartFigure } from "./figure";
import { fragment, h, toHtml } from "./markup";
import { STANDALONE_FONT_FAMILY } from "./standalone";

// The image a shared link shows (Open Graph, Twitter's summary_large_image): 1200×630, the size
// both crop least. Whose chart and its title above, the chart itself scaled into the middle, and
// where it comes from below, so that the image still says what it is when seen alone.

export const CARD = { width: 1200, height: 630 } as const;

const MARGIN = 48;
const TITLE_SIZE = 38;
/** DejaVu Sans averages about 0.6 em a character; erring wide keeps a line inside the card. */
const TITLE_CHARS = Math.floor((CARD.width - 2 * MARGIN) / (TITLE_SIZE * 0.6));
const CHART_TOP = 190;
const CHART_BOTTOM = CARD.height - 70;

const cut = (line: string, width: number) =>
  `${line.slice(0, Math.max(1, width - 1)).replace(/[\s,;:–—-]+$/, "")}…`;

/** Breaks `text` into at most `lines` lines of `width` characters, the last cut with an ellipsis. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const all: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = all.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) all[all.length - 1] = `${last} ${word}`;
    else all.push(word);
  }
  const kept = all.slice(0, lines).map((line) => (line.length > width ? cut(line, width) : line));
  if (all.length > lines)
    kept[lines - 1] = cut(`${kept[lines - 1]} `, Math.min(width, (kept[lines - 1]?.length ?? 0) + 1));
  return kept;
}

export function shareCardSvg(figure: ChartFigure): string {
  const { width, height } = figure.chart;
  const room = { width: CARD.width - 2 * MARGIN, height: CHART_BOTTOM - CHART_TOP };
  const scale = Math.min(room.width / width, room.height / height);
  const x = Math.round(MARGIN + (room.width - width * scale) / 2);
  const title = wrapText(figure.title, TITLE_CHARS, 2);
  const card = h(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: CARD.width,
      height: CARD.height,
      viewBox: `0 0 ${CARD.width} ${CARD.height}`,
      "font-family": STANDALONE_FONT_FAMILY,
      fill: "#1a1a1a",
    },
    h("rect", { width: CARD.width, height: CARD.height, fill: "#fff" }),
    h("rect", { width: CARD.width, height: 10, fill: "#0b5394" }),
    h("text", { x: MARGIN, y: 62, "font-size": 24, fill: "#0b5394" }, figure.kicker),
    fragment(
      title.map((line, i) =>
        h("text", { x: MARGIN, y: 112 + i * (TITLE_SIZE + 8), "font-size": TITLE_SIZE }, line),
      ),
    ),
    h(
      "text",
      { x: MARGIN, y: CARD.height - 28, "font-size": 22, fill: "#555" },
      `${TRACKER_NAME} · figures as of ${formatIndiaDate(figure.asOf)} · data ${LICENCE.name}`,
    ),
  );
  // The chart goes in as it is drawn for a file of its own, scaled into the space left.
  const chart = `<g transform="translate(${x} ${CHART_TOP}) scale(${Number(scale.toFixed(4))})">${figure.chart.markup}</g>`;
  return toHtml(card).replace(/<\/svg>$/, `${chart}</svg>`);
}
