import type { ChangeFilter } from "@/lib/views/changes";
import { firstParamError, type ParamError } from "@/lib/validation/api-params";
import { ExplorerParamsShapeSchema } from "@/lib/validation/explorer-params";

// The changes feed takes the explorer's company, category and state filters, parsed by the very
// same schema fields, so ?company=xiaomi means one thing on every page and feed. Any other
// parameter, including the explorer's own status or q, is refused rather than silently ignored:
// a revision has no status, and a reader who asked for one should learn that it does not apply.
export const ChangesParamsSchema = ExplorerParamsShapeSchema.pick({
  company: true,
  category: true,
  state: true,
});

export type ChangesParamsResult =
  { success: true; data: ChangeFilter } | { success: false; error: ParamError };

export function parseChangesParams(params: URLSearchParams): ChangesParamsResult {
  const record: Record<string, string[]> = {};
  for (const [key, value] of params) (record[key] ??= []).push(value);
  const parsed = ChangesParamsSchema.safeParse(record);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, error: firstParamError(parsed.error) };
}
