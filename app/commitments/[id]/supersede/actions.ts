"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { supersedeCommitment } from "@/db/mutations/supersede-commitment";
import { failureWords } from "@/lib/messages/mutation-failures";
import { echoValues, type FormState } from "@/lib/server/form-state";
import { authorize, REVIEWERS } from "@/auth/session";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrors } from "@/lib/validation/submissions";

const ID = z
  .string({ error: "Give the restated commitment's number" })
  .trim()
  .regex(/^[1-9]\d{0,14}$/, "Enter the commitment's number, a whole number, like 12")
  .transform(Number);

const SupersedeFormSchema = z.object({ old_id: ID, new_id: ID });

// The role is checked here, not only by the page: anyone can post to an action.
export async function supersedeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData);
  const auth = await authorize(REVIEWERS);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values };
  const parsed = SupersedeFormSchema.safeParse(formDataToObject(formData.entries()));
  if (!parsed.success) return { status: "error", errors: fieldErrors(parsed.error), values };

  const { old_id: oldId, new_id: newId } = parsed.data;
  const result = supersedeCommitment(getDb(), { reviewerId: auth.user.id, oldId, newId });
  if (!result.ok) {
    const { message, errors } = failureWords(result);
    return {
      status: "error",
      ...(Object.keys(errors).length > 0 ? {} : { message }),
      errors,
      values,
    };
  }
  // Superseded commitments leave every count and list, so every page may have changed.
  revalidatePath("/", "layout");
  redirect(`/commitments/${oldId}?superseded=${newId}`);
}
