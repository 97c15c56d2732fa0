import { inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { barChartSvg } from "./bar-svg";
import { svgToPng } from "./png";

// A PNG read back by hand: the signature, the IHDR chunk's size and format, and the IDAT data
// inflated to exactly one filter byte plus four bytes (RGBA) per pixel on every row.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Decoded = { width: number; height: number; bitDepth: number; colourType: number; pixels: Buffer };

function decodePng(png: Buffer): Decoded {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  let offset = 8;
  let header: Omit<Decoded, "pixels"> | null = null;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      expect(offset).toBe(8); // IHDR comes first
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] as number,
        colourType: data[9] as number,
      };
    }
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!header) throw new Error("no IHDR");
  return { ...header, pixels: inflateSync(Buffer.concat(idat)) };
}

const chart = barChartSvg(
  {
    id: "t",
    title: "Status by sector",
    description: "Commitments by sector",
    rows: [
      { label: "Smartphones", values: { a: 3, b: 1 } },
      { label: "Electric vehicles", values: { a: 1, b: 4 } },
    ],
    series: [
      { key: "a", label: "On track", color: "#7fbc41" },
      { key: "b", label: "Behind", color: "#e08214" },
    ],
    stacked: true,
    valueLabel: "Commitments",
    integer: true,
  },
  { standalone: true },
);

describe("svgToPng", () => {
  test.each([560, 1120, 1200])(
    "draws a chart %i pixels wide, RGBA, at the chart's aspect ratio",
    async (width) => {
      if (!chart) throw new Error("nothing to chart");
      const png = await svgToPng(chart.markup, { width });
      const decoded = decodePng(png.data);
      const height = Math.round((width * chart.height) / chart.width);
      expect(decoded).toMatchObject({ width, height, bitDepth: 8, colourType: 6 });
      expect({ width: png.width, height: png.height }).toEqual({ width, height });
      expect(decoded.pixels.length).toBe(height * (1 + width * 4));
    },
  );

  test("draws the labels with the shipped font, whatever the machine has", async () => {
    const text = (label: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-family="system-ui, sans-serif" font-size="20">${label}</text></svg>`;
    const blank = decodePng((await svgToPng(text(""), { width: 200 })).data).pixels;
    const written = decodePng((await svgToPng(text("Smartphones"), { width: 200 })).data).pixels;
    // With no font found the text would draw nothing, and the two images would be the same.
    expect(written.equals(blank)).toBe(false);
    const none = decodePng((await svgToPng(text("Smartphones"), { width: 200, fontFiles: [] })).data).pixels;
    expect(none.equals(blank)).toBe(true);
  });
});
