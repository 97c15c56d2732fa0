import type { ChartPanelProps } from "@/components/charts/chart-panel";
import type { ChartTableColumn } from "@/components/charts/chart-table";
import { STATUS_COLORS } from "@/components/charts/status-colors";
import type { BarSeries } from "@/lib/charts/bar-layout";
import type { PanelRow } from "@/lib/charts/rows";
import { formatCount, formatMoney } from "@/lib/domain/format";
import type { StatusBreakdownRow } from "@/lib/domain/facets";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/status";
import type { DashboardData } from "@/lib/views/dashboard";
import { explorerSearchParams, type ExplorerQuery } from "@/lib/validation/explorer-params";

// The dashboard's charts, as data: the page draws each as a panel, and the chart registry
// (app/charts/registry.ts) draws the same ones alone for embeds and images (issue 14), each at
// /embed/dashboard/<slug>.

export type DashboardChart = Omit<ChartPanelProps, "pngHref" | "embedCode"> & {
  /** The chart's name in its addresses; stable, since other sites embed it. */
  slug: string;
};

export const explore = (query: Partial<ExplorerQuery>) => {
  const params = explorerSearchParams(query).toString();
  return params ? `/commitments?${params}` : "/commitments";
};

export const statusSeries: BarSeries[] = STATUSES.map((s) => ({
  key: s,
  label: STATUS_LABELS[s],
  color: STATUS_COLORS[s],
  unit: ["commitment", "commitments"],
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

/** Every chart of the dashboard, in the page's order. Each chart and its table show the largest rows; the CSV has every row. */
export function dashboardCharts(d: DashboardData): DashboardChart[] {
  const sectors = d.bySector.slice(0, TOP);
  const states = d.byState.slice(0, STATES);
  return [
    {
      slug: "by-sector",
      id: "chart-by-sector",
      title: "Status by sector",
      description: `Commitments in the ${sectors.length} largest product categories, stacked by status. Select a bar to see those commitments.`,
      csvHref: "/api/v1/stats/by-sector.csv",
      rows: breakdownRows(sectors, sectorFilter),
      chart: { series: statusSeries, stacked: true, valueLabel: "Commitments", integer: true },
      table: {
        caption: `Commitments by sector and status: the ${sectors.length} largest sectors`,
        keyHeader: "Product category",
        columns: statusColumns,
      },
    },
    {
      slug: "deadlines",
      id: "chart-deadlines",
      title: "Deadlines per year",
      description:
        "Commitments by the year they fall due, stacked by status. Select a bar to see those commitments.",
      csvHref: "/api/v1/stats/deadlines-by-year.csv",
      rows: breakdownRows(d.deadlinesByYear, yearFilter),
      chart: {
        series: statusSeries,
        stacked: true,
        orientation: "vertical",
        valueLabel: "Commitments",
        integer: true,
      },
      table: { caption: "Deadlines per year by status", keyHeader: "Year due", columns: statusColumns },
    },
    {
      slug: "states",
      id: "chart-states",
      title: "By state or union territory",
      description:
        "Commitments and facilities in the states and union territories with the most commitments.",
      csvHref: "/api/v1/stats/by-state.csv",
      rows: states.map((s) => ({
        label: s.name,
        href: `/states/${s.code}`,
        values: { commitments: s.commitments, facilities: s.facilities },
        hrefs: {
          commitments: explore({ state: [s.code as ExplorerQuery["state"][number]] }),
          facilities: `/states/${s.code}`,
        },
      })),
      chart: {
        series: [
          { key: "commitments", label: "Commitments", color: "#0b5394" },
          { key: "facilities", label: "Facilities", color: "#e08214", linkHint: "open the state's page" },
        ],
        valueLabel: "Count",
        integer: true,
      },
      table: {
        caption: `Commitments and facilities by state or union territory: the ${states.length} with the most commitments`,
        keyHeader: "State or union territory",
        columns: [
          { key: "commitments", label: "Commitments" },
          { key: "facilities", label: "Facilities" },
        ],
      },
    },
    ...d.investmentByState.map((c): DashboardChart => ({
      slug: `investment-${c.currency.toLowerCase()}`,
      id: `chart-investment-${c.currency.toLowerCase()}`,
      title: `Announced investment by state (${c.currency})`,
      description: `Investment announced for ${formatCount(c.facilities)} facilities, in ${c.currency} as the sources gave it: ${formatMoney(c.total, c.currency)} in all. No exchange rate is recorded, so currencies are not added together.`,
      csvHref: "/api/v1/stats/investment-by-state.csv",
      rows: c.states.slice(0, STATES).map((s) => ({
        label: s.name,
        href: `/states/${s.code}`,
        values: { amount: s.amount, facilities: s.facilities },
        hrefs: { amount: `/states/${s.code}` },
      })),
      chart: {
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
      },
      table: {
        caption: `Announced investment in ${c.currency} by state or union territory: the ${Math.min(c.states.length, STATES)} largest`,
        keyHeader: "State or union territory",
        columns: [
          { key: "amount", label: "Investment", currency: c.currency },
          { key: "facilities", label: "Facilities" },
        ],
      },
    })),
  ];
}
