import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { latestChangeAt } from "@/db/queries/changes";
import { calendarDeadlines } from "@/db/queries/deadlines";
import { badParameter } from "@/lib/api/responses";
import { formatCount, formatValue } from "@/lib/domain/format";
import { formatIndiaDate } from "@/lib/domain/dates";
import { EVIDENCE_GRADE_LABELS, METRIC_LABELS } from "@/lib/domain/vocabulary";
import { deadlinesCalendar, ICS_CONTENT_TYPE, type DeadlineEvent } from "@/lib/feeds/ics";
import { today } from "@/lib/server/clock";
import { parseExplorerParams } from "@/lib/validation/explorer-params";
import { requestOrigin } from "@/lib/api/request-origin";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/**
 * The deadlines of published commitments as an iCalendar feed, narrowed by the explorer's
 * parameters (?company=xiaomi, ?state=IN-UP, ?status=behind, …). Withdrawn and undated
 * commitments have no deadline to keep, so they are never in it; superseded ones only when asked.
 */
export function GET(request: NextRequest): Response {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  // As for the CSV export: a calendar is the whole view, so the explorer's paging means nothing.
  params.delete("page");
  params.delete("per_page");
  const parsed = parseExplorerParams(params);
  if (!parsed.success) return badParameter(parsed.error);

  const asOf = today();
  const db = getDb();
  const { items, total } = calendarDeadlines(db, parsed.data, asOf);
  const origin = requestOrigin(request);
  const query = params.size ? `?${params}` : "";
  const calendarUrl = new URL(`/api/v1/deadlines.ics${query}`, origin).toString();
  const viewUrl = new URL(`/deadlines${query}`, origin).toString();

  const events: DeadlineEvent[] = items.map((c) => ({
    id: c.id,
    companyName: c.company.name,
    title: c.title,
    dueOn: c.dueOn,
    deadlineLabel: c.deadlineLabel,
    statusLabel: c.status.label,
    targetText: `${METRIC_LABELS[c.metric]}: from ${formatValue(c.baselineValue, c.unit)} to ${formatValue(c.targetValue, c.unit)}`,
    evidenceLabel: EVIDENCE_GRADE_LABELS[c.evidenceGrade],
    pageUrl: new URL(`/commitments/${c.id}`, origin).toString(),
    sourceUrls: c.sources.map((s) => s.url),
  }));
  const truncated =
    total > items.length
      ? ` It holds the ${formatCount(items.length)} deadlines nearest to that date out of ${formatCount(total)}; add filters to see others.`
      : "";

  // DTSTAMP moves only when the data or the date do, so an unchanged calendar is the same bytes.
  const startOfToday = new Date(`${asOf}T00:00:00+05:30`);
  const changed = latestChangeAt(db);
  const now = changed && new Date(changed) > startOfToday ? new Date(changed) : startOfToday;

  const body = deadlinesCalendar({
    name: query ? "Make in India tracker: deadlines (filtered)" : "Make in India tracker: deadlines",
    description: `Deadlines of published localisation commitments, with their status as of ${formatIndiaDate(asOf)}.${truncated} The same view on the web: ${viewUrl}`,
    url: calendarUrl,
    now,
    events,
  });
  return new Response(body, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="deadlines.ics"',
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
