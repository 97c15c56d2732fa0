import { STATUSES, STATUS_LABELS, type CommitmentStatus } from "./status";

// Shaping counts for the explorer's filters and the dashboard's charts. The database groups and
// counts; these functions only arrange the counts into what a filter list or a Recharts chart
// reads (arrays of flat objects), so they are pure and tested without a database.

export type FacetValue = {
  /** The parameter value that selects it (a slug, a code, a vocabulary value). */
  value: string;
  label: string;
  count: number;
  selected: boolean;
};

const byCountThenLabel = (a: FacetValue, b: FacetValue) =>
  b.count - a.count ||
  a.label.localeCompare(b.label, "en") ||
  (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * A facet's values, most commitments first then by label. A selected value is always listed, at
 * zero when no commitment has it under the other filters, so a person can always untick it.
 */
export function facetValues(
  counted: readonly { value: string; label: string; count: number }[],
  selected: readonly string[],
  labelFor: (value: string) => string,
): FacetValue[] {
  const chosen = new Set(selected);
  const values = new Map<string, FacetValue>();
  for (const c of counted) {
    if (c.count > 0) values.set(c.value, { ...c, selected: chosen.has(c.value) });
  }
  for (const value of chosen) {
    if (!values.has(value)) values.set(value, { value, label: labelFor(value), count: 0, selected: true });
  }
  return [...values.values()].sort(byCountThenLabel);
}

/** One bar of a chart stacked by status: a count for every status, zeros included, and the total. */
export type StatusBreakdownRow = { key: string; label: string; total: number } & Record<
  CommitmentStatus,
  number
>;

export type StatusCount = { key: string; status: CommitmentStatus | null; count: number };

function emptyRow(key: string, label: string): StatusBreakdownRow {
  const row = { key, label, total: 0 } as StatusBreakdownRow;
  for (const s of STATUSES) row[s] = 0;
  return row;
}

/**
 * Counts grouped by (key, status) as one row per key with a column per status. `order` "total"
 * puts the largest first (sectors); "key" keeps keys in order (years). A count with no status yet
 * (a commitment not yet computed) is left out rather than guessed.
 */
export function statusBreakdown(
  counts: readonly StatusCount[],
  labelFor: (key: string) => string,
  order: "total" | "key",
): StatusBreakdownRow[] {
  const rows = new Map<string, StatusBreakdownRow>();
  for (const { key, status, count } of counts) {
    if (status === null) continue;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyRow(key, labelFor(key))));
    row[status] += count;
    row.total += count;
  }
  const list = [...rows.values()];
  return order === "key"
    ? list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    : list.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "en"));
}

export type StatusTotal = { status: CommitmentStatus; label: string; count: number };

/** Every status with its count (zeros included), in the order of STATUSES, for a legend or a bar. */
export function statusTotals(
  counts: readonly { status: CommitmentStatus | null; count: number }[],
): StatusTotal[] {
  const totals = new Map<CommitmentStatus, number>();
  for (const { status, count } of counts) if (status) totals.set(status, (totals.get(status) ?? 0) + count);
  return STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: totals.get(status) ?? 0 }));
}

/**
 * Share on track: of the commitments that can be on or off their line today (open, dated, with
 * progress: status on_track or behind), the fraction on track. Commitments with no data, past
 * their deadline, achieved or undated are not in it, because the straight line says nothing about
 * them. Null when there are none, rather than a misleading 0%.
 */
export function shareOnTrack(onTrack: number, behind: number): number | null {
  const measured = onTrack + behind;
  return measured === 0 ? null : onTrack / measured;
}
