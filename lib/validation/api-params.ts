import { z } from "zod";

// Query parameters arrive as strings. Each is parsed strictly: "1.5", "1e3", " 2" and "" are
// refused rather than silently coerced, so a client learns at once which parameter is wrong.

const DIGITS = /^[0-9]{1,9}$/;

function wholeNumber(name: string, { min, max }: { min: number; max: number }) {
  return z
    .string()
    .regex(DIGITS, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`),
    );
}

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

export const PageNumberSchema = wholeNumber("page", { min: 1, max: 1_000_000 });

export const PaginationParamsSchema = z
  .object({
    page: PageNumberSchema.default(1),
    per_page: wholeNumber("per_page", { min: 1, max: MAX_PER_PAGE }).default(DEFAULT_PER_PAGE),
  })
  .strict();
export type PaginationParams = z.output<typeof PaginationParamsSchema>;

export const RecordIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, "id must be a positive whole number")
  .transform(Number);

export type ParamError = { parameter: string; message: string };

/** The first problem with a set of parameters, in the form the API reports it. */
export function firstParamError(error: z.ZodError): ParamError {
  const issue = error.issues[0];
  if (!issue) return { parameter: "(unknown)", message: "Invalid parameters" };
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "(unknown)";
    return { parameter: key, message: `Unknown parameter "${key}"` };
  }
  return { parameter: issue.path.map(String).join(".") || "(unknown)", message: issue.message };
}

/** URLSearchParams as a plain object; a repeated parameter keeps its last value. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
