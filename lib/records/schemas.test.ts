import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation/submissions";
import { CommitmentInputSchema } from "./commitment";
import { CompanyInputSchema } from "./company";
import { FacilityInputSchema } from "./facility";
import { PartnershipInputSchema } from "./partnership";
import { ProgressInputSchema } from "./progress-update";

const source = {
  url: "https://www.example.com/report",
  title: "Report",
  publisher: "Example News",
  kind: "news",
  published_on: "2023-05-29",
  excerpt: "Xiaomi targets a 50 per cent increase.",
};

const commitment = {
  company: "xiaomi",
  title: "50 per cent increase",
  description: "",
  metric: "local_production_increase",
  unit: "percent",
  direction: "increase",
  baseline_value: "0",
  baseline_date: "2023-05-29",
  target_value: "50",
  deadline_precision: "year",
  deadline: "2025",
  scheme: "make_in_india",
  evidence_grade: "announced",
  announced_on: "2023-05-29",
  categories: "Components, Wireless audio",
  states: ["IN-UP"],
  sources: [source, { url: "", title: "", publisher: "", kind: "", published_on: "", excerpt: "" }],
};

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe("CommitmentInputSchema", () => {
  it("accepts the Xiaomi target, derives the due date and drops the blank spare source", () => {
    const result = CommitmentInputSchema.safeParse(commitment);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.due_on).toBe("2025-12-31");
    expect(result.data.baseline_value).toBe(0);
    expect(result.data.categories).toEqual(["Components", "Wireless audio"]);
    expect(result.data.description).toBeNull();
    expect(result.data.sources).toHaveLength(1);
  });

  it.each([
    [
      "a javascript: source",
      { sources: [{ ...source, url: "javascript:alert(1)" }] },
      "sources.0.url",
      /http/,
    ],
    ["a data: source", { sources: [{ ...source, url: "data:text/html,<b>x</b>" }] }, "sources.0.url", /http/],
    ["no source", { sources: [] }, "sources", /at least one source/],
    ["an empty first source", { sources: [{ url: "" }] }, "sources.0.url", /required/],
    ["a deadline before the baseline", { deadline: "2020" }, "deadline", /before the baseline/],
    ["a deadline in the wrong format", { deadline: "June 2025" }, "deadline", /like 2025/],
    ["a deadline without precision", { deadline_precision: "" }, "deadline_precision", /precise/],
    ["an impossible date", { baseline_date: "2023-02-30" }, "baseline_date", /not a real date/],
    ["a value that is not a number", { target_value: "fifty" }, "target_value", /must be a number/],
    ["NaN", { target_value: "NaN" }, "target_value", /must be a number/],
    ["Infinity", { target_value: "Infinity" }, "target_value", /must be a number/],
    ["a negative value", { baseline_value: "-5" }, "baseline_value", /at least 0/],
    ["a huge value", { target_value: "1" + "0".repeat(20) }, "target_value", /number/],
    ["an unknown metric", { metric: "vibes" }, "metric", /Choose/],
    [
      "a target below the baseline for an increase",
      { baseline_value: "60" },
      "target_value",
      /below the baseline/,
    ],
    ["control characters", { title: "Bad\u0007title" }, "title", /control characters/],
    ["a right-to-left override", { title: "abc\u202Edcba" }, "title", /control characters/],
    ["a title on two lines", { title: "one\ntwo" }, "title", /one line/],
    ["a 1 MB title", { title: "x".repeat(1_000_000) }, "title", /at most 300/],
    ["a bad state code", { states: ["UP"] }, "states.0", /IN-UP/],
    ["a company that is not a slug", { company: "Xiaomi Corp!" }, "company", /lower-case/],
    ["yes/no values other than 0 or 1", { unit: "yes_no", target_value: "2" }, "target_value", /1 for yes/],
  ])("refuses %s, naming the field", (_name, patch, field, message) => {
    const errors = errorsOf(CommitmentInputSchema.safeParse({ ...commitment, ...patch }));
    expect(errors[field]).toMatch(message);
  });

  it("keeps Devanagari, emoji and HTML as text to be escaped when shown", () => {
    const result = CommitmentInputSchema.safeParse({
      ...commitment,
      title: "नोएडा में ऑडियो 🎧 <script>alert(1)</script>",
    });
    expect(result.success && result.data.title).toBe("नोएडा में ऑडियो 🎧 <script>alert(1)</script>");
  });

  it("refuses wrong types and missing fields without throwing", () => {
    expect(errorsOf(CommitmentInputSchema.safeParse({}))).toMatchObject({
      company: expect.any(String),
      title: expect.any(String),
    });
    expect(errorsOf(CommitmentInputSchema.safeParse({ ...commitment, title: 42 })).title).toBeTruthy();
    expect(CommitmentInputSchema.safeParse(null).success).toBe(false);
  });
});

describe("other submissions", () => {
  it("accepts a progress update and refuses a malformed commitment id", () => {
    expect(
      ProgressInputSchema.safeParse({
        commitment_id: "1",
        as_of: "2026-03-31",
        value: "20",
        sources: [source],
      }).success,
    ).toBe(true);
    expect(
      errorsOf(
        ProgressInputSchema.safeParse({
          commitment_id: "1 or 1=1",
          as_of: "2026-03-31",
          value: "20",
          sources: [source],
        }),
      ).commitment_id,
    ).toMatch(/whole number/);
  });

  it("accepts a company and normalises its country code", () => {
    const r = CompanyInputSchema.safeParse({
      slug: "optiemus",
      name: "Optiemus",
      kind: "contract_manufacturer",
      hq_country: "in",
      website: "",
      sources: [source],
    });
    expect(r.success && r.data.hq_country).toBe("IN");
  });

  it("needs a facility's amount and currency together", () => {
    const base = {
      operator: "foxconn",
      name: "Land",
      state_code: "IN-KA",
      stage: "land_acquired",
      sources: [source],
    };
    expect(
      FacilityInputSchema.safeParse({ ...base, investment_amount: "37,000,000", investment_currency: "USD" })
        .success,
    ).toBe(true);
    expect(
      errorsOf(
        FacilityInputSchema.safeParse({ ...base, investment_amount: "37000000", investment_currency: "" }),
      ).investment_currency,
    ).toMatch(/both/);
  });

  it("refuses a partnership of a company with itself", () => {
    const r = PartnershipInputSchema.safeParse({
      brand: "xiaomi",
      partner: "xiaomi",
      stage: "announced",
      sources: [source],
    });
    expect(errorsOf(r).partner).toMatch(/itself/);
  });
});
