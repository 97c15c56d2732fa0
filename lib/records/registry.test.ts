import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RECORD_TYPES, type RecordType } from "@/lib/domain/vocabulary";
import { parsePayload, RECORD_KINDS, submitPath, SUBMIT_ORDER } from "./index";
import type { RecordLike } from "./kind";
import { referenceCheck, type ReferenceLookup } from "./references";
import { SAMPLES } from "./samples";

function parsed<K extends RecordType>(recordType: K, raw: unknown) {
  const result = RECORD_KINDS[recordType].schema.safeParse(raw);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
}

/** The sample written as a row and read back as a payload. */
function roundTrip<K extends RecordType>(recordType: K) {
  const kind = RECORD_KINDS[recordType];
  const slugs = ["xiaomi", "foxconn", "tesla"];
  const payload = parsed(recordType, SAMPLES[recordType]);
  const row = kind.toRow(payload, { companyId: (slug) => slugs.indexOf(slug) + 1 });
  const back = kind.fromRow(row, { companySlug: (id) => slugs[id - 1] ?? "" });
  return { payload, back: parsed(recordType, { ...back, sources: payload.sources }) };
}

/** The keys a kind's schema reads, through the transform a commitment's schema ends with. */
function schemaKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe && schema.in instanceof z.ZodType) return schemaKeys(schema.in);
  throw new Error("Not an object schema");
}

describe("RECORD_KINDS", () => {
  it.each(RECORD_TYPES)("%s: the field specs name exactly the schema's fields", (recordType) => {
    const kind = RECORD_KINDS[recordType];
    expect(kind.recordType).toBe(recordType);
    expect(kind.fields.map((f) => f.key).sort()).toEqual(schemaKeys(kind.schema).sort());
    for (const f of kind.fields) {
      expect(f.label).toMatch(/^[A-Z]/);
      // The form renders a field from its control; the sources have their own section.
      expect(f.key === "sources" || f.control !== undefined).toBe(true);
      if (f.partOf) expect(kind.fields.map((g) => g.key)).toContain(f.partOf);
    }
  });

  it.each(RECORD_TYPES)("%s: has its nouns and a form on /submit", (recordType) => {
    const { nouns, submit } = RECORD_KINDS[recordType];
    expect(nouns.capitalised).toBe(nouns.singular[0]!.toUpperCase() + nouns.singular.slice(1));
    expect(nouns.plural).toMatch(/^[A-Z].*s$/);
    expect(submit.name).toBe(`A ${nouns.singular}`);
    expect(submit.description.length).toBeGreaterThan(20);
    expect(submitPath(recordType, 5)).toBe(`/submit/${submit.slug}?resubmit=5`);
  });

  it("keeps zod out of the field lists, which the submission forms bring into the browser", () => {
    const dir = import.meta.dirname;
    const lists = fs.readdirSync(dir).filter((f) => f.endsWith("-fields.ts") || f === "field-specs.ts");
    expect(lists).toHaveLength(6);
    for (const file of lists) {
      const imports = fs.readFileSync(path.join(dir, file), "utf8").match(/from "[^"]+"/g) ?? [];
      for (const from of imports)
        expect(from).toMatch(
          /^from "(@\/lib\/domain\/[a-z-]+|\.\/[a-z-]+-fields|\.\/field-specs|\.\/kind)"$/,
        );
    }
  });

  it("lists every kind once on /submit, each at its own address", () => {
    expect([...SUBMIT_ORDER].sort()).toEqual([...RECORD_TYPES].sort());
    expect(new Set(RECORD_TYPES.map((t) => RECORD_KINDS[t].submit.slug)).size).toBe(RECORD_TYPES.length);
  });

  it.each(RECORD_TYPES)("%s: parsing a parsed payload again gives the same payload", (recordType) => {
    // applyApproved parses the stored payload once more, to type it for the kind's row mapping.
    const once = parsed(recordType, SAMPLES[recordType]);
    expect(parsed(recordType, once)).toEqual(once);
  });

  it.each(RECORD_TYPES)("%s: a payload written as a row reads back as the same payload", (recordType) => {
    const { payload, back } = roundTrip(recordType);
    expect(back).toEqual(payload);
  });
});

describe("titles and links", () => {
  const lookup = {
    companyName: (slug: string) => ({ tesla: "Tesla", foxconn: "Foxconn" })[slug] ?? slug,
    commitmentTitle: (id: number) => (id === 12 ? "A plant in Chennai" : null),
  };

  it.each<[RecordType, RecordLike, string]>([
    ["company", { name: "Dixon", slug: "dixon" }, "Dixon"],
    ["company", { slug: "dixon" }, "dixon"],
    ["company", {}, "Unnamed company"],
    ["facility", { name: "Plant" }, "Plant"],
    ["facility", { name: " " }, "Unnamed facility"],
    ["partnership", { brand: "tesla", partner: "foxconn" }, "Tesla with Foxconn"],
    ["partnership", { brand: "tesla", partner: "unknown" }, "Tesla with unknown"],
    ["partnership", { brand: "tesla" }, "Partnership"],
    ["commitment", { title: "Half local" }, "Half local"],
    ["commitment", {}, "Untitled commitment"],
    [
      "progress_update",
      { commitment_id: 12, value: 150000, as_of: "2025-03-31" },
      "1,50,000 as of 31 Mar 2025: “A plant in Chennai”",
    ],
    ["progress_update", { commitment_id: 99, value: 1, as_of: "2025-03-31" }, "1 as of 31 Mar 2025"],
    ["progress_update", { commitment_id: 12 }, "Progress: “A plant in Chennai”"],
  ])("%s %o is called “%s”", (recordType, record, title) => {
    expect(RECORD_KINDS[recordType].title(record, lookup)).toBe(title);
  });

  it("links each kind to its own page or its owner's", () => {
    const companySlug = (id: number) => (id === 3 ? "tesla" : null);
    const links = {
      company: RECORD_KINDS.company.href(3, {
        row: () => ({ ...parsedRow("company"), slug: "tesla" }),
        companySlug,
      }),
      facility: RECORD_KINDS.facility.href(8, {
        row: () => ({ ...parsedRow("facility"), operatorCompanyId: 3 }),
        companySlug,
      }),
      partnership: RECORD_KINDS.partnership.href(9, {
        row: () => ({ ...parsedRow("partnership"), brandCompanyId: 3 }),
        companySlug,
      }),
      commitment: RECORD_KINDS.commitment.href(12, { row: () => undefined, companySlug }),
      progress_update: RECORD_KINDS.progress_update.href(40, {
        row: () => ({ ...parsedRow("progress_update"), commitmentId: 12 }),
        companySlug,
      }),
      missing: RECORD_KINDS.facility.href(8, { row: () => undefined, companySlug }),
    };
    expect(links).toEqual({
      company: "/companies/tesla",
      facility: "/companies/tesla",
      partnership: "/companies/tesla",
      commitment: "/commitments/12",
      progress_update: "/commitments/12",
      missing: null,
    });
  });
});

/** The row a sample becomes, for links that read one column of it. */
function parsedRow<K extends RecordType>(recordType: K) {
  const kind = RECORD_KINDS[recordType];
  return kind.toRow(kind.schema.parse(SAMPLES[recordType]), { companyId: () => 1 });
}

describe("referenceErrors", () => {
  const lookup: ReferenceLookup = {
    companyBySlug: (slug) =>
      ({
        xiaomi: { withdrawnOn: null },
        foxconn: { withdrawnOn: null },
        tesla: { withdrawnOn: "2026-01-01" },
      })[slug],
    companySlug: (id) => (id === 1 ? "xiaomi" : undefined),
    facility: (id) => (id === 7 ? { withdrawnOn: "2026-02-01" } : undefined),
    commitment: (id) => (id === 12 ? { withdrawnOn: null, baselineDate: "2025-04-01" } : undefined),
  };
  const errorsFor = (recordType: RecordType, over: RecordLike, targetId: number | null = null) => {
    const p = parsePayload(recordType, "create", { ...SAMPLES[recordType], ...over });
    if (!p.ok || !("sources" in p.payload)) throw new Error("invalid sample");
    return referenceCheck(recordType, p.payload, targetId, lookup).errors;
  };

  it.each<[string, RecordType, RecordLike, number | null, Record<string, string>]>([
    ["a new company", "company", {}, null, {}],
    [
      "a company whose short name is taken",
      "company",
      { slug: "xiaomi" },
      null,
      { slug: "A company with the short name “xiaomi” already exists." },
    ],
    ["a company keeping its short name", "company", { slug: "xiaomi" }, 1, {}],
    [
      "a company changing its short name",
      "company",
      { slug: "mi" },
      1,
      { slug: "The short name cannot change: links and other records use “xiaomi”." },
    ],
    ["a facility of a published operator", "facility", {}, null, {}],
    [
      "a facility of an unknown operator",
      "facility",
      { operator: "nobody" },
      null,
      {
        operator:
          "No published company has the short name “nobody”. Propose the company first; once it is approved, this can refer to it.",
      },
    ],
    [
      "a partnership with a withdrawn brand and facility",
      "partnership",
      {},
      null,
      { brand: "The company “tesla” has been withdrawn.", facility_id: "That facility has been withdrawn." },
    ],
    [
      "a partnership of published companies at no facility",
      "partnership",
      { brand: "xiaomi", facility_id: "" },
      null,
      {},
    ],
    ["a commitment of a published company", "commitment", {}, null, {}],
    [
      "progress before the baseline",
      "progress_update",
      {},
      null,
      { as_of: "The date must not be before the commitment's baseline date (2025-04-01)." },
    ],
    ["progress on the baseline", "progress_update", { as_of: "2025-04-01" }, null, {}],
    [
      "progress on an unknown commitment",
      "progress_update",
      { commitment_id: "13" },
      null,
      { commitment_id: "There is no published commitment number 13." },
    ],
  ])("%s", (_name, recordType, over, targetId, expected) => {
    expect(errorsFor(recordType, over, targetId)).toEqual(expected);
  });
});
