import { describe, expect, it } from "vitest";
import { deadlineDigestGroups, watchDigestNews, type DigestGroup } from "./digest-content";

const group = (bucket: DigestGroup<number>["bucket"], items: number[], total = items.length) => ({
  bucket,
  items,
  total,
});

describe("deadlineDigestGroups", () => {
  it.each<[string, DigestGroup<number>[], [string, number[], number][]]>([
    ["nothing anywhere: nothing to say", [group("overdue_unverified", []), group("due_30", [])], []],
    [
      "only the three groups a reviewer acts on, in the page's order",
      [
        group("recently_achieved", [9]),
        group("due_90", [3]),
        group("due_365", [8]),
        group("due_30", [2]),
        group("overdue_unverified", [1]),
        group("recently_missed", [7]),
      ],
      [
        ["overdue_unverified", [1], 1],
        ["due_30", [2], 1],
        ["due_90", [3], 1],
      ],
    ],
    ["an empty group is left out", [group("due_30", []), group("due_90", [4])], [["due_90", [4], 1]]],
    [
      "a group beyond the limit keeps its total",
      [group("due_30", [1, 2, 3, 4], 40)],
      [["due_30", [1, 2, 3], 40]],
    ],
    ["only the year ahead: nothing", [group("due_365", [5])], []],
  ])("%s", (_name, groups, expected) => {
    expect(deadlineDigestGroups(groups, 3).map((g) => [g.bucket, g.items, g.total])).toEqual(expected);
  });
});

describe("watchDigestNews", () => {
  const watch = (title: string, sinceRevisionId = 0) => ({ title, sinceRevisionId });
  const changes = (...ids: number[]) => ids.map((revisionId) => ({ revisionId }));
  const news = (
    watched: { watch: ReturnType<typeof watch>; changes: { revisionId: number }[] }[],
    previousThrough: number | null,
    through: number,
    readLimit = 100,
  ) =>
    watchDigestNews(watched, { previousThrough, through }, { readLimit, listLimit: 2 }).map((n) => [
      n.watch.title,
      n.changes.map((c) => c.revisionId),
      n.more,
      n.atLeast,
    ]);

  it.each<[string, Parameters<typeof news>, unknown[]]>([
    [
      "the first digest: everything since the watch began",
      [[{ watch: watch("Xiaomi", 3), changes: changes(5, 4, 3, 2) }], null, 9],
      [["Xiaomi", [5, 4], 0, false]],
    ],
    [
      "a later digest: only what came after the previous one",
      [[{ watch: watch("Xiaomi", 0), changes: changes(7, 6, 5) }], 6, 9],
      [["Xiaomi", [7], 0, false]],
    ],
    [
      "a watch begun after the previous digest starts at its own beginning",
      [[{ watch: watch("Tesla", 8), changes: changes(9, 8, 7) }], 5, 9],
      [["Tesla", [9], 0, false]],
    ],
    [
      "changes published after the digest's read are the next digest's",
      [[{ watch: watch("Xiaomi"), changes: changes(12, 11, 10) }], 9, 10],
      [["Xiaomi", [10], 0, false]],
    ],
    ["nothing new: left out", [[{ watch: watch("Xiaomi"), changes: changes(4, 3) }], 4, 9], []],
    [
      "more than listed are counted",
      [[{ watch: watch("Xiaomi"), changes: changes(9, 8, 7, 6) }], 5, 9],
      [["Xiaomi", [9, 8], 2, false]],
    ],
    [
      "a cut read, all new: at least that many",
      [[{ watch: watch("Xiaomi"), changes: changes(9, 8, 7) }], 1, 9, 3],
      [["Xiaomi", [9, 8], 1, true]],
    ],
    [
      "the most recent news first, then by title",
      [
        [
          { watch: watch("Optiemus"), changes: changes(6) },
          { watch: watch("Apple"), changes: changes(6) },
          { watch: watch("Xiaomi"), changes: changes(8) },
        ],
        0,
        9,
      ],
      [
        ["Xiaomi", [8], 0, false],
        ["Apple", [6], 0, false],
        ["Optiemus", [6], 0, false],
      ],
    ],
  ])("%s", (_name, args, expected) => {
    expect(news(...args)).toEqual(expected);
  });
});
