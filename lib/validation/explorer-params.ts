import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { canonicalStateCode, INDIA_STATES, type StateCode } from "@/lib/domain/india-states";
import { STATUSES, type CommitmentStatus } from "@/lib/domain/status";
import { EVIDENCE_GRADES, SCHEMES, type EvidenceGrade, type Scheme } from "@/lib/domain/vocabulary";
import { DEFAULT_PER_PAGE, firstParamError, MAX_PER_PAGE, type ParamError } from "./api-params";

// The commitment explorer's parameters, shared by the page (a GET form), the JSON API and the CSV
// export, so that one URL means the same view everywhere. Parameters arrive as strings, repeated
// (status=behind&status=missed, as a GET form's checkboxes send them) or comma-separated
// (status=behind,missed, as people type them). An empty value (company= from a select left on
// "any") means no filter. Anything else that cannot be used is refused and named: an unknown
// parameter, an unknown value, a malformed date. Each field is described for the OpenAPI document.

export const EXPLORER_SORTS = [
  "deadline",
  "-deadline",
  "company",
  "title",
  "-announced",
  "relevance",
] as const;
export type ExplorerSort = (typeof EXPLORER_SORTS)[number];

/** A scheme, or "none" for commitments that name no government scheme. */
export const SCHEME_FILTERS = [...SCHEMES, "none"] as const;
export type SchemeFilter = Scheme | "none";

export const MAX_SEARCH_LENGTH = 200;
/** More values than this in one filter is a mistake or an attack, not a view anyone reads. */
export const MAX_FILTER_VALUES = 50;
const MAX_RAW_LENGTH = 4000;
const MAX_CATEGORY_LENGTH = 100;
const MAX_PAGE = 1_000_000;

export type ExplorerQuery = {
  /** Words to find (full-text, see db/queries/explorer.ts); null for no search. */
  q: string | null;
  /** Company slugs. */
  company: string[];
  /** Product categories, as stored ("Wireless audio"). */
  category: string[];
  /** Current ISO 3166-2:IN codes. */
  state: StateCode[];
  scheme: SchemeFilter[];
  status: CommitmentStatus[];
  evidence: EvidenceGrade[];
  /** First due date included (YYYY-MM-DD); null for no lower bound. */
  dueFrom: string | null;
  /** Last due date included (YYYY-MM-DD); null for no upper bound. */
  dueTo: string | null;
  includeSuperseded: boolean;
  sort: ExplorerSort;
  page: number;
  perPage: number;
};

export const DEFAULT_EXPLORER_QUERY: ExplorerQuery = {
  q: null,
  company: [],
  category: [],
  state: [],
  scheme: [],
  status: [],
  evidence: [],
  dueFrom: null,
  dueTo: null,
  includeSuperseded: false,
  sort: "deadline",
  page: 1,
  perPage: DEFAULT_PER_PAGE,
};

/** The order in which a result is sorted when the URL names none: best match first for a search. */
export function defaultSort(q: string | null): ExplorerSort {
  return q ? "relevance" : "deadline";
}

type Raw = string | string[] | undefined;
type Ctx = z.core.$RefinementCtx<Raw>;

const RawParam = z.union([z.string(), z.array(z.string())]).optional();

function fail(ctx: Ctx, input: Raw, message: string): never {
  ctx.issues.push({ code: "custom", message, input });
  return z.NEVER;
}

function rawList(raw: Raw): string[] {
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * A filter that takes several values. `parse` gives the stored value for one value as typed, or
 * null when it is not one; values come back in `order`, without duplicates.
 */
function multiValued<T extends string>(
  name: string,
  parse: (value: string) => T | null,
  unknown: (value: string) => string,
  order: (a: T, b: T) => number,
) {
  return RawParam.transform((raw, ctx): T[] => {
    const list = rawList(raw);
    if (list.reduce((n, v) => n + v.length, 0) > MAX_RAW_LENGTH) {
      return fail(ctx, raw, `${name} is too long: give at most ${MAX_FILTER_VALUES} values`);
    }
    const out = new Set<T>();
    for (const part of list.flatMap((v) => v.split(","))) {
      const value = part.trim();
      if (!value) continue;
      const parsed = parse(value);
      if (parsed === null) return fail(ctx, raw, unknown(value));
      out.add(parsed);
      if (out.size > MAX_FILTER_VALUES)
        return fail(ctx, raw, `${name} accepts at most ${MAX_FILTER_VALUES} values`);
    }
    return [...out].sort(order);
  });
}

function vocabulary<T extends string>(name: keyof typeof ORDER, values: readonly T[], what: string) {
  const known = new Set<string>(values);
  return multiValued<T>(
    name,
    (v) => (known.has(v.toLowerCase()) ? (v.toLowerCase() as T) : null),
    (v) => `${quoted(v)} is not ${what}. ${name} must be one or more of: ${values.join(", ")}`,
    ORDER[name],
  );
}

/** A parameter that takes one value; empty means not given. */
function singleValued<T>(name: string, parse: (value: string, fail: (message: string) => never) => T) {
  return RawParam.transform((raw, ctx): T | undefined => {
    const distinct = [...new Set(rawList(raw).map((v) => v.trim()))].filter(Boolean);
    if (distinct.length > 1) return fail(ctx, raw, `${name} may be given only once`);
    const [value] = distinct;
    return value === undefined ? undefined : parse(value, (message) => fail(ctx, raw, message));
  });
}

function wholeNumber(name: string, min: number, max: number) {
  return singleValued(name, (value, fail) => {
    if (!/^[0-9]{1,9}$/.test(value)) return fail(`${name} must be a whole number, not ${quoted(value)}`);
    const n = Number(value);
    if (n < min) return fail(`${name} must be at least ${min}`);
    if (n > max) return fail(`${name} must be at most ${max}`);
    return n;
  });
}

/** YYYY means the first (`from`) or last (`to`) day of that year. */
function dueDate(name: string, end: "from" | "to") {
  return singleValued(name, (value, fail) => {
    if (/^[0-9]{4}$/.test(value)) {
      const date = end === "from" ? `${value}-01-01` : `${value}-12-31`;
      if (isIsoDate(date)) return date;
    } else if (isIsoDate(value)) {
      return value;
    }
    return fail(
      `${name} must be a year (2025) or a date (2025-12-31) between 1900 and 2200, not ${quoted(value)}`,
    );
  });
}

const SLUG = /^[a-z0-9-]{1,80}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function byList(values: readonly string[]): (a: string, b: string) => number {
  const rank = new Map<string, number>(values.map((v, i) => [v, i]));
  return (a, b) => (rank.get(a) ?? values.length) - (rank.get(b) ?? values.length) || byText(a, b);
}

// The order values are kept in, so that one view has one canonical URL.
const ORDER = {
  company: byText,
  category: byText,
  state: byList(INDIA_STATES.map((s) => s.code)),
  scheme: byList(SCHEME_FILTERS),
  status: byList(STATUSES),
  evidence: byList(EVIDENCE_GRADES),
} as const;

const BOOLEAN_VALUES: Record<string, boolean> = {
  true: true,
  "1": true,
  on: true,
  yes: true,
  false: false,
  "0": false,
  no: false,
};

/** The explorer's parameters as they arrive, each field described for the OpenAPI document. */
export const ExplorerParamsShapeSchema = z
  .object({
    q: singleValued("q", (value, fail) => {
      if (value.length > MAX_SEARCH_LENGTH) {
        return fail(`q must be at most ${MAX_SEARCH_LENGTH} characters; this one has ${value.length}`);
      }
      // Pasted text carries tabs and line breaks; they separate words like spaces.
      return value.replace(/[\u0000-\u001f\u007f]+/g, " ");
    }).describe(
      `Words to find in commitments' titles, descriptions, company and partner names, and their sources' titles and excerpts (at most ${MAX_SEARCH_LENGTH} characters). Every word must match; the last may be the start of a word. Search syntax (quotes, OR, NOT, *) is not interpreted.`,
    ),
    company: multiValued(
      "company",
      (v) => (SLUG.test(v.toLowerCase()) ? v.toLowerCase() : null),
      (v) =>
        `company must be company slugs such as xiaomi (lower-case letters, digits and hyphens), not ${quoted(v)}`,
      ORDER.company,
    ).describe("Company slugs, e.g. xiaomi; repeat the parameter or separate with commas for several."),
    category: multiValued(
      "category",
      (v) => (v.length <= MAX_CATEGORY_LENGTH && !CONTROL.test(v) ? v : null),
      () => `category must be product categories of at most ${MAX_CATEGORY_LENGTH} characters each`,
      ORDER.category,
    ).describe(
      "Product categories, e.g. Smartphones; repeat the parameter or separate with commas for several.",
    ),
    state: multiValued(
      "state",
      (v) => canonicalStateCode(v),
      (v) =>
        `${quoted(v)} is not a state or union territory of India. state must be ISO 3166-2:IN codes such as IN-UP`,
      ORDER.state,
    ).describe(
      "States or union territories as ISO 3166-2:IN codes, e.g. IN-UP. Letter case is ignored and former codes (IN-TG) count as their current ones (IN-TS).",
    ),
    scheme: vocabulary<SchemeFilter>("scheme", SCHEME_FILTERS, "a government scheme").describe(
      `Government schemes: ${SCHEME_FILTERS.join(", ")} ("none": no scheme named).`,
    ),
    status: vocabulary<CommitmentStatus>("status", STATUSES, "a status").describe(
      `Statuses on today's date: ${STATUSES.join(", ")}.`,
    ),
    evidence: vocabulary<EvidenceGrade>("evidence", EVIDENCE_GRADES, "an evidence grade").describe(
      `Evidence grades: ${EVIDENCE_GRADES.join(", ")}.`,
    ),
    due_from: dueDate("due_from", "from").describe(
      "Only commitments due on or after this date: YYYY-MM-DD, or YYYY for 1 January of that year.",
    ),
    due_to: dueDate("due_to", "to").describe(
      "Only commitments due on or before this date: YYYY-MM-DD, or YYYY for 31 December of that year.",
    ),
    include_superseded: singleValued("include_superseded", (value, fail) => {
      const parsed = BOOLEAN_VALUES[value.toLowerCase()];
      return parsed ?? fail(`include_superseded must be true or false, not ${quoted(value)}`);
    }).describe(
      "true to include commitments that a later commitment replaced; they are left out by default.",
    ),
    sort: singleValued("sort", (value, fail) =>
      (EXPLORER_SORTS as readonly string[]).includes(value)
        ? (value as ExplorerSort)
        : fail(`sort must be one of: ${EXPLORER_SORTS.join(", ")}; not ${quoted(value)}`),
    ).describe(
      "deadline (soonest first, undated last; the default without q), -deadline (latest first), company (by name), title, -announced (newest first), relevance (best match first; the default with q).",
    ),
    page: wholeNumber("page", 1, MAX_PAGE).describe("Page number, from 1."),
    per_page: wholeNumber("per_page", 1, MAX_PER_PAGE).describe(
      `Items per page, 1 to ${MAX_PER_PAGE}; ${DEFAULT_PER_PAGE} when not given.`,
    ),
  })
  .strict();

export const EXPLORER_PARAMETERS = Object.keys(ExplorerParamsShapeSchema.shape);

/** The explorer's parameters, parsed into the view they describe. */
export const ExplorerParamsSchema = ExplorerParamsShapeSchema.superRefine((p, ctx) => {
  if (p.due_from && p.due_to && p.due_from > p.due_to) {
    ctx.addIssue({
      code: "custom",
      path: ["due_to"],
      message: `due_to (${p.due_to}) is before due_from (${p.due_from}): nothing could be due in between`,
    });
  }
}).transform((p): ExplorerQuery => {
  const q = p.q ?? null;
  return {
    q,
    company: p.company,
    category: p.category,
    state: p.state,
    scheme: p.scheme,
    status: p.status,
    evidence: p.evidence,
    dueFrom: p.due_from ?? null,
    dueTo: p.due_to ?? null,
    includeSuperseded: p.include_superseded ?? false,
    // Relevance without words to match has nothing to rank by.
    sort: p.sort === undefined || (p.sort === "relevance" && !q) ? defaultSort(q) : p.sort,
    page: p.page ?? 1,
    perPage: p.per_page ?? DEFAULT_PER_PAGE,
  };
});

export type ExplorerParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(input: ExplorerParamsInput): Record<string, string | string[] | undefined> {
  if (!(input instanceof URLSearchParams)) return input;
  const record: Record<string, string[]> = {};
  for (const [key, value] of input) (record[key] ??= []).push(value);
  return record;
}

export type ExplorerParamsResult =
  { success: true; data: ExplorerQuery } | { success: false; error: ParamError };

/** The explorer's view from a URL's parameters, or the first parameter that cannot be used. */
export function parseExplorerParams(input: ExplorerParamsInput): ExplorerParamsResult {
  const parsed = ExplorerParamsSchema.safeParse(toRecord(input));
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, error: firstParamError(parsed.error) };
}

/**
 * The canonical parameters for a view: defaults left out, values in a fixed order, several values
 * as repeated parameters. parseExplorerParams of the result gives the same view back, so links,
 * pagination and the export carry the view exactly.
 */
export function explorerSearchParams(query: Partial<ExplorerQuery>): URLSearchParams {
  const v: ExplorerQuery = { ...DEFAULT_EXPLORER_QUERY, ...query };
  const params = new URLSearchParams();
  const q = v.q?.trim() || null;
  if (q) params.set("q", q);
  const lists: [keyof typeof ORDER, readonly string[]][] = [
    ["company", v.company],
    ["category", v.category],
    ["state", v.state],
    ["scheme", v.scheme],
    ["status", v.status],
    ["evidence", v.evidence],
  ];
  for (const [name, values] of lists) {
    const order = ORDER[name];
    for (const value of [...new Set(values)].sort(order)) params.append(name, value);
  }
  if (v.dueFrom) params.set("due_from", v.dueFrom.endsWith("-01-01") ? v.dueFrom.slice(0, 4) : v.dueFrom);
  if (v.dueTo) params.set("due_to", v.dueTo.endsWith("-12-31") ? v.dueTo.slice(0, 4) : v.dueTo);
  if (v.includeSuperseded) params.set("include_superseded", "true");
  const sort = v.sort === "relevance" && !q ? "deadline" : v.sort;
  if (sort !== defaultSort(q)) params.set("sort", sort);
  if (v.page !== 1) params.set("page", String(v.page));
  if (v.perPage !== DEFAULT_PER_PAGE) params.set("per_page", String(v.perPage));
  return params;
}
