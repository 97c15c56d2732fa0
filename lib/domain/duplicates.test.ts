import { describe, expect, it } from "vitest";
import { isLikelyDuplicate, sameDeadlineYear, titleSimilarity, titleTokens } from "./duplicates";

const XIAOMI = "50 per cent increase in the production of locally sourced components by 2025";

describe("titleTokens", () => {
  it.each([
    [XIAOMI, ["50", "percent", "increase", "production", "locally", "sourced", "component", "2025"]],
    ["Make smartphones & TVs in India", ["make", "smartphone", "tvs"]],
    ["50% increase", ["50", "percent", "increase"]],
    ["Café façade", ["cafe", "facade"]],
    ["नोएडा में फैक्टरी", ["नोएडा", "में", "फैक्टरी"]],
    ["Glass & business process", ["glass", "business", "process"]],
  ])("%s", (title, expected) => {
    expect([...titleTokens(title)].sort()).toEqual([...expected].sort());
  });
});

describe("titleSimilarity", () => {
  it.each([
    [XIAOMI, XIAOMI, 1],
    [XIAOMI, "50% increase in production of locally sourced components by 2025", 1],
    ["Set up a manufacturing plant in India", "Set up manufacturing plants", 1],
    ["Set up a manufacturing plant", "Set up a battery plant", 3 / 5],
    ["Make earbuds in Noida", "Export smartphones", 0],
    ["", "", 1],
    ["The", "In", 0],
    // The same word typed with a precomposed and with a combining nukta.
    ["\u095eैक्टरी", "\u092b\u093cैक्टरी", 1],
  ])("%s ~ %s = %d", (a, b, expected) => {
    expect(titleSimilarity(a, b)).toBeCloseTo(expected, 5);
  });
});

describe("isLikelyDuplicate", () => {
  const existing = { company: "xiaomi", title: XIAOMI, dueOn: "2025-12-31" };
  it.each([
    [
      "same words, same year",
      { company: "xiaomi", title: "Increase locally sourced components production 50%", dueOn: "2025-06-30" },
      true,
    ],
    ["another company", { company: "foxconn", title: XIAOMI, dueOn: "2025-12-31" }, false],
    ["another year", { company: "xiaomi", title: XIAOMI, dueOn: "2026-12-31" }, false],
    ["no deadline against a deadline", { company: "xiaomi", title: XIAOMI, dueOn: null }, false],
    [
      "few shared words",
      { company: "xiaomi", title: "Make earbuds in Noida by 2025", dueOn: "2025-12-31" },
      false,
    ],
  ] as const)("%s: %s", (_name, proposed, expected) => {
    expect(isLikelyDuplicate(proposed, existing)).toBe(expected);
  });

  it("treats two undated commitments as the same deadline year", () => {
    expect(sameDeadlineYear(null, null)).toBe(true);
    expect(
      isLikelyDuplicate(
        { company: "tesla", title: "Set up a manufacturing plant in India", dueOn: null },
        { company: "tesla", title: "Tesla to set up manufacturing plant", dueOn: null },
      ),
    ).toBe(true);
  });
});
