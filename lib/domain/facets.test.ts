import { describe, expect, it } from "vitest";
import { facetValues, shareOnTrack, statusBreakdown, statusTotals } from "./facets";
import { STATUSES } from "./status";

describe("facetValues", () => {
  const label = (v: string) => v.toUpperCase();

  it.each([
    [
      "orders by count, most first, then by label",
      [
        { value: "b", label: "Bee", count: 2 },
        { value: "a", label: "Ant", count: 2 },
        { value: "c", label: "Cat", count: 5 },
      ],
      [],
      [
        { value: "c", label: "Cat", count: 5, selected: false },
        { value: "a", label: "Ant", count: 2, selected: false },
        { value: "b", label: "Bee", count: 2, selected: false },
      ],
    ],
    [
      "marks what is selected",
      [{ value: "a", label: "Ant", count: 1 }],
      ["a"],
      [{ value: "a", label: "Ant", count: 1, selected: true }],
    ],
    [
      "keeps a selected value that nothing has any more, at zero, so it can be unticked",
      [{ value: "a", label: "Ant", count: 1 }],
      ["z"],
      [
        { value: "a", label: "Ant", count: 1, selected: false },
        { value: "z", label: "Z", count: 0, selected: true },
      ],
    ],
    [
      "leaves out values no commitment has (a count taken away to zero)",
      [
        { value: "a", label: "Ant", count: 0 },
        { value: "b", label: "Bee", count: 3 },
      ],
      [],
      [{ value: "b", label: "Bee", count: 3, selected: false }],
    ],
  ])("%s", (_name, counted, selected, expected) => {
    expect(facetValues(counted, selected, label)).toEqual(expected);
  });
});

describe("statusBreakdown", () => {
  it("makes one flat row per key with every status as a column, for a stacked chart", () => {
    const rows = statusBreakdown(
      [
        { key: "Smartphones", status: "behind", count: 2 },
        { key: "Smartphones", status: "achieved", count: 1 },
        { key: "Components", status: "overdue_unverified", count: 1 },
        { key: "Components", status: null, count: 9 },
      ],
      (k) => k,
      "total",
    );
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ["Smartphones", 3],
      ["Components", 1],
    ]);
    expect(rows[0]).toMatchObject({ behind: 2, achieved: 1, missed: 0, withdrawn: 0 });
    for (const s of STATUSES) expect(typeof rows[1]![s]).toBe("number");
  });

  it("keeps keys in order when asked (years)", () => {
    const rows = statusBreakdown(
      [
        { key: "2027", status: "on_track", count: 1 },
        { key: "2025", status: "missed", count: 4 },
        { key: "2026", status: "no_data", count: 2 },
      ],
      (k) => k,
      "key",
    );
    expect(rows.map((r) => r.key)).toEqual(["2025", "2026", "2027"]);
  });
});

describe("statusTotals", () => {
  it("lists every status once, in the order of the rules, zeros included", () => {
    const totals = statusTotals([
      { status: "behind", count: 3 },
      { status: "behind", count: 1 },
      { status: null, count: 7 },
    ]);
    expect(totals.map((t) => t.status)).toEqual([...STATUSES]);
    expect(totals.find((t) => t.status === "behind")).toEqual({
      status: "behind",
      label: "Behind",
      count: 4,
    });
    expect(totals.reduce((n, t) => n + t.count, 0)).toBe(4);
  });
});

describe("shareOnTrack", () => {
  it.each([
    [3, 1, 0.75],
    [0, 4, 0],
    [2, 0, 1],
    [0, 0, null],
  ])("%i on track and %i behind give %s", (onTrack, behind, expected) => {
    expect(shareOnTrack(onTrack, behind)).toBe(expected);
  });
});
