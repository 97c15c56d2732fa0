import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db";
import { createSubmission } from "@/db/mutations/create-submission";
import { resubmitSubmission } from "@/db/mutations/resubmit-submission";
import { getSubmission } from "@/db/queries/submissions";
import type { SubmitFormState } from "@/components/submit/types";
import { RateLimiter, retryMessage } from "@/lib/domain/rate-limit";
import type { RecordType } from "@/lib/domain/vocabulary";
import { failureWords } from "@/lib/messages/mutation-failures";
import { echoValues } from "@/lib/server/form-state";
import { ANY_ROLE, authorize } from "@/auth/session";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrors } from "@/lib/validation/submissions";
import { checkDuplicates } from "./duplicate-check";
import { errorsForForm } from "./form-values";

// What every submission form's action does: who is asking, how often, whether the proposal is
// valid by the schema the reviewer and the import use too, and then one write. On any problem the
// form comes back with every value the person typed and each error keyed by its field's name.

// Per person, in this process: generous for someone entering a report's worth of facts, tight
// enough that a script cannot fill the review queue.
// TRACKER_SUBMISSIONS_PER_10_MIN raises it for load tests, which post as few people very fast.
const SUBMISSION_LIMIT = Number(process.env.TRACKER_SUBMISSIONS_PER_10_MIN) || 30;
const submissions = new RateLimiter({ limit: SUBMISSION_LIMIT, windowMs: 10 * 60_000 });
// The duplicate check only reads, but each one is a query: its own, looser limit.
const checks = new RateLimiter({ limit: 120, windowMs: 10 * 60_000 });

const ID = /^[1-9]\d{0,14}$/;

function idOrNull(v: unknown): number | null {
  return typeof v === "string" && ID.test(v.trim()) ? Number(v.trim()) : null;
}

export async function submitProposal(
  recordType: RecordType,
  schema: z.ZodType,
  formData: FormData,
): Promise<SubmitFormState> {
  const values = echoValues(formData);
  const auth = await authorize(ANY_ROLE);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values };
  const userId = auth.user.id;

  const raw = formDataToObject(formData.entries());
  const resubmitId = idOrNull(raw.resubmit);
  const withDuplicates = recordType === "commitment";

  if (withDuplicates && raw.intent === "check") {
    const decision = checks.hit(userId);
    if (!decision.allowed)
      return { status: "error", message: retryMessage(decision.retryAfterSeconds), errors: {}, values };
    return { status: "idle", errors: {}, values, duplicates: checkDuplicates(raw, resubmitId) };
  }

  const decision = submissions.hit(userId);
  if (!decision.allowed)
    return { status: "error", message: retryMessage(decision.retryAfterSeconds), errors: {}, values };

  const failed = (errors: Record<string, string>, message?: string): SubmitFormState => ({
    status: "error",
    ...(message ? { message } : {}),
    errors: errorsForForm(errors),
    values,
    ...(withDuplicates ? { duplicates: checkDuplicates(raw, resubmitId) } : {}),
  });

  // resubmitSubmission validates against the stored record type; a submission of another kind
  // would come back with errors for fields this form does not have.
  if (resubmitId !== null && getSubmission(getDb(), resubmitId)?.recordType !== recordType) {
    return failed({}, "This form cannot edit that submission. Open it from your submissions.");
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) return failed(fieldErrors(parsed.error));

  const result =
    resubmitId === null
      ? createSubmission(getDb(), { userId, recordType, action: "create", payload: parsed.data })
      : resubmitSubmission(getDb(), { id: resubmitId, userId, payload: parsed.data });
  if (!result.ok) {
    // Everything typed comes back, with a way to have the confirmation link sent again.
    if (result.problem === "unverified_email")
      return { ...failed({}, failureWords(result).message), unverified: true };
    const { message, errors } = failureWords(result);
    // Field errors speak for themselves in the summary; otherwise the message says what happened.
    return failed(errors, Object.keys(errors).length > 0 ? undefined : message);
  }

  revalidatePath("/account/submissions");
  redirect(`/account/submissions?submitted=${result.id}`);
}
