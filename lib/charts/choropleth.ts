import { currencySymbol, formatCount } from "@/lib/domain/format";
import type { StateCode } from "@/lib/domain/india-states";
import type { StateMapData } from "@/lib/views/state-map";
import { MAP_SHAPES } from "./india-map-shapes";
import { formatMeasureNumber, formatMeasureValue, measureCurrency, type MapMeasure } from "./map-measure";
import { fragment, h, type Attributes, type Markup } from "./markup";
import { formatTick } from "./scale";

// The map's colour scale and what each shape says, shared by the page's map and the standalone
// SVG. Pure and geometry-free, so that the page's map component can draw with it in the browser.
//
// The scale is sequential in one hue (ColorBrewer's Blues, which reads in order by lightness alone,
// so it holds for every kind of colour blindness and in greyscale), with "none" a light neutral
// grey well apart in lightness from the lightest blue. Classes are few (at most five) and their
// breaks are round numbers; every shape's name and the table beside the map give the exact figure.

/** Lightest to darkest; a scale of fewer classes takes colours spread across it. */
export const MAP_COLORS = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"] as const;
/** States with nothing to show: zero, or no record at all. */
export const MAP_NONE_COLOR = "#dddddd";
export const MAX_MAP_CLASSES = MAP_COLORS.length;

export type MapClass = {
  /** The smallest value in the class (inclusive). */
  from: number;
  /** The smallest value of the next class (exclusive), or null for the last. */
  to: number | null;
  color: string;
  label: string;
};

export type MapScale = {
  none: { color: string; label: string };
  classes: MapClass[];
};

/** The largest of 1, 2, 5 × 10ⁿ that is at most `value`. */
export function niceFloor(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const factor = [5, 2, 1].find((f) => f * magnitude <= value * (1 + 1e-12)) ?? 1;
  return factor * magnitude;
}

/**
 * The lower bound of each class, ascending. With no more distinct values above zero than classes,
 * each value is a class of its own. Otherwise the distinct values are split into equal-sized
 * groups (quantiles of the distinct values, so that a crowd of states on one value does not take
 * every class) and each break is rounded down to a round number; the first class starts at the
 * smallest value. Zero, negative and non-finite values belong to no class.
 */
export function classBreaks(values: readonly number[], maxClasses = MAX_MAP_CLASSES): number[] {
  const distinct = [...new Set(values.filter((v) => Number.isFinite(v) && v > 0))].sort((a, b) => a - b);
  if (distinct.length <= maxClasses) return distinct;
  const smallest = distinct[0] as number;
  const breaks = [smallest];
  for (let i = 1; i < maxClasses; i++) {
    const at = distinct[Math.floor((i * distinct.length) / maxClasses)] as number;
    const round = niceFloor(at);
    if (round > (breaks.at(-1) as number)) breaks.push(round);
  }
  return breaks;
}

/** Colours for `count` classes, spread from light to dark across MAP_COLORS. */
export function classColors(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [MAP_COLORS[3]];
  const last = MAP_COLORS.length - 1;
  return Array.from({ length: count }, (_, i) => MAP_COLORS[Math.round((i * last) / (count - 1))] as string);
}

/** A short amount for a legend: "₹5Cr", "US$20L", "12". */
function shortNumber(value: number, currency: string | undefined): string {
  return currency ? `${currencySymbol(currency)}${formatTick(value)}` : formatCount(value);
}

/** The colour classes for a measure's values, each labelled as the legend shows it. */
export function mapScale(measure: MapMeasure, values: readonly number[]): MapScale {
  const currency = measureCurrency(measure);
  const breaks = classBreaks(values);
  const colors = classColors(breaks.length);
  const exact = breaks.length === new Set(values.filter((v) => Number.isFinite(v) && v > 0)).size;
  const classes = breaks.map((from, i): MapClass => {
    const to = breaks[i + 1] ?? null;
    const color = colors[i] as string;
    let label: string;
    if (exact) {
      // Each class holds one value: the legend names it exactly.
      label = formatMeasureNumber(measure, from);
    } else if (currency) {
      if (to === null) label = `${shortNumber(from, currency)} or more`;
      else if (i === 0) label = `under ${shortNumber(to, currency)}`;
      else label = `${shortNumber(from, currency)} to under ${shortNumber(to, currency)}`;
    } else if (to === null) {
      label = `${formatCount(from)} or more`;
    } else {
      // Counts are whole, so a class ends one below the next one's start.
      label = from === to - 1 ? formatCount(from) : `${formatCount(from)}–${formatCount(to - 1)}`;
    }
    return { from, to, color, label };
  });
  return {
    none: { color: MAP_NONE_COLOR, label: currency ? "None announced" : "None" },
    classes,
  };
}

/** The colour of a value on a scale; a value below the first class takes the first class's. */
export function colorFor(scale: MapScale, value: number): string {
  if (!(Number.isFinite(value) && value > 0)) return scale.none.color;
  const within = scale.classes.findLast((c) => value >= c.from) ?? scale.classes[0];
  return within?.color ?? scale.none.color;
}

export type MapShapeView = {
  /** The shape's id: the code it links to. */
  id: StateCode;
  href: string;
  /** Its accessible name: the place or places and the figure. */
  name: string;
  color: string;
  value: number;
};

/**
 * What each shape says and where it leads. A shape that stands for several codes (Jammu and
 * Kashmir with Ladakh) names them all and gives the figure of each besides the shape's own,
 * which counts a record naming both once.
 */
export function mapShapeViews(
  data: StateMapData,
  scale: MapScale,
  hrefFor: (code: StateCode) => string = (code) => `/states/${code}`,
): MapShapeView[] {
  const stateValue = new Map(data.states.map((s) => [s.code, s.value]));
  const stateName = new Map(data.states.map((s) => [s.code, s.name]));
  const shapeValue = new Map(data.shapes.map((s) => [s.id, s.value]));
  return MAP_SHAPES.map((shape) => {
    const value = shapeValue.get(shape.id) ?? stateValue.get(shape.id) ?? 0;
    const figure = formatMeasureValue(data.measure, value);
    let name = `${shape.name}: ${figure}`;
    if (shape.codes.length > 1) {
      const parts = shape.codes.map(
        (code) =>
          `${stateName.get(code) ?? code} ${formatMeasureNumber(data.measure, stateValue.get(code) ?? 0)}`,
      );
      name = `${shape.name}, drawn as one shape: ${figure} (${parts.join(", ")}) — opens the page of ${stateName.get(shape.id) ?? shape.id}`;
    }
    return { id: shape.id, href: hrefFor(shape.id), name, color: colorFor(scale, value), value };
  });
}

/** The scale for a map's data: classes over the values of its shapes, as they are coloured. */
export function scaleForData(data: StateMapData): MapScale {
  const shapeValue = new Map(data.shapes.map((s) => [s.id, s.value]));
  const stateValue = new Map(data.states.map((s) => [s.code, s.value]));
  return mapScale(
    data.measure,
    MAP_SHAPES.map((shape) => shapeValue.get(shape.id) ?? stateValue.get(shape.id) ?? 0),
  );
}

/**
 * One link per shape, named by an aria-label and a <title> (the tooltip) with the same text, the
 * shape drawn inside by `draw` (a <path> in the standalone SVG, a <use> of the outline in the
 * page). Unlinked (`linked` false), each shape is a named image instead, for a file whose links
 * would lead nowhere. Names come from our code and figures, but go through the escaping builder.
 */
export function shapeLinks(
  views: readonly MapShapeView[],
  draw: (view: MapShapeView) => Attributes & { tag: "path" | "use" },
  linked = true,
): Markup {
  return fragment(
    views.map((view) => {
      const { tag, ...attributes } = draw(view);
      const wrapper = linked
        ? { href: view.href, "aria-label": view.name }
        : { role: "img", "aria-label": view.name };
      return h(linked ? "a" : "g", wrapper, h("title", {}, view.name), h(tag, attributes));
    }),
  );
}
