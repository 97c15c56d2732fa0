import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { ChartPanel } from "@/components/charts/chart-panel";
import { STATUS_COLORS } from "@/components/charts/status-colors";
import type { BarRow, BarSeries } from "@/lib/charts/bar-layout";
import { formatIndiaDate } from "@/lib/domain/dates";
import type { StatusBreakdownRow } from "@/lib/domain/facets";
import { formatCount, formatMoney, formatPercent } from "@/lib/domain/format";
import { STATUSES, STATUS_LABELS, type CommitmentStatus } from "@/lib/domain/status";
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

function breakdownRows(
  rows: StatusBreakdownRow[],
  filter: (key: string) => Partial<ExplorerQuery>,
): BarRow[] {
  return rows.map((r) => ({
    label: r.label,
    values: Object.fromEntries(STATUSES.map((s) => [s, r[s]])),
    hrefs: Object.fromEntries(STATUSES.map((s) => [s, explore({ ...filter(r.key), status: [s] })])),
  }));
}

function BreakdownTable({
  caption,
  keyHeader,
  rows,
  filter,
}: {
  caption: string;
  keyHeader: string;
  rows: StatusBreakdownRow[];
  filter: (key: string) => Partial<ExplorerQuery>;
}) {
  const shown = STATUSES.filter((s) => rows.some((r) => r[s] > 0));
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {shown.map((s) => (
            <th scope="col" className="num" key={s}>
              {STATUS_LABELS[s]}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <Link href={explore(filter(r.key))}>{r.label}</Link>
            </th>
            {shown.map((s: CommitmentStatus) => (
              <td className="num" key={s}>
                {r[s] ? (
                  <Link href={explore({ ...filter(r.key), status: [s] })}>{formatCount(r[s])}</Link>
                ) : (
                  "0"
                )}
              </td>
            ))}
            <td className="num">{formatCount(r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TOP = 12;
const sectorFilter = (key: string): Partial<ExplorerQuery> => (key ? { category: [key] } : {});
const yearFilter = (key: string): Partial<ExplorerQuery> => ({
  dueFrom: `${key}-01-01`,
  dueTo: `${key}-12-31`,
});

export default function DashboardPage() {
  const asOf = today();
  const d = dashboardData(getDb(), asOf);
  const h = d.headline;
  const sectors = d.bySector.slice(0, TOP);
  const states = d.byState.slice(0, 15);

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
          chart={{
            rows: breakdownRows(sectors, sectorFilter),
            series: statusSeries,
            stacked: true,
            valueLabel: "Commitments",
            integer: true,
          }}
          table={
            <BreakdownTable
              caption="Commitments by sector and status"
              keyHeader="Product category"
              rows={d.bySector}
              filter={sectorFilter}
            />
          }
        />
        <ChartPanel
          id="chart-deadlines"
          title="Deadlines per year"
          description="Commitments by the year they fall due, stacked by status. Select a bar to see those commitments."
          csvHref="/api/v1/stats/deadlines-by-year.csv"
          chart={{
            rows: breakdownRows(d.deadlinesByYear, yearFilter),
            series: statusSeries,
            stacked: true,
            orientation: "vertical",
            valueLabel: "Commitments",
            integer: true,
          }}
          table={
            <BreakdownTable
              caption="Deadlines per year by status"
              keyHeader="Year due"
              rows={d.deadlinesByYear}
              filter={yearFilter}
            />
          }
        />
        <ChartPanel
          id="chart-states"
          title="By state or union territory"
          description="Commitments and facilities in the states and union territories with the most commitments."
          csvHref="/api/v1/stats/by-state.csv"
          chart={{
            rows: states.map((s) => ({
              label: s.name,
              values: { commitments: s.commitments, facilities: s.facilities },
              hrefs: {
                commitments: explore({ state: [s.code as ExplorerQuery["state"][number]] }),
                facilities: `/states/${s.code}`,
              },
            })),
            series: [
              { key: "commitments", label: "Commitments", color: "#0b5394", linkHint: IN_EXPLORER },
              { key: "facilities", label: "Facilities", color: "#e08214", linkHint: "open the state's page" },
            ],
            valueLabel: "Count",
            integer: true,
          }}
          table={
            <table>
              <caption>Commitments and facilities by state or union territory</caption>
              <thead>
                <tr>
                  <th scope="col">State or union territory</th>
                  <th scope="col" className="num">
                    Commitments
                  </th>
                  <th scope="col" className="num">
                    Facilities
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.byState.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">
                      <Link href={`/states/${s.code}`}>{s.name}</Link>
                    </th>
                    <td className="num">{formatCount(s.commitments)}</td>
                    <td className="num">{formatCount(s.facilities)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
        {d.investmentByState.map((c) => (
          <ChartPanel
            key={c.currency}
            id={`chart-investment-${c.currency.toLowerCase()}`}
            title={`Announced investment by state (${c.currency})`}
            description={`Investment announced for ${formatCount(c.facilities)} facilities, in ${c.currency} as the sources gave it: ${formatMoney(c.total, c.currency)} in all. No exchange rate is recorded, so currencies are not added together.`}
            csvHref="/api/v1/stats/investment-by-state.csv"
            chart={{
              rows: c.states.slice(0, 15).map((s) => ({
                label: s.name,
                values: { amount: s.amount },
                hrefs: { amount: `/states/${s.code}` },
              })),
              series: [
                {
                  key: "amount",
                  label: `Investment (${c.currency})`,
                  color: "#0b5394",
                  linkHint: "open the state's page",
                },
              ],
              valueLabel: c.currency,
            }}
            currency={c.currency}
            table={
              <table>
                <caption>Announced investment in {c.currency} by state or union territory</caption>
                <thead>
                  <tr>
                    <th scope="col">State or union territory</th>
                    <th scope="col" className="num">
                      Investment
                    </th>
                    <th scope="col" className="num">
                      Facilities
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.states.map((s) => (
                    <tr key={s.code}>
                      <th scope="row">
                        <Link href={`/states/${s.code}`}>{s.name}</Link>
                      </th>
                      <td className="num">{formatMoney(s.amount, c.currency)}</td>
                      <td className="num">{formatCount(s.facilities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        ))}
      </div>
    </>
  );
}
