import { z } from "zod";
import { RecordIdSchema } from "./api-params";

// The Watch / Stop watching form: which record, and which page to go back to. The page is named,
// not given as a path, so a crafted form cannot send anyone elsewhere.
export const WATCH_KINDS = ["company", "commitment"] as const;
export const WATCH_RETURNS = ["record", "watching"] as const;

export const WatchFormSchema = z.object({
  kind: z.enum(WATCH_KINDS),
  id: RecordIdSchema,
  back: z.enum(WATCH_RETURNS).default("record"),
});

export type WatchForm = z.infer<typeof WatchFormSchema>;
