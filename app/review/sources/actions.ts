"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { requestSourceCapture } from "@/db/mutations/request-source-capture";
import { authorize, REVIEWERS } from "@/auth/session";
import { problemMessage } from "@/lib/messages/mutation-failures";

const CaptureAgainSchema = z.object({ source_id: z.coerce.number().int().positive() });

/** A reviewer asks for a new archived copy of a source; the worker fetches it shortly. */
export async function captureAgainAction(formData: FormData): Promise<void> {
  const auth = await authorize(REVIEWERS);
  if (!auth.ok) redirect(`/review/sources?refused=${encodeURIComponent(auth.message)}`);
  const parsed = CaptureAgainSchema.safeParse({ source_id: formData.get("source_id") });
  if (!parsed.success) redirect(`/review/sources?refused=${encodeURIComponent("No source was named.")}`);
  const result = requestSourceCapture(getDb(), { reviewerId: auth.user.id, sourceId: parsed.data.source_id });
  if (!result.ok) redirect(`/review/sources?refused=${encodeURIComponent(problemMessage(result))}`);
  redirect(`/review/sources?requested=${parsed.data.source_id}`);
}
