import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { ChartPanel } from "@/components/charts/chart-panel";
import type { ChartTableColumn } from "@/components/charts/chart-table";
import { IndiaMapLink } from "@/components/charts/india-map-link";
import { STATUS_COLORS } from "@/components/charts/status-colors";
import type { BarSeries } from "@/lib/charts/bar-layout";
import type { PanelRow } from "@/lib/charts/rows";
import { formatIndiaDate } from "@/lib/domain/dates";
import type { StatusBreakdownRow } from "@/lib/domain/facets";
import { formatCount, formatMoney, formatPercent } from "@/lib/domain/format";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/status";
import { today } from "@/lib/server/clock";
import { explorerSearchParams, type ExplorerQuery } from "@/lib/validation/explorer-params";

export const dynamic = "force-dynamic";

const explore = (query: Partial<ExplorerQuery>) => {
  const params = explorerSearchParams(query).toString();
  return params ? `/commitments?${params}` : "/commitments";
};

const IN_EXPLORER = "open in explorer";

const statusSeries: BarSeries[] = STATUSES.map((s) => ({
  key: s,
  label: STATUS_LABELS[s],
  color: STATUS_COLORS[s],
  unit: ["commitment", "commitments"],
  linkHint: IN_EXPLORER,
}));

// A breakdown's columns in its table: one per status that any row has, and the total.
const statusColumns: ChartTableColumn[] = [
  ...STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], optional: true })),
  { key: "total", label: "Total" },
];

function breakdownRows(
  rows: StatusBreakdownRow[],
  filter: (key: string) => Partial<ExplorerQuery>,
): PanelRow[] {
  return rows.map((r) => ({
    label: r.label,
    href: explore(filter(r.key)),
    values: { ...Object.fromEntries(STATUSES.map((s) => [s, r[s]])), total: r.total },
    hrefs: Object.fromEntries(STATUSES.map((s) => [s, explore({ ...filter(r.key), status: [s] })])),
  }));
}

const TOP = 12;
const STATES = 15;
const sectorFilter = (key: string): Partial<ExplorerQuery> => (key ? { category: [key] } : {});
const yearFilter = (key: string): Partial<ExplorerQuery> => ({
  dueFrom: `${key}-01-01`,
  dueTo: `${key}-12-31`,
});

/** The small map's text: what it shows and its largest figures (the chart beside it has the rest). */
function mapAlt(rows: readonly { name: string; commitments: number }[]): string {
  const top = rows.filter((r) => r.commitments > 0).slice(0, 3);
  const most = top.length
    ? `, most in ${top.map((r) => `${r.name} (${formatCount(r.commitments)})`).join(", ")}`
    : ": none yet";
  return `Map of India: commitments by state or union territory${most}. Open the map of states`;
}

export default function DashboardPage() {
  const asOf = today();
  const d = dashboardData(getDb(), asOf);
  const h = d.headline;
  // Each chart and its table show the largest rows; the CSV beside them has every row.
  const sectors = d.bySector.slice(0, TOP);
  const states = d.byState.slice(0, STATES);

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
        <ChartPanel
          id="chart-by-sector"
          title="Status by sector"
          description={`Commitments in the ${sectors.length} largest product categories, stacked by status. Select a bar to see those commitments.`}
          csvHref="/api/v1/stats/by-sector.csv"
          rows={breakdownRows(sectors, sectorFilter)}
          chart={{
            series: statusSeries,
            stacked: true,
            valueLabel: "Commitments",
            integer: true,
          }}
          table={{
            caption: `Commitments by sector and status: the ${sectors.length} largest sectors`,
            keyHeader: "Product category",
            columns: statusColumns,
          }}
        />
        <ChartPanel
          id="chart-deadlines"
          title="Deadlines per year"
          description="Commitments by the year they fall due, stacked by status. Select a bar to see those commitments."
          csvHref="/api/v1/stats/deadlines-by-year.csv"
          rows={breakdownRows(d.deadlinesByYear, yearFilter)}
          chart={{
            series: statusSeries,
            stacked: true,
            orientation: "vertical",
            valueLabel: "Commitments",
            integer: true,
          }}
          table={{ caption: "Deadlines per year by status", keyHeader: "Year due", columns: statusColumns }}
        />
        <ChartPanel
          id="chart-states"
          title="By state or union territory"
          description="Commitments and facilities in the states and union territories with the most commitments."
          csvHref="/api/v1/stats/by-state.csv"
          rows={states.map((s) => ({
            label: s.name,
            href: `/states/${s.code}`,
            values: { commitments: s.commitments, facilities: s.facilities },
            hrefs: {
              commitments: explore({ state: [s.code as ExplorerQuery["state"][number]] }),
              facilities: `/states/${s.code}`,
            },
          }))}
          chart={{
            series: [
              { key: "commitments", label: "Commitments", color: "#0b5394", linkHint: IN_EXPLORER },
              { key: "facilities", label: "Facilities", color: "#e08214", linkHint: "open the state's page" },
            ],
            valueLabel: "Count",
            integer: true,
          }}
          table={{
            caption: `Commitments and facilities by state or union territory: the ${states.length} with the most commitments`,
            keyHeader: "State or union territory",
            columns: [
              { key: "commitments", label: "Commitments" },
              { key: "facilities", label: "Facilities" },
            ],
          }}
        />
        <section className="chart-panel" aria-labelledby="map-small-title">
          <h2 id="map-small-title">Commitments on the map</h2>
          <p className="meta">
            Shaded by the commitments naming each state. Select it for every measure and figure.
          </p>
          <IndiaMapLink src="/states/map.svg?measure=commitments" alt={mapAlt(d.byState)} />
        </section>
        {d.investmentByState.map((c) => (
          <ChartPanel
            key={c.currency}
            id={`chart-investment-${c.currency.toLowerCase()}`}
            title={`Announced investment by state (${c.currency})`}
            description={`Investment announced for ${formatCount(c.facilities)} facilities, in ${c.currency} as the sources gave it: ${formatMoney(c.total, c.currency)} in all. No exchange rate is recorded, so currencies are not added together.`}
            csvHref="/api/v1/stats/investment-by-state.csv"
            rows={c.states.slice(0, STATES).map((s) => ({
              label: s.name,
              href: `/states/${s.code}`,
              values: { amount: s.amount, facilities: s.facilities },
              hrefs: { amount: `/states/${s.code}` },
            }))}
            chart={{
              series: [
                {
                  key: "amount",
                  label: `Investment (${c.currency})`,
                  color: "#0b5394",
                  linkHint: "open the state's page",
                },
              ],
              valueLabel: c.currency,
              currency: c.currency,
            }}
            table={{
              caption: `Announced investment in ${c.currency} by state or union territory: the ${Math.min(c.states.length, STATES)} largest`,
              keyHeader: "State or union territory",
              columns: [
                { key: "amount", label: "Investment", currency: c.currency },
                { key: "facilities", label: "Facilities" },
              ],
            }}
          />
        ))}
      </div>
    </>
  );
}
