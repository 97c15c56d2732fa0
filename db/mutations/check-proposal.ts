import { diffRecords } from "@/lib/domain/diff";
import type { RecordType, SubmissionAction } from "@/lib/domain/vocabulary";
import type { DbLike } from "../connection";
import { checkReferences, latestRevisionId, recordSnapshot, targetState } from "../queries/records";
import { parsePayload, type RecordPayload } from "@/lib/records";
import type { WithdrawalInput } from "@/lib/records/withdrawal";
import { fail, type MutationFailure } from "./result";
import { ownOpenCompanyProposal } from "../queries/pending-references";

export type Checked =
  { ok: true; payload: RecordPayload | WithdrawalInput; baseRevisionId: number | null } | MutationFailure;

/**
 * Everything a proposal must satisfy to be stored or approved: the schema, the record it concerns
 * (present, not withdrawn), the records it refers to, and for a change, that it changes something.
 * Shared by proposing, resubmitting, approving and importing, so all four apply the same rules.
 */
export function checkProposal(
  tx: DbLike,
  recordType: RecordType,
  action: SubmissionAction,
  targetId: number | null,
  rawPayload: unknown,
  /**
   * The person proposing, when they are the one storing it (proposing or resubmitting): their own
   * open company proposals then count as references. Approval leaves it out: by then the company
   * must be published.
   */
  proposerId?: string,
): Checked {
  if (action === "create" && targetId !== null)
    return fail("invalid", { problem: "target_given", recordType });
  if (action !== "create" && targetId === null)
    return fail("invalid", { problem: "target_missing", recordType, action });

  const parsed = parsePayload(recordType, action, rawPayload);
  if (!parsed.ok) return fail("invalid", { problem: "fields" }, { fieldErrors: parsed.fieldErrors });

  let baseRevisionId: number | null = null;
  if (targetId !== null) {
    const target = targetState(tx, recordType, targetId);
    if (!target.exists) return fail("not_found", { problem: "no_record", recordType, id: targetId });
    if (target.withdrawnOn)
      return fail("invalid_state", {
        problem: "record_withdrawn",
        recordType,
        withdrawnOn: target.withdrawnOn,
      });
    baseRevisionId = latestRevisionId(tx, recordType, targetId);
  }
  if (action === "withdraw") return { ok: true, payload: parsed.payload, baseRevisionId };

  const payload = parsed.payload as RecordPayload;
  const refErrors = checkReferences(
    tx,
    recordType,
    payload,
    targetId,
    proposerId === undefined ? undefined : (slug) => ownOpenCompanyProposal(tx, proposerId, slug),
  ).errors;
  if (Object.keys(refErrors).length > 0)
    return fail("invalid", { problem: "fields" }, { fieldErrors: refErrors });

  if (action === "change" && targetId !== null) {
    const current = recordSnapshot(tx, recordType, targetId);
    if (current && diffRecords(recordType, current.payload, payload).length === 0)
      return fail("invalid", { problem: "unchanged", recordType });
  }
  return { ok: true, payload, baseRevisionId };
}

/** A withdrawal's payload is { reason }: from withdrawReason, or a payload of that shape. */
export function withdrawalPayload(payload: unknown, withdrawReason: string | undefined): unknown {
  if (withdrawReason !== undefined) return { reason: withdrawReason };
  // Anything else still gets its message on the reason field, where the form shows it.
  return typeof payload === "object" && payload !== null ? payload : { reason: undefined };
}
