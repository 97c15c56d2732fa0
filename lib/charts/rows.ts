import type { BarRow } from "./bar-layout";

// The rows behind a chart panel (its bars and its table) as the server hands them to the browser.
// The panel is drawn by a client component so that the page carries the chart's markup once
// (docs/decisions/0014); what it carries besides is this data, in the RSC payload written into the
// HTML. Written out as objects, a dashboard panel's rows repeat every value's key and nearly the
// whole of every link ("/commitments?category=Smartphones&status=" eight times a row): 28 KB of
// JSON on the dashboard at 100,000 commitments, against 5 KB packed. Packed, each key is written
// once and each link as the prefix and suffix its column shares plus what varies per row.
// The packing is lossless for any strings: unpackRows(packRows(rows)) equals rows.

/** One row of a chart panel: a bar (or group of bars) in the chart, a row in its table. */
export type PanelRow = BarRow & {
  /** Where the row's own name leads in the table (every value of the row, unfiltered). */
  href?: string;
};

/** Where a row's link is at `linkKeys[i]`: one value key's link, or (null) the row's own. */
type LinkKey = string | null;

export type PackedRows = {
  labels: string[];
  /** Every value key, once, in the order of each row's `values`. */
  keys: string[];
  /** A row's values in the order of `keys`; null where the row has no such value. */
  values: (number | null)[][];
  linkKeys: LinkKey[];
  /** The prefix and the suffix that every link at the same index of `linkKeys` shares. */
  affixes: [prefix: string, suffix: string][];
  /**
   * What lies between prefix and suffix, per row and link key (null where the row has no such
   * link), with the last entry standing for every key after it: a row's links usually differ only
   * where the columns' affixes do. One string when one entry is left, null when the row links
   * nowhere.
   */
  middles: (string | (string | null)[] | null)[];
};

const linkOf = (row: PanelRow, key: LinkKey) => (key === null ? row.href : row.hrefs?.[key]);

function sharedAffixes(links: string[]): [string, string] {
  if (links.length === 0) return ["", ""];
  const first = links[0] as string;
  const shortest = Math.min(...links.map((l) => l.length));
  let p = 0;
  while (p < shortest && links.every((l) => l[p] === first[p])) p++;
  let s = 0;
  // The suffix may not reach back into the prefix of the shortest link.
  while (s < shortest - p && links.every((l) => l[l.length - 1 - s] === first[first.length - 1 - s])) s++;
  return [first.slice(0, p), first.slice(first.length - s)];
}

export function packRows(rows: readonly PanelRow[]): PackedRows {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const hrefKeys = [...new Set(rows.flatMap((r) => Object.keys(r.hrefs ?? {})))];
  const linkKeys: LinkKey[] = [...(rows.some((r) => r.href !== undefined) ? [null] : []), ...hrefKeys];
  const affixes = linkKeys.map((k) => sharedAffixes(rows.flatMap((r) => linkOf(r, k) ?? [])));
  const middles = rows.map((row) => {
    const own = linkKeys.map((k, i) => {
      const link = linkOf(row, k);
      if (link === undefined) return null;
      const [prefix, suffix] = affixes[i] as [string, string];
      return link.slice(prefix.length, link.length - suffix.length);
    });
    if (own.every((m) => m === null)) return null;
    while (own.length > 1 && own.at(-1) === own.at(-2)) own.pop();
    return own.length === 1 && own[0] !== null ? (own[0] as string) : own;
  });
  return {
    labels: rows.map((r) => r.label),
    keys,
    values: rows.map((r) => keys.map((k) => (Object.hasOwn(r.values, k) ? (r.values[k] as number) : null))),
    linkKeys,
    affixes,
    middles,
  };
}

export function unpackRows(packed: PackedRows): PanelRow[] {
  const { keys, linkKeys, affixes } = packed;
  return packed.labels.map((label, r) => {
    const values = Object.fromEntries(
      (packed.values[r] ?? []).flatMap((v, k) => (v === null ? [] : [[keys[k] as string, v]])),
    );
    const row: PanelRow = { label, values };
    const middles = packed.middles[r] ?? null;
    if (middles === null) return row;
    const hrefs: [string, string][] = [];
    linkKeys.forEach((key, i) => {
      const middle = typeof middles === "string" ? middles : middles[Math.min(i, middles.length - 1)];
      if (middle === null || middle === undefined) return;
      const [prefix, suffix] = affixes[i] as [string, string];
      if (key === null) row.href = prefix + middle + suffix;
      else hrefs.push([key, prefix + middle + suffix]);
    });
    if (hrefs.length) row.hrefs = Object.fromEntries(hrefs);
    return row;
  });
}
