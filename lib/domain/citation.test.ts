import { describe, expect, it } from "vitest";
import { citationBibtex, citationText, escapeBibtex, type CitableCommitment } from "./citation";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const ARCHIVED = [
  { url: "https://example.in/optiemus", archivedAt: "2026-11-24T20:00:00.000Z", sha256: HASH },
];

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
    [
      "a record with an archived source (fetched on 25 Nov in India, though 24 Nov in UTC)",
      { ...XIAOMI, archivedSources: ARCHIVED },
      `Make in India localisation tracker, "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025" (commitment 1, as revised on 29 May 2023), https://tracker.example.in/commitments/1, retrieved 25 Nov 2026. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Sources as archived: https://example.in/optiemus archived on 25 Nov 2026, SHA-256 ${HASH}.`,
    ],
    [
      "two archived sources",
      {
        ...XIAOMI,
        archivedSources: [
          ...ARCHIVED,
          { url: "https://b.example/x", archivedAt: "2026-01-02T03:04:05Z", sha256: "ab".repeat(32) },
        ],
      },
      `Make in India localisation tracker, "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025" (commitment 1, as revised on 29 May 2023), https://tracker.example.in/commitments/1, retrieved 25 Nov 2026. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Sources as archived: https://example.in/optiemus archived on 25 Nov 2026, SHA-256 ${HASH}; https://b.example/x archived on 2 Jan 2026, SHA-256 ${"ab".repeat(32)}.`,
    ],
    [
      "an empty list of archived sources says nothing of them",
      { ...XIAOMI, archivedSources: [] },
      'Make in India localisation tracker, "Xiaomi: 50 per cent increase in the production of locally sourced components by 2025" (commitment 1, as revised on 29 May 2023), https://tracker.example.in/commitments/1, retrieved 25 Nov 2026. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
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
  it("carries each archived source's hash in the note", () => {
    expect(citationBibtex({ ...XIAOMI, archivedSources: ARCHIVED })).toContain(
      `  note = {Commitment 1; as revised on 29 May 2023; retrieved 25 Nov 2026; licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); Sources as archived: https://example.in/optiemus archived on 25 Nov 2026, SHA-256 ${HASH}},`,
    );
  });

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
