import { describe, expect, it } from "vitest";
import { CHART_WIDTH, layoutBarChart, type BarChartInput, type BarSeries } from "./bar-layout";

const statuses: BarSeries[] = [
  {
    key: "on_track",
    label: "On track",
    color: "#7fbc41",
    unit: ["commitment", "commitments"],
    linkHint: "open in explorer",
  },
  {
    key: "behind",
    label: "Behind",
    color: "#e08214",
    unit: ["commitment", "commitments"],
    linkHint: "open in explorer",
  },
  {
    key: "missed",
    label: "Missed",
    color: "#67001f",
    unit: ["commitment", "commitments"],
    linkHint: "open in explorer",
  },
];

const sectors: BarChartInput = {
  rows: [
    {
      label: "Electronics",
      values: { on_track: 12, behind: 3, missed: 0 },
      hrefs: { on_track: "/commitments?category=electronics&status=on_track", behind: "/b" },
    },
    { label: "Automotive", values: { on_track: 1, behind: 0, missed: 0 }, hrefs: { on_track: "/a" } },
  ],
  series: statuses,
  stacked: true,
  valueLabel: "Commitments",
  integer: true,
};

const inside = (outer: { x: number; y: number; width: number; height: number }, x: number, y: number) =>
  x >= outer.x - 0.01 &&
  x <= outer.x + outer.width + 0.01 &&
  y >= outer.y - 0.01 &&
  y <= outer.y + outer.height + 0.01;

describe("layoutBarChart", () => {
  it("names each bar by its row, series, value and where it leads, and links it", () => {
    const l = layoutBarChart(sectors);
    expect(l.bars.map((b) => [b.name, b.href])).toEqual([
      [
        "Electronics, On track: 12 commitments — open in explorer",
        "/commitments?category=electronics&status=on_track",
      ],
      ["Electronics, Behind: 3 commitments — open in explorer", "/b"],
      ["Automotive, On track: 1 commitment — open in explorer", "/a"],
    ]);
  });

  it("stacks segments end to end, in proportion to their values", () => {
    const l = layoutBarChart(sectors);
    const [onTrack, behind] = l.bars;
    expect(behind?.x).toBeCloseTo((onTrack?.x ?? 0) + (onTrack?.width ?? 0), 0);
    expect((onTrack?.width ?? 0) / (behind?.width ?? 1)).toBeCloseTo(4, 1);
    expect(onTrack?.y).toBe(behind?.y);
    // 15 in all, on an axis that runs to the next tick, 16.
    expect(l.ticks.map((t) => t.label)).toEqual(["0", "2", "4", "6", "8", "10", "12", "14", "16"]);
    expect((onTrack?.width ?? 0) + (behind?.width ?? 0)).toBeCloseTo((l.plot.width * 15) / 16, 0);
  });

  it("keeps series with no value anywhere out of the legend", () => {
    expect(layoutBarChart(sectors).legend.map((i) => i.label)).toEqual(["On track", "Behind"]);
  });

  it("puts side-by-side bars in their own slots when not stacked", () => {
    const l = layoutBarChart({
      rows: [{ label: "Maharashtra", values: { c: 10, f: 4 } }],
      series: [
        { key: "c", label: "Commitments", color: "#000" },
        { key: "f", label: "Facilities", color: "#111" },
      ],
      valueLabel: "Count",
    });
    const [c, f] = l.bars;
    expect(c?.x).toBe(f?.x);
    expect(f?.y).toBeGreaterThanOrEqual((c?.y ?? 0) + (c?.height ?? 0) - 0.01);
    expect(l.bars.every((b) => b.href === undefined)).toBe(true);
    expect(c?.name).toBe("Maharashtra, Commitments: 10");
  });

  it.each([
    ["no rows", []],
    ["only zeros", [{ label: "2030", values: { on_track: 0 } }]],
  ])("is empty with %s, with finite numbers throughout", (_, rows) => {
    const l = layoutBarChart({ ...sectors, rows });
    expect(l.empty).toBe(true);
    expect(l.bars).toEqual([]);
    expect(l.legend).toEqual([]);
    const numbers = [l.width, l.height, ...l.ticks.flatMap((t) => [...t.line, t.x, t.y])];
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it("keeps a tiny value beside a huge one visible and selectable", () => {
    const l = layoutBarChart({
      rows: [
        { label: "Huge", values: { a: 5_000_000_000 }, hrefs: { a: "/h" } },
        { label: "Tiny", values: { a: 3 }, hrefs: { a: "/t" } },
      ],
      series: [{ key: "a", label: "Investment (INR)", color: "#000" }],
      valueLabel: "INR",
      formatValue: (v) => `₹${v}`,
    });
    expect(l.bars.map((b) => b.width >= 2)).toEqual([true, true]);
    expect(l.bars[1]?.name).toBe("Tiny, Investment (INR): ₹3");
    expect(l.ticks.at(-1)?.label).toBe("500Cr");
    expect(l.bars[0]?.width).toBeCloseTo(l.plot.width, 0);
  });

  it("cuts long labels short, keeps them whole in the names, and keeps every mark inside the drawing", () => {
    const long = "Dadra and Nagar Haveli and Daman and Diu";
    const l = layoutBarChart({
      rows: [{ label: long, values: { a: 7 }, hrefs: { a: "/s" } }],
      series: [{ key: "a", label: "Commitments", color: "#000" }],
      valueLabel: "Count",
    });
    expect(l.categories[0]).toMatchObject({ text: "Dadra and Nagar Haveli…", full: long });
    expect(l.bars[0]?.name.startsWith(long)).toBe(true);
    expect(l.plot.x).toBeLessThan(CHART_WIDTH / 2);
    const frame = { x: 0, y: 0, width: l.width, height: l.height };
    for (const b of l.bars) expect(inside(frame, b.x + b.width, b.y + b.height)).toBe(true);
  });

  it("draws columns upwards from the axis and thins out labels that would collide", () => {
    const years = Array.from({ length: 40 }, (_, i) => ({
      label: String(2000 + i),
      values: { on_track: i + 1 },
    }));
    const l = layoutBarChart({ ...sectors, rows: years, orientation: "vertical" });
    const bottom = l.plot.y + l.plot.height;
    for (const b of l.bars) expect(b.y + b.height).toBeCloseTo(bottom, 0);
    expect(l.bars.at(-1)?.height).toBeCloseTo(l.plot.height, 0);
    expect(l.categories.length).toBeLessThan(years.length);
    expect(l.categories[0]?.text).toBe("2000");
    const xs = l.categories.map((c) => c.x);
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(4 * 8);
  });
});
