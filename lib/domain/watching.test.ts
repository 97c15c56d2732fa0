import { describe, expect, it } from "vitest";
import { newSince, orderWatched, seenAfterVisit, splitChanges, type NewSince } from "./watching";

const WATCH = { sinceRevisionId: 10, createdAt: "2026-11-01T09:00:00.000Z" };

describe("newSince", () => {
  it.each<[string, { seenRevisionId: number; visitedAt: string } | null, NewSince]>([
    [
      "never visited: news starts when the watch began",
      null,
      { after: 10, basis: "watch", at: WATCH.createdAt },
    ],
    [
      "visited before the watch began: the visit says nothing about it",
      { seenRevisionId: 4, visitedAt: "2026-10-01T00:00:00.000Z" },
      { after: 10, basis: "watch", at: WATCH.createdAt },
    ],
    [
      "visited after the watch began: news starts at the visit",
      { seenRevisionId: 25, visitedAt: "2026-11-20T10:00:00.000Z" },
      { after: 25, basis: "visit", at: "2026-11-20T10:00:00.000Z" },
    ],
    [
      "visited when nothing had been published since the watch began",
      { seenRevisionId: 10, visitedAt: "2026-11-02T10:00:00.000Z" },
      { after: 10, basis: "visit", at: "2026-11-02T10:00:00.000Z" },
    ],
  ])("%s", (_, visit, expected) => {
    expect(newSince(WATCH, visit)).toEqual(expected);
  });
});

const rows = (...ids: number[]) => ids.map((revisionId) => ({ revisionId }));
const ids = (list: { revisionId: number }[]) => list.map((c) => c.revisionId);

describe("splitChanges", () => {
  it.each<
    [
      string,
      number[],
      number,
      { readLimit: number; earlierLimit: number },
      { fresh: number[]; earlier: number[]; moreFresh: boolean; moreEarlier: boolean },
    ]
  >([
    [
      "nothing changed",
      [],
      5,
      { readLimit: 10, earlierLimit: 3 },
      { fresh: [], earlier: [], moreFresh: false, moreEarlier: false },
    ],
    [
      "new and earlier, all read",
      [9, 7, 5, 2],
      5,
      { readLimit: 10, earlierLimit: 3 },
      { fresh: [9, 7], earlier: [5, 2], moreFresh: false, moreEarlier: false },
    ],
    [
      "only earlier ones, more than are listed",
      [5, 4, 3, 2, 1],
      5,
      { readLimit: 10, earlierLimit: 3 },
      { fresh: [], earlier: [5, 4, 3], moreFresh: false, moreEarlier: true },
    ],
    [
      "the read was cut inside the earlier ones: more of them exist",
      [9, 4, 3],
      5,
      { readLimit: 3, earlierLimit: 3 },
      { fresh: [9], earlier: [4, 3], moreFresh: false, moreEarlier: true },
    ],
    [
      "the read was cut while still new: older news was not read",
      [12, 11, 9],
      5,
      { readLimit: 3, earlierLimit: 3 },
      { fresh: [12, 11, 9], earlier: [], moreFresh: true, moreEarlier: false },
    ],
    [
      "a change published exactly at the marker was seen",
      [6, 5],
      5,
      { readLimit: 10, earlierLimit: 3 },
      { fresh: [6], earlier: [5], moreFresh: false, moreEarlier: false },
    ],
  ])("%s", (_, changes, after, limits, expected) => {
    const split = splitChanges(rows(...changes), after, limits);
    expect({ ...split, fresh: ids(split.fresh), earlier: ids(split.earlier) }).toEqual(expected);
  });
});

describe("orderWatched", () => {
  const item = (title: string, fresh: number[], earlier: number[]) => ({
    title,
    fresh: rows(...fresh),
    earlier: rows(...earlier),
  });

  it.each<[string, ReturnType<typeof item>[], string[]]>([
    [
      "news first, the most recent news first",
      [item("A", [], [40]), item("B", [20], [3]), item("C", [30], [])],
      ["C", "B", "A"],
    ],
    [
      "without news, the most recently changed first",
      [item("A", [], [2]), item("B", [], [9]), item("C", [], [])],
      ["B", "A", "C"],
    ],
    ["ties by title", [item("Tesla", [], [1]), item("Foxconn", [], [1])], ["Foxconn", "Tesla"]],
  ])("%s", (_, items, expected) => {
    expect(orderWatched(items).map((i) => i.title)).toEqual(expected);
  });
});

describe("seenAfterVisit", () => {
  it.each<[number | null, number, number]>([
    [null, 0, 0],
    [null, 12, 12],
    [12, 30, 30],
    // A slower tab that read earlier finishes later: the marker does not move back.
    [30, 12, 30],
  ])("after %s, a visit that read through %s leaves %s", (previous, readThrough, expected) => {
    expect(seenAfterVisit(previous, readThrough)).toBe(expected);
  });
});
