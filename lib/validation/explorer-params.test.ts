import { describe, expect, it } from "vitest";
import {
  DEFAULT_EXPLORER_QUERY,
  EXPLORER_PARAMETERS,
  explorerSearchParams,
  MAX_FILTER_VALUES,
  parseExplorerParams,
  type ExplorerQuery,
} from "./explorer-params";

const parse = (input: string | Record<string, string | string[] | undefined>) =>
  parseExplorerParams(typeof input === "string" ? new URLSearchParams(input) : input);

function ok(input: string | Record<string, string | string[] | undefined>): ExplorerQuery {
  const result = parse(input);
  if (!result.success)
    throw new Error(`${JSON.stringify(input)}: ${result.error.parameter}: ${result.error.message}`);
  return result.data;
}

describe("parseExplorerParams: accepted", () => {
  it.each<[string, string, Partial<ExplorerQuery>]>([
    ["nothing", "", {}],
    [
      "a repeated filter, as checkboxes send it",
      "status=behind&status=missed",
      { status: ["missed", "behind"] },
    ],
    ["a comma-separated filter", "status=behind,missed", { status: ["missed", "behind"] }],
    [
      "both at once, with a duplicate",
      "status=behind,missed&status=behind",
      { status: ["missed", "behind"] },
    ],
    ["an empty value from a select on “any”", "company=&status=&q=&due_from=&sort=&page=", {}],
    ["spaces around values", "status=%20behind%20,%20missed", { status: ["missed", "behind"] }],
    [
      "upper-case vocabulary",
      "status=BEHIND&evidence=In_Talks",
      { status: ["behind"], evidence: ["in_talks"] },
    ],
    ["company slugs, sorted", "company=xiaomi,foxconn", { company: ["foxconn", "xiaomi"] }],
    ["a company slug in capitals", "company=Xiaomi", { company: ["xiaomi"] }],
    ["a category as stored", "category=Wireless%20audio", { category: ["Wireless audio"] }],
    ["a state in lower case", "state=in-up", { state: ["IN-UP"] }],
    ["a former state code, as its current one", "state=IN-TG", { state: ["IN-TS"] }],
    ["two states, in the list's order", "state=IN-UP,IN-KA", { state: ["IN-KA", "IN-UP"] }],
    ["no scheme named", "scheme=none,pmp", { scheme: ["pmp", "none"] }],
    [
      "a year as the start and end of it",
      "due_from=2025&due_to=2026",
      { dueFrom: "2025-01-01", dueTo: "2026-12-31" },
    ],
    ["dates", "due_from=2025-03-01&due_to=2025-03-01", { dueFrom: "2025-03-01", dueTo: "2025-03-01" }],
    ["words, ranked by relevance", "q=Optiemus%20Noida", { q: "Optiemus Noida", sort: "relevance" }],
    ["words with a sort named", "q=optiemus&sort=-deadline", { q: "optiemus", sort: "-deadline" }],
    ["relevance without words falls back to deadline", "sort=relevance", { sort: "deadline" }],
    ["a tab pasted into the words", "q=make%09in%0Aindia", { q: "make in india", sort: "relevance" }],
    ["pages", "page=3&per_page=100", { page: 3, perPage: 100 }],
    ["superseded commitments, from a checkbox", "include_superseded=on", { includeSuperseded: true }],
    ["superseded commitments, explicitly not", "include_superseded=false", { includeSuperseded: false }],
  ])("%s", (_name, input, expected) => {
    expect(ok(input)).toEqual({ ...DEFAULT_EXPLORER_QUERY, ...expected });
  });

  it("reads a Next.js searchParams object with repeated values as arrays", () => {
    expect(ok({ status: ["behind", "missed"], company: "xiaomi", q: undefined })).toEqual({
      ...DEFAULT_EXPLORER_QUERY,
      status: ["missed", "behind"],
      company: ["xiaomi"],
    });
  });

  it("lists every parameter it accepts", () => {
    expect(EXPLORER_PARAMETERS.sort()).toEqual(
      [
        "category",
        "company",
        "due_from",
        "due_to",
        "evidence",
        "include_superseded",
        "page",
        "per_page",
        "q",
        "scheme",
        "sort",
        "state",
        "status",
      ].sort(),
    );
  });
});

describe("parseExplorerParams: refused, naming the parameter", () => {
  it.each<[string, string | Record<string, string>, string, RegExp]>([
    ["an unknown parameter", "colour=red", "colour", /Unknown parameter "colour"/],
    ["a misspelt parameter", "stauts=behind", "stauts", /Unknown parameter/],
    ["an unknown status", "status=late", "status", /"late" is not a status.*achieved, missed/],
    ["one bad status among good ones", "status=behind,late", "status", /"late"/],
    ["an unknown evidence grade", "evidence=rumour", "evidence", /"rumour" is not an evidence grade/],
    ["an unknown scheme", "scheme=pli", "scheme", /"pli" is not a government scheme/],
    ["a state that is not one", "state=IN-XX", "state", /not a state or union territory of India/],
    ["a state that is not a code", "state=Uttar%20Pradesh", "state", /ISO 3166-2:IN codes such as IN-UP/],
    ["a company that is not a slug", "company=Xiaomi%20Inc.", "company", /company slugs such as xiaomi/],
    ["an impossible date", "due_from=2023-02-29", "due_from", /a year \(2025\) or a date/],
    ["a month alone", "due_to=2025-06", "due_to", /a year \(2025\) or a date/],
    ["a two-digit year", "due_from=25", "due_from", /a year \(2025\) or a date/],
    ["a range the wrong way round", "due_from=2026&due_to=2025", "due_to", /before due_from/],
    ["an unknown sort", "sort=newest", "sort", /sort must be one of: deadline, -deadline/],
    ["a page that is not a number", "page=two", "page", /page must be a whole number/],
    ["page zero", "page=0", "page", /page must be at least 1/],
    ["a fractional page", "page=1.5", "page", /whole number/],
    ["too many per page", "per_page=101", "per_page", /per_page must be at most 100/],
    ["a page given twice", "page=1&page=2", "page", /only once/],
    ["q given twice", "q=a&q=b", "q", /only once/],
    ["a yes-or-no that is neither", "include_superseded=maybe", "include_superseded", /true or false/],
    ["words over the limit", { q: "x".repeat(201) }, "q", /at most 200 characters/],
    ["a megabyte of words", { q: "y".repeat(1_000_000) }, "q", /at most 200 characters/],
    [
      "too many values",
      `company=${Array.from({ length: MAX_FILTER_VALUES + 1 }, (_, i) => `c${i}`).join(",")}`,
      "company",
      /at most 50 values/,
    ],
    ["a megabyte of commas", { status: ",".repeat(1_000_000) }, "status", /too long/],
  ])("%s", (_name, input, parameter, message) => {
    const result = parse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.parameter).toBe(parameter);
    expect(result.error.message).toMatch(message);
  });
});

describe("explorerSearchParams", () => {
  it.each<[string, Partial<ExplorerQuery>, string]>([
    ["the default view is the bare URL", {}, ""],
    ["defaults are left out", { page: 1, perPage: 25, sort: "deadline", includeSuperseded: false }, ""],
    [
      "several values are repeated parameters",
      { status: ["missed", "behind"] },
      "status=missed&status=behind",
    ],
    [
      "values come in canonical order",
      { status: ["behind", "missed"], state: ["IN-UP", "IN-KA"] },
      "state=IN-KA&state=IN-UP&status=missed&status=behind",
    ],
    [
      "a whole year is written as the year",
      { dueFrom: "2025-01-01", dueTo: "2026-12-31" },
      "due_from=2025&due_to=2026",
    ],
    [
      "other dates are written in full",
      { dueFrom: "2025-03-01", dueTo: "2025-06-30" },
      "due_from=2025-03-01&due_to=2025-06-30",
    ],
    ["relevance is the default with words", { q: "optiemus", sort: "relevance" }, "q=optiemus"],
    [
      "deadline is not the default with words",
      { q: "optiemus", sort: "deadline" },
      "q=optiemus&sort=deadline",
    ],
    [
      "pages and superseded",
      { page: 2, perPage: 50, includeSuperseded: true },
      "include_superseded=true&page=2&per_page=50",
    ],
  ])("%s", (_name, query, expected) => {
    expect(explorerSearchParams(query).toString()).toBe(expected);
  });

  it.each([
    "",
    "status=behind&status=missed&company=xiaomi",
    "q=Optiemus%20Noida&sort=title&page=3",
    "state=IN-TG&scheme=none&evidence=announced&due_from=2025&due_to=2027-06-30",
    "include_superseded=1&per_page=100&sort=-announced",
    "category=Wireless%20audio,Smartphones",
  ])("gives back the same view when parsed again: %s", (url) => {
    const view = ok(url);
    const again = ok(explorerSearchParams(view).toString());
    expect(again).toEqual(view);
    // And the canonical form is stable.
    expect(explorerSearchParams(again).toString()).toBe(explorerSearchParams(view).toString());
  });
});
