import type Database from "better-sqlite3";
import type { Db } from "../connection";
import { STATUS_MUST_RECOMPUTE } from "../schema";
import { daysBetween } from "@/lib/domain/dates";
import {
  computeStatus,
  expectedValueOn,
  type CommitmentStatus,
  type StatusInput,
  type StatusResult,
} from "@/lib/domain/status";
import { statusValidUntil } from "@/lib/domain/status-validity";
import type { Direction } from "@/lib/domain/vocabulary";

// Keeps commitment_status (see db/schema.ts) true for a given day. Triggers mark a row due
// (valid_until = '0000-00-00') whenever its commitment or progress changes; each row also carries
// the first date its status could change by the calendar alone. So the rows to recompute on a day
// are exactly those with valid_until <= today, found through an index: on an ordinary request
// there are none and the check costs one index probe. A read for an earlier day than a row was
// computed for (tests, a pinned TRACKER_TODAY) recomputes that row too, because validity only
// runs forward.
//
// The check runs on every call rather than being remembered per day in this process: other
// processes (the seed and synthetic loaders, a migration, the sqlite3 shell) write to the same file
// and only the database knows. Measured at 100,000 commitments the check takes about 3 µs, against
// about 1.5 µs for asking SQLite whether anything was written since (data_version and
// total_changes): too little difference to trade correctness across processes for.

/** Rows recomputed per round trip: large enough to amortise the queries, small enough for memory. */
const BATCH_SIZE = 2000;

type Statements = {
  anyDue: Database.Statement<[{ today: string }], { due: number }>;
  dueIds: Database.Statement<[{ today: string }], number>;
  commitments: Database.Statement<[string], CommitmentRowTuple>;
  progress: Database.Statement<[string], ProgressTuple>;
  update: Database.Statement<
    [CommitmentStatus, string | null, number | null, number | null, number, string, string, number]
  >;
};

type CommitmentRowTuple = [
  id: number,
  direction: Direction,
  baselineValue: number,
  baselineDate: string,
  targetValue: number,
  dueOn: string | null,
  withdrawnOn: string | null,
];
type ProgressTuple = [commitmentId: number, asOf: string, value: number];

// Prepared once per connection; tests open many databases, so the cache is keyed by connection.
const statementsByConnection = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = statementsByConnection.get(sqlite);
  if (s) return s;
  s = {
    // Two probes, each the first entry of an index range; an OR would defeat both indexes.
    anyDue: sqlite.prepare(
      `select exists (select 1 from commitment_status where valid_until <= @today)
           or exists (select 1 from commitment_status where computed_for > @today) as due`,
    ),
    dueIds: sqlite
      .prepare<[{ today: string }], number>(
        `select commitment_id from commitment_status where valid_until <= @today
         union
         select commitment_id from commitment_status where computed_for > @today`,
      )
      .pluck(),
    commitments: sqlite
      .prepare<[string], CommitmentRowTuple>(
        `select id, direction, baseline_value, baseline_date, target_value, due_on, withdrawn_on
         from commitments where id in (select value from json_each(?))`,
      )
      .raw(),
    // Published progress only: a withdrawn update is not evidence. Among updates of the same date
    // the one recorded last wins (computeStatus), so they come in the order they were recorded,
    // which is also the order of progress_commitment_as_of_idx: no sort is needed.
    progress: sqlite
      .prepare<[string], ProgressTuple>(
        `select commitment_id, as_of, value from progress_updates
         where commitment_id in (select value from json_each(?)) and withdrawn_on is null
         order by commitment_id, as_of, id`,
      )
      .raw(),
    update: sqlite.prepare(
      `update commitment_status set status = ?, latest_as_of = ?, latest_value = ?, percent_of_way = ?,
         stale = ?, computed_for = ?, valid_until = ? where commitment_id = ?`,
    ),
  };
  statementsByConnection.set(sqlite, s);
  return s;
}

/** True when some commitment's stored status may not be its status on `today`. */
export function statusesDue(db: Db, today: string): boolean {
  return statements(db.$client).anyDue.get({ today })?.due === 1;
}

function recomputeBatch(s: Statements, ids: readonly number[], today: string): number {
  const json = JSON.stringify(ids);
  const progressById = new Map<number, { asOf: string; value: number }[]>();
  for (const [commitmentId, asOf, value] of s.progress.all(json)) {
    const list = progressById.get(commitmentId);
    if (list) list.push({ asOf, value });
    else progressById.set(commitmentId, [{ asOf, value }]);
  }
  let n = 0;
  for (const [
    id,
    direction,
    baselineValue,
    baselineDate,
    targetValue,
    dueOn,
    withdrawnOn,
  ] of s.commitments.all(json)) {
    const input: StatusInput = {
      direction,
      baselineValue,
      baselineDate,
      targetValue,
      dueOn,
      withdrawnOn,
      progress: progressById.get(id) ?? [],
    };
    const result = computeStatus(input, today);
    s.update.run(
      result.status,
      result.latest?.asOf ?? null,
      result.latest?.value ?? null,
      result.percentOfWay,
      result.stale ? 1 : 0,
      today,
      statusValidUntil(input, today, result),
      id,
    );
    n++;
  }
  return n;
}

/**
 * Recomputes every stored status that may differ on `today`, in one write transaction, and
 * returns how many were recomputed. Cheap when nothing is due: one indexed lookup, no lock.
 * Every read that filters, counts or shows status from commitment_status calls this first.
 */
export function ensureStatusesFresh(db: Db, today: string): { recomputed: number } {
  const sqlite = db.$client;
  const s = statements(sqlite);
  if (s.anyDue.get({ today })?.due !== 1) return { recomputed: 0 };

  // IMMEDIATE takes the write lock before reading which rows are due, so two processes that both
  // saw work do it once, and the second finds nothing left.
  const run = sqlite.transaction(() => {
    const ids = s.dueIds.all({ today });
    let recomputed = 0;
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      recomputed += recomputeBatch(s, ids.slice(i, i + BATCH_SIZE), today);
    }
    return recomputed;
  });
  return { recomputed: run.immediate() };
}

/** Marks every stored status for recomputation (after a change to the status rules themselves). */
export function invalidateAllStatuses(db: Db): void {
  db.$client
    .prepare(`update commitment_status set valid_until = ? where valid_until <> ?`)
    .run(STATUS_MUST_RECOMPUTE, STATUS_MUST_RECOMPUTE);
}

export type StoredStatus = {
  status: CommitmentStatus | null;
  latestAsOf: string | null;
  latestValue: number | null;
  percentOfWay: number | null;
  stale: boolean;
};

/**
 * The full status result from a stored row and the commitment: the stored part was computed by
 * computeStatus and is unchanged until valid_until; the parts that move every day (expected value
 * today, days to deadline) are derived here exactly as computeStatus derives them.
 * Null when the row has not been computed yet (a commitment inserted by another process since the
 * last ensureStatusesFresh).
 */
export function statusFromStored(
  stored: StoredStatus,
  c: Pick<StatusInput, "baselineValue" | "baselineDate" | "targetValue" | "dueOn">,
  today: string,
): StatusResult | null {
  if (stored.status === null) return null;
  return {
    status: stored.status,
    expectedToday: expectedValueOn(today, c),
    percentOfWay: stored.percentOfWay,
    daysToDeadline: c.dueOn ? daysBetween(today, c.dueOn) : null,
    latest:
      stored.latestAsOf !== null && stored.latestValue !== null
        ? { asOf: stored.latestAsOf, value: stored.latestValue }
        : null,
    stale: stored.stale,
  };
}
