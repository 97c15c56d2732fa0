import { and, asc, count, eq, getTableName, inArray, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../connection";
import {
  commitmentSources,
  companies,
  companySources,
  facilities,
  facilitySources,
  partnershipSources,
  sources,
} from "../schema";
import { formatMoney } from "@/lib/domain/format";
import { findState, storedCodesFor, type StateCode } from "@/lib/domain/india-states";
import type { FacilityStage } from "@/lib/domain/vocabulary";
import type { Paged, SourceView, StateRef } from "@/lib/views/common";
import type { FacilityRecord, FacilityView } from "@/lib/views/directory";

// Reads of published facilities, and the helpers the company, state and partnership reads share
// (this module is the one the others build on, so they can import it without a cycle).
// Withdrawn records are returned with their withdrawal, for the reader to see them marked.

export type PageRequest = { page: number; perPage: number };

export function paged<T>(items: T[], total: number, { page, perPage }: PageRequest): Paged<T> {
  return { items, total, page, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

export function stateRef(storedCode: string): StateRef {
  const state = findState(storedCode);
  return { storedCode, code: state?.code ?? storedCode, name: state?.name ?? null };
}

/** The id of the company with this slug, withdrawn or not; null when there is none. */
export function companyIdForSlug(db: Db, slug: string): number | null {
  return db.select({ id: companies.id }).from(companies).where(eq(companies.slug, slug)).get()?.id ?? null;
}

const sourceColumns = {
  id: sources.id,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  kind: sources.kind,
  publishedOn: sources.publishedOn,
  excerpt: sources.excerpt,
  accessedOn: sources.accessedOn,
};

type SourceLinkTable =
  typeof companySources | typeof facilitySources | typeof partnershipSources | typeof commitmentSources;

// Well under SQLite's limit on bound parameters, so a full export can look up any number of ids.
const ID_CHUNK = 500;

/** The sources linked to each record, oldest first, for any number of records. */
export function linkedSources(
  db: Db,
  links: SourceLinkTable,
  ids: readonly number[],
): Map<number, SourceView[]> {
  const byRecord = new Map<number, SourceView[]>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = db
      .select({ recordId: links.recordId, ...sourceColumns })
      .from(links)
      .innerJoin(sources, eq(sources.id, links.sourceId))
      .where(inArray(links.recordId, ids.slice(i, i + ID_CHUNK)))
      .orderBy(asc(sources.publishedOn), asc(sources.id))
      .all();
    for (const { recordId, ...source } of rows) {
      const list = byRecord.get(recordId);
      if (list) list.push(source);
      else byRecord.set(recordId, [source]);
    }
  }
  return byRecord;
}

/**
 * A column written with its table's name. Drizzle leaves columns unqualified in a query on one
 * table, and inside a correlated subquery an unqualified "id" would mean the subquery's own id.
 */
export function qualified(column: AnySQLiteColumn): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}

/** Text for a LIKE pattern that matches `text` literally (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type FacilityFilter = { state?: StateCode; companyId?: number; stage?: FacilityStage };

function facilityWhere(filter: FacilityFilter): SQL | undefined {
  return and(
    filter.state ? inArray(facilities.stateCode, [...storedCodesFor(filter.state)]) : undefined,
    filter.companyId !== undefined ? eq(facilities.operatorCompanyId, filter.companyId) : undefined,
    filter.stage ? eq(facilities.stage, filter.stage) : undefined,
  );
}

function selectFacilities(
  db: Db,
  where: SQL | undefined,
  limit?: { limit: number; offset: number },
): FacilityRecord[] {
  const query = db
    .select({
      id: facilities.id,
      name: facilities.name,
      city: facilities.city,
      stateCode: facilities.stateCode,
      stage: facilities.stage,
      investmentAmount: facilities.investmentAmount,
      investmentCurrency: facilities.investmentCurrency,
      announcedOn: facilities.announcedOn,
      withdrawnOn: facilities.withdrawnOn,
      withdrawnReason: facilities.withdrawnReason,
      operator: { id: companies.id, slug: companies.slug, name: companies.name },
    })
    .from(facilities)
    .innerJoin(companies, eq(companies.id, facilities.operatorCompanyId))
    .where(where)
    .orderBy(asc(facilities.name), asc(facilities.id));
  const rows = limit ? query.limit(limit.limit).offset(limit.offset).all() : query.all();
  const sourcesById = linkedSources(
    db,
    facilitySources,
    rows.map((r) => r.id),
  );
  return rows.map(({ stateCode, ...r }) => ({
    ...r,
    state: stateRef(stateCode),
    sources: sourcesById.get(r.id) ?? [],
  }));
}

function labelled(record: FacilityRecord): FacilityView {
  const { investmentAmount: amount, investmentCurrency: currency } = record;
  return {
    ...record,
    investmentLabel: amount !== null && currency !== null ? formatMoney(amount, currency) : null,
  };
}

/** A page of facilities matching the filter, by name. */
export function listFacilities(db: Db, filter: FacilityFilter, page: PageRequest): Paged<FacilityView> {
  const where = facilityWhere(filter);
  const total = db.select({ n: count() }).from(facilities).where(where).get()?.n ?? 0;
  const items = selectFacilities(db, where, { limit: page.perPage, offset: (page.page - 1) * page.perPage });
  return paged(items.map(labelled), total, page);
}

/** Every facility matching the filter, by name, for a page that lists them all. */
export function allFacilities(db: Db, filter: FacilityFilter): FacilityView[] {
  return selectFacilities(db, facilityWhere(filter)).map(labelled);
}

/**
 * Every facility matching the filter, by name, for exports: the amount and currency as recorded,
 * without the formatted label (formatting costs more than the query at tens of thousands of rows).
 */
export function exportFacilities(db: Db, filter: FacilityFilter): FacilityRecord[] {
  return selectFacilities(db, facilityWhere(filter));
}
