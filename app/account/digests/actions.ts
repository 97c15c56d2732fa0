"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { setDigestFrequency } from "@/db/mutations/digest-settings";
import { canReceiveDigest } from "@/db/queries/digests";
import { currentUser } from "@/auth/session";
import { DIGEST_KINDS } from "@/lib/domain/digest-schedule";
import { echoValues, type FormState } from "@/lib/server/form-state";
import { DigestSettingsSchema } from "@/lib/validation/digests";
import { fieldErrors } from "@/lib/validation/submissions";

/**
 * Saves how often the signed-in person gets each digest. Whose setting it is comes only from the
 * session; the deadline digest is refused to anyone whose role does not receive it.
 */
export async function saveDigestSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) {
    return {
      status: "error",
      message: "Please sign in to do this.",
      errors: {},
      values: echoValues(formData),
    };
  }
  const parsed = DigestSettingsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", errors: fieldErrors(parsed.error), values: echoValues(formData) };
  }
  const db = getDb();
  if (parsed.data.deadline_digest && !canReceiveDigest(db, user.id, "deadline_digest")) {
    return {
      status: "error",
      errors: { deadline_digest: "The digest of deadlines is for reviewers" },
      values: echoValues(formData),
    };
  }
  // The watch digest may be chosen before anything is watched: it starts with the first watch.
  for (const kind of DIGEST_KINDS) {
    const frequency = parsed.data[kind];
    if (frequency) setDigestFrequency(db, { userId: user.id, kind, frequency });
  }
  revalidatePath("/account");
  return { status: "success", message: "Saved.", errors: {}, values: echoValues(formData) };
}
