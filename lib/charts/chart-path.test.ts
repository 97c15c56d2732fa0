import { describe, expect, test } from "vitest";
import { imagePath, matchChartPattern, parseImagePath } from "./chart-path";

describe("matchChartPattern", () => {
  test.each([
    ["dashboard/:chart", ["dashboard", "by-sector"], { chart: "by-sector" }],
    ["commitments/:id/progress", ["commitments", "12", "progress"], { id: "12" }],
    ["commitments/:id/progress", ["commitments", "12"], null],
    ["commitments/:id/progress", ["commitments", "12", "summary"], null],
    ["states/map", ["states", "map"], {}],
    ["states/map", ["states", "mapx"], null],
    ["dashboard/:chart", ["dashboard", ".."], null],
    ["dashboard/:chart", ["dashboard", "a/b"], null],
    ["dashboard/:chart", ["dashboard", ""], null],
  ])("%s with %j", (pattern, segments, expected) => {
    expect(matchChartPattern(pattern, segments)).toEqual(expected);
  });
});

describe("parseImagePath", () => {
  test.each([
    [["dashboard", "by-sector.png"], { segments: ["dashboard", "by-sector"], format: "png" }],
    [["dashboard", "by-sector.svg"], { segments: ["dashboard", "by-sector"], format: "svg" }],
    [
      ["commitments", "1", "progress.card.png"],
      { segments: ["commitments", "1", "progress"], format: "card.png" },
    ],
    [["dashboard", "by-sector"], null],
    [["dashboard", ".png"], null],
    [["dashboard", "by-sector.jpg"], null],
    [[], null],
  ])("%j", (segments, expected) => {
    expect(parseImagePath(segments)).toEqual(expected);
  });

  test("reads back what imagePath writes", () => {
    for (const format of ["svg", "png", "card.png"] as const) {
      const path = imagePath("states/IN-UP/summary", format).slice("/charts/".length);
      expect(parseImagePath(path.split("/"))).toEqual({ segments: ["states", "IN-UP", "summary"], format });
    }
  });
});
