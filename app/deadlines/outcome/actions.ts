"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { recordOutcome } from "@/db/mutations/record-outcome";
import { errorsForForm } from "@/app/submit/form-values";
import type { SubmitFormState } from "@/components/submit/types";
import { failureWords } from "@/lib/messages/mutation-failures";
import { today } from "@/lib/server/clock";
import { echoValues } from "@/lib/server/form-state";
import { authorize, REVIEWERS } from "@/auth/session";
import { formDataToObject } from "@/lib/validation/form-data";
import { ProgressInputSchema } from "@/lib/records/progress-update";
import { fieldErrors } from "@/lib/validation/submissions";

// A reviewer's record of an outcome is published at once (recordOutcome writes an approved
// submission and its revision), so the action checks the role itself: the page that shows the
// form is not the only way to post to it.
export async function recordOutcomeAction(
  _prev: SubmitFormState,
  formData: FormData,
): Promise<SubmitFormState> {
  const values = echoValues(formData);
  const auth = await authorize(REVIEWERS);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values };

  const parsed = ProgressInputSchema.safeParse(formDataToObject(formData.entries()));
  if (!parsed.success) return { status: "error", errors: errorsForForm(fieldErrors(parsed.error)), values };

  const result = recordOutcome(getDb(), { reviewerId: auth.user.id, payload: parsed.data, today: today() });
  if (!result.ok) {
    const words = failureWords(result);
    const errors = errorsForForm(words.errors);
    return {
      status: "error",
      ...(Object.keys(errors).length > 0 ? {} : { message: words.message }),
      errors,
      values,
    };
  }
  // The outcome changes the commitment's status, and with it the dashboards and the deadline view.
  revalidatePath("/", "layout");
  redirect(`/commitments/${parsed.data.commitment_id}?outcome=recorded`);
}
