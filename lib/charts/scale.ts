// The arithmetic behind a value axis: round tick steps people can read at a glance (1, 2, 5 × 10ⁿ),
// and stacked segments laid end to end. Pure, so the charts the server draws can be tested
// without a browser.

export type Ticks = {
  /** The axis runs from 0 to `top`, the first tick at or above the largest value. */
  top: number;
  step: number;
  values: number[];
};

/**
 * Steps within a decade that read well (2.5 is left out so that tick labels stay short), each
 * taken when the rough step is nearer to it than to its neighbours on a log scale, as d3 does:
 * rounding up instead would leave up to half the axis empty (101 → 0 to 150).
 */
const NICE = [
  [Math.sqrt(50), 10],
  [Math.sqrt(10), 5],
  [Math.sqrt(2), 2],
] as const;

/** Float steps like 0.1 × 3 make 0.30000000000000004; twelve significant digits hide that. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * Ticks from 0 to the first at or past `max`, about `count` of them. Counts pass `integer` so that an axis
 * whose largest value is 3 does not read 0, 0.5, 1, 1.5. A `max` of zero, negative or not finite
 * (no data) gives the axis 0 to 1, so that nothing divides by zero.
 */
export function niceTicks(max: number, { count = 5, integer = false } = {}): Ticks {
  if (!Number.isFinite(max) || max <= 0) return { top: 1, step: 1, values: [0, 1] };
  const rough = max / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const factor = NICE.find(([from]) => rough / magnitude >= from)?.[1] ?? 1;
  let step = clean(factor * magnitude);
  if (integer && step < 1) step = 1;
  const steps = Math.ceil(clean(max / step));
  const values = Array.from({ length: steps + 1 }, (_, i) => clean(i * step));
  return { top: values.at(-1) as number, step, values };
}

export type Segment = { key: string; value: number; start: number; end: number };

/**
 * Lays the values of one bar end to end, in the order given, as fractions of `top`. Zero,
 * negative and missing values take no room and get no segment (there is nothing to select).
 */
export function stackSegments(values: readonly { key: string; value: number }[], top: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const { key, value } of values) {
    if (!Number.isFinite(value) || value <= 0) continue;
    const end = at + value;
    out.push({ key, value, start: at / top, end: end / top });
    at = end;
  }
  return out;
}

const compact = new Intl.NumberFormat("en-IN", { notation: "compact", maximumFractionDigits: 1 });

/** A tick label short enough for an axis: 1500 → "1.5K", 2500000 → "25L", 30000000 → "3Cr". */
export const formatTick = (value: number) => compact.format(value);

/**
 * Cuts a label to `max` characters with an ellipsis, at a word boundary when one is near, so a
 * long category name does not run into the bars; the full name stays in the bar's accessible
 * name and the table.
 */
export function truncateLabel(label: string, max: number): string {
  const text = label.trim().replace(/\s+/g, " ");
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  const base = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:–—-]+$/, "")}…`;
}
