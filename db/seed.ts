import { and, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import {
  commitmentCategories,
  commitments,
  commitmentSources,
  commitmentStates,
  companies,
  companySources,
  facilities,
  facilitySources,
  partnerships,
  partnershipSources,
  progressSources,
  progressUpdates,
  sources,
} from "./schema";
import { publishRevision } from "./mutations/publish-revision";
import {
  SEED_COMMITMENTS,
  SEED_COMPANIES,
  SEED_FACILITIES,
  SEED_PARTNERSHIPS,
  SEED_SOURCES,
} from "./seed-facts";
import type { RecordType } from "@/lib/domain/vocabulary";

type Tx = Parameters<Parameters<BetterSQLite3Database<typeof schema>["transaction"]>[0]>[0];

const SEED_SUMMARY = "Imported from the source reporting of 29 May 2023";

function recordRevision(tx: Tx, recordType: RecordType, recordId: number, after: Record<string, unknown>) {
  publishRevision(tx, {
    recordType,
    recordId,
    before: null,
    after,
    actorId: null,
    submissionId: null,
    summary: SEED_SUMMARY,
  });
}

/**
 * Inserts the seed facts that are not there yet, each with its sources and a first revision.
 * A record is recognised by its natural key, so running this again changes nothing, and a
 * record that reviewers have since revised is never overwritten.
 */
export function seedFacts(db: BetterSQLite3Database<typeof schema>): { inserted: number } {
  let inserted = 0;
  db.transaction((tx) => {
    const sourceIds = new Map<string, number>();
    for (const s of SEED_SOURCES) {
      const { key, ...values } = s;
      let row = tx.select({ id: sources.id }).from(sources).where(eq(sources.url, s.url)).get();
      if (!row) {
        row = tx.insert(sources).values(values).returning({ id: sources.id }).get();
        inserted++;
      }
      sourceIds.set(key, row.id);
    }
    const sourceId = (key: string) => {
      const id = sourceIds.get(key);
      if (id === undefined) throw new Error(`Seed refers to unknown source ${key}`);
      return id;
    };

    const companyIds = new Map<string, number>();
    for (const c of SEED_COMPANIES) {
      const { sources: keys, ...values } = c;
      let row = tx.select({ id: companies.id }).from(companies).where(eq(companies.slug, c.slug)).get();
      if (!row) {
        row = tx.insert(companies).values(values).returning({ id: companies.id }).get();
        for (const k of keys)
          tx.insert(companySources)
            .values({ recordId: row.id, sourceId: sourceId(k) })
            .run();
        recordRevision(tx, "company", row.id, c);
        inserted++;
      }
      companyIds.set(c.slug, row.id);
    }
    const companyId = (slug: string) => {
      const id = companyIds.get(slug);
      if (id === undefined) throw new Error(`Seed refers to unknown company ${slug}`);
      return id;
    };

    const facilityIds = new Map<string, number>();
    for (const f of SEED_FACILITIES) {
      const { sources: keys, operator, ...rest } = f;
      const operatorCompanyId = companyId(operator);
      let row = tx
        .select({ id: facilities.id })
        .from(facilities)
        .where(and(eq(facilities.operatorCompanyId, operatorCompanyId), eq(facilities.name, f.name)))
        .get();
      if (!row) {
        row = tx
          .insert(facilities)
          .values({ ...rest, operatorCompanyId })
          .returning({ id: facilities.id })
          .get();
        for (const k of keys)
          tx.insert(facilitySources)
            .values({ recordId: row.id, sourceId: sourceId(k) })
            .run();
        recordRevision(tx, "facility", row.id, f);
        inserted++;
      }
      facilityIds.set(f.name, row.id);
    }

    for (const p of SEED_PARTNERSHIPS) {
      const { sources: keys, brand, partner, facility, ...rest } = p;
      const brandCompanyId = companyId(brand);
      const partnerCompanyId = companyId(partner);
      const existing = tx
        .select({ id: partnerships.id })
        .from(partnerships)
        .where(
          and(
            eq(partnerships.brandCompanyId, brandCompanyId),
            eq(partnerships.partnerCompanyId, partnerCompanyId),
          ),
        )
        .get();
      if (existing) continue;
      const row = tx
        .insert(partnerships)
        .values({
          ...rest,
          brandCompanyId,
          partnerCompanyId,
          facilityId: facility ? (facilityIds.get(facility) ?? null) : null,
        })
        .returning({ id: partnerships.id })
        .get();
      for (const k of keys)
        tx.insert(partnershipSources)
          .values({ recordId: row.id, sourceId: sourceId(k) })
          .run();
      recordRevision(tx, "partnership", row.id, p);
      inserted++;
    }

    for (const c of SEED_COMMITMENTS) {
      const { sources: keys, company, categories, states, progress, ...rest } = c;
      const cid = companyId(company);
      const existing = tx
        .select({ id: commitments.id })
        .from(commitments)
        .where(and(eq(commitments.companyId, cid), eq(commitments.title, c.title)))
        .get();
      if (existing) continue;
      const row = tx
        .insert(commitments)
        .values({ ...rest, companyId: cid })
        .returning({ id: commitments.id })
        .get();
      for (const k of keys)
        tx.insert(commitmentSources)
          .values({ recordId: row.id, sourceId: sourceId(k) })
          .run();
      for (const category of categories)
        tx.insert(commitmentCategories).values({ commitmentId: row.id, category }).run();
      for (const stateCode of states)
        tx.insert(commitmentStates).values({ commitmentId: row.id, stateCode }).run();
      recordRevision(tx, "commitment", row.id, { ...c, progress: undefined });
      for (const u of progress) {
        const { sources: progressKeys, ...values } = u;
        const pu = tx
          .insert(progressUpdates)
          .values({ ...values, commitmentId: row.id })
          .returning({ id: progressUpdates.id })
          .get();
        for (const k of progressKeys)
          tx.insert(progressSources)
            .values({ recordId: pu.id, sourceId: sourceId(k) })
            .run();
        recordRevision(tx, "progress_update", pu.id, { commitment: c.title, ...u });
      }
      inserted++;
    }
  });
  return { inserted };
}
