"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { decideSubmission } from "@/db/mutations/decide-submission";
import { failureWords } from "@/lib/messages/mutation-failures";
import { today } from "@/lib/server/clock";
import { echoValues, type FormState } from "@/lib/server/form-state";
import { authorize, REVIEWERS } from "@/auth/session";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrors } from "@/lib/validation/submissions";
import { DecisionFormSchema } from "./decision-schema";

export async function decideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(REVIEWERS);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values: {} };
  const values = echoValues(formData);
  const parsed = DecisionFormSchema.safeParse(formDataToObject(formData.entries()));
  if (!parsed.success) return { status: "error", errors: fieldErrors(parsed.error), values };

  const { id, decision, reason } = parsed.data;
  const result = decideSubmission(getDb(), {
    id,
    reviewerId: auth.user.id,
    decision,
    reason: reason ?? undefined,
    today: today(),
  });
  if (!result.ok) {
    // Only the reason is on this form; other fields' problems are named in the message.
    const { message, errors } = failureWords(result);
    return {
      status: "error",
      message,
      errors: errors.reason ? { reason: errors.reason } : {},
      values,
    };
  }
  // An approval changes published pages anywhere in the site.
  revalidatePath("/", "layout");
  redirect(`/review?decided=${id}&outcome=${decision}`);
}
