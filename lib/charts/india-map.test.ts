import { Resvg } from "@resvg/resvg-js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { stateMapFixture } from "@/lib/testing/state-map";
import { MAP_NONE_COLOR } from "./choropleth";
import {
  fittedFontSize,
  indiaOutlineSvg,
  MAP_FONT_FAMILY,
  MAP_SVG_HEIGHT,
  MAP_SVG_WIDTH,
  OUTLINE_PATH_IDS,
  renderIndiaMapSvg,
  wrapWords,
} from "./india-map";
import { MAP_ATTRIBUTION, MAP_SHAPES } from "./india-map-shapes";

const data = stateMapFixture;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => name === "a",
});

type Link = { href: string; "aria-label": string; title: string; path: { d: string; fill: string } };

function links(svg: string): Link[] {
  const root = parser.parse(svg).svg;
  const map = (root.g as { transform?: string; g?: unknown }[]).find((g) =>
    g.transform?.startsWith("translate"),
  );
  const shapes = (map?.g as { a: Link[] }[] | { a: Link[] }) ?? [];
  return (Array.isArray(shapes) ? shapes : [shapes]).flatMap((g) => g.a ?? []);
}

describe("renderIndiaMapSvg", () => {
  const commitments = data(
    { kind: "commitments", status: null },
    { "IN-UP": 3, "IN-KA": 1, "IN-JK": 4, "IN-LA": 2 },
    5,
  );
  const svg = renderIndiaMapSvg(commitments);

  it("is a well-formed standalone SVG document with its size, title, fonts, legend and attribution", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="832" viewBox="0 0 640 832"/,
    );
    expect([MAP_SVG_WIDTH, MAP_SVG_HEIGHT]).toEqual([640, 832]);
    expect(svg).toContain(`font-family="${MAP_FONT_FAMILY}"`);
    expect(svg).toContain('<title id="india-map-title">Commitments by state or union territory</title>');
    expect(svg).toContain(">Make in India localisation tracker · figures as of 25 Nov 2026</text>");
    // The legend: its title and every class, none first.
    expect(svg).toMatch(
      /<text[^>]*font-weight="bold"[^>]*>Commitments<\/text>.*>None<\/text>.*>1<\/text>.*>3<\/text>.*>5<\/text>/,
    );
    expect(svg).toContain(`>${MAP_ATTRIBUTION.text}</text>`);
    expect(svg).toContain(`<a href="${MAP_ATTRIBUTION.licenceUrl}">`);
    expect(svg).toContain(
      ">Changed: simplified; Ladakh drawn within Jammu and Kashmir; Dadra and Nagar Haveli and</text>",
    );
    console.log(`standalone map SVG: ${Buffer.byteLength(svg)} bytes`);
  });

  it("has one link per shape, named by its place and figure, drawn with its path", () => {
    const found = links(svg);
    expect(found).toHaveLength(MAP_SHAPES.length);
    expect(new Set(found.map((a) => a.href)).size).toBe(MAP_SHAPES.length);
    for (const a of found) {
      expect(a.title).toBe(a["aria-label"]);
      expect(a.path.d).toMatch(/^m/);
    }
    const up = found.find((a) => a.href === "/states/IN-UP");
    expect(up?.title).toBe("Uttar Pradesh: 3 commitments");
    expect(found.find((a) => a.href === "/states/IN-LD")).toMatchObject({
      title: "Lakshadweep: no commitments",
      path: { fill: MAP_NONE_COLOR },
    });
    expect(found.find((a) => a.href === "/states/IN-JK")?.title).toBe(
      "Jammu and Kashmir and Ladakh, drawn as one shape: 5 commitments (Jammu and Kashmir 4, Ladakh 2) — opens the page of Jammu and Kashmir",
    );
    expect(found.some((a) => a.href.endsWith("IN-LA"))).toBe(false);
  });

  it("puts the site's origin in its links when asked, and takes a title and width", () => {
    const other = renderIndiaMapSvg(commitments, {
      baseUrl: "https://tracker.example/",
      title: "Où & <quoi>",
      width: 320,
    });
    expect(links(other)[0]?.href).toBe("https://tracker.example/states/IN-AN");
    expect(other).toMatch(/^<svg [^>]*width="320" height="416"/);
    expect(other).toContain('<title id="india-map-title">Où &amp; &lt;quoi&gt;</title>');
    expect(XMLValidator.validate(other)).toBe(true);
  });

  it("shows one currency, never the other's amounts", () => {
    const usd = renderIndiaMapSvg(data({ kind: "investment", currency: "USD" }, { "IN-KA": 37_000_000 }));
    expect(usd).toContain("Karnataka: US$3,70,00,000 (US$3.7 crore) announced");
    expect(usd).toContain("Announced investment (USD)");
    expect(usd).not.toContain("₹");
    expect(usd).not.toContain("INR");
  });

  it("fits an embed's budget with the coarse outline, and leaves links out when asked", () => {
    const small = renderIndiaMapSvg(commitments, { detail: "coarse", links: false });
    expect(XMLValidator.validate(small)).toBe(true);
    console.log(`standalone map SVG, coarse: ${Buffer.byteLength(small)} bytes`);
    expect(Buffer.byteLength(small)).toBeLessThan(24_000);
    expect(small).not.toContain('<a href="/states/');
    expect(small).toContain(
      '<g role="img" aria-label="Uttar Pradesh: 3 commitments"><title>Uttar Pradesh: 3 commitments</title><path d="m',
    );
    expect(small.match(/<g role="img"/g)).toHaveLength(MAP_SHAPES.length);
  });

  it("is the same bytes for the same data", () => {
    expect(renderIndiaMapSvg(commitments)).toBe(svg);
  });

  it("renders to an image of its size with a real SVG renderer", () => {
    const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    expect([image.width, image.height]).toEqual([640, 832]);
  });
});

describe("indiaOutlineSvg", () => {
  it("holds one path per shape, by id, with no paint of its own for <use> to override", () => {
    const outline = indiaOutlineSvg();
    expect(XMLValidator.validate(outline)).toBe(true);
    const paths = parser.parse(outline).svg.path as { id: string; d: string; fill?: string }[];
    expect(paths.map((p) => p.id)).toEqual([...OUTLINE_PATH_IDS]);
    expect(paths.every((p) => p.d.startsWith("m") && p.fill === undefined)).toBe(true);
    expect(outline).toContain(MAP_ATTRIBUTION.licenceUrl);
    console.log(`outline SVG: ${Buffer.byteLength(outline)} bytes`);
  });
});

describe("text that must fit the drawing", () => {
  it.each([
    ["a short title keeps the largest size", "Facilities by state", 19, 612, true, 19],
    ["a long one shrinks to fit", "x".repeat(50), 19, 612, true, 18],
    ["never below 8", "x".repeat(1000), 19, 612, false, 8],
  ])("%s", (_, text, max, width, bold, size) => {
    expect(fittedFontSize(text, max, width, bold)).toBe(size);
  });

  it.each([
    ["within the width", "one two three", 20, ["one two three"]],
    ["at word boundaries", "one two three four", 9, ["one two", "three", "four"]],
    ["a long word on a line of its own", "a verylongwordindeed b", 5, ["a", "verylongwordindeed", "b"]],
    ["no words", "  ", 5, []],
  ])("wraps %s", (_, text, chars, lines) => {
    expect(wrapWords(text, chars)).toEqual(lines);
  });
});
