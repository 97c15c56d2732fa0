import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/connection";
import { recordSnapshot } from "@/db/queries/records";
import { exportCommitments } from "@/db/queries/explorer";
import { sources } from "@/db/schema";
import { COMMITMENT_CSV_COLUMNS } from "@/lib/api/commitment-export";
import { diffRecords } from "@/lib/domain/diff";
import { toCsv, citation } from "@/lib/export/csv";
import { tempDatabase } from "@/lib/testing/temp-db";
import { DEFAULT_EXPLORER_QUERY } from "@/lib/validation/explorer-params";
import { CommitmentInputSchema } from "@/lib/records/commitment";
import { fieldErrors } from "@/lib/validation/submissions";
import { columnForField, commitmentRowsFromCsv, type KnownSource } from "./commitments";
import { parseCsv } from "./csv";

const HEADER =
  "company,title,metric,unit,direction,baseline_value,baseline_date,target_value,deadline_precision,due_on,evidence_grade,categories,states,source_urls,source_publishers,source_titles,source_kinds,source_published_on,source_excerpts";
const GOOD =
  'xiaomi,Make earbuds in Noida,units_produced,count,increase,0,2026-01-15,"1,00,000",year,2027-12-31,announced,Earbuds | Wireless audio,IN-UP,https://a.example/1 | https://b.example/2,A News | B Daily,Story A | Story B,news | Press release,2026-01-15 | 2026-01-16,Said A | Said B';

function read(csv: string, knownSource?: (url: string) => KnownSource | undefined) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  return commitmentRowsFromCsv(parsed.records, { knownSource });
}

describe("commitmentRowsFromCsv", () => {
  it("reads a row into the payload the form would post, which the schema accepts", () => {
    const r = read(`${HEADER}\r\n${GOOD}\r\n`);
    if (!r.ok) throw new Error(r.message);
    expect(r.problems).toEqual([]);
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row).toMatchObject({ row: 2, targetId: null });
    expect(row.payload).toMatchObject({
      deadline: "2027",
      deadline_precision: "year",
      categories: ["Earbuds", "Wireless audio"],
      states: ["IN-UP"],
    });
    const parsed = CommitmentInputSchema.parse(row.payload);
    expect(parsed).toMatchObject({ target_value: 100_000, due_on: "2027-12-31" });
    expect(parsed.sources.map((s) => [s.url, s.kind, s.published_on])).toEqual([
      ["https://a.example/1", "news", "2026-01-15"],
      ["https://b.example/2", "press_release", "2026-01-16"],
    ]);
  });

  it.each([
    ["no header", "a,b\n1,2\n", /must name the columns/],
    ["a missing required column", "company,title\nxiaomi,X\n", /no column named metric/],
    ["a repeated column", `${HEADER},title\n`, /appears twice/],
  ])("refuses a file with %s", (_name, csv, message) => {
    const r = read(csv);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(message);
  });

  it.each([
    ["an id that is not a number", { id: "abc" }, "id", /commitment's number/],
    ["a due date that is not a date", { due_on: "end of 2027" }, "due_on", /date like/],
    ["a due date inside its period", { due_on: "2027-06-30" }, "due_on", /last day of its year/],
    [
      "publishers that do not match the sources",
      { source_publishers: "Only one" },
      "source_publishers",
      /has 1 entry but source_urls has 2/,
    ],
  ])("reports %s by row and column", (_name, change, field, message) => {
    const header = `id,${HEADER}`;
    const values = Object.fromEntries(header.split(",").map((h) => [h, ""]));
    const good = parseCsv(`${HEADER}\n${GOOD}\n`);
    if (!good.ok) throw new Error();
    good.records[0]!.forEach((h, i) => (values[h] = good.records[1]![i]!));
    Object.assign(values, change);
    const row = header
      .split(",")
      .map((h) => `"${String(values[h]).replaceAll('"', '""')}"`)
      .join(",");
    const r = read(`Citation line\n${header}\n${row}\n`);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3, field });
    expect(r.problems[0]!.message).toMatch(message);
  });

  it("skips blank rows, flags rows with too many cells, and lists unknown columns", () => {
    const r = read(`${HEADER},colour,status\n${GOOD},blue,on_track\n,,,\n${GOOD},red,x,extra\n`);
    if (!r.ok) throw new Error(r.message);
    expect(r.ignoredColumns).toEqual(["colour"]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.problems).toMatchObject([{ row: 4, field: "(row)" }]);
  });

  it("fills what a row leaves out of a source from the published source at the same address", () => {
    const known: KnownSource = {
      title: "Known",
      publisher: "Reuters",
      kind: "news",
      publishedOn: "2023-05-29",
      excerpt: "Quoted",
    };
    const csv = `company,title,metric,unit,direction,baseline_value,baseline_date,target_value,evidence_grade,source_urls\nxiaomi,T,jobs,count,increase,0,2023-05-29,10,announced,https://known.example/1\n`;
    const r = read(csv, (url) => (url === "https://known.example/1" ? known : undefined));
    if (!r.ok) throw new Error(r.message);
    expect(r.rows[0]!.payload.sources).toEqual([
      {
        url: "https://known.example/1",
        title: "Known",
        publisher: "Reuters",
        kind: "news",
        published_on: "2023-05-29",
        excerpt: "Quoted",
      },
    ]);
  });
});

describe("columnForField", () => {
  it.each([
    ["title", false, "title"],
    ["sources", false, "source_urls"],
    ["sources.0.url", false, "source_urls (source 1)"],
    ["sources.2.excerpt", false, "source_excerpts (source 3)"],
    ["sources.1.published_on", false, "source_published_on (source 2)"],
    ["deadline", false, "due_on"],
    ["deadline", true, "deadline"],
    ["categories.3", false, "categories"],
    ["_form", false, "(row)"],
  ])("%s → %s", (field, deadlineColumn, expected) => {
    expect(columnForField(field, { deadlineColumn })).toBe(expected);
  });
});

describe("an export read back", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => ({ db, cleanup } = tempDatabase()));
  afterAll(() => cleanup());

  it("gives every published commitment back unchanged, its sources filled in from the tracker", () => {
    const { items } = exportCommitments(
      db,
      { ...DEFAULT_EXPLORER_QUERY, includeSuperseded: true },
      "2026-11-25",
    );
    const csv = toCsv([...items], COMMITMENT_CSV_COLUMNS, [
      citation({ title: "Commitments", url: "http://x/commitments", retrievedOn: "2026-11-25" }),
    ]);
    const knownSource = (url: string): KnownSource | undefined =>
      db.select().from(sources).where(eq(sources.url, url)).get();
    const r = read(csv, knownSource);
    if (!r.ok) throw new Error(r.message);
    expect(r.problems).toEqual([]);
    expect(r.ignoredColumns).toEqual([]);
    expect(r.rows.length).toBe(4);
    for (const row of r.rows) {
      const parsed = CommitmentInputSchema.safeParse(row.payload);
      expect(parsed.success ? {} : fieldErrors(parsed.error)).toEqual({});
      const published = recordSnapshot(db, "commitment", row.targetId!)!;
      expect(
        diffRecords("commitment", published.payload, parsed.data as unknown as Record<string, unknown>),
      ).toEqual([]);
    }
  });
});
