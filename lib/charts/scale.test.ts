import { describe, expect, it } from "vitest";
import { formatTick, niceTicks, stackSegments, truncateLabel } from "./scale";

describe("niceTicks", () => {
  it.each([
    // max, options, top, step
    [10, {}, 10, 2],
    [12, {}, 12, 2],
    [97, {}, 100, 20],
    [100, {}, 100, 20],
    [101, {}, 120, 20],
    [3, { integer: true }, 3, 1],
    [3, {}, 3, 0.5],
    [1.3, {}, 1.4, 0.2],
    [0.07, {}, 0.07, 0.01],
    [7_654_321, {}, 8_000_000, 2_000_000],
    [1e12, {}, 1e12, 2e11],
    [45, { count: 10 }, 45, 5],
  ])("niceTicks(%s, %o) runs to %s in steps of %s", (max, options, top, step) => {
    const ticks = niceTicks(max, options);
    expect([ticks.top, ticks.step]).toEqual([top, step]);
    expect(ticks.values[0]).toBe(0);
    expect(ticks.values.at(-1)).toBe(top);
    expect(ticks.top).toBeGreaterThanOrEqual(max);
  });

  it("steps by whole numbers for counts, whatever the maximum", () => {
    expect(niceTicks(2, { integer: true }).values).toEqual([0, 1, 2]);
    expect(niceTicks(1, { integer: true }).values).toEqual([0, 1]);
    expect(niceTicks(2).values).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it("has no floating-point noise in its values", () => {
    expect(niceTicks(0.3).values).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])("gives 0 to 1 for a maximum of %s", (max) => {
    expect(niceTicks(max)).toEqual({ top: 1, step: 1, values: [0, 1] });
  });
});

describe("stackSegments", () => {
  it.each([
    [
      "end to end, in the order given",
      [
        { key: "a", value: 2 },
        { key: "b", value: 3 },
      ],
      10,
      [
        { key: "a", value: 2, start: 0, end: 0.2 },
        { key: "b", value: 3, start: 0.2, end: 0.5 },
      ],
    ],
    [
      "skipping zero, negative and missing values",
      [
        { key: "a", value: 0 },
        { key: "b", value: 5 },
        { key: "c", value: -1 },
        { key: "d", value: Number.NaN },
        { key: "e", value: 5 },
      ],
      10,
      [
        { key: "b", value: 5, start: 0, end: 0.5 },
        { key: "e", value: 5, start: 0.5, end: 1 },
      ],
    ],
    ["with nothing to stack", [], 1, []],
  ])("lays segments %s", (_, values, top, expected) => {
    expect(stackSegments(values, top)).toEqual(expected);
  });
});

describe("formatTick", () => {
  it.each([
    [0, "0"],
    [950, "950"],
    [1500, "1.5K"],
    [250_000, "2.5L"],
    [30_000_000, "3Cr"],
  ])("formatTick(%s) is %s", (value, expected) => {
    expect(formatTick(value)).toBe(expected);
  });
});

describe("truncateLabel", () => {
  it.each([
    ["Electronics", 12, "Electronics"],
    ["  Mobile   phones ", 20, "Mobile phones"],
    ["Dadra and Nagar Haveli and Daman and Diu", 24, "Dadra and Nagar Haveli…"],
    ["Semiconductorsandcomponents", 12, "Semiconduct…"],
    ["Auto parts, batteries and more", 13, "Auto parts…"],
  ])("truncateLabel(%j, %s) is %j", (label, max, expected) => {
    const out = truncateLabel(label, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});
