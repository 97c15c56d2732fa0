import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db";
import { dashboardData } from "@/db/queries/dashboard";
import { dashboardCharts } from "@/app/dashboard-charts";
import { EMBED_BUDGET, embedDocument } from "@/lib/charts/embed-html";
import { svgToPng } from "@/lib/charts/png";
import { CARD, shareCardSvg } from "@/lib/charts/share-card";
import { tempDatabase } from "@/lib/testing/temp-db";
import { generateSynthetic } from "@/scripts/synthetic/generate";
import { chartFigure } from "./registry";

const TODAY = "2026-11-25";

// Every address the registry answers, on a database with the seed and a thousand synthetic
// commitments: each draws a figure, its embed stays within the budget, and its share image is a
// 1200×630 PNG.
describe("the chart registry", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
    generateSynthetic(db, { commitments: 1000, seed: 14 });
  });
  afterAll(() => cleanup());

  const paths = () => [
    ...dashboardCharts(dashboardData(db, TODAY)).map((c) => `dashboard/${c.slug}`),
    "commitments/1/progress",
    "companies/xiaomi/summary",
    "states/IN-UP/summary",
    "states/map/commitments",
    "states/map/investment-inr",
  ];

  test("draws every dashboard chart, a commitment's progress, a company's and a state's summary", () => {
    const all = paths();
    expect(all).toEqual(
      expect.arrayContaining(["dashboard/by-sector", "dashboard/deadlines", "dashboard/states"]),
    );
    for (const path of all) {
      const figure = chartFigure(db, path.split("/"), TODAY);
      expect(figure, path).not.toBeNull();
      expect(figure?.path).toBe(path);
      expect(figure?.chart.markup).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  test("keeps each embed within the budget", () => {
    for (const path of paths()) {
      const figure = chartFigure(db, path.split("/"), TODAY);
      if (!figure) throw new Error(path);
      const bytes = Buffer.byteLength(embedDocument(figure));
      console.log(`/embed/${path}: ${bytes} bytes`);
      expect(bytes, path).toBeLessThanOrEqual(EMBED_BUDGET);
    }
  });

  test.each([
    [["dashboard", "nope"]],
    [["dashboard"]],
    [["commitments", "999999", "progress"]],
    [["commitments", "abc", "progress"]],
    [["companies", "no-such-company", "summary"]],
    [["states", "IN-XX", "summary"]],
    // A former or lower-case code has one address: the current code's.
    [["states", "in-up", "summary"]],
    [["states", "IN-UP", ".."]],
    // A measure has one address, in the picker's spelling.
    [["states", "map", "nope"]],
    [["states", "map", "Commitments"]],
    [["states", "map", "investment-USD"]],
    [[]],
  ])("answers nothing at %j", (segments) => {
    expect(chartFigure(db, segments, TODAY)).toBeNull();
  });

  test("draws a commitment's share image as a 1200×630 PNG", async () => {
    const figure = chartFigure(db, ["commitments", "1", "progress"], TODAY);
    if (!figure) throw new Error("no figure");
    const png = (await svgToPng(shareCardSvg(figure), { width: CARD.width })).data;
    if (process.env.WRITE_CARD) (await import("node:fs")).writeFileSync(process.env.WRITE_CARD, png);
    // IHDR's width and height, after the 8-byte signature and the chunk's length and type.
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(CARD);
  });
});
