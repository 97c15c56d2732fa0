import { describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/domain/status";
import { HOSTILE_VALUES } from "@/lib/testing/hostile-corpus";
import { packRows, unpackRows, type PanelRow } from "./rows";

const sectors: PanelRow[] = ["Smartphones", "Components", "Electric vehicles", "Pharma"].map((label, i) => {
  const q = `category=${label.replace(/ /g, "+")}`;
  return {
    label,
    href: `/commitments?${q}`,
    values: { ...Object.fromEntries(STATUSES.map((s, j) => [s, i * 10 + j])), total: i * 40 + 6 },
    hrefs: Object.fromEntries(STATUSES.map((s) => [s, `/commitments?${q}&status=${s}`])),
  };
});

const years: PanelRow[] = ["2019", "2025", "2026", "2034"].map((year) => ({
  label: year,
  href: `/commitments?due_from=${year}&due_to=${year}`,
  values: { achieved: 1, missed: 0 },
  hrefs: {
    achieved: `/commitments?status=achieved&due_from=${year}&due_to=${year}`,
    missed: `/commitments?status=missed&due_from=${year}&due_to=${year}`,
  },
}));

const states: PanelRow[] = [
  ["Tamil Nadu", "IN-TN"],
  ["Uttar Pradesh", "IN-UP"],
].map(([label, code]) => ({
  label: label as string,
  href: `/states/${code}`,
  values: { commitments: 3, facilities: 2 },
  hrefs: { commitments: `/commitments?state=${code}`, facilities: `/states/${code}` },
}));

describe("packRows and unpackRows", () => {
  it.each<[string, PanelRow[]]>([
    ["no rows", []],
    ["sectors: one middle per row", sectors],
    ["years: the varying part in the middle of the link", years],
    ["states: links to different places", states],
    ["one row", sectors.slice(0, 1)],
    [
      "rows without links",
      [
        { label: "A", values: { x: 1 } },
        { label: "B", values: { x: 0 } },
      ],
    ],
    [
      "links missing from some rows and keys",
      [
        { label: "A", values: { x: 1, y: 2 }, hrefs: { x: "/a/x" } },
        { label: "B", values: { y: 3 }, href: "/b", hrefs: { y: "/b/y" } },
        { label: "C", values: {} },
      ],
    ],
    [
      "missing links before, between and after others",
      [
        { label: "A", values: {}, hrefs: { x: "/a", y: "/a", z: "/a" } },
        { label: "B", values: {}, hrefs: { y: "/b", z: "/b" } },
        { label: "C", values: {}, href: "/c", hrefs: { x: "/c" } },
        { label: "D", values: {}, href: "/d", hrefs: { z: "/d" } },
        { label: "E", values: {}, hrefs: { x: "/e", z: "/e" } },
      ],
    ],
    [
      "links that are prefixes of one another",
      [
        { label: "A", values: {}, hrefs: { x: "/a" } },
        { label: "B", values: {}, hrefs: { x: "/a/a" } },
        { label: "C", values: {}, hrefs: { x: "/" } },
        { label: "D", values: {}, hrefs: { x: "" } },
      ],
    ],
    [
      "awkward values and keys",
      [
        { label: "", values: { constructor: 1, __proto__: 2, "": 0, toString: -1.5 } },
        { label: "x", values: { "": Number.MAX_SAFE_INTEGER } },
      ],
    ],
  ])("round-trips %s", (_, rows) => {
    const packed = packRows(rows);
    expect(unpackRows(JSON.parse(JSON.stringify(packed)))).toStrictEqual(rows);
  });

  it("round-trips every hostile label and link", () => {
    const rows: PanelRow[] = HOSTILE_VALUES.map(({ value }, i) => ({
      label: value,
      href: `/x/${value}`,
      values: { n: i },
      hrefs: i % 3 ? { n: `${value}?n` } : ({ n: value, m: `${value}${value}` } as Record<string, string>),
    }));
    expect(unpackRows(JSON.parse(JSON.stringify(packRows(rows))))).toStrictEqual(rows);
  });

  it("writes each key once and each row's link once when only its middle varies", () => {
    const packed = packRows(sectors);
    expect(packed.keys).toEqual([...STATUSES, "total"]);
    expect(packed.linkKeys).toEqual([null, ...STATUSES]);
    expect(packed.affixes[1]).toEqual(["/commitments?category=", "&status=achieved"]);
    expect(packed.middles).toEqual(["Smartphones", "Components", "Electric+vehicles", "Pharma"]);
    expect(packed.values[1]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 46]);
  });

  it("writes a row's link once more where its own link differs from its bars' (the unfiltered row)", () => {
    const rows: PanelRow[] = [{ label: "No category", values: {}, href: "/commitments" }, ...sectors].map(
      (r) =>
        r.href === "/commitments"
          ? { ...r, hrefs: Object.fromEntries(STATUSES.map((s) => [s, `/commitments?status=${s}`])) }
          : r,
    );
    const packed = packRows(rows);
    expect(packed.affixes.slice(0, 2)).toEqual([
      ["/commitments", ""],
      ["/commitments?", "status=achieved"],
    ]);
    expect(packed.middles.slice(0, 2)).toEqual(["", ["?category=Smartphones", "category=Smartphones&"]]);
  });
});
