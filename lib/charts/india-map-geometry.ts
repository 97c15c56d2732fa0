import outline from "@svg-maps/india";
import type { StateCode } from "@/lib/domain/india-states";
import { MAP_SHAPES } from "./india-map-shapes";

// The outline of India as path data per shape, made from @svg-maps/india (CC BY 4.0) when this
// module is first loaded: no build step, no generated file. The package writes 176 KB of path data
// at three decimals in a 612 × 696 box, about a thousandth of a pixel at any size the map is
// shown. Here each ring is simplified (Douglas–Peucker, within SIMPLIFY_TOLERANCE), its points
// rounded to a tenth of a unit and written as relative moves in as few characters as SVG allows:
// 45 KB for all 35 shapes, with no visible change at the sizes drawn (docs/decisions/0026).
// Server-side only: the page's map refers to these shapes through <use> (see indiaOutlineSvg).

type Point = readonly [x: number, y: number];
type Ring = Point[];
type OutlineLocation = { id: string; name: string; path: string };

const source = outline as unknown as { viewBox: string; locations: OutlineLocation[] };

/** Units of the outline's box a simplified ring may stray from the original. */
export const SIMPLIFY_TOLERANCE = 0.5;

/** The package's own viewBox, which OUTLINE_WIDTH and OUTLINE_HEIGHT repeat (a test holds them equal). */
export const OUTLINE_VIEWBOX = source.viewBox;

const TOKEN = /[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * The rings of a path made of moves, straight lines and closes (absolute or relative, as the
 * outline writes them), as absolute points. Throws on any other command: the outline has none,
 * and a curve read as a line would be drawn wrong without a word.
 */
export function parsePath(d: string): Ring[] {
  const tokens = d.match(TOKEN) ?? [];
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  let command = "";
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as string;
    if (/^[A-Za-z]$/.test(token)) {
      command = token;
      i++;
      if (command === "z" || command === "Z") {
        if (ring) rings.push(ring);
        ring = null;
        x = startX;
        y = startY;
      }
      continue;
    }
    const a = Number(tokens[i]);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error("A path coordinate is missing");
    switch (command) {
      case "m":
      case "M":
        if (ring) rings.push(ring);
        x = command === "m" ? x + a : a;
        y = command === "m" ? y + b : b;
        startX = x;
        startY = y;
        ring = [[x, y]];
        // Pairs after a move's first are lines, of the same kind.
        command = command === "m" ? "l" : "L";
        break;
      case "l":
      case "L":
        if (!ring) ring = [[x, y]];
        x = command === "l" ? x + a : a;
        y = command === "l" ? y + b : b;
        ring.push([x, y]);
        break;
      default:
        throw new Error(`Unsupported path command: ${JSON.stringify(command)}`);
    }
  }
  if (ring) rings.push(ring);
  return rings;
}

/** Douglas–Peucker: the fewest of the ring's points that keep every dropped one within `tolerance`. */
export function simplifyRing(points: readonly Point[], tolerance: number): Ring {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    const [ax, ay] = points[from] as Point;
    const [bx, by] = points[to] as Point;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let furthest = -1;
    let at = -1;
    for (let k = from + 1; k < to; k++) {
      const [px, py] = points[k] as Point;
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > furthest) {
        furthest = d;
        at = k;
      }
    }
    if (furthest > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return points.filter((_, k) => keep[k] === 1);
}

/**
 * A whole number of tenths (or of units, with `decimals` 0) written as SVG reads it, shortest:
 * 12 → "1.2", -5 → "-.5", 30 → "3".
 */
function decimal(scaled: number, decimals: 0 | 1): string {
  if (decimals === 0) return String(scaled);
  const sign = scaled < 0 ? "-" : "";
  const abs = Math.abs(scaled);
  const whole = Math.floor(abs / 10);
  const tenth = abs % 10;
  if (tenth === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? "" : whole}.${tenth}`;
}

/**
 * Rings as path data: each point rounded to a tenth (or to a unit, with `decimals` 0),
 * consecutive repeats dropped, then every coordinate written relative to the one before.
 * Relative moves between rounded points are exact, so rounding never accumulates along a ring.
 */
export function ringsToPath(rings: readonly (readonly Point[])[], decimals: 0 | 1 = 1): string {
  const scale = 10 ** decimals;
  let out = "";
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    const points: [number, number][] = [];
    for (const [x, y] of ring) {
      const p: [number, number] = [Math.round(x * scale), Math.round(y * scale)];
      const last = points.at(-1);
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    const first = points[0];
    const last = points.at(-1);
    if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
    if (points.length < 3) continue;
    const numbers: number[] = [];
    let [px, py] = [cx, cy];
    for (const [x, y] of points) {
      numbers.push(x - px, y - py);
      [px, py] = [x, y];
    }
    [cx, cy] = points[0] as [number, number];
    let body = "";
    for (const n of numbers) {
      const text = decimal(n, decimals);
      // A minus sign separates numbers by itself.
      body += body === "" || text.startsWith("-") ? text : ` ${text}`;
    }
    out += `m${body}z`;
  }
  return out;
}

/**
 * How much of the outline's detail to keep. "fine" (the default) is indistinguishable from the
 * package at any size the map is shown; "coarse" strays up to a unit (a pixel at 640 px wide), in
 * a third of the bytes, for a document held to a size budget (an embed) or a small image.
 */
export type OutlineDetail = "fine" | "coarse";
export const OUTLINE_DETAIL: Record<OutlineDetail, { tolerance: number; decimals: 0 | 1 }> = {
  fine: { tolerance: SIMPLIFY_TOLERANCE, decimals: 1 },
  coarse: { tolerance: 1, decimals: 0 },
};

function shapePath(ids: readonly string[], detail: OutlineDetail): string {
  const { tolerance, decimals } = OUTLINE_DETAIL[detail];
  const rings = ids.flatMap((id) => {
    const location = source.locations.find((l) => l.id === id);
    if (!location) throw new Error(`The outline has no location "${id}"`);
    return parsePath(location.path).map((ring) => simplifyRing(ring, tolerance));
  });
  return ringsToPath(rings, decimals);
}

/** The ids of the outline's locations, as the package lists them. */
export const OUTLINE_LOCATION_IDS: readonly string[] = source.locations.map((l) => l.id);

const pathsByDetail = new Map<OutlineDetail, ReadonlyMap<StateCode, string>>();

/** Path data of each shape (MAP_SHAPES) at a level of detail, keyed by the shape's id; made once. */
export function shapePaths(detail: OutlineDetail = "fine"): ReadonlyMap<StateCode, string> {
  let paths = pathsByDetail.get(detail);
  if (!paths) {
    // A place made only of islands smaller than the coarse grid (Lakshadweep) would vanish:
    // it keeps its fine path, a few hundred bytes, so that every place has a shape.
    paths = new Map(
      MAP_SHAPES.map((shape) => [
        shape.id,
        shapePath(shape.outline, detail) || shapePath(shape.outline, "fine"),
      ]),
    );
    pathsByDetail.set(detail, paths);
  }
  return paths;
}

/** Path data of each shape at the fine detail. */
export const MAP_SHAPE_PATHS: ReadonlyMap<StateCode, string> = shapePaths("fine");

/** The path data of a shape; throws for a code that is not a shape's id. */
export function shapePathData(id: StateCode, detail: OutlineDetail = "fine"): string {
  const d = shapePaths(detail).get(id);
  if (d === undefined) throw new Error(`No shape is keyed by ${id}`);
  return d;
}
