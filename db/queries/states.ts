import { countDistinct, count, inArray, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { commitments, commitmentStates, facilities } from "../schema";
import { commitmentSummaries } from "./companies";
import { listFacilities } from "./facilities";
import {
  FORMER_STATE_CODES,
  INDIA_STATES,
  isStateCode,
  storedCodesFor,
  type IndiaState,
} from "@/lib/domain/india-states";
import type { CommitmentSummary } from "@/lib/views/commitments";
import type { Paged } from "@/lib/views/common";
import type { FacilityView } from "@/lib/views/directory";

// Reads by state or union territory. Facilities carry one state code; commitments are linked to
// any number of states through commitment_states. A code stored before ISO changed it (IN-TG for
// Telangana) counts under its current code, so no record drops out of the view of its state.

export type StateSummary = {
  code: IndiaState["code"];
  name: string;
  kind: IndiaState["kind"];
  facilities: number;
  commitments: number;
};

/** Records under a code that names no state or union territory: shown apart, never dropped. */
export type UnrecognisedStateCode = { code: string; facilities: number; commitments: number };

export type StatesOverview = { states: StateSummary[]; unrecognised: UnrecognisedStateCode[] };

/** Folds each former code into its current one inside SQL, so a count can be distinct across both. */
function currentCode(column: typeof facilities.stateCode | typeof commitmentStates.stateCode) {
  if (FORMER_STATE_CODES.length === 0) return sql<string>`${column}`;
  const whens = FORMER_STATE_CODES.map(([former, current]) => sql`when ${former} then ${current}`);
  return sql<string>`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

/** All 36 states and union territories, with counts (zeros included), in order of name. */
export function listStates(db: Db): StatesOverview {
  // Both counts read only the state-code indexes (facilities_state_idx, commitment_states_state_idx).
  const facilityCode = currentCode(facilities.stateCode);
  const facilityCounts = db
    .select({ code: facilityCode, n: count() })
    .from(facilities)
    .groupBy(facilityCode)
    .all();
  const commitmentCode = currentCode(commitmentStates.stateCode);
  const commitmentCounts = db
    .select({ code: commitmentCode, n: countDistinct(commitmentStates.commitmentId) })
    .from(commitmentStates)
    .groupBy(commitmentCode)
    .all();

  const byCode = new Map<string, { facilities: number; commitments: number }>();
  const entry = (code: string) => {
    let e = byCode.get(code);
    if (!e) byCode.set(code, (e = { facilities: 0, commitments: 0 }));
    return e;
  };
  for (const { code, n } of facilityCounts) entry(code).facilities = n;
  for (const { code, n } of commitmentCounts) entry(code).commitments = n;

  const states = INDIA_STATES.map((s) => ({
    code: s.code,
    name: s.name,
    kind: s.kind,
    ...(byCode.get(s.code) ?? { facilities: 0, commitments: 0 }),
  }));
  const unrecognised = [...byCode.entries()]
    .filter(([code]) => !isStateCode(code))
    .map(([code, counts]) => ({ code, ...counts }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { states, unrecognised };
}

export type StateDetail = {
  state: IndiaState;
  facilities: Paged<FacilityView>;
  commitments: Paged<CommitmentSummary>;
};

/**
 * A state or union territory with a page of its facilities and a page of its commitments; null
 * unless `code` is a current code exactly (callers redirect other spellings to it).
 */
export function getState(
  db: Db,
  code: string,
  options: { today: string; perPage: number; facilitiesPage: number; commitmentsPage: number },
): StateDetail | null {
  if (!isStateCode(code)) return null;
  const state = INDIA_STATES.find((s) => s.code === code);
  if (!state) return null;
  const codes = [...storedCodesFor(state.code)];
  // `id in (subquery)` looks each linked commitment up by its primary key, and a commitment
  // linked under both a former and a current code is still listed once.
  const inState = inArray(
    commitments.id,
    db
      .select({ id: commitmentStates.commitmentId })
      .from(commitmentStates)
      .where(inArray(commitmentStates.stateCode, codes)),
  );
  return {
    state,
    facilities: listFacilities(
      db,
      { state: state.code },
      { page: options.facilitiesPage, perPage: options.perPage },
    ),
    commitments: commitmentSummaries(db, inState, {
      page: options.commitmentsPage,
      perPage: options.perPage,
      today: options.today,
    }),
  };
}
