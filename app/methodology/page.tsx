import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getDb } from "@/db";
import { getCommitment } from "@/db/queries/commitments";
import type { CommitmentDetail } from "@/lib/views/commitments";
import { CALENDAR_LIMIT, commitmentIdByKey, DEADLINE_GROUP_LIMIT } from "@/db/queries/deadlines";
import { SEED_COMMITMENTS } from "@/db/seed-facts";
import { EvidenceGradeMark } from "@/components/commitments/evidence-grade";
import { StatusBadge } from "@/components/commitments/status-badge";
import { addDays, daysBetween, deadlineLabel, endOfPeriod, formatIndiaDate } from "@/lib/domain/dates";
import { BUCKET_RULES, DEADLINE_BUCKETS, RECENT_DAYS } from "@/lib/domain/deadline-buckets";
import { formatCount, formatPercent, formatValue } from "@/lib/domain/format";
import {
  computeStatus,
  expectedValueOn,
  ON_TRACK_TOLERANCE,
  STALE_AFTER_DAYS,
  STATUS_LABELS,
  STATUS_RULES,
  type CommitmentStatus,
} from "@/lib/domain/status";
import {
  EVIDENCE_GRADE_DESCRIPTIONS,
  EVIDENCE_GRADES,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import { today } from "@/lib/server/clock";

export const metadata: Metadata = { title: "Methodology" };
// The worked example is computed for today from the published record, so it is rendered per request.
export const dynamic = "force-dynamic";

// Everything on this page is rendered from the constants and functions the tracker itself uses
// (the rules, the tolerance, the staleness limit, endOfPeriod, computeStatus on the real record),
// so the explanation cannot drift from the code.

/** The order computeStatus tries the rules in: the first that applies wins. */
const RULE_ORDER: readonly CommitmentStatus[] = [
  "withdrawn",
  "achieved",
  "missed",
  "overdue_unverified",
  "no_data",
  "undated",
  "on_track",
  "behind",
];

const PRECISION_EXAMPLES: readonly [dayInPeriod: string, precision: DeadlinePrecision][] = [
  ["2025-06-01", "year"],
  ["2025-04-01", "quarter"],
  ["2028-02-01", "month"],
  ["2026-08-15", "day"],
];

/** Xiaomi's target, the example DESIGN.md asks every part of the tracker to handle. */
const EXAMPLE = SEED_COMMITMENTS.find((c) => c.company === "xiaomi" && c.dueOn !== null);

const days = (n: number) => `${formatCount(n)} day${n === 1 ? "" : "s"}`;

function ToleranceExample({
  c,
}: {
  c: Pick<
    CommitmentDetail,
    "baselineValue" | "baselineDate" | "targetValue" | "dueOn" | "direction" | "unit"
  >;
}) {
  if (!c.dueOn) return null;
  const span = daysBetween(c.baselineDate, c.dueOn);
  const midpoint = addDays(c.baselineDate, Math.floor(span / 2));
  const expected = expectedValueOn(midpoint, c) ?? c.baselineValue;
  const allowance = Math.abs(c.targetValue - c.baselineValue) * ON_TRACK_TOLERANCE;
  const threshold = c.direction === "increase" ? expected - allowance : expected + allowance;
  return (
    <p>
      For example, Xiaomi&apos;s target runs from {formatValue(c.baselineValue, c.unit)} on{" "}
      {formatIndiaDate(c.baselineDate)} to {formatValue(c.targetValue, c.unit)} on {formatIndiaDate(c.dueOn)},
      so the allowance is {formatPercent(ON_TRACK_TOLERANCE * 100, 0)} of{" "}
      {formatCount(Math.abs(c.targetValue - c.baselineValue), 2)}, that is {formatCount(allowance, 2)} points.
      On {formatIndiaDate(midpoint)}, halfway, the line stands at {formatValue(expected, c.unit)}: a value
      recorded that day of {formatValue(threshold, c.unit)} or {c.direction === "increase" ? "more" : "less"}{" "}
      is on track, and anything {c.direction === "increase" ? "lower" : "higher"} is behind.
    </p>
  );
}

function WorkedExample({ detail, asOf }: { detail: CommitmentDetail; asOf: string }) {
  const result = computeStatus({ ...detail, progress: detail.progress }, asOf);
  const dueOn = detail.dueOn;
  const usable = detail.progress.filter((p) => p.asOf >= detail.baselineDate && p.asOf <= asOf);
  const onTime = dueOn ? usable.filter((p) => p.asOf <= dueOn) : usable;
  const latestOnTime = onTime.at(-1) ?? null;
  const after = dueOn ? usable.filter((p) => p.asOf > dueOn) : [];
  const evidenceDate = result.latest?.asOf ?? detail.baselineDate;

  return (
    <>
      <p>
        On {formatIndiaDate(detail.announcedOn)} {detail.company.name} announced:{" "}
        <Link href={`/commitments/${detail.id}`}>{detail.title}</Link>. The baseline is{" "}
        {formatValue(detail.baselineValue, detail.unit)} on {formatIndiaDate(detail.baselineDate)} and the
        target {formatValue(detail.targetValue, detail.unit)}, {detail.deadlineLabel}
        {dueOn ? <>, which falls due at the end of {formatIndiaDate(dueOn)}</> : null}. Today is{" "}
        {formatIndiaDate(asOf)}. The rules, in order:
      </p>
      <ol>
        <li>Withdrawn? {detail.withdrawnOn ? `Yes, on ${formatIndiaDate(detail.withdrawnOn)}.` : "No."}</li>
        <li>
          Achieved?{" "}
          {latestOnTime ? (
            <>
              The latest value on or before the deadline is {formatValue(latestOnTime.value, detail.unit)} (
              {formatIndiaDate(latestOnTime.asOf)}), against a target of{" "}
              {formatValue(detail.targetValue, detail.unit)}.
            </>
          ) : (
            "No value has been recorded on or before the deadline."
          )}
        </li>
        {dueOn && result.daysToDeadline !== null ? (
          <li>
            {result.daysToDeadline < 0 ? (
              <>
                Past the deadline? Yes: today is {days(-result.daysToDeadline)} past it.{" "}
                {after.length > 0
                  ? `${formatCount(after.length)} value${after.length === 1 ? " was" : "s were"} recorded after it, so the outcome is known.`
                  : "Nothing has been recorded since the deadline, so nobody knows whether the target was met."}
              </>
            ) : (
              <>Past the deadline? No: {days(result.daysToDeadline)} are left.</>
            )}
          </li>
        ) : null}
      </ol>
      <p>
        The status today is therefore <StatusBadge status={result.status} />: {STATUS_RULES[result.status]}
      </p>
      <dl className="facts">
        <dt>Expected value today</dt>
        <dd>
          {result.expectedToday === null
            ? "None: there is no deadline, so no line."
            : `${formatValue(result.expectedToday, detail.unit)}${dueOn && asOf > dueOn ? " (past the deadline the line stays at the target)" : ""}`}
        </dd>
        <dt>Of the way to the target</dt>
        <dd>
          {result.percentOfWay === null
            ? "Unknown: no progress recorded"
            : formatPercent(result.percentOfWay)}
        </dd>
        <dt>Latest evidence</dt>
        <dd>
          {result.latest
            ? `${formatValue(result.latest.value, detail.unit)} as of ${formatIndiaDate(result.latest.asOf)}`
            : `None since the baseline of ${formatIndiaDate(detail.baselineDate)}`}
          , {days(daysBetween(evidenceDate, asOf))} old{result.stale ? ": stale" : ""}
        </dd>
      </dl>
      {result.status === "overdue_unverified" ? (
        <p>
          That is why the <Link href="/deadlines">deadlines page</Link> lists it under &ldquo;
          {BUCKET_RULES.overdue_unverified.title}&rdquo;, for a reviewer to find the outcome.
        </p>
      ) : null}
    </>
  );
}

export default function MethodologyPage() {
  const asOf = today();
  const db = getDb();
  const id = EXAMPLE ? commitmentIdByKey(db, EXAMPLE.company, EXAMPLE.title) : null;
  const detail = id === null ? null : getCommitment(db, id, asOf);

  return (
    <>
      <h1>Methodology</h1>
      <p className="lede">
        Status is computed, never typed in: it follows from the commitment, the progress published for it, and
        today&apos;s date in India. Nothing on this page is written by hand where the tracker computes it: the
        rules, limits and the worked example below come from the same code that computes every status.
      </p>

      <h2>Status rules, in the order they apply</h2>
      <p>The rules are tried in this order; the first that applies gives the status.</p>
      <ol>
        {RULE_ORDER.map((s) => (
          <li key={s}>
            <StatusBadge status={s} /> {STATUS_RULES[s]}
          </li>
        ))}
      </ol>
      <p>
        Progress dated before the baseline, or after today, is not evidence and is ignored. When several
        values share a date, the one recorded last counts. An open commitment (not achieved, missed or
        withdrawn) whose latest evidence, or its baseline when it has none, is more than{" "}
        {days(STALE_AFTER_DAYS)} old is marked stale.
      </p>

      <h2>The straight line and its tolerance</h2>
      <p>
        A commitment with a deadline is expected to move in a straight line from its baseline to its target.
        Its latest value is compared with where that line stood on the day the value was recorded. It is{" "}
        {STATUS_LABELS.on_track.toLowerCase()} when it falls short of the line by no more than{" "}
        {formatPercent(ON_TRACK_TOLERANCE * 100, 0)} of the whole distance from baseline to target, and{" "}
        {STATUS_LABELS.behind.toLowerCase()} otherwise.
      </p>
      {detail ? <ToleranceExample c={detail} /> : EXAMPLE ? <ToleranceExample c={EXAMPLE} /> : null}

      <h2>Deadlines and their precision</h2>
      <p>
        A deadline is kept with the precision the company used and falls due at the end of its period, at
        midnight India Standard Time. It is stored as the last day of that period, so the date and the words
        people read cannot disagree:
      </p>
      <div className="table-wrap">
        <table>
          <caption>How a deadline&apos;s precision sets its due date</caption>
          <thead>
            <tr>
              <th scope="col">The company said</th>
              <th scope="col">Precision</th>
              <th scope="col">Falls due at the end of</th>
            </tr>
          </thead>
          <tbody>
            {PRECISION_EXAMPLES.map(([date, precision]) => {
              const due = endOfPeriod(date, precision);
              return (
                <tr key={precision}>
                  <td>{deadlineLabel(due, precision)}</td>
                  <td>{precision}</td>
                  <td>{formatIndiaDate(due)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        A commitment with no deadline is never overdue; once progress is recorded it is{" "}
        {STATUS_LABELS.undated.toLowerCase()}.
      </p>

      <h2>Evidence grades, from weakest to strongest</h2>
      <p>
        Every commitment carries the strongest kind of evidence its sources give. It is shown in words with a
        meter of {EVIDENCE_GRADES.length} bars, so a commitment that is only in talks never looks like land
        already bought.
      </p>
      <ol>
        {EVIDENCE_GRADES.map((g) => (
          <li key={g}>
            <EvidenceGradeMark grade={g} />: {EVIDENCE_GRADE_DESCRIPTIONS[g]}
          </li>
        ))}
      </ol>

      <h2>Withdrawn and superseded commitments</h2>
      <p>
        Records are never deleted. A commitment the company or a reviewer withdraws keeps its history and
        shows as {STATUS_LABELS.withdrawn.toLowerCase()}, with the date and the reason; it is counted under
        that status and never appears among deadlines. When a company restates a target, the new commitment
        supersedes the old one: the old one stays readable but is left out of counts, lists, charts, the
        deadline view and the calendar, so the restated target counts once. The explorer and the API include
        superseded commitments when asked with <code>include_superseded=true</code>.
      </p>

      <h2>The deadline view</h2>
      <p>
        The <Link href="/deadlines">deadlines page</Link> sorts commitments into these groups for the day it
        is read; each commitment is in one group at most, and each group lists its first{" "}
        {formatCount(DEADLINE_GROUP_LIMIT)} with a link to the rest in the explorer.
      </p>
      <dl className="facts">
        {DEADLINE_BUCKETS.map((b) => (
          <div key={b} style={{ display: "contents" }}>
            <dt>{BUCKET_RULES[b].title}</dt>
            <dd>{BUCKET_RULES[b].description}</dd>
          </div>
        ))}
      </dl>
      <p>
        &ldquo;Recently&rdquo; means the last {days(RECENT_DAYS)}. The calendar feed holds the deadlines of
        the filtered view, at most the {formatCount(CALENDAR_LIMIT)} nearest to today.
      </p>

      <h2>A worked example</h2>
      {detail ? (
        <WorkedExample detail={detail} asOf={asOf} />
      ) : (
        <p>
          The example of Xiaomi&apos;s target for locally sourced components is not published at the moment,
          so it cannot be worked through here.
        </p>
      )}
    </>
  );
}
