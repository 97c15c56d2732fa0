// CSV as RFC 4180 (CRLF line ends, fields quoted when needed) with one addition: a cell that a
// spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
// prefixed with a single quote, so opening an export never runs anything.

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  // Numbers are data, not formulas: a negative number stays a number.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

export function toCsv<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  preamble: readonly string[] = [],
): string {
  const lines: string[] = preamble.map((line) => escapeCsvCell(line));
  lines.push(columns.map((c) => escapeCsvCell(c.header)).join(","));
  for (const row of rows) lines.push(columns.map((c) => escapeCsvCell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export const DATA_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";
export const TRACKER_NAME = "Make in India localisation tracker";

/** How to cite an export: what it is, exactly where it came from, and when. */
export function citation({
  title,
  url,
  retrievedOn,
}: {
  title: string;
  url: string;
  retrievedOn: string;
}): string {
  return `${TRACKER_NAME}, "${title}", ${url}, retrieved ${retrievedOn}. Licence: ${DATA_LICENCE}.`;
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
