import { describe, expect, it } from "vitest";
import { citation, escapeCsvCell, toCsv } from "./csv";

describe("escapeCsvCell", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+91 98765", "'+91 98765"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
    [" padded ", '" padded "'],
    ["नोएडा", "नोएडा"],
  ])("escapes %j as %j", (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });

  it.each([
    [-5, "-5"],
    [3.25, "3.25"],
    [Number.NaN, ""],
    [null, ""],
    [undefined, ""],
    [true, "true"],
  ])("writes %j as %j", (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes the preamble, a header and one CRLF-ended line a row", () => {
    const csv = toCsv(
      [
        { a: "x", b: 1 },
        { a: "=1+1", b: -2 },
      ],
      [
        { header: "A", value: (r) => r.a },
        { header: "B", value: (r) => r.b },
      ],
      ["# cite me, please"],
    );
    expect(csv).toBe('"# cite me, please"\r\nA,B\r\nx,1\r\n\'=1+1,-2\r\n');
  });
});

describe("citation", () => {
  it("names the tracker, the view, its address, the date and the licence", () => {
    expect(
      citation({
        title: "Commitments",
        url: "http://localhost/commitments?state=IN-UP",
        retrievedOn: "2026-11-25",
      }),
    ).toBe(
      'Make in India localisation tracker, "Commitments", http://localhost/commitments?state=IN-UP, retrieved 2026-11-25. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
    );
  });
});
