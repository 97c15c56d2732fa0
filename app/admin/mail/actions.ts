"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { requeueMail } from "@/db/mutations/outbox-requeue";
import type { FormState } from "@/lib/server/form-state";
import { ADMINS, authorize } from "@/auth/session";

const RequeueSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const REFUSALS = {
  not_admin: "Your account does not have permission to do this.",
  no_message: "There is no such message.",
  not_failed: "This message is no longer failed: it was sent, or is queued already.",
} as const;

const refusal = (message: string): FormState => ({ status: "error", message, errors: {}, values: {} });

export async function requeueMailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(ADMINS);
  if (!auth.ok) return refusal(auth.message);
  const parsed = RequeueSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refusal(REFUSALS.no_message);
  const result = requeueMail(getDb(), { id: parsed.data.id, actorId: auth.user.id, now: new Date() });
  if (!result.ok) return refusal(REFUSALS[result.reason]);
  // The outbox keeps no column for who queued it again; the log does.
  console.log(
    JSON.stringify({ level: "info", message: "mail queued again", id: parsed.data.id, by: auth.user.id }),
  );
  // The row leaves the failed list, and this form with it: the page itself says what happened.
  revalidatePath("/admin/mail");
  redirect(`/admin/mail?requeued=${parsed.data.id}`);
}
