import { describe, expect, test } from "vitest";
import { suggestionsFrom } from "./company-suggestions";
import { duplicateCheckFrom, readyToCheck } from "./likely-duplicates";

describe("suggestionsFrom", () => {
  test("keeps the slug, the name and whether the company is withdrawn", () => {
    expect(
      suggestionsFrom({
        data: [
          { slug: "xiaomi", name: "Xiaomi", withdrawn: null, counts: {} },
          { slug: "old-co", name: "Old Co", withdrawn: { on: "2025-01-01", reason: "Merged" } },
        ],
      }),
    ).toEqual([
      { slug: "xiaomi", name: "Xiaomi", withdrawn: false },
      { slug: "old-co", name: "Old Co", withdrawn: true },
    ]);
  });

  test.each([null, "text", { data: "x" }, { error: { code: "invalid_parameter" } }])(
    "an unexpected answer (%j) suggests nothing",
    (body) => {
      expect(suggestionsFrom(body)).toEqual([]);
    },
  );

  test("entries without a slug or a name are skipped", () => {
    expect(suggestionsFrom({ data: [{ slug: "a" }, { name: "B" }, 3, { slug: "c", name: "C" }] })).toEqual([
      { slug: "c", name: "C", withdrawn: false },
    ]);
  });
});

describe("duplicateCheckFrom", () => {
  test("accepts both answers of the route", () => {
    const published = [
      { id: 1, title: "T", deadline: "deadline in 2025", href: "/commitments/1", withdrawn: false },
    ];
    expect(duplicateCheckFrom({ status: "checked", published, pending: 2 })).toEqual({
      status: "checked",
      published,
      pending: 2,
    });
    expect(duplicateCheckFrom({ status: "incomplete", message: "Enter the company" })).toEqual({
      status: "incomplete",
      message: "Enter the company",
    });
  });

  test.each([
    null,
    { status: "checked", published: [{ id: "1" }], pending: 0 },
    { status: "checked", published: [] },
    { error: { code: "unauthenticated" } },
  ])("refuses %j", (body) => {
    expect(duplicateCheckFrom(body)).toBeNull();
  });
});

describe("readyToCheck", () => {
  const full = { company: "xiaomi", title: "50 per cent", deadline: "2025", deadline_precision: "year" };
  test("needs a company, a title of a few letters and a deadline with its precision", () => {
    expect(readyToCheck(full)).toBe(true);
    expect(readyToCheck({ ...full, company: " " })).toBe(false);
    expect(readyToCheck({ ...full, title: "50" })).toBe(false);
    expect(readyToCheck({ ...full, deadline: "" })).toBe(false);
    expect(readyToCheck({ ...full, deadline_precision: "" })).toBe(false);
  });
});
