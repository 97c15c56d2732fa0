import type { DashboardData } from "@/lib/views/dashboard";
import { STATUSES, STATUS_LABELS } from "@/lib/domain/status";
import type { CsvColumn } from "@/lib/export/csv";
import type { StatusBreakdownRow } from "@/lib/domain/facets";

// The data behind each dashboard chart as CSV: the same numbers the chart and its table show.

type Table<T> = { title: string; rows: (d: DashboardData) => T[]; columns: CsvColumn<T>[] };

const breakdownColumns = (keyHeader: string): CsvColumn<StatusBreakdownRow>[] => [
  { header: keyHeader, value: (r) => r.label },
  ...STATUSES.map((s) => ({ header: STATUS_LABELS[s], value: (r: StatusBreakdownRow) => r[s] })),
  { header: "Total", value: (r) => r.total },
];

export const DASHBOARD_TABLES = {
  "by-status": {
    title: "Commitments by status",
    rows: (d) => d.byStatus,
    columns: [
      { header: "Status", value: (r) => r.label },
      { header: "Commitments", value: (r) => r.count },
    ],
  } satisfies Table<DashboardData["byStatus"][number]>,
  "by-sector": {
    title: "Commitments by sector and status",
    rows: (d) => d.bySector,
    columns: breakdownColumns("Product category"),
  } satisfies Table<StatusBreakdownRow>,
  "deadlines-by-year": {
    title: "Deadlines per year by status",
    rows: (d) => d.deadlinesByYear,
    columns: breakdownColumns("Year due"),
  } satisfies Table<StatusBreakdownRow>,
  "by-state": {
    title: "Commitments and facilities by state or union territory",
    rows: (d) => d.byState,
    columns: [
      { header: "Code", value: (r) => r.code },
      { header: "State or union territory", value: (r) => r.name },
      { header: "Commitments", value: (r) => r.commitments },
      { header: "Facilities", value: (r) => r.facilities },
    ],
  } satisfies Table<DashboardData["byState"][number]>,
  "investment-by-state": {
    title: "Announced investment in facilities by state",
    rows: (d) => d.investmentByState.flatMap((c) => c.states.map((s) => ({ ...s, currency: c.currency }))),
    columns: [
      { header: "Currency", value: (r) => r.currency },
      { header: "Code", value: (r) => r.code },
      { header: "State or union territory", value: (r) => r.name },
      { header: "Amount", value: (r) => r.amount },
      { header: "Facilities", value: (r) => r.facilities },
    ],
  } satisfies Table<DashboardData["investmentByState"][number]["states"][number] & { currency: string }>,
} as const;

export type DashboardTableName = keyof typeof DASHBOARD_TABLES;

export function isDashboardTable(name: string): name is DashboardTableName {
  return Object.hasOwn(DASHBOARD_TABLES, name);
}
