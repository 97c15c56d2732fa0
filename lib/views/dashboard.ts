import type { StatusBreakdownRow, StatusTotal } from "@/lib/domain/facets";

export type DashboardHeadline = {
  /** Current commitments (not superseded), withdrawn ones included. */
  commitments: number;
  /** Companies not withdrawn. */
  companies: number;
  /** See shareOnTrack in lib/domain/facets.ts: on track / (on track + behind). */
  onTrack: { onTrack: number; behind: number; share: number | null };
  /** Open commitments (no data, on track or behind) due from today to the day before the same date next year. */
  dueWithin12Months: number;
  /** Past their deadline with no outcome recorded: the reviewers' queue. */
  overdueUnverified: number;
};

export type StateRow = { code: string; name: string; commitments: number; facilities: number };
export type InvestmentByCurrency = {
  /** ISO 4217 code as stored; amounts in different currencies are never added together. */
  currency: string;
  total: number;
  facilities: number;
  states: { code: string; name: string; amount: number; facilities: number }[];
};

export type DashboardData = {
  asOf: string;
  headline: DashboardHeadline;
  byStatus: StatusTotal[];
  /** One row per product category (key = the category; "" for commitments with none), largest first. */
  bySector: StatusBreakdownRow[];
  /** One row per year of the due date (key = "2025"), in year order; undated commitments are not in it. */
  deadlinesByYear: StatusBreakdownRow[];
  /** States and union territories with at least one commitment or facility, most commitments first. */
  byState: StateRow[];
  /** Announced investment in facilities (not withdrawn), by currency, then by state, largest first. */
  investmentByState: InvestmentByCurrency[];
};
