import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { ChartPanel } from "@/components/charts/chart-panel";
import { IndiaMapLink } from "@/components/charts/india-map-link";
import { dashboardCharts, explore } from "@/app/dashboard-charts";
import { publicOrigin, shareMetadata } from "@/app/share-metadata";
import { layoutBarChart } from "@/lib/charts/bar-layout";
import { barChartInput } from "@/lib/charts/bar-svg";
import { imagePath } from "@/lib/charts/chart-path";
import { iframeCode } from "@/lib/charts/embed-html";
import { formatIndiaDate } from "@/lib/domain/dates";
import { formatCount, formatPercent } from "@/lib/domain/format";
import { TRACKER_NAME } from "@/lib/export/csv";
import { today } from "@/lib/server/clock";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return shareMetadata({
    title: TRACKER_NAME,
    description:
      "What companies have committed to make and source in India, checked against their deadlines, with sources.",
    path: "/",
    chart: "dashboard/by-sector",
    imageAlt: "Bar chart: commitments in the largest product categories, stacked by status",
  });
}

/** The small map's text: what it shows and its largest figures (the chart beside it has the rest). */
function mapAlt(rows: readonly { name: string; commitments: number }[]): string {
  const top = rows.filter((r) => r.commitments > 0).slice(0, 3);
  const most = top.length
    ? `, most in ${top.map((r) => `${r.name} (${formatCount(r.commitments)})`).join(", ")}`
    : ": none yet";
  return `Map of India: commitments by state or union territory${most}. Open the map of states`;
}

export default async function DashboardPage() {
  const asOf = today();
  const d = dashboardData(getDb(), asOf);
  const h = d.headline;
  const origin = await publicOrigin();

  return (
    <>
      <h1>What companies have committed to make and source in India</h1>
      <p className="lede">
        Localisation commitments checked against their deadlines and charted against their targets. Every fact
        links to its source; nothing is published without review. Figures as of {formatIndiaDate(asOf)};{" "}
        <Link href="/methodology">how status is computed</Link>.
      </p>

      <ul className="stat-grid" aria-label="Headline figures">
        <li className="panel">
          <Link href="/commitments" className="stat">
            {formatCount(h.commitments)}
          </Link>{" "}
          commitments tracked
        </li>
        <li className="panel">
          <Link href="/companies" className="stat">
            {formatCount(h.companies)}
          </Link>{" "}
          companies
        </li>
        <li className="panel">
          {h.onTrack.share === null ? (
            <>
              <span className="stat">—</span> on track: no commitment can yet be measured against its line
            </>
          ) : (
            <>
              <span className="stat">{formatPercent(h.onTrack.share * 100, 0)}</span> on track, of the{" "}
              {formatCount(h.onTrack.onTrack + h.onTrack.behind)} that can be measured against their line
            </>
          )}
        </li>
        <li className="panel">
          <Link href={explore({ dueFrom: asOf, status: ["no_data", "on_track", "behind"] })} className="stat">
            {formatCount(h.dueWithin12Months)}
          </Link>{" "}
          open commitments due in the next 12 months
        </li>
        <li className="panel">
          <Link href={explore({ status: ["overdue_unverified"] })} className="stat">
            {formatCount(h.overdueUnverified)}
          </Link>{" "}
          overdue with no outcome recorded
        </li>
      </ul>

      <div className="dashboard-grid">
        {dashboardCharts(d).map(({ slug, ...chart }) => {
          const path = `dashboard/${slug}`;
          const drawn = layoutBarChart(barChartInput(chart.chart, chart.rows));
          return (
            <ChartPanel
              key={slug}
              {...chart}
              pngHref={imagePath(path, "png")}
              embedCode={
                drawn.empty
                  ? undefined
                  : iframeCode({ origin, path, title: chart.title, chartHeight: drawn.height })
              }
            />
          );
        })}
        <section className="chart-panel" aria-labelledby="map-small-title">
          <h2 id="map-small-title">Commitments on the map</h2>
          <p className="meta">
            Shaded by the commitments naming each state. Select it for every measure and figure.
          </p>
          <IndiaMapLink src="/states/map.svg?measure=commitments" alt={mapAlt(d.byState)} />
        </section>
      </div>
    </>
  );
}
