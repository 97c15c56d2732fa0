import { COMMITMENT_CSV_COLUMNS } from "@/lib/api/commitment-export";
import { isEndOfPeriod, isIsoDate } from "@/lib/domain/dates";
import {
  DEADLINE_PRECISIONS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type DeadlinePrecision,
} from "@/lib/domain/vocabulary";
import { formatDeadlineInput } from "@/lib/validation/submissions";
import { MAX_IMPORT_ROWS } from "./csv";

// Turns the rows of an uploaded CSV into commitment proposals, in the shape the submission form
// posts, so that CommitmentInputSchema judges an imported row exactly as it judges the form. The
// columns are the export's (lib/api/commitment-export.ts): a researcher can export, correct and
// propose again. A row with an id proposes a change to that commitment; without, a new one.

/** Lists inside a cell (categories, states, sources) are separated by a vertical bar. */
export const LIST_SEPARATOR = "|";

export type ImportColumn = { name: string; required: boolean; description: string };

/** What the import reads, in the order the page documents it. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    name: "id",
    required: false,
    description:
      "Empty for a new commitment; a commitment's number (from an export) to propose a change to it.",
  },
  {
    name: "company",
    required: true,
    description:
      "The company's short name, as in its address (/companies/xiaomi). The company must already be published.",
  },
  { name: "title", required: true, description: "What the company committed to, in a line." },
  { name: "description", required: false, description: "More detail, in plain words." },
  {
    name: "metric",
    required: true,
    description:
      "local_sourcing_share, local_production_increase, local_value_addition, investment, jobs, units_produced, exports or facility_milestone.",
  },
  { name: "unit", required: true, description: "percent, INR, USD, count or yes_no (1 for yes, 0 for no)." },
  { name: "direction", required: true, description: "increase or decrease." },
  {
    name: "baseline_value",
    required: true,
    description: "A number, like 0 or 12.5; Indian grouping commas are allowed.",
  },
  { name: "baseline_date", required: true, description: "A date like 2023-05-29." },
  { name: "target_value", required: true, description: "A number." },
  {
    name: "deadline_precision",
    required: false,
    description: "day, month, quarter or year; empty when no deadline was stated.",
  },
  {
    name: "due_on",
    required: false,
    description:
      "The last day of the deadline's period: 2025-12-31 for “by 2025”, 2026-09-30 for “by Q3 2026”.",
  },
  {
    name: "deadline",
    required: false,
    description:
      "Instead of due_on, the deadline as a person writes it: 2025, 2026-Q3, 2026-06 or 2026-06-30.",
  },
  {
    name: "scheme",
    required: false,
    description: "make_in_india, pli_electronics, pli_it_hardware, pmp or other.",
  },
  {
    name: "evidence_grade",
    required: true,
    description: "in_talks, announced, agreement_or_land, regulatory_filing or verified_outcome.",
  },
  { name: "announced_on", required: false, description: "A date like 2023-05-29." },
  {
    name: "categories",
    required: false,
    description: "Product categories, separated by | (Smartphones | Televisions).",
  },
  { name: "states", required: false, description: "State codes, separated by | (IN-UP | IN-KA)." },
  {
    name: "source_urls",
    required: true,
    description: "At least one source address (http or https); several separated by |.",
  },
  {
    name: "source_publishers",
    required: false,
    description: "The publisher of each source, in the same order, separated by |.",
  },
  { name: "source_titles", required: false, description: "The title of each source, in the same order." },
  {
    name: "source_kinds",
    required: false,
    description: "news, press_release, social_post, filing, government or other, for each source.",
  },
  {
    name: "source_published_on",
    required: false,
    description: "The publication date of each source, like 2023-05-29.",
  },
  {
    name: "source_excerpts",
    required: false,
    description: "A quoted excerpt from each source (without a | inside).",
  },
];

const READ = new Set(IMPORT_COLUMNS.map((c) => c.name));
const REQUIRED = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name);
// The export's computed and display columns: read from the published record, never imported.
const EXPORT_ONLY = new Set(COMMITMENT_CSV_COLUMNS.map((c) => c.header).filter((h) => !READ.has(h)));
const ALIASES: Record<string, string> = {
  source_url: "source_urls",
  source_publisher: "source_publishers",
  source_title: "source_titles",
  source_kind: "source_kinds",
  source_excerpt: "source_excerpts",
  source_published_ons: "source_published_on",
};

const SOURCE_COLUMNS = {
  url: "source_urls",
  title: "source_titles",
  publisher: "source_publishers",
  kind: "source_kinds",
  published_on: "source_published_on",
  excerpt: "source_excerpts",
} as const;
type SourceField = keyof typeof SOURCE_COLUMNS;

/** A source the tracker already publishes: fills in what a row leaves out for the same address. */
export type KnownSource = {
  title: string;
  publisher: string;
  kind: string;
  publishedOn: string | null;
  excerpt: string | null;
};

export type CsvRow = { row: number; targetId: number | null; payload: Record<string, unknown> };
export type CsvProblem = { row: number; field: string; message: string };

export type CommitmentCsv =
  | {
      ok: true;
      rows: CsvRow[];
      /** Problems found before validation: cells that cannot be read as the column says. */
      problems: CsvProblem[];
      /** Columns neither read nor known from the export. */
      ignoredColumns: string[];
      /** Whether the deadline came from a `deadline` column (otherwise from due_on). */
      deadlineColumn: boolean;
    }
  | { ok: false; message: string };

const normaliseHeader = (h: string) => {
  const name = h.trim().toLowerCase().replace(/\s+/g, "_");
  return ALIASES[name] ?? name;
};

const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((s) => s.trim());

const KIND_BY_LABEL = new Map<string, string>(
  SOURCE_KINDS.flatMap((k) => [
    [k, k],
    [SOURCE_KIND_LABELS[k].toLowerCase(), k],
  ]),
);

/**
 * Reads commitment proposals from parsed CSV records. The header is the first of the first three
 * rows that names both `company` and `title` (an export starts with a citation line). Row numbers
 * are those a spreadsheet shows, so the report points at the row a person will correct.
 */
export function commitmentRowsFromCsv(
  records: readonly string[][],
  { knownSource = () => undefined }: { knownSource?: (url: string) => KnownSource | undefined } = {},
): CommitmentCsv {
  const headerIndex = records.slice(0, 3).findIndex((r) => {
    const names = r.map(normaliseHeader);
    return names.includes("company") && names.includes("title");
  });
  if (headerIndex < 0)
    return {
      ok: false,
      message: "The first row must name the columns, as an export does: company, title, metric and so on.",
    };
  const header = records[headerIndex]!.map(normaliseHeader);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      message: `The file has no column named ${missing.join(", ")}. See the list of columns below.`,
    };
  const repeated = header.filter((h, i) => h !== "" && header.indexOf(h) !== i);
  if (repeated.length > 0) return { ok: false, message: `The column ${repeated[0]} appears twice.` };
  const dataRows = records.length - headerIndex - 1;
  if (dataRows > MAX_IMPORT_ROWS)
    return {
      ok: false,
      message: `The file has ${dataRows.toLocaleString("en-IN")} rows; at most ${MAX_IMPORT_ROWS.toLocaleString("en-IN")} can be imported at once.`,
    };

  const ignoredColumns = header.filter((h) => h !== "" && !READ.has(h) && !EXPORT_ONLY.has(h));
  const deadlineColumn = header.includes("deadline");
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];

  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r]!;
    const row = r + 1;
    if (record.every((c) => c.trim() === "")) continue;
    if (record.length > header.length && record.slice(header.length).some((c) => c.trim() !== "")) {
      problems.push({
        row,
        field: "(row)",
        message: `This row has ${record.length} cells but there are ${header.length} columns; check for a comma that is not inside quotes.`,
      });
      continue;
    }
    const cell = (name: string) => {
      const i = header.indexOf(name);
      return i < 0 ? "" : (record[i] ?? "").trim();
    };
    const before = problems.length;

    const idCell = cell("id");
    let targetId: number | null = null;
    if (idCell !== "") {
      if (/^[1-9]\d{0,14}$/.test(idCell)) targetId = Number(idCell);
      else
        problems.push({
          row,
          field: "id",
          message: "id must be a commitment's number, or empty for a new commitment.",
        });
    }

    const precision = cell("deadline_precision").toLowerCase();
    let deadline = cell("deadline");
    const dueOn = cell("due_on");
    if (deadline === "" && dueOn !== "") {
      if (!isIsoDate(dueOn)) {
        problems.push({ row, field: "due_on", message: "due_on must be a date like 2025-12-31." });
      } else if ((DEADLINE_PRECISIONS as readonly string[]).includes(precision)) {
        const p = precision as DeadlinePrecision;
        if (isEndOfPeriod(dueOn, p)) deadline = formatDeadlineInput(dueOn, p);
        else
          problems.push({
            row,
            field: "due_on",
            message: `due_on must be the last day of its ${p}, like ${p === "year" ? "2025-12-31" : p === "quarter" ? "2025-09-30" : "2025-06-30"}.`,
          });
      } else {
        // Left for the schema, which asks for the precision beside the deadline.
        deadline = dueOn;
      }
    }

    const lists = Object.fromEntries(
      (Object.entries(SOURCE_COLUMNS) as [SourceField, string][]).map(([field, column]) => {
        const c = cell(column);
        return [field, c === "" ? [] : splitList(c)];
      }),
    ) as Record<SourceField, string[]>;
    const count = lists.url.length;
    for (const [field, column] of Object.entries(SOURCE_COLUMNS) as [SourceField, string][]) {
      if (field !== "url" && lists[field].length > 0 && lists[field].length !== count)
        problems.push({
          row,
          field: column,
          message: `${column} has ${lists[field].length} entr${lists[field].length === 1 ? "y" : "ies"} but source_urls has ${count}; give one for each source, separated by |.`,
        });
    }
    const sources = lists.url.map((url, i) => {
      const known = url ? knownSource(url) : undefined;
      const pick = (field: SourceField, fallback: string | null | undefined) => {
        const own = lists[field][i] ?? "";
        return own !== "" ? own : (fallback ?? "");
      };
      const kind = pick("kind", known?.kind);
      return {
        url,
        title: pick("title", known?.title),
        publisher: pick("publisher", known?.publisher),
        kind: KIND_BY_LABEL.get(kind.toLowerCase()) ?? kind,
        published_on: pick("published_on", known?.publishedOn),
        excerpt: pick("excerpt", known?.excerpt),
      };
    });

    if (problems.length > before) continue;
    rows.push({
      row,
      targetId,
      payload: {
        company: cell("company"),
        title: cell("title"),
        description: cell("description"),
        metric: cell("metric"),
        unit: cell("unit"),
        direction: cell("direction"),
        baseline_value: cell("baseline_value"),
        baseline_date: cell("baseline_date"),
        target_value: cell("target_value"),
        deadline_precision: precision,
        deadline,
        scheme: cell("scheme"),
        evidence_grade: cell("evidence_grade"),
        announced_on: cell("announced_on"),
        categories: splitList(cell("categories")).filter(Boolean),
        states: splitList(cell("states"))
          .filter(Boolean)
          .map((s) => s.toUpperCase()),
        sources,
      },
    });
  }
  return { ok: true, rows, problems, ignoredColumns, deadlineColumn };
}

/**
 * The CSV column a validation error concerns, for a payload field name as the schema reports it
 * ("sources.1.title" is the second entry of source_titles).
 */
export function columnForField(field: string, { deadlineColumn }: { deadlineColumn: boolean }): string {
  const source = /^sources\.(\d+)\.(\w+)$/.exec(field);
  if (source) {
    const column = SOURCE_COLUMNS[source[2] as SourceField] ?? "source_urls";
    return `${column} (source ${Number(source[1]) + 1})`;
  }
  if (field === "sources") return "source_urls";
  if (field === "deadline") return deadlineColumn ? "deadline" : "due_on";
  if (field === "_form" || field === "_row") return "(row)";
  return field.replace(/\.\d+$/, "");
}
