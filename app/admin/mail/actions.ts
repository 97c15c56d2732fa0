"use server";

import { revalidatePath } from "next/cache";
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

const answer = (status: FormState["status"], message: string): FormState => ({
  status,
  message,
  errors: {},
  values: {},
});

export async function requeueMailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const auth = await authorize(ADMINS);
  if (!auth.ok) return answer("error", auth.message);
  const parsed = RequeueSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return answer("error", REFUSALS.no_message);
  const result = requeueMail(getDb(), { id: parsed.data.id, actorId: auth.user.id, now: new Date() });
  if (!result.ok) return answer("error", REFUSALS[result.reason]);
  // The outbox keeps no column for who queued it again; the log does.
  console.log(
    JSON.stringify({ level: "info", message: "mail queued again", id: parsed.data.id, by: auth.user.id }),
  );
  revalidatePath("/admin/mail");
  return answer("success", "Queued again: it is sent with the next round, within a minute.");
}
