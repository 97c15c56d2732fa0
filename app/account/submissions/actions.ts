"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { withdrawSubmission } from "@/db/mutations/withdraw-submission";
import { failureWords, problemMessage } from "@/lib/messages/mutation-failures";
import type { FormState } from "@/lib/server/form-state";
import { ANY_ROLE, authorize } from "@/auth/session";

export async function withdrawSubmissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(ANY_ROLE);
  if (!auth.ok) return { status: "error", message: auth.message, errors: {}, values: {} };
  const raw = formData.get("id");
  const id = typeof raw === "string" && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
  if (id === null)
    return { status: "error", message: problemMessage({ problem: "no_submission" }), errors: {}, values: {} };
  // The mutation checks that this person submitted it and that it is still open.
  const result = withdrawSubmission(getDb(), { id, userId: auth.user.id });
  if (!result.ok) return { status: "error", message: failureWords(result).message, errors: {}, values: {} };
  revalidatePath("/account/submissions");
  redirect(`/account/submissions?withdrawn=${id}`);
}
