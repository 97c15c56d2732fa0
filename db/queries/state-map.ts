import { sql } from "drizzle-orm";
import type { Db } from "../connection";
import { memoizedForData } from "../data-version-cache";
import { commitmentStates, commitmentStatus, facilities } from "../schema";
import { ensureStatusesFresh } from "./status-summary";
import { MAP_SHAPES } from "@/lib/charts/india-map-shapes";
import { measureParam, type MapMeasure } from "@/lib/charts/map-measure";
import { INDIA_STATES, storedCodesFor, type StateCode } from "@/lib/domain/india-states";
import type { StateMapData } from "@/lib/views/state-map";

// The figures behind the map of India (lib/charts/india-map.ts draws them). Commitments count as
// on the dashboard: current ones (a restated commitment once), withdrawn ones included unless a
// status is chosen; facilities and their announced investment leave withdrawn facilities out.
// A code stored before ISO changed it counts under its current code, as everywhere else. A shape
// that stands for several codes (Jammu and Kashmir with Ladakh) gets its own figure, in which a
// commitment naming both counts once.

/** `column` with each stored code replaced by the code it counts under; others stay as they are. */
function mappedCode(
  column: typeof commitmentStates.stateCode | typeof facilities.stateCode,
  pairs: readonly (readonly [string, string])[],
) {
  if (pairs.length === 0) return sql<string>`${column}`;
  const whens = pairs.map(([from, to]) => sql`when ${from} then ${to}`);
  return sql<string>`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const TO_CURRENT: (readonly [string, StateCode])[] = INDIA_STATES.flatMap((s) =>
  storedCodesFor(s.code).map((stored) => [stored, s.code] as const),
);
const SHARED_SHAPES = MAP_SHAPES.filter((shape) => shape.codes.length > 1);
const TO_SHARED_SHAPE: (readonly [string, StateCode])[] = SHARED_SHAPES.flatMap((shape) =>
  shape.codes.flatMap((code) => storedCodesFor(code).map((stored) => [stored, shape.id] as const)),
);

type CodeValue = { code: string; n: number };

/**
 * Current commitments (with the measure's status, if any) by the code each stored code maps to
 * in `pairs`, each commitment once per mapped code. With `onlyMapped`, links under codes that
 * `pairs` does not name are left out.
 */
function commitmentCounts(
  db: Db,
  measure: Extract<MapMeasure, { kind: "commitments" }>,
  pairs: readonly (readonly [string, string])[],
  { onlyMapped = false } = {},
): CodeValue[] {
  const cs = commitmentStates;
  const f = commitmentStatus;
  const code = mappedCode(cs.stateCode, pairs);
  const status = measure.status ? sql` and ${f.status} = ${measure.status}` : sql``;
  const stored = pairs.map(([from]) => sql`${from}`);
  const only = onlyMapped ? sql` and ${cs.stateCode} in (${sql.join(stored, sql`, `)})` : sql``;
  return db.all<CodeValue>(
    sql`select ${code} as code, count(distinct ${cs.commitmentId}) as n
      from ${cs} join ${f} on ${f.commitmentId} = ${cs.commitmentId}
      where ${f.isCurrent} = 1${status}${only}
      group by 1`,
  );
}

function facilityFigures(db: Db, measure: Exclude<MapMeasure, { kind: "commitments" }>): CodeValue[] {
  const fa = facilities;
  const code = mappedCode(fa.stateCode, TO_CURRENT);
  if (measure.kind === "facilities") {
    return db.all<CodeValue>(
      sql`select ${code} as code, count(*) as n from ${fa} where ${fa.withdrawnOn} is null group by 1`,
    );
  }
  // One currency only: amounts in different currencies are never added together.
  return db.all<CodeValue>(
    sql`select ${code} as code, sum(${fa.investmentAmount}) as n from ${fa}
      where ${fa.withdrawnOn} is null and ${fa.investmentCurrency} = ${measure.currency}
        and ${fa.investmentAmount} is not null
      group by 1`,
  );
}

function investmentCurrencies(db: Db): string[] {
  return db
    .all<{ currency: string }>(
      sql`select distinct ${facilities.investmentCurrency} as currency from ${facilities}
        where ${facilities.withdrawnOn} is null and ${facilities.investmentCurrency} is not null order by 1`,
    )
    .map((r) => r.currency.toUpperCase());
}

/** The map's figures for one measure, as of `today` (statuses are computed for it). */
export function stateMapData(db: Db, measure: MapMeasure, today: string): StateMapData {
  ensureStatusesFresh(db, today);
  return memoizedForData(db, `state-map:${measureParam(measure)}:${today}`, () =>
    computeStateMap(db, measure, today),
  );
}

function computeStateMap(db: Db, measure: MapMeasure, today: string): StateMapData {
  const byCode = new Map<string, number>();
  const rows =
    measure.kind === "commitments" ? commitmentCounts(db, measure, TO_CURRENT) : facilityFigures(db, measure);
  for (const { code, n } of rows) byCode.set(code, (byCode.get(code) ?? 0) + (n ?? 0));
  const states = INDIA_STATES.map((s) => ({ code: s.code, name: s.name, value: byCode.get(s.code) ?? 0 }));

  // A shared shape's commitments are counted again across its codes, each once; sums of
  // facilities and amounts add up as they are.
  const shared = new Map<string, number>();
  if (measure.kind === "commitments" && SHARED_SHAPES.length > 0) {
    for (const { code, n } of commitmentCounts(db, measure, TO_SHARED_SHAPE, { onlyMapped: true }))
      shared.set(code, n);
  }
  const shapes = MAP_SHAPES.map((shape) => ({
    id: shape.id,
    value:
      shape.codes.length === 1
        ? (byCode.get(shape.id) ?? 0)
        : measure.kind === "commitments"
          ? (shared.get(shape.id) ?? 0)
          : shape.codes.reduce((sum, code) => sum + (byCode.get(code) ?? 0), 0),
  }));
  return { measure, asOf: today, states, shapes, currencies: investmentCurrencies(db) };
}
