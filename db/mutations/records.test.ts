import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import {
  companies,
  companySources,
  facilities,
  partnerships,
  revisions,
  submissions,
  users,
} from "../schema";
import { checkReferences, recordSnapshot } from "../queries/records";
import { applyApproved } from "./records";
import type { RecordType } from "@/lib/domain/vocabulary";
import { parsePayload, type RecordPayload } from "@/lib/records";
import { tempDatabase } from "@/lib/testing/temp-db";

const TODAY = "2026-11-25";
let db: Db;
let cleanup: () => void;
let actorId: string;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  actorId = crypto.randomUUID();
  db.insert(users)
    .values({ id: actorId, name: "Ravi", email: `${actorId}@example.in`, role: "reviewer" })
    .run();
});
afterEach(() => cleanup());

const source = (n: number) => ({
  url: `https://news.example.in/${n}`,
  title: `Report ${n}`,
  publisher: "Example News",
  kind: "news",
  published_on: "2026-02-01",
  excerpt: "Quoted words.",
});

const TABLE_NAMES: Record<RecordType, string> = {
  company: "companies",
  facility: "facilities",
  partnership: "partnerships",
  commitment: "commitments",
  progress_update: "progress_updates",
};
const idsOf = (recordType: RecordType) =>
  db.$client.prepare(`select id from ${TABLE_NAMES[recordType]} order by id`).pluck().all() as number[];

/** Applies a proposal the way an approval does: parsed, checked, then written in one transaction. */
function apply(
  recordType: RecordType,
  action: "create" | "change" | "withdraw",
  payload: unknown,
  targetId: number | null = null,
) {
  const parsed = parsePayload(recordType, action, payload);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  if (action !== "withdraw") {
    const { errors } = checkReferences(db, recordType, parsed.payload as RecordPayload, targetId);
    if (Object.keys(errors).length) throw new Error(JSON.stringify(errors));
  }
  return db.transaction((tx) => {
    const submissionId = tx
      .insert(submissions)
      .values({
        recordType,
        action,
        targetId,
        payload: parsed.payload,
        submittedById: actorId,
        state: "approved",
      })
      .returning({ id: submissions.id })
      .get().id;
    return applyApproved(tx, {
      recordType,
      action,
      targetId,
      payload: parsed.payload,
      actorId,
      submissionId,
      today: TODAY,
      accessedOn: "2026-11-20",
    });
  });
}

describe("applyApproved", () => {
  it("creates a company, then changes it with a revision naming the fields", () => {
    const created = apply("company", "create", {
      slug: "dixon",
      name: "Dixon Technologies",
      kind: "contract_manufacturer",
      hq_country: "in",
      sources: [source(1)],
    });
    expect(created.summary).toBe("Created company");
    const row = db.select().from(companies).where(eq(companies.id, created.recordId)).get()!;
    expect(row).toMatchObject({ slug: "dixon", hqCountry: "IN" });
    const link = db.select().from(companySources).where(eq(companySources.recordId, row.id)).get()!;
    expect(
      db.$client.prepare("select accessed_on from sources where id = ?").pluck().get(link.sourceId),
    ).toBe("2026-11-20");

    const snapshot = recordSnapshot(db, "company", row.id)!.payload;
    const changed = apply(
      "company",
      "change",
      { ...snapshot, name: "Dixon Technologies (India) Limited", sources: [source(2)] },
      row.id,
    );
    expect(changed.summary).toBe(
      "Changed name from Dixon Technologies to Dixon Technologies (India) Limited; sources (added 1 source; removed 1 source)",
    );
    // Links follow the proposal; the old source stays, as other records may cite it.
    expect(db.select().from(companySources).where(eq(companySources.recordId, row.id)).all()).toHaveLength(1);
    expect(db.$client.prepare("select count(*) from sources where url = ?").pluck().get(source(1).url)).toBe(
      1,
    );
    const revision = db.select().from(revisions).where(eq(revisions.id, changed.revisionId)).get()!;
    expect(revision.before).toMatchObject({ name: "Dixon Technologies" });
    expect(revision.after).toMatchObject({ name: "Dixon Technologies (India) Limited" });
  });

  it("creates a facility and a partnership that refer to published companies", () => {
    const facility = apply("facility", "create", {
      operator: "foxconn",
      name: "Foxconn plant, Devanahalli",
      city: "Devanahalli",
      state_code: "IN-KA",
      stage: "under_construction",
      investment_amount: "1,60,00,00,000",
      investment_currency: "INR",
      sources: [source(3)],
    });
    expect(db.select().from(facilities).where(eq(facilities.id, facility.recordId)).get()).toMatchObject({
      investmentAmount: 1_600_000_000,
      investmentCurrency: "INR",
    });
    const partnership = apply("partnership", "create", {
      brand: "tesla",
      partner: "foxconn",
      product_categories: "Electric vehicles",
      facility_id: String(facility.recordId),
      stage: "announced",
      sources: [source(3)],
    });
    expect(
      db.select().from(partnerships).where(eq(partnerships.id, partnership.recordId)).get(),
    ).toMatchObject({
      productCategories: ["Electric vehicles"],
      facilityId: facility.recordId,
    });
  });

  it("withdraws a progress update and keeps it", () => {
    const progressId = idsOf("progress_update")[0]!;
    const r = apply(
      "progress_update",
      "withdraw",
      { reason: "The report was about another plant" },
      progressId,
    );
    expect(r.summary).toBe("Withdrew progress update: The report was about another plant");
    expect(recordSnapshot(db, "progress_update", progressId)).toMatchObject({
      withdrawnOn: TODAY,
      withdrawnReason: "The report was about another plant",
    });
    expect(db.select().from(revisions).where(eq(revisions.id, r.revisionId)).get()?.after).toMatchObject({
      withdrawn_on: TODAY,
    });
  });
});
