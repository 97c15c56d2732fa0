import { getDb } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { DASHBOARD_TABLES, isDashboardTable } from "@/lib/api/dashboard-csv";
import { notFound } from "@/lib/api/responses";
import { citation, csvResponse, toCsv, type CsvColumn } from "@/lib/export/csv";
import { today } from "@/lib/server/clock";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** /api/v1/stats/by-sector.csv and friends: the data behind each dashboard chart. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/stats/[name]">): Promise<Response> {
  const { name } = await ctx.params;
  const base = name.endsWith(".csv") ? name.slice(0, -4) : "";
  if (!isDashboardTable(base)) return notFound(`No statistics table called "${name}"`);
  const asOf = today();
  const table = DASHBOARD_TABLES[base];
  const rows = table.rows(dashboardData(getDb(), asOf)) as unknown[];
  const body = toCsv(rows, table.columns as CsvColumn<unknown>[], [
    citation({ title: table.title, url: request.url, retrievedOn: asOf }),
  ]);
  return csvResponse(body, `${base}-${asOf}.csv`);
}
