import { Link } from "@/components/ui/link";
import type { PanelRow } from "@/lib/charts/rows";
import { formatCount, formatMoney } from "@/lib/domain/format";
import styles from "./chart-table.module.css";

export type ChartTableColumn = {
  key: string;
  label: string;
  /** The values are amounts of money in this currency; otherwise counts. */
  currency?: string;
  /** Left out when no row has a value above zero, as the chart leaves such a series out. */
  optional?: boolean;
};

export type ChartTableSpec = {
  caption: string;
  /** The heading of the first column, which names the rows. */
  keyHeader: string;
  columns: readonly ChartTableColumn[];
};

/**
 * The chart's text alternative: the rows and values it draws. A row's name links to its list; its
 * values do not, as each is already a link in the chart, with the same destination and a name
 * that gives the same number (decision 0014).
 */
export function ChartTable({
  rows,
  caption,
  keyHeader,
  columns,
}: ChartTableSpec & { rows: readonly PanelRow[] }) {
  const shown = columns.filter((c) => !c.optional || rows.some((r) => (r.values[c.key] ?? 0) > 0));
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {shown.map((c) => (
            <th scope="col" key={c.key}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.href ? <Link href={r.href}>{r.label}</Link> : r.label}</th>
            {shown.map((c) => {
              const value = r.values[c.key] ?? 0;
              return <td key={c.key}>{c.currency ? formatMoney(value, c.currency) : formatCount(value)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
