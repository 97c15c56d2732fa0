import { describe, expect, test } from "vitest";
import { progressSeries } from "@/lib/domain/progress-series";
import { dateTicks, progressChartSvg } from "./progress-svg";

const t = (date: string) => Date.parse(`${date}T00:00:00Z`);

describe("dateTicks", () => {
  test.each([
    ["2024-01-15", "2024-05-20", ["Feb 2024", "Mar 2024", "Apr 2024", "May 2024"]],
    ["2023-05-29", "2025-12-31", ["Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025"]],
    ["2020-03-01", "2026-11-25", ["2021", "2022", "2023", "2024", "2025", "2026"]],
    ["2010-01-01", "2030-12-31", ["2010", "2015", "2020", "2025", "2030"]],
  ])("%s to %s", (from, to, labels) => {
    const ticks = dateTicks(t(from), t(to));
    expect(ticks.map((x) => x.label)).toEqual(labels);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

describe("progressChartSvg", () => {
  const series = progressSeries(
    { baselineValue: 10, baselineDate: "2023-05-29", targetValue: 50, dueOn: "2025-12-31" },
    [
      { asOf: "2024-03-31", value: 22 },
      { asOf: "2025-03-31", value: 31 },
    ],
    "2026-11-25",
  );
  const chart = progressChartSvg(
    { id: "p", title: "Progress: <50%> & more", description: "d", series, unitSuffix: "%" },
    { standalone: true },
  );

  test("draws both lines, the marks and each recorded point with its date and value", () => {
    expect(chart).not.toBeNull();
    const svg = chart?.markup ?? "";
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title id="p-svg-title">Progress: &lt;50%&gt; &amp; more</title>');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain("<title>Mar 2024: 22%</title>");
    for (const mark of [">Target<", ">Today<", ">Deadline<", ">50%<"]) expect(svg).toContain(mark);
    expect({ width: chart?.width, height: chart?.height }).toEqual({ width: 560, height: 320 });
  });

  test("leaves out the deadline and the straight line when the company named no deadline", () => {
    const undated = progressSeries(
      { baselineValue: 0, baselineDate: "2024-01-01", targetValue: 100, dueOn: null },
      [],
      "2026-11-25",
    );
    const svg = progressChartSvg({
      id: "u",
      title: "t",
      description: "d",
      series: undated,
      unitSuffix: "",
    })?.markup;
    expect(svg).not.toContain(">Deadline<");
    expect(svg).not.toContain("<polyline");
    expect(svg).not.toContain("xmlns");
  });
});
