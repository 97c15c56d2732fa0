import { describe, expect, test } from "vitest";
import { wrapText } from "./share-card";

describe("wrapText", () => {
  test.each([
    ["Status by sector", 20, 2, ["Status by sector"]],
    [
      "Progress: a 50 per cent increase in locally sourced parts",
      20,
      2,
      ["Progress: a 50 per", "cent increase in…"],
    ],
    ["Progress: a 50 per cent increase", 20, 2, ["Progress: a 50 per", "cent increase"]],
    ["Supercalifragilisticexpialidocious", 10, 2, ["Supercali…"]],
    ["  spaced   out  ", 20, 2, ["spaced out"]],
  ])("%j in %i × %i", (text, width, lines, expected) => {
    const wrapped = wrapText(text, width, lines);
    expect(wrapped).toEqual(expected);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(width);
  });
});
