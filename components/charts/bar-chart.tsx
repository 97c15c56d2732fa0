import { FONT_SIZE, layoutBarChart, type BarChartInput } from "@/lib/charts/bar-layout";
import styles from "./bar-chart.module.css";

export type BarChartProps = BarChartInput & {
  /** Prefix for the ids of the SVG's title and description. */
  id: string;
  title: string;
  description: string;
};

/**
 * A bar chart drawn on the server as SVG: no script to load, and every bar is a link, so a
 * keyboard or a screen reader reaches the same filtered lists a click does, with or without JS.
 * Axes, ticks and legend are hidden from assistive technology: the bars' names say it all, and
 * the table beside the chart says it again.
 */
export function BarChart({ id, title, description, ...input }: BarChartProps) {
  const l = layoutBarChart(input);
  if (l.empty) return <p className="meta">Nothing to chart yet.</p>;
  const titleId = `${id}-svg-title`;
  const descId = `${id}-svg-desc`;
  const horizontal = l.orientation === "horizontal";
  const bottom = l.plot.y + l.plot.height;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={styles.chart}
      viewBox={`0 0 ${l.width} ${l.height}`}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={descId}
      fontFamily="system-ui, sans-serif"
      fontSize={FONT_SIZE}
      fill="#1a1a1a"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g aria-hidden="true">
        {l.ticks.map((t) => (
          <g key={t.value}>
            <line
              x1={t.line[0]}
              y1={t.line[1]}
              x2={t.line[2]}
              y2={t.line[3]}
              stroke={t.value === 0 ? "#555" : "#d0d0c8"}
              strokeDasharray={t.value === 0 ? undefined : "3 3"}
            />
            <text
              x={t.x}
              y={t.y}
              textAnchor={horizontal ? "middle" : "end"}
              dominantBaseline={horizontal ? undefined : "middle"}
            >
              {t.label}
            </text>
          </g>
        ))}
        {horizontal ? (
          <line x1={l.plot.x} y1={l.plot.y} x2={l.plot.x} y2={bottom} stroke="#555" />
        ) : (
          <line x1={l.plot.x} y1={bottom} x2={l.plot.x + l.plot.width} y2={bottom} stroke="#555" />
        )}
        {l.categories.map((c, i) => (
          <text
            key={i}
            x={c.x}
            y={c.y}
            textAnchor={horizontal ? "end" : "middle"}
            dominantBaseline={horizontal ? "middle" : undefined}
          >
            {c.text !== c.full ? <title>{c.full}</title> : null}
            {c.text}
          </text>
        ))}
        <text x={l.valueTitle.x} y={l.valueTitle.y} textAnchor={horizontal ? "middle" : "start"} fill="#555">
          {l.valueTitle.text}
        </text>
        {l.legend.map((item) => (
          <g key={item.label}>
            <rect x={item.x} y={item.y + 4} width={12} height={12} fill={item.color} />
            <text x={item.x + 18} y={item.y + 14}>
              {item.label}
            </text>
          </g>
        ))}
      </g>
      {/* Each bar is named by its <title> alone (SVG-AAM): it is both the accessible name and the
          tooltip, and an aria-label beside it would double the bytes of every bar, which the page
          sends twice (as HTML and in the RSC payload). */}
      {l.bars.map((b) => {
        const rect = <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color} />;
        return b.href ? (
          <a key={b.key} href={b.href} className={styles.bar}>
            <title>{b.name}</title>
            {rect}
          </a>
        ) : (
          <g key={b.key} role="img">
            <title>{b.name}</title>
            {rect}
          </g>
        );
      })}
    </svg>
  );
}
