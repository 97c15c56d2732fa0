import type { Db } from "../connection";
import { dashboardHeadline } from "./dashboard";

// The home page's first three figures. Kept as its own shape so the page that reads it does not
// change; dashboardData (./dashboard.ts) gives these and everything else the dashboard shows.

export type Overview = { commitments: number; companies: number; overdueUnverified: number };

/** Current commitments (superseded ones left out), companies not withdrawn, and the overdue-unverified count. */
export function overview(db: Db, today: string): Overview {
  const h = dashboardHeadline(db, today);
  return { commitments: h.commitments, companies: h.companies, overdueUnverified: h.overdueUnverified };
}
