import { inArray, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { commitmentStates, commitmentStatus, companies, facilities } from "../schema";
import { memoizedForData } from "../data-version-cache";
import { ensureStatusesFresh } from "./status-summary";
import {
  shareOnTrack,
  statusBreakdown,
  statusTotals,
  type StatusCount,
  type StatusTotal,
} from "@/lib/domain/facets";
import { canonicalStateCode, stateName } from "@/lib/domain/india-states";
import type { CommitmentStatus } from "@/lib/domain/status";
import type { DashboardData, DashboardHeadline, InvestmentByCurrency, StateRow } from "@/lib/views/dashboard";

// The home page's figures and charts for researchers. Everything counts current commitments
// only: a commitment that a restated one superseded is left out, so a restated target is counted
// once. Withdrawn commitments are current and counted, under the status "withdrawn". Status and
// the columns grouped by are read from the narrow commitment_status table (see db/schema.ts), so
// each figure is one grouped scan of an index of it. Charts get arrays of flat objects, as
// Recharts reads them; the arranging is done by pure functions in lib/domain/facets.ts.

const NO_CATEGORY_LABEL = "No product category";
/** How commitment_status.categories joins a commitment's categories (drizzle/0002). */
const CATEGORY_SEPARATOR = "\u001f";
const OPEN_STATUSES: readonly CommitmentStatus[] = ["no_data", "on_track", "behind"];

const f = commitmentStatus;
// A literal, not a parameter, so the planner sees it when choosing an (is_current, …) index.
const current = sql`${f.isCurrent} = 1`;

/** The current code for a stored one (IN-TG gives IN-TS); a code that names no place stays as it is. */
function currentCode(code: string): string {
  return canonicalStateCode(code) ?? code;
}

/** The same calendar date a year later (29 February gives 1 March). */
function sameDateNextYear(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

function statusCounts(db: Db): { status: CommitmentStatus | null; count: number }[] {
  return db.all<{ status: CommitmentStatus | null; count: number }>(
    sql`select ${f.status} as status, count(*) as count from ${f} where ${current} group by 1`,
  );
}

function headlineFrom(db: Db, byStatus: StatusTotal[], today: string): DashboardHeadline {
  const count = (status: CommitmentStatus) => byStatus.find((s) => s.status === status)?.count ?? 0;
  const companyCount =
    db.get<{ n: number }>(sql`select count(*) as n from ${companies} where ${companies.withdrawnOn} is null`)
      ?.n ?? 0;
  const dueSoon =
    db.get<{ n: number }>(
      sql`select count(*) as n from ${f}
        where ${current} and ${f.dueOn} >= ${today} and ${f.dueOn} < ${sameDateNextYear(today)}
          and ${inArray(f.status, [...OPEN_STATUSES])}`,
    )?.n ?? 0;
  return {
    commitments: byStatus.reduce((n, s) => n + s.count, 0),
    companies: companyCount,
    onTrack: {
      onTrack: count("on_track"),
      behind: count("behind"),
      share: shareOnTrack(count("on_track"), count("behind")),
    },
    dueWithin12Months: dueSoon,
    overdueUnverified: count("overdue_unverified"),
  };
}

/** The headline figures alone, for pages that show no charts. */
export function dashboardHeadline(db: Db, today: string): DashboardHeadline {
  ensureStatusesFresh(db, today);
  return memoizedForData(db, `headline:${today}`, () =>
    headlineFrom(db, statusTotals(statusCounts(db)), today),
  );
}

/**
 * Everything the dashboard shows, as of `today`. Kept until the data changes (see
 * memoizedForData), because every figure reads every commitment: at 100,000 of them the first
 * computation takes tens of milliseconds and later requests none. The result is shared: read-only.
 */
export function dashboardData(db: Db, today: string): DashboardData {
  ensureStatusesFresh(db, today);
  return memoizedForData(db, `dashboard:${today}`, () => computeDashboard(db, today));
}

function computeDashboard(db: Db, today: string): DashboardData {
  const byStatus = statusTotals(statusCounts(db));

  // Grouped by each commitment's list of categories (commitment_status_categories_idx gives the
  // groups in order, without a join or a sort), then each list's counts go to every category on it.
  const sectorCounts = db
    .all<{ categories: string | null; status: CommitmentStatus | null; count: number }>(
      sql`select ${f.categories} as categories, ${f.status} as status, count(*) as count
        from ${f} where ${current} group by ${f.categories}, ${f.status}`,
    )
    .flatMap(({ categories, status, count }): StatusCount[] =>
      (categories === null ? [""] : categories.split(CATEGORY_SEPARATOR)).map((key) => ({
        key,
        status,
        count,
      })),
    );
  // Grouped by due date (commitment_status_due_on_idx gives them in order, without a sort), then
  // by year here.
  const yearCounts = db
    .all<{ dueOn: string; status: CommitmentStatus | null; count: number }>(
      sql`select ${f.dueOn} as dueOn, ${f.status} as status, count(*) as count
        from ${f} where ${current} and ${f.dueOn} is not null group by ${f.dueOn}, ${f.status}`,
    )
    .map(({ dueOn, status, count }): StatusCount => ({ key: dueOn.slice(0, 4), status, count }));
  // All links by state, less those of superseded commitments: two reads of small indexes instead
  // of a lookup of every link's commitment.
  const linksByState = db.all<{ code: string; n: number }>(
    sql`select ${commitmentStates.stateCode} as code, count(*) as n from ${commitmentStates} group by 1`,
  );
  const supersededByState = db.all<{ code: string; n: number }>(
    sql`select ${commitmentStates.stateCode} as code, -count(*) as n
      from ${f} join ${commitmentStates} on ${commitmentStates.commitmentId} = ${f.commitmentId}
      where ${f.isCurrent} = 0 group by 1`,
  );
  const commitmentsByState = [...linksByState, ...supersededByState];
  const facilitiesByState = db.all<{ code: string; n: number }>(
    sql`select ${facilities.stateCode} as code, count(*) as n from ${facilities}
      where ${facilities.withdrawnOn} is null group by 1`,
  );
  const investment = db.all<{ code: string; currency: string; amount: number; n: number }>(
    sql`select ${facilities.stateCode} as code, ${facilities.investmentCurrency} as currency,
        sum(${facilities.investmentAmount}) as amount, count(*) as n
      from ${facilities}
      where ${facilities.withdrawnOn} is null and ${facilities.investmentAmount} is not null
      group by 1, 2`,
  );

  return {
    asOf: today,
    headline: headlineFrom(db, byStatus, today),
    byStatus,
    bySector: statusBreakdown(sectorCounts, (key) => key || NO_CATEGORY_LABEL, "total"),
    deadlinesByYear: statusBreakdown(yearCounts, (key) => key, "key"),
    byState: stateRows(commitmentsByState, facilitiesByState),
    investmentByState: investmentRows(investment),
  };
}

function stateRows(
  commitmentCounts: { code: string; n: number }[],
  facilityCounts: { code: string; n: number }[],
): StateRow[] {
  const rows = new Map<string, StateRow>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) rows.set(code, (r = { code, name: stateName(code) ?? code, commitments: 0, facilities: 0 }));
    return r;
  };
  for (const { code, n } of commitmentCounts) row(currentCode(code)).commitments += n;
  for (const { code, n } of facilityCounts) row(currentCode(code)).facilities += n;
  return [...rows.values()]
    .filter((r) => r.commitments > 0 || r.facilities > 0)
    .sort(
      (a, b) =>
        b.commitments - a.commitments || b.facilities - a.facilities || a.name.localeCompare(b.name, "en"),
    );
}

function investmentRows(
  rows: { code: string; currency: string; amount: number; n: number }[],
): InvestmentByCurrency[] {
  const byCurrency = new Map<string, InvestmentByCurrency>();
  for (const { code: stored, currency, amount, n } of rows) {
    let c = byCurrency.get(currency);
    if (!c) byCurrency.set(currency, (c = { currency, total: 0, facilities: 0, states: [] }));
    c.total += amount;
    c.facilities += n;
    const code = currentCode(stored);
    const state = c.states.find((s) => s.code === code);
    if (state) {
      state.amount += amount;
      state.facilities += n;
    } else {
      c.states.push({ code, name: stateName(code) ?? code, amount, facilities: n });
    }
  }
  for (const c of byCurrency.values())
    c.states.sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name, "en"));
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency, "en"));
}
