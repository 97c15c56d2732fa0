import type { Metadata } from "next";
import { endOfPeriod } from "@/lib/domain/dates";
import {
  ON_TRACK_TOLERANCE,
  STALE_AFTER_DAYS,
  STATUS_LABELS,
  STATUS_RULES,
  STATUSES,
} from "@/lib/domain/status";
import { EVIDENCE_GRADE_DESCRIPTIONS, EVIDENCE_GRADE_LABELS, EVIDENCE_GRADES } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Methodology" };

// Rendered from the constants the status function uses, so this page cannot drift from the code.
export default function MethodologyPage() {
  return (
    <>
      <h1>Methodology</h1>
      <p className="lede">
        Status is computed, never typed in: it follows from the commitment, the progress published for it, and
        today&apos;s date in India. The rules below are checked in this order; the first that applies wins.
      </p>
      <h2>Status rules</h2>
      <dl className="facts">
        {(
          [
            "withdrawn",
            "achieved",
            "missed",
            "overdue_unverified",
            "no_data",
            "undated",
            "on_track",
            "behind",
          ] as const
        )
          .filter((s) => STATUSES.includes(s))
          .map((s) => (
            <div key={s} style={{ display: "contents" }}>
              <dt>{STATUS_LABELS[s]}</dt>
              <dd>{STATUS_RULES[s]}</dd>
            </div>
          ))}
      </dl>
      <h2>Tolerance and staleness</h2>
      <p>
        A commitment is on track when its latest value is within {ON_TRACK_TOLERANCE * 100}% of the distance
        from baseline to target of the straight line. Evidence older than {STALE_AFTER_DAYS} days on a
        commitment that is still open is marked stale. Progress dated before the baseline, or after today,
        does not count.
      </p>
      <h2>Deadlines</h2>
      <p>
        A deadline is kept with the precision the company used and falls due at the end of its period, at
        midnight India Standard Time: &ldquo;by 2025&rdquo; falls due at the end of{" "}
        {endOfPeriod("2025-01-01", "year")}, &ldquo;by Q2 2025&rdquo; at the end of{" "}
        {endOfPeriod("2025-04-01", "quarter")}, &ldquo;by February 2028&rdquo; at the end of{" "}
        {endOfPeriod("2028-02-01", "month")}.
      </p>
      <h2>Evidence grades</h2>
      <p>From weakest to strongest:</p>
      <ol>
        {EVIDENCE_GRADES.map((g) => (
          <li key={g}>
            <strong>{EVIDENCE_GRADE_LABELS[g]}</strong>: {EVIDENCE_GRADE_DESCRIPTIONS[g]}
          </li>
        ))}
      </ol>
      <h2>A worked example</h2>
      <p>
        On 29 May 2023 Xiaomi said it targets a 50 per cent increase in the production of locally sourced
        components by 2025. The deadline has year precision, so it falls due at the end of 31 December 2025.
        With no outcome recorded after that date, the tracker shows the commitment as{" "}
        {STATUS_LABELS.overdue_unverified.toLowerCase()} and puts it in front of a reviewer.
      </p>
    </>
  );
}
