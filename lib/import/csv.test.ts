import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "@/lib/export/csv";
import { MAX_IMPORT_BYTES, parseCsv, readCsvFile, unescapeFormula } from "./csv";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("parseCsv", () => {
  it.each<[string, string, string[][]]>([
    [
      "LF line ends",
      "a,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CRLF line ends",
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "CR line ends",
      "a,b\r1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "no line end at the end",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a byte-order mark",
      "\ufeffa,b\n1,2\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "empty cells",
      "a,,c\n,,\n",
      [
        ["a", "", "c"],
        ["", "", ""],
      ],
    ],
    ["quoted commas", '"x, y",z\n', [["x, y", "z"]]],
    ["doubled quotes", '"He said ""50%""",z\n', [['He said "50%"', "z"]]],
    [
      "line breaks inside quotes",
      '"line 1\r\nline 2",z\nnext,row\n',
      [
        ["line 1\r\nline 2", "z"],
        ["next", "row"],
      ],
    ],
    ["an empty quoted cell", '"",x\n', [["", "x"]]],
    ["a quote inside an unquoted cell", 'ab"c,d\n', [['ab"c', "d"]]],
    ["blank lines", "a\n\nb\n", [["a"], [""], ["b"]]],
    [
      "formula-escaped cells",
      "'=SUM(A1),'+91,'-x,'@y,'plain,-5\n",
      [["=SUM(A1)", "+91", "-x", "@y", "'plain", "-5"]],
    ],
    ["formula-escaped quoted cells", `"'=1, 2",x\n`, [["=1, 2", "x"]]],
    ["Devanagari and emoji", "नोएडा,🏭\n", [["नोएडा", "🏭"]]],
  ])("%s", (_name, input, expected) => {
    expect(parseCsv(input)).toEqual({ ok: true, records: expected });
  });

  it.each([
    ['a,"unclosed\nb,c\n', 1, /never closed/],
    ['x\n"ab"c,d\n', 2, /follows a closing quote/],
  ])("refuses %j at row %d", (input, row, message) => {
    const r = parseCsv(input);
    expect(r).toMatchObject({ ok: false, row });
    expect(r.ok ? "" : r.message).toMatch(message);
  });

  it("refuses more records than allowed, without reading on", () => {
    expect(parseCsv("a\n".repeat(11), { maxRecords: 10 })).toMatchObject({ ok: false, row: 11 });
    expect(parseCsv("a\n".repeat(10), { maxRecords: 10 }).ok).toBe(true);
  });

  it("reads back exactly what the export writes", () => {
    const values = [
      '=HYPERLINK("x")',
      "+91 98",
      "-pending",
      "@home",
      "\ttab",
      " padded ",
      'a "quote"',
      "two\r\nlines",
      "plain",
      "",
    ];
    const csv = toCsv(
      values.map((v) => ({ v })),
      [{ header: "v", value: (r: { v: string }) => r.v }],
      ['Cited, as: "x"'],
    );
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.records.map((r) => r[0])).toEqual(['Cited, as: "x"', "v", ...values]);
    expect(escapeCsvCell(-5)).toBe("-5");
  });
});

describe("unescapeFormula", () => {
  it.each([
    ["'=1", "=1"],
    ["'+1", "+1"],
    ["'-1", "-1"],
    ["'@x", "@x"],
    ["'\tx", "\tx"],
    ["'x", "'x"],
    ["''=1", "''=1"],
    ["=1", "=1"],
  ])("%j → %j", (cell, expected) => expect(unescapeFormula(cell)).toBe(expected));
});

describe("readCsvFile", () => {
  const file = (over: Partial<{ name: string; type: string; bytes: Uint8Array }>) => ({
    name: "commitments.csv",
    type: "text/csv",
    bytes: bytes("a,b\n"),
    ...over,
  });

  it("accepts UTF-8 CSV and drops the byte-order mark", () => {
    expect(readCsvFile(file({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("a,b\n")]) }))).toEqual({
      ok: true,
      text: "a,b\n",
    });
    expect(readCsvFile(file({ type: "application/vnd.ms-excel" })).ok).toBe(true);
    expect(readCsvFile(file({ type: "" })).ok).toBe(true);
  });

  it.each([
    ["an empty file", { bytes: new Uint8Array() }, /empty/],
    ["a file too large", { bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) }, /larger than 2 MB/],
    ["an Excel workbook", { name: "c.xlsx", bytes: bytes("PK\u0003\u0004....") }, /workbook/],
    ["a workbook renamed .csv", { bytes: bytes("PK\u0003\u0004....") }, /workbook/],
    ["another kind of file", { name: "c.json", type: "application/json" }, /CSV file/],
    ["a .csv that says it is an image", { type: "image/png" }, /CSV file/],
    ["a binary file", { bytes: new Uint8Array([0x61, 0, 0x62]) }, /not a text file/],
    ["Windows-1252 text", { bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }, /not in UTF-8/],
  ])("refuses %s", (_name, over, message) => {
    const r = readCsvFile(file(over));
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(message);
  });
});
