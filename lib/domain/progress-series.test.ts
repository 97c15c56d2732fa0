import { describe, expect, it } from "vitest";
import { progressSeries } from "./progress-series";

const xiaomi = { baselineValue: 0, baselineDate: "2023-05-29", targetValue: 50, dueOn: "2025-12-31" };
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe("progressSeries", () => {
  it("draws the straight line from baseline to target with no progress, and marks today", () => {
    const s = progressSeries(xiaomi, [], "2026-11-25");
    expect(s.rows).toEqual([
      { date: "2023-05-29", t: t("2023-05-29"), recorded: null, expected: 0 },
      { date: "2025-12-31", t: t("2025-12-31"), recorded: null, expected: 50 },
    ]);
    expect(s).toMatchObject({
      target: 50,
      dueOn: "2025-12-31",
      dueT: t("2025-12-31"),
      todayT: t("2026-11-25"),
    });
  });

  it("merges progress into date order, with the line's value on each date inside it", () => {
    const s = progressSeries(
      { baselineValue: 0, baselineDate: "2025-01-01", targetValue: 100, dueOn: "2025-04-11" },
      [
        { asOf: "2025-05-01", value: 90 },
        { asOf: "2025-02-20", value: 40 },
      ],
      "2025-06-01",
    );
    expect(s.rows.map((r) => [r.date, r.recorded, r.expected])).toEqual([
      ["2025-01-01", null, 0],
      ["2025-02-20", 40, 50],
      ["2025-04-11", null, 100],
      ["2025-05-01", 90, null],
    ]);
  });

  it("keeps the last of several values on one date", () => {
    const s = progressSeries(
      xiaomi,
      [
        { asOf: "2024-01-01", value: 10 },
        { asOf: "2024-01-01", value: 12 },
      ],
      "2026-11-25",
    );
    expect(s.rows.filter((r) => r.date === "2024-01-01").map((r) => r.recorded)).toEqual([12]);
  });

  it("has no line and no deadline mark when no deadline was stated", () => {
    const s = progressSeries({ ...xiaomi, dueOn: null }, [{ asOf: "2024-01-01", value: 1 }], "2026-11-25");
    expect(s.dueT).toBeNull();
    expect(s.rows.every((r) => r.expected === null)).toBe(true);
  });
});
