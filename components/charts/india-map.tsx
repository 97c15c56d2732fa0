"use client";

import { mapShapeViews, scaleForData, shapeLinks } from "@/lib/charts/choropleth";
import { MAP_ATTRIBUTION, OUTLINE_HEIGHT, OUTLINE_WIDTH } from "@/lib/charts/india-map-shapes";
import { measureCurrency, measureDescription, measureLabel } from "@/lib/charts/map-measure";
import { h, toHtml } from "@/lib/charts/markup";
import type { StateMapData } from "@/lib/views/state-map";
import { ChartTable } from "./chart-table";
import { EmbedCode } from "./embed-code";
import styles from "./india-map.module.css";

/** Where the page's map finds the outline's shapes (app/states/outline.svg/route.ts). */
export const OUTLINE_HREF = "/states/outline.svg";

export type IndiaMapProps = {
  /** Prefix for the ids of the map's parts. */
  id: string;
  data: StateMapData;
  /** The standalone SVG of the same map, offered for download. */
  svgHref: string;
  /** The same map as a PNG file (app/charts/[...chart]/route.ts). */
  pngHref?: string;
  /** The <iframe> code of the map's embed (/embed/states/map/<measure>). */
  embedCode?: string;
};

/**
 * The map as SVG for the page: one link per shape, named by the place and its figure, each shape
 * a <use> of the cached outline, so that the page carries links and colours but no path data
 * (docs/decisions/0026). The legend is HTML, so that it reads at the text's own size.
 */
export function indiaMapMarkup({ id, data }: Pick<IndiaMapProps, "id" | "data">): string {
  const scale = scaleForData(data);
  const views = mapShapeViews(data, scale);
  const titleId = `${id}-svg-title`;
  const descId = `${id}-svg-desc`;
  return toHtml(
    h(
      "svg",
      {
        class: styles.map,
        viewBox: `0 0 ${OUTLINE_WIDTH} ${OUTLINE_HEIGHT}`,
        role: "group",
        "aria-labelledby": titleId,
        "aria-describedby": descId,
      },
      h("title", { id: titleId }, `Map: ${measureLabel(data.measure)} by state or union territory`),
      h(
        "desc",
        { id: descId },
        "Each state or union territory is shaded by its figure and links to its page. Ladakh is drawn within Jammu and Kashmir; the table lists each.",
      ),
      h(
        "g",
        { stroke: "#fff", "stroke-width": 0.6, "stroke-linejoin": "round" },
        shapeLinks(views, (view) => ({ tag: "use", href: `${OUTLINE_HREF}#${view.id}`, fill: view.color })),
      ),
    ),
  );
}

/**
 * The map, its legend, the outline's credit and the table of its figures. A client component only
 * so that the page carries the map once: the server renders it into the HTML, and the payload
 * written into the page for hydration carries the figures rather than the markup again
 * (decision 0014). No script has to run for the map to be read or followed.
 */
export function IndiaMap({ id, data, svgHref, pngHref, embedCode }: IndiaMapProps) {
  const scale = scaleForData(data);
  const label = measureLabel(data.measure);
  const currency = measureCurrency(data.measure);
  const rows = data.states
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map((s) => ({ label: s.name, href: `/states/${s.code}`, values: { value: s.value } }));
  return (
    <div className={styles.layout}>
      <figure className={styles.figure}>
        {/* A keyboard would otherwise pass all 35 shapes to reach the same figures in the table. */}
        <a className="skip-link" href={`#${id}-table`}>
          Skip the map&rsquo;s links, to its table
        </a>
        {/* Escaped by construction: every text and attribute value goes through lib/charts/markup.ts. */}
        <div
          id={id}
          className={styles.box}
          dangerouslySetInnerHTML={{ __html: indiaMapMarkup({ id, data }) }}
        />
        <figcaption>
          <p className={styles.legendTitle} id={`${id}-legend`}>
            {label}
          </p>
          <ul className={styles.legend} aria-labelledby={`${id}-legend`}>
            {[scale.none, ...scale.classes].map((item) => (
              <li key={item.label}>
                <svg width="16" height="16" aria-hidden="true">
                  <rect width="16" height="16" fill={item.color} stroke="#767676" strokeWidth="1" />
                </svg>
                {item.label}
              </li>
            ))}
          </ul>
          <p className="meta">{measureDescription(data.measure)}</p>
          <p className="meta">
            Map outline:{" "}
            <a href={MAP_ATTRIBUTION.packageUrl} rel="noopener noreferrer external">
              @svg-maps/india
            </a>{" "}
            by Victor Cazanave, based on{" "}
            <a href={MAP_ATTRIBUTION.originalUrl} rel="noopener noreferrer external">
              MapSVG
            </a>
            ,{" "}
            <a href={MAP_ATTRIBUTION.licenceUrl} rel="license noopener noreferrer external">
              {MAP_ATTRIBUTION.licence}
            </a>
            . {MAP_ATTRIBUTION.changes} The outline predates 2019, so Ladakh has no shape of its own: its
            figures are in the table.
          </p>
          <p className="chart-actions">
            {/* A plain link: Next's <Link> would prefetch the image as if it were a page. */}
            <a href={svgHref} download>
              Download this map (SVG)
            </a>
            {pngHref ? (
              <a href={pngHref} download>
                Download image (PNG)
              </a>
            ) : null}
          </p>
          {embedCode ? <EmbedCode id={id} code={embedCode} /> : null}
        </figcaption>
      </figure>
      <div className="table-wrap" id={`${id}-table`} tabIndex={-1}>
        <ChartTable
          rows={rows}
          caption={`${label} by state or union territory, largest first`}
          keyHeader="State or union territory"
          columns={[{ key: "value", label, currency }]}
        />
      </div>
    </div>
  );
}
