import { describe, expect, it } from "vitest";
import { citationBibtex, citationText, escapeBibtex, type CitableCommitment } from "./citation";

const XIAOMI: CitableCommitment = {
  id: 1,
  companyName: "Xiaomi",
  title: "50 per cent increase in the production of locally sourced components by 2025",
  url: "https://tracker.example.in/commitments/1",
  revisedOn: "2023-05-29",
  retrievedOn: "2026-11-25",
};

describe("citationText", () => {
  it.each([
    [
      "a revised record",
      XIAOMI,
      'Make in India localisation tracker, "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025" (commitment 1, as revised on 29 May 2023), https://tracker.example.in/commitments/1, retrieved 25 Nov 2026. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
    ],
    [
      "a record without revisions",
      { ...XIAOMI, id: 7, revisedOn: null },
      'Make in India localisation tracker, "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025" (commitment 7), https://tracker.example.in/commitments/1, retrieved 25 Nov 2026. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
    ],
  ])("%s", (_, input, expected) => {
    expect(citationText(input)).toBe(expected);
  });
});

describe("escapeBibtex", () => {
  it.each([
    ["plain words", "Local sourcing", "Local sourcing"],
    ["ampersand and per cent", "R&D at 50%", "R\\&D at 50\\%"],
    ["braces that would close the field", "a} @misc{x", "a\\} @misc\\{x"],
    ["backslash commands", "\\input{/etc/passwd}", "\\textbackslash{}input\\{/etc/passwd\\}"],
    ["dollar, hash, underscore", "$5 #1 Q4_2025", "\\$5 \\#1 Q4\\_2025"],
    ["caret and tilde", "x^2 ~ y", "x\\textasciicircum{}2 \\textasciitilde{} y"],
    ["control characters", "line\r\nbreak\u0000", "line break "],
    ["Devanagari and emoji kept", "भारत में 📱", "भारत में 📱"],
  ])("%s", (_, input, expected) => {
    expect(escapeBibtex(input)).toBe(expected);
  });
});

describe("citationBibtex", () => {
  it("is one @misc entry with the year of the revision and the exact address", () => {
    expect(citationBibtex(XIAOMI)).toBe(
      [
        "@misc{mii-tracker-commitment-1,",
        "  author = {{Make in India localisation tracker}},",
        "  title = {{Xiaomi: 50 per cent increase in the production of locally sourced components by 2025}},",
        "  year = {2023},",
        "  howpublished = {\\url{https://tracker.example.in/commitments/1}},",
        "  note = {Commitment 1; as revised on 29 May 2023; retrieved 25 Nov 2026; licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)},",
        "}",
      ].join("\n"),
    );
  });

  it.each([
    ["year of retrieval when never revised", { ...XIAOMI, revisedOn: null }, "  year = {2026},"],
    [
      "a hostile title stays inside its braces",
      { ...XIAOMI, title: "}}, note={pwned" },
      "  title = {{Xiaomi: \\}\\}, note=\\{pwned}},",
    ],
    [
      "a URL with braces cannot end \\url early",
      { ...XIAOMI, url: "http://h/c/1?x=}" },
      "  howpublished = {\\url{http://h/c/1?x=%7D}},",
    ],
  ])("%s", (_, input, line) => {
    expect(citationBibtex(input).split("\n")).toContain(line);
  });
});
