import { describe, expect, it } from "vitest";
import { stateMapFixture } from "@/lib/testing/state-map";
import {
  classBreaks,
  classColors,
  colorFor,
  MAP_COLORS,
  MAP_NONE_COLOR,
  mapScale,
  mapShapeViews,
  niceFloor,
  scaleForData,
} from "./choropleth";
import type { MapMeasure } from "./map-measure";

const COMMITMENTS: MapMeasure = { kind: "commitments", status: null };
const INR: MapMeasure = { kind: "investment", currency: "INR" };

/** Lightness (CIE L*) of a #rrggbb colour, 0 (black) to 100 (white). */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

describe("niceFloor", () => {
  it.each([
    [1, 1],
    [1.9, 1],
    [3, 2],
    [7, 5],
    [10, 10],
    [49, 20],
    [3.7e9, 2e9],
    [0, 0],
    [-4, 0],
    [Number.NaN, 0],
  ])("%d → %d", (value, expected) => {
    expect(niceFloor(value)).toBe(expected);
  });
});

describe("classBreaks", () => {
  it.each([
    ["nothing above zero", [0, 0, -1, Number.NaN], []],
    ["one value", [0, 3, 3], [3]],
    ["each of five values its own class", [1, 2, 3, 5, 8, 0], [1, 2, 3, 5, 8]],
    [
      "quantiles of the distinct values, rounded down",
      [1, 2, 3, 4, 6, 9, 14, 25, 40, 120],
      [1, 2, 5, 10, 20],
    ],
    [
      "a crowd on one value does not take every class",
      [...Array(30).fill(1), 2, 3, 4, 5, 60, 90],
      [1, 2, 5, 50],
    ],
    ["money", [2e5, 5e6, 3e7, 1.2e8, 9e8, 3.7e9], [2e5, 5e6, 2e7, 1e8, 5e8]],
  ])("%s", (_, values, breaks) => {
    expect(classBreaks(values)).toEqual(breaks);
  });

  it("never gives more than the classes asked for, and always ascends", () => {
    const values = Array.from({ length: 36 }, (_, i) => (i * 7919) % 1000);
    const breaks = classBreaks(values, 5);
    expect(breaks.length).toBeLessThanOrEqual(5);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    expect(new Set(breaks).size).toBe(breaks.length);
  });
});

describe("the colours", () => {
  it("run from light to dark, with none lighter than any class and well apart from the lightest", () => {
    const steps = MAP_COLORS.map(lightness);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThan((steps[i - 1] as number) - 8);
    expect(lightness(MAP_NONE_COLOR) - (steps[0] as number)).toBeGreaterThan(8);
  });

  it.each([
    [0, []],
    [1, [MAP_COLORS[3]]],
    [2, [MAP_COLORS[0], MAP_COLORS[4]]],
    [3, [MAP_COLORS[0], MAP_COLORS[2], MAP_COLORS[4]]],
    [5, [...MAP_COLORS]],
  ])("spread %d classes across the scale", (count, colors) => {
    expect(classColors(count)).toEqual(colors);
  });
});

describe("mapScale", () => {
  it.each([
    ["no data", COMMITMENTS, [0, 0], "None", []],
    ["few values, each named", COMMITMENTS, [0, 1, 2, 4], "None", ["1", "2", "4"]],
    [
      "counts in ranges",
      COMMITMENTS,
      [1, 2, 3, 4, 6, 9, 14, 25, 40, 120],
      "None",
      ["1", "2–4", "5–9", "10–19", "20 or more"],
    ],
    [
      "money in ranges, in the measure's currency",
      INR,
      [2e5, 5e6, 3e7, 1.2e8, 9e8, 3.7e9],
      "None announced",
      ["under ₹50L", "₹50L to under ₹2Cr", "₹2Cr to under ₹10Cr", "₹10Cr to under ₹50Cr", "₹50Cr or more"],
    ],
  ])("labels %s", (_, measure, values, none, labels) => {
    const scale = mapScale(measure, values);
    expect(scale.none).toEqual({ color: MAP_NONE_COLOR, label: none });
    expect(scale.classes.map((c) => c.label)).toEqual(labels);
  });

  it("names a single money value exactly", () => {
    expect(mapScale(INR, [0, 5e6]).classes.map((c) => c.label)).toEqual(["₹50,00,000 (₹50 lakh)"]);
  });

  it.each([
    [0, MAP_NONE_COLOR],
    [-1, MAP_NONE_COLOR],
    [Number.NaN, MAP_NONE_COLOR],
    [1, MAP_COLORS[0]],
    [4, MAP_COLORS[1]],
    [5, MAP_COLORS[2]],
    [19, MAP_COLORS[3]],
    [20, MAP_COLORS[4]],
    [10_000, MAP_COLORS[4]],
    [0.5, MAP_COLORS[0]],
  ])("colours %d", (value, color) => {
    const scale = mapScale(COMMITMENTS, [1, 2, 3, 4, 6, 9, 14, 25, 40, 120]);
    expect(colorFor(scale, value)).toBe(color);
  });
});

const data = stateMapFixture;

describe("mapShapeViews", () => {
  it("names each shape by its place and figure and links it to the state's page", () => {
    const d = data(COMMITMENTS, { "IN-UP": 3, "IN-KA": 1 });
    const views = mapShapeViews(d, scaleForData(d));
    expect(views).toHaveLength(35);
    expect(views.find((v) => v.id === "IN-UP")).toMatchObject({
      href: "/states/IN-UP",
      name: "Uttar Pradesh: 3 commitments",
      value: 3,
    });
    expect(views.find((v) => v.id === "IN-KA")?.name).toBe("Karnataka: 1 commitment");
    expect(views.find((v) => v.id === "IN-LD")).toMatchObject({
      name: "Lakshadweep: no commitments",
      color: MAP_NONE_COLOR,
    });
    expect(views.find((v) => v.id === "IN-DH")?.name).toBe(
      "Dadra and Nagar Haveli and Daman and Diu: no commitments",
    );
  });

  it("names Jammu and Kashmir and Ladakh on their shared shape, with the shape's figure and each code's", () => {
    // One commitment names both: the shape counts it once.
    const d = data(COMMITMENTS, { "IN-JK": 4, "IN-LA": 2 }, 5);
    const jk = mapShapeViews(d, scaleForData(d)).find((v) => v.id === "IN-JK");
    expect(jk).toMatchObject({ href: "/states/IN-JK", value: 5 });
    expect(jk?.name).toBe(
      "Jammu and Kashmir and Ladakh, drawn as one shape: 5 commitments (Jammu and Kashmir 4, Ladakh 2) — opens the page of Jammu and Kashmir",
    );
  });

  it("gives a status's figure and money in the measure's currency", () => {
    const behind = data({ kind: "commitments", status: "behind" }, { "IN-TN": 2 });
    expect(mapShapeViews(behind, scaleForData(behind)).find((v) => v.id === "IN-TN")?.name).toBe(
      "Tamil Nadu: 2 commitments with the status “Behind”",
    );
    const usd = data({ kind: "investment", currency: "USD" }, { "IN-KA": 37_000_000 });
    const views = mapShapeViews(usd, scaleForData(usd));
    expect(views.find((v) => v.id === "IN-KA")?.name).toBe(
      "Karnataka: US$3,70,00,000 (US$3.7 crore) announced",
    );
    expect(views.find((v) => v.id === "IN-UP")?.name).toBe("Uttar Pradesh: no investment announced in USD");
  });

  it("takes links from the caller, for files and embeds that need the site's origin", () => {
    const d = data(COMMITMENTS, {});
    const views = mapShapeViews(d, scaleForData(d), (code) => `https://example.in/states/${code}`);
    expect(views[0]?.href).toBe("https://example.in/states/IN-AN");
  });
});
