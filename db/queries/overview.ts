import { and, count, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { commitments, companies, progressUpdates } from "../schema";
import { computeStatus } from "@/lib/domain/status";

export type Overview = { commitments: number; companies: number; overdueUnverified: number };

/** Headline figures for the home page. */
export function overview(db: Db, today: string): Overview {
  const commitmentCount = db.select({ n: count() }).from(commitments).get()?.n ?? 0;
  const companyCount =
    db.select({ n: count() }).from(companies).where(isNull(companies.withdrawnOn)).get()?.n ?? 0;

  // SQL narrows to commitments past their deadline with nothing recorded after it; the status
  // function then decides, so the rule lives in one place (a target met in time is achieved).
  const candidates = db
    .select({
      id: commitments.id,
      direction: commitments.direction,
      baselineValue: commitments.baselineValue,
      baselineDate: commitments.baselineDate,
      targetValue: commitments.targetValue,
      dueOn: commitments.dueOn,
      withdrawnOn: commitments.withdrawnOn,
      progress: sql<string>`(select json_group_array(json_object('asOf', p.as_of, 'value', p.value))
        from ${progressUpdates} p where p.commitment_id = ${commitments.id} and p.withdrawn_on is null)`,
    })
    .from(commitments)
    .where(
      and(
        isNull(commitments.withdrawnOn),
        lt(commitments.dueOn, today),
        sql`not exists (select 1 from ${progressUpdates} p where p.commitment_id = ${commitments.id}
          and p.withdrawn_on is null and p.as_of > ${commitments.dueOn})`,
      ),
    )
    .all();
  const overdueUnverified = candidates.filter(
    (c) =>
      computeStatus({ ...c, progress: JSON.parse(c.progress) as { asOf: string; value: number }[] }, today)
        .status === "overdue_unverified",
  ).length;

  return { commitments: commitmentCount, companies: companyCount, overdueUnverified };
}
