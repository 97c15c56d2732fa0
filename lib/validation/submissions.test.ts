import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";
import { parseDeadline } from "./submissions";

describe("parseDeadline", () => {
  it.each([
    ["2025", "year", "2025-12-31"],
    ["2025-Q1", "quarter", "2025-03-31"],
    ["2025q4", "quarter", "2025-12-31"],
    ["2024-02", "month", "2024-02-29"],
    ["2025-02", "month", "2025-02-28"],
    ["2028-02-29", "day", "2028-02-29"],
    ["2027-02-29", "day", null],
    ["2025-13", "month", null],
    ["2025-Q5", "quarter", null],
    ["25", "year", null],
    ["2025", "month", null],
    ["3000", "year", null],
  ] as const)("%s with %s precision is due %s", (input, precision, expected) => {
    expect(parseDeadline(input, precision)).toBe(expected);
  });
});

describe("formDataToObject", () => {
  it("nests dotted names, lists repeated names and ignores Next's own fields", () => {
    const form = new FormData();
    form.append("title", "T");
    form.append("states", "IN-UP");
    form.append("states", "IN-KA");
    form.append("sources.0.url", "https://a.example/x");
    form.append("sources.2.url", "https://b.example/y");
    form.append("$ACTION_ID_abc", "");
    form.append("__proto__.polluted", "yes");
    form.append("file", new Blob(["x"]));
    const obj = formDataToObject(form.entries());
    expect(obj).toEqual({
      title: "T",
      states: ["IN-UP", "IN-KA"],
      sources: [{ url: "https://a.example/x" }, { url: "https://b.example/y" }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
