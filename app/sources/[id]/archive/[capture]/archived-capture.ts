import { getDb } from "@/db";
import { archivedCapture, type CaptureWithSource } from "@/db/queries/source-archives";
import { RecordIdSchema } from "@/lib/validation/api-params";

/** The archived capture a route's parameters name, or null: a capture of another source is not found. */
export function captureFromParams(params: { id: string; capture: string }): CaptureWithSource | null {
  const id = RecordIdSchema.safeParse(params.id);
  const capture = RecordIdSchema.safeParse(params.capture);
  if (!id.success || !capture.success) return null;
  return archivedCapture(getDb(), id.data, capture.data);
}
