// Reading the CSV files people upload: RFC 4180 (quoted fields, doubled quotes, line breaks inside
// quotes) with what spreadsheets add in practice: a byte-order mark, CRLF, LF or CR line ends, and
// the single quote our own export puts before a cell that would otherwise run as a formula.

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export type FileCheck = { ok: true; text: string } | { ok: false; message: string };

const ACCEPTED_TYPES = new Set([
  "",
  "text/csv",
  "text/plain",
  "application/csv",
  "application/vnd.ms-excel",
  "application/octet-stream",
]);

/**
 * Accepts a file only if it is a CSV a person meant to upload: named .csv, within the size limit,
 * text in UTF-8 (a byte-order mark is dropped). A workbook saved with the wrong name is refused
 * with the words to fix it.
 */
export function readCsvFile(file: { name: string; type: string; bytes: Uint8Array }): FileCheck {
  if (file.bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (file.bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`,
    };
  const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (zip || /\.(xlsx?|ods|numbers)$/i.test(file.name))
    return {
      ok: false,
      message: "This is a spreadsheet workbook, not a CSV file. Save it as “CSV UTF-8” and upload that.",
    };
  if (!/\.csv$/i.test(file.name) || !ACCEPTED_TYPES.has(file.type.toLowerCase().split(";")[0]!.trim()))
    return { ok: false, message: "Upload a CSV file (its name ends in .csv)." };
  if (file.bytes.includes(0)) return { ok: false, message: "This is not a text file. Upload a CSV file." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    return { ok: false, message: "The file is not in UTF-8. Save it as “CSV UTF-8” and upload it again." };
  }
  return { ok: true, text };
}

export type CsvParse = { ok: true; records: string[][] } | { ok: false; message: string; row: number };

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

/** Removes the quote our export adds before a cell starting with = + - @, a tab or a carriage return. */
export function unescapeFormula(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/**
 * Parses CSV text into records of cells. A record is one spreadsheet row, whatever line breaks
 * its quoted cells contain, so `row` in an error is the row number a spreadsheet shows.
 * Refuses more than `maxRecords` records rather than reading an unbounded file into memory.
 */
export function parseCsv(
  input: string,
  { maxRecords = MAX_IMPORT_ROWS + 2 }: { maxRecords?: number } = {},
): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false; // inside a quoted cell
  let wasQuoted = false; // the current cell began with a quote
  let afterQuote = false; // a quoted cell has closed; only a delimiter or line end may follow
  const row = () => records.length + 1;

  const endCell = () => {
    // The export escapes before it quotes, so a quoted cell can carry the formula quote too.
    record.push(unescapeFormula(cell));
    cell = "";
    wasQuoted = false;
    afterQuote = false;
  };
  const endRecord = (): CsvParse | null => {
    endCell();
    records.push(record);
    record = [];
    return records.length > maxRecords
      ? {
          ok: false,
          message: `The file has more than ${maxRecords.toLocaleString("en-IN")} rows.`,
          row: records.length,
        }
      : null;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === ",") {
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      const failed = endRecord();
      if (failed) return failed;
    } else if (afterQuote) {
      return {
        ok: false,
        message: "Text follows a closing quote in a cell; put the whole cell in quotes.",
        row: row(),
      };
    } else if (ch === '"' && cell === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else {
      cell += ch;
    }
  }
  if (quoted)
    return { ok: false, message: "A quoted cell is never closed: a quote mark is missing.", row: row() };
  // The last line needs no line end; a file that ends with one has no empty record after it.
  if (cell !== "" || wasQuoted || record.length > 0) {
    const failed = endRecord();
    if (failed) return failed;
  }
  return { ok: true, records };
}
