import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The two route handlers called as Next calls them, on a seeded database file of their own:
// what they answer, with which type, and that a PNG is one. (e2e/embeds.spec.ts runs them behind
// the real server, framed from another origin.)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-charts-"));
let embed: typeof import("@/app/embed/[...chart]/route");
let charts: typeof import("@/app/charts/[...chart]/route");

beforeAll(async () => {
  process.env.DATABASE_URL = path.join(dir, "charts.db");
  process.env.TRACKER_TODAY = "2026-11-25";
  embed = await import("@/app/embed/[...chart]/route");
  charts = await import("@/app/charts/[...chart]/route");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const context = (chart: string[]) => ({ params: Promise.resolve({ chart }) });
const request = (p: string) => new Request(`http://localhost${p}`);

describe("/embed/[...chart]", () => {
  test("answers a chart as a small HTML document with no script", async () => {
    const response = await embed.GET(
      request("/embed/dashboard/by-sector"),
      context(["dashboard", "by-sector"]),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Status by sector</h1>");
    expect(html).not.toContain("<script");
  });

  test("answers 404 for an address that names no chart", async () => {
    const response = await embed.GET(request("/embed/dashboard/nope"), context(["dashboard", "nope"]));
    expect(response.status).toBe(404);
  });
});

describe("/charts/[...chart]", () => {
  test.each([
    [["dashboard", "by-sector.png"], 1120],
    [["commitments", "1", "progress.png"], 1120],
    [["commitments", "1", "progress.card.png"], 1200],
    [["companies", "xiaomi", "summary.card.png"], 1200],
    [["states", "IN-UP", "summary.card.png"], 1200],
  ])("%j is a PNG %i pixels wide", async (segments, width) => {
    const response = await charts.GET(request(`/charts/${segments.join("/")}`), context(segments));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(width);
    if (width === 1200) expect(png.readUInt32BE(20)).toBe(630);
  });

  test("the SVG is a file of its own", async () => {
    const response = await charts.GET(
      request("/charts/dashboard/deadlines.svg"),
      context(["dashboard", "deadlines.svg"]),
    );
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(await response.text()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
  });

  test.each([[["dashboard", "by-sector"]], [["dashboard", "by-sector.gif"]], [["dashboard", "nope.png"]]])(
    "%j is not found",
    async (segments) => {
      const response = await charts.GET(request(`/charts/${segments.join("/")}`), context(segments));
      expect(response.status).toBe(404);
    },
  );
});
