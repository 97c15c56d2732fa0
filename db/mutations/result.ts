import type { Problem } from "@/lib/domain/mutation-problems";

// What every mutation returns: success with its data, or a failure with a coarse code (which
// class of refusal, for tests and logs) and a problem (exactly what, with the data its words
// need). Words are chosen on the UI side (lib/messages/mutation-failures.ts).

export type MutationErrorCode = "not_found" | "forbidden" | "conflict" | "invalid_state" | "invalid";

/** One problem in one row of a bulk import: a field's message from the schema, or a problem. */
export type RowError = { row: number; field: string } & ({ message: string } | Problem);

export type MutationFailure = {
  ok: false;
  code: MutationErrorCode;
  /** The form field the problem is about, when it is about one (a decision's reason). */
  field?: string;
  /** Keyed by the form's field names ("sources.0.url"), first message per field. */
  fieldErrors?: Record<string, string>;
  /** For a bulk import: every problem, by row. */
  rowErrors?: RowError[];
} & Problem;

export type MutationResult<T extends object = Record<never, never>> = ({ ok: true } & T) | MutationFailure;

export function fail(
  code: MutationErrorCode,
  problem: Problem,
  extra: Pick<MutationFailure, "field" | "fieldErrors" | "rowErrors"> = {},
): MutationFailure {
  return { ok: false, code, ...problem, ...extra };
}

/** The problem of a failure without its envelope: to pass on as another failure's cause. */
export function problemOf(failure: MutationFailure): Problem {
  const { ok: _ok, code: _code, field: _field, fieldErrors: _f, rowErrors: _r, ...problem } = failure;
  return problem;
}
