import type { z } from "zod";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";
import { fieldErrors } from "@/lib/validation/submissions";
import { commitment, type CommitmentInput, type CommitmentRow } from "./commitment";
import { company, type CompanyInput, type CompanyRow } from "./company";
import { facility, type FacilityInput, type FacilityRow } from "./facility";
import type { RecordKind } from "./kind";
import { partnership, type PartnershipInput, type PartnershipRow } from "./partnership";
import { progressUpdate, type ProgressInput, type ProgressUpdateRow } from "./progress-update";
import { WithdrawalInputSchema, type WithdrawalInput } from "./withdrawal";

// The registry: every kind of record by its type. Generic code looks a kind up here; a function
// generic in the record type K (as in db/queries/records.ts) gets the kind's payload and row types
// from PayloadOf<K> and RowOf<K> without casting.

export type PayloadOf<K extends RecordType> = {
  company: CompanyInput;
  facility: FacilityInput;
  partnership: PartnershipInput;
  commitment: CommitmentInput;
  progress_update: ProgressInput;
}[K];

export type RowOf<K extends RecordType> = {
  company: CompanyRow;
  facility: FacilityRow;
  partnership: PartnershipRow;
  commitment: CommitmentRow;
  progress_update: ProgressUpdateRow;
}[K];

export type RecordKinds = { [K in RecordType]: RecordKind<PayloadOf<K>, RowOf<K>> };

export const RECORD_KINDS: RecordKinds = {
  company,
  facility,
  partnership,
  commitment,
  progress_update: progressUpdate,
};

/** Any kind's validated payload. */
export type RecordPayload = PayloadOf<RecordType>;

export function recordKind<K extends RecordType>(recordType: K): RecordKinds[K] {
  return RECORD_KINDS[recordType];
}

/** "progress update": the kind's noun in a sentence. */
export const nounOf = (recordType: RecordType): string => RECORD_KINDS[recordType].nouns.singular;

/** The kinds a contributor can propose, in the order /submit lists them. */
export const SUBMIT_ORDER: readonly RecordType[] = [
  "commitment",
  "progress_update",
  "partnership",
  "facility",
  "company",
];

/** The form for a kind; with an id, the form to edit and resubmit that submission. */
export function submitPath(recordType: RecordType, resubmitId?: number): string {
  const base = `/submit/${RECORD_KINDS[recordType].submit.slug}`;
  return resubmitId === undefined ? base : `${base}?resubmit=${resubmitId}`;
}

export type ParsedPayload =
  { ok: true; payload: RecordPayload | WithdrawalInput } | { ok: false; fieldErrors: Record<string, string> };

/** Validates a proposal with the schema its form uses; a withdrawal needs only a reason. */
export function parsePayload(
  recordType: RecordType,
  action: SubmissionAction,
  payload: unknown,
): ParsedPayload {
  const schema: z.ZodType<RecordPayload | WithdrawalInput> =
    action === "withdraw" ? WithdrawalInputSchema : RECORD_KINDS[recordType].schema;
  const result = schema.safeParse(payload);
  return result.success
    ? { ok: true, payload: result.data }
    : { ok: false, fieldErrors: fieldErrors(result.error) };
}
