import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { RECORD_TABLES } from "../record-tables";
import { commitments, companies, facilities, partnerships, progressUpdates } from "../schema";
import { checkReferences, recordHref, recordSnapshot, recordTitle } from "./records";
import { RECORD_TYPES, type RecordType } from "@/lib/domain/vocabulary";
import { parsePayload, RECORD_KINDS, type RecordPayload } from "@/lib/records";
import { SAMPLE_SOURCE, SAMPLES } from "@/lib/records/samples";
import { tempDatabase } from "@/lib/testing/temp-db";

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
});
afterEach(() => cleanup());

const idsOf = (recordType: RecordType) => {
  const table = RECORD_TABLES[recordType];
  return db
    .select({ id: table.id })
    .from(table)
    .all()
    .map((r) => r.id);
};

const companyId = (slug: string) =>
  db.select({ id: companies.id }).from(companies).where(eq(companies.slug, slug)).get()!.id;

function payloadFor(recordType: RecordType, payload: unknown): RecordPayload {
  const parsed = parsePayload(recordType, "create", payload);
  if (!parsed.ok || !("sources" in parsed.payload)) throw new Error(JSON.stringify(parsed));
  return parsed.payload;
}

describe("recordSnapshot", () => {
  it.each(RECORD_TYPES)(
    "reads every published %s back as a payload its form's schema accepts",
    (recordType) => {
      const ids = idsOf(recordType);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const snapshot = recordSnapshot(db, recordType, id)!;
        const result = RECORD_KINDS[recordType].schema.safeParse(snapshot.payload);
        expect(result.error?.issues ?? []).toEqual([]);
      }
    },
  );

  it("is null for a record that does not exist", () => {
    expect(recordSnapshot(db, "commitment", 424242)).toBeNull();
  });
});

describe("recordTitle and recordHref", () => {
  it("name and link each kind of published record", () => {
    const xiaomi = companyId("xiaomi");
    const facility = db.select().from(facilities).all()[0]!;
    const partnership = db.select().from(partnerships).all()[0]!;
    const commitment = db.select().from(commitments).all()[0]!;
    const progress = db.select().from(progressUpdates).all()[0]!;
    const slugOf = (id: number) =>
      db.select({ slug: companies.slug }).from(companies).where(eq(companies.id, id)).get()!.slug;
    const cases: [RecordType, number, string][] = [
      ["company", xiaomi, "/companies/xiaomi"],
      ["facility", facility.id, `/companies/${slugOf(facility.operatorCompanyId)}`],
      ["partnership", partnership.id, `/companies/${slugOf(partnership.brandCompanyId)}`],
      ["commitment", commitment.id, `/commitments/${commitment.id}`],
      ["progress_update", progress.id, `/commitments/${progress.commitmentId}`],
    ];
    for (const [recordType, id, href] of cases) {
      expect(recordHref(db, recordType, id)).toBe(href);
      const title = recordTitle(db, recordType, recordSnapshot(db, recordType, id)!.payload);
      expect(title).not.toMatch(/^(Untitled|Unnamed|Partnership$|Progress$)/);
    }
    expect(recordTitle(db, "partnership", { brand: "tesla", partner: "foxconn" })).toBe("Tesla with Foxconn");
    expect(
      recordTitle(db, "progress_update", { commitment_id: commitment.id, value: 20, as_of: "2026-03-31" }),
    ).toBe(`20 as of 31 Mar 2026: “${commitment.title}”`);
  });

  it("have no link for a record that is not there, except a commitment's own page", () => {
    expect(RECORD_TYPES.map((t) => [t, recordHref(db, t, 424242)])).toEqual([
      ["company", null],
      ["facility", null],
      ["partnership", null],
      ["commitment", "/commitments/424242"],
      ["progress_update", null],
    ]);
  });
});

describe("checkReferences", () => {
  it("refuses to change a company's short name, which links and proposals use", () => {
    const xiaomi = companyId("xiaomi");
    const payload = payloadFor("company", { ...recordSnapshot(db, "company", xiaomi)!.payload, slug: "mi" });
    expect(checkReferences(db, "company", payload, xiaomi).errors).toEqual({
      slug: "The short name cannot change: links and other records use “xiaomi”.",
    });
  });

  it("refuses a new company whose short name is taken", () => {
    const payload = payloadFor("company", {
      slug: "xiaomi",
      name: "X",
      kind: "brand",
      hq_country: "CN",
      sources: [SAMPLE_SOURCE],
    });
    expect(checkReferences(db, "company", payload, null).errors).toEqual({
      slug: "A company with the short name “xiaomi” already exists.",
    });
  });

  it("refuses references to companies and facilities that are not published", () => {
    const payload = payloadFor("partnership", {
      brand: "tesla",
      partner: "nobody",
      facility_id: "424242",
      stage: "announced",
      sources: [SAMPLE_SOURCE],
    });
    expect(checkReferences(db, "partnership", payload, null).errors).toEqual({
      partner: expect.stringMatching(/^No published company has the short name “nobody”/),
      facility_id: "There is no published facility number 424242.",
    });
  });

  it("refuses progress dated before the commitment's baseline", () => {
    const commitment = db.select().from(commitments).all()[0]!;
    const payload = payloadFor("progress_update", {
      commitment_id: commitment.id,
      as_of: "2020-01-01",
      value: 1,
      sources: [SAMPLE_SOURCE],
    });
    expect(checkReferences(db, "progress_update", payload, null).errors).toEqual({
      as_of: `The date must not be before the commitment's baseline date (${commitment.baselineDate}).`,
    });
  });

  it("refuses references to withdrawn records", () => {
    db.update(companies).set({ withdrawnOn: "2026-01-01" }).where(eq(companies.slug, "tesla")).run();
    const payload = payloadFor("commitment", { ...SAMPLES.commitment, company: "tesla" });
    expect(checkReferences(db, "commitment", payload, null).errors).toEqual({
      company: "The company “tesla” has been withdrawn.",
    });
  });
});
