import { describe, expect, test } from "vitest";
import { formDataToObject } from "@/lib/validation/form-data";
import { CommitmentInputSchema } from "@/lib/records/commitment";
import { fieldErrors } from "@/lib/validation/submissions";
import { errorsForForm, payloadToValues } from "./form-values";

const source = {
  url: "https://www.business-today.in/xiaomi",
  title: "Xiaomi partners with Optiemus",
  publisher: "Business Today",
  kind: "news",
  published_on: "2023-05-29",
  excerpt: "Xiaomi targets a 50 per cent increase.",
};

const form: [string, string][] = [
  ["company", "xiaomi"],
  ["title", "50 per cent increase in the production of locally sourced components"],
  ["metric", "local_production_increase"],
  ["unit", "percent"],
  ["direction", "increase"],
  ["baseline_value", "0"],
  ["baseline_date", "2023-05-29"],
  ["target_value", "50"],
  ["deadline_precision", "year"],
  ["deadline", "2025"],
  ["evidence_grade", "announced"],
  ["categories", "Components, Wireless audio"],
  ["states", "IN-UP"],
  ["states", "IN-KA"],
  ...Object.entries(source).map(([k, v]) => [`sources.0.${k}`, v] as [string, string]),
  ["sources.1.url", ""],
];

describe("payloadToValues", () => {
  test("a stored commitment comes back as the fields its form sent", () => {
    const payload = CommitmentInputSchema.parse(formDataToObject(form));
    const values = payloadToValues(JSON.parse(JSON.stringify(payload)));
    expect(values).toMatchObject({
      company: "xiaomi",
      baseline_value: "0",
      target_value: "50",
      deadline: "2025",
      deadline_precision: "year",
      categories: "Components, Wireless audio",
      states: ["IN-UP", "IN-KA"],
      "sources.0.url": source.url,
      "sources.0.publisher": "Business Today",
    });
    expect(values).not.toHaveProperty("due_on");
    expect(values).not.toHaveProperty("description");
    // Sending the values again gives the same payload.
    const again = Object.entries(values).flatMap(([k, v]) =>
      Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
    );
    expect(CommitmentInputSchema.parse(formDataToObject(again as [string, string][]))).toEqual(payload);
  });

  test("a payload with only the due date gets its deadline written for its precision", () => {
    expect(payloadToValues({ due_on: "2026-09-30", deadline_precision: "quarter" })).toEqual({
      deadline_precision: "quarter",
      deadline: "2026-Q3",
    });
  });

  test.each([null, undefined, "text", 3, [1, 2]])("nothing usable (%s) gives no values", (payload) => {
    expect(payloadToValues(payload)).toEqual({});
  });
});

describe("errorsForForm", () => {
  test("an item's error goes to its list's control; a source's fields keep their names", () => {
    expect(
      errorsForForm({
        "states.1": "Use state codes like IN-UP",
        "sources.0.url": "bad",
        sources: "Add one",
        title: "t",
      }),
    ).toEqual({
      states: "Use state codes like IN-UP",
      "sources.0.url": "bad",
      sources: "Add one",
      title: "t",
    });
  });

  test("the schema's error for a bad state and a javascript: source lands on the right controls", () => {
    const result = CommitmentInputSchema.safeParse(
      formDataToObject([
        ...form.filter(([k]) => k !== "sources.0.url" && k !== "states"),
        ["states", "IN-UP"],
        ["states", "Uttar Pradesh"],
        ["sources.0.url", "javascript:alert(1)"],
      ]),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = errorsForForm(fieldErrors(result.error));
    expect(Object.keys(errors).sort()).toEqual(["sources.0.url", "states"]);
    expect(errors["sources.0.url"]).toMatch(/http:\/\/ or https:\/\//);
  });
});
