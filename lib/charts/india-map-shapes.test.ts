import outline from "@svg-maps/india";
import { describe, expect, it } from "vitest";
import { INDIA_STATES } from "@/lib/domain/india-states";
import {
  MAP_SHAPE_PATHS,
  OUTLINE_LOCATION_IDS,
  OUTLINE_VIEWBOX,
  parsePath,
  ringsToPath,
  shapePaths,
  simplifyRing,
  SIMPLIFY_TOLERANCE,
} from "./india-map-geometry";
import {
  DRAWN_WITHIN,
  MAP_SHAPES,
  OUTLINE_HEIGHT,
  OUTLINE_LOCATIONS,
  OUTLINE_WIDTH,
  shapeForCode,
} from "./india-map-shapes";

const source = outline as unknown as { locations: { id: string; path: string }[] };

describe("the shapes of the map", () => {
  it("draw every state and union territory code, each in exactly one shape", () => {
    const drawn = MAP_SHAPES.flatMap((s) => s.codes);
    expect([...drawn].sort()).toEqual(INDIA_STATES.map((s) => s.code).sort());
    for (const state of INDIA_STATES) expect(shapeForCode(state.code)?.codes).toContain(state.code);
  });

  it("leave no location of the outline unmapped, and map none that the outline lacks", () => {
    expect([...OUTLINE_LOCATION_IDS].sort()).toEqual(Object.keys(OUTLINE_LOCATIONS).sort());
    expect(MAP_SHAPES.flatMap((s) => s.outline).sort()).toEqual([...OUTLINE_LOCATION_IDS].sort());
  });

  it("draw Ladakh within Jammu and Kashmir, named for both", () => {
    const jk = shapeForCode("IN-LA");
    expect(jk).toMatchObject({
      id: "IN-JK",
      codes: ["IN-JK", "IN-LA"],
      outline: ["jk"],
      name: "Jammu and Kashmir and Ladakh",
    });
    expect(shapeForCode("IN-JK")).toBe(jk);
    expect(MAP_SHAPES.some((s) => s.id === "IN-LA")).toBe(false);
    expect(DRAWN_WITHIN).toEqual({ "IN-LA": "IN-JK" });
  });

  it("draw Dadra and Nagar Haveli and Daman and Diu as one shape from the two old ones", () => {
    expect(shapeForCode("IN-DH")).toMatchObject({
      id: "IN-DH",
      codes: ["IN-DH"],
      outline: ["dn", "dd"],
      name: "Dadra and Nagar Haveli and Daman and Diu",
    });
    // One ring at least from each old shape: two moves.
    expect(MAP_SHAPE_PATHS.get("IN-DH")?.match(/m/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["ct", "IN-CG"],
    ["or", "IN-OD"],
    ["tg", "IN-TS"],
    ["ut", "IN-UK"],
  ])("draw the outline's %s under the current code %s", (id, code) => {
    expect(OUTLINE_LOCATIONS[id]).toBe(code);
  });

  it("have 35 shapes for 36 codes, in a box the size the package gives", () => {
    expect(MAP_SHAPES).toHaveLength(35);
    expect(OUTLINE_VIEWBOX).toBe(`0 0 ${OUTLINE_WIDTH} ${OUTLINE_HEIGHT}`);
  });
});

describe("parsePath", () => {
  it.each([
    [
      "relative, with implicit lines",
      "m 1,2 3,0 0,3 z",
      [
        [
          [1, 2],
          [4, 2],
          [4, 5],
        ],
      ],
    ],
    [
      "absolute",
      "M1 2L4 2 4 5Z",
      [
        [
          [1, 2],
          [4, 2],
          [4, 5],
        ],
      ],
    ],
    [
      "a relative move after a close starts from the closed ring's start",
      "m 10,10 1,0 0,1 z m 5,5 1,0 0,1 z",
      [
        [
          [10, 10],
          [11, 10],
          [11, 11],
        ],
        [
          [15, 15],
          [16, 15],
          [16, 16],
        ],
      ],
    ],
    [
      "exponents",
      "m 1e1,2 -1e-1,0 0,1 z",
      [
        [
          [10, 2],
          [9.9, 2],
          [9.9, 3],
        ],
      ],
    ],
  ])("reads %s", (_, d, rings) => {
    const parsed = parsePath(d).map((r) => r.map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))]));
    expect(parsed).toEqual(rings);
  });

  it("refuses a command it cannot draw as straight lines", () => {
    expect(() => parsePath("m 0,0 c 1,1 2,2 3,3 z")).toThrow(/Unsupported path command/);
  });
});

describe("simplifyRing and ringsToPath", () => {
  it("drops points within the tolerance of the line and keeps the corners", () => {
    const ring = [
      [0, 0],
      [5, 0.1],
      [10, 0],
      [10, 10],
      [0, 10],
    ] as const;
    expect(simplifyRing(ring, 0.5)).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    expect(simplifyRing(ring, 0.05)).toHaveLength(5);
  });

  it.each([
    [
      "tenths, relative, separated by minus signs",
      [
        [
          [1.04, 2],
          [3.5, 2],
          [3.5, 0.5],
        ],
      ],
      "m1 2 2.5 0 0-1.5z",
    ],
    [
      "the second ring relative to the first's start",
      [
        [
          [10, 10],
          [11, 10],
          [11, 11],
        ],
        [
          [12, 10],
          [13, 10],
          [13, 11],
        ],
      ],
      "m10 10 1 0 0 1zm2 0 1 0 0 1z",
    ],
    [
      "a ring that rounds to fewer than three points is dropped",
      [
        [
          [1, 1],
          [1.01, 1.01],
          [1.02, 1],
        ],
      ],
      "",
    ],
    [
      "repeats and the closing point are dropped",
      [
        [
          [0, 0],
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      "m0 0 1 0 0 1z",
    ],
    [
      "fractions below one drop their leading zero",
      [
        [
          [0, 0],
          [0.5, 0],
          [0.5, -0.5],
        ],
      ],
      "m0 0 .5 0 0-.5z",
    ],
  ])("writes %s", (_, rings, d) => {
    expect(ringsToPath(rings as [number, number][][])).toBe(d);
  });

  it("reads back what it writes, each point within the tolerance and a rounding of the original", () => {
    for (const location of source.locations.slice(0, 6)) {
      const rings = parsePath(location.path);
      const written = parsePath(ringsToPath(rings.map((r) => simplifyRing(r, SIMPLIFY_TOLERANCE))));
      const original = rings.flat();
      for (const [x, y] of written.flat()) {
        const nearest = Math.min(...original.map(([ox, oy]) => Math.hypot(ox - x, oy - y)));
        expect(nearest).toBeLessThanOrEqual(0.08);
      }
    }
  });
});

describe("the outline's path data", () => {
  it("gives every shape a path inside the box, in far fewer bytes than the package", () => {
    let bytes = 0;
    for (const shape of MAP_SHAPES) {
      const d = MAP_SHAPE_PATHS.get(shape.id) ?? "";
      expect(d, shape.id).toMatch(/^m[-\d.]/);
      bytes += d.length;
      for (const [x, y] of parsePath(d).flat()) {
        expect(x).toBeGreaterThanOrEqual(-0.05);
        expect(y).toBeGreaterThanOrEqual(-0.05);
        expect(x).toBeLessThanOrEqual(OUTLINE_WIDTH + 0.05);
        expect(y).toBeLessThanOrEqual(OUTLINE_HEIGHT + 0.05);
      }
    }
    const original = source.locations.reduce((n, l) => n + l.path.length, 0);
    const coarsePaths = shapePaths("coarse");
    // Even the smallest places (Lakshadweep's islands, Chandigarh) keep a shape at the coarse detail.
    for (const shape of MAP_SHAPES) expect(coarsePaths.get(shape.id), shape.id).toMatch(/^m-?\d/);
    const coarse = [...coarsePaths.values()].reduce((n, d) => n + d.length, 0);
    console.log(`coarse outline path data: ${coarse} bytes`);
    expect(coarse).toBeLessThan(20_000);
    console.log(`outline path data: ${bytes} bytes (package: ${original})`);
    expect(bytes).toBeLessThan(50_000);
  });
});
