import { and, asc, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../connection";
import {
  commitments,
  commitmentSources,
  companies,
  companySources,
  facilities,
  partnerships,
  progressUpdates,
} from "../schema";
import { commitmentColumns } from "./commitments";
import { allFacilities, escapeLike, linkedSources, paged, qualified, type PageRequest } from "./facilities";
import { allPartnerships } from "./partnerships";
import { deadlineLabel } from "@/lib/domain/dates";
import { computeStatus, STATUS_LABELS } from "@/lib/domain/status";
import type { CommitmentSummary } from "@/lib/views/commitments";
import type { Paged } from "@/lib/views/common";
import type { CompanyDetail, CompanyListItem } from "@/lib/views/directory";

// Reads of published companies: the searchable list with how many records each has, and one
// company with its commitments (status computed here), partnerships on either side, facilities and
// sources. Counts include withdrawn records, which every list shows marked as withdrawn.

export type CompanySearch = { q?: string };

function companyWhere({ q }: CompanySearch): SQL | undefined {
  // LIKE is case-insensitive for ASCII in SQLite; the escape makes % and _ in the search literal.
  return q ? sql`${companies.name} like ${`%${escapeLike(q)}%`} escape '\\'` : undefined;
}

// Correlated counts: each is a lookup in an index on the foreign key (commitments_company_idx,
// facilities_operator_idx, partnerships_brand_idx and _partner_idx), so they cost a few index
// probes per listed company whatever the size of the tables.
const listColumns = {
  id: companies.id,
  slug: companies.slug,
  name: companies.name,
  kind: companies.kind,
  hqCountry: companies.hqCountry,
  website: companies.website,
  withdrawnOn: companies.withdrawnOn,
  withdrawnReason: companies.withdrawnReason,
  commitmentCount: sql<number>`(select count(*) from ${commitments} where ${qualified(commitments.companyId)} = ${qualified(companies.id)})`,
  facilityCount: sql<number>`(select count(*) from ${facilities} where ${qualified(facilities.operatorCompanyId)} = ${qualified(companies.id)})`,
  partnershipCount: sql<number>`((select count(*) from ${partnerships} where ${qualified(partnerships.brandCompanyId)} = ${qualified(companies.id)})
    + (select count(*) from ${partnerships} where ${qualified(partnerships.partnerCompanyId)} = ${qualified(companies.id)}))`,
};

function selectCompanies(
  db: Db,
  where: SQL | undefined,
  limit?: { limit: number; offset: number },
): CompanyListItem[] {
  // By name, then id: the order of companies_name_idx, so an unfiltered page reads the index in order.
  const query = db
    .select(listColumns)
    .from(companies)
    .where(where)
    .orderBy(asc(companies.name), asc(companies.id));
  const rows = limit ? query.limit(limit.limit).offset(limit.offset).all() : query.all();
  const sourcesById = linkedSources(
    db,
    companySources,
    rows.map((r) => r.id),
  );
  return rows.map(({ commitmentCount, facilityCount, partnershipCount, ...r }) => ({
    ...r,
    counts: { commitments: commitmentCount, facilities: facilityCount, partnerships: partnershipCount },
    sources: sourcesById.get(r.id) ?? [],
  }));
}

/** A page of companies whose names contain the search text, by name. */
export function listCompanies(db: Db, search: CompanySearch, page: PageRequest): Paged<CompanyListItem> {
  const where = companyWhere(search);
  const total = db.select({ n: count() }).from(companies).where(where).get()?.n ?? 0;
  const items = selectCompanies(db, where, { limit: page.perPage, offset: (page.page - 1) * page.perPage });
  return paged(items, total, page);
}

/** Every company whose name contains the search text, by name: for exports. */
export function allCompanies(db: Db, search: CompanySearch): CompanyListItem[] {
  return selectCompanies(db, companyWhere(search));
}

// ---------------------------------------------------------------------------------------------
// Commitments of a company or a state, with status, in the shape db/queries/commitments.ts gives.

/**
 * A page of the commitments matching `where`, soonest deadline first (undated last), the order of
 * the commitment list, each with its status on `today` computed from its published progress.
 */
export function commitmentSummaries(
  db: Db,
  where: SQL,
  { page, perPage, today }: PageRequest & { today: string },
): Paged<CommitmentSummary> {
  const total = db.select({ n: count() }).from(commitments).where(where).get()?.n ?? 0;
  const rows = db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(companies, eq(companies.id, commitments.companyId))
    .where(where)
    .orderBy(sql`${commitments.dueOn} is null`, asc(commitments.dueOn), asc(commitments.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const ids = rows.map((r) => r.id);
  const progress = ids.length
    ? db
        .select({
          commitmentId: progressUpdates.commitmentId,
          asOf: progressUpdates.asOf,
          value: progressUpdates.value,
        })
        .from(progressUpdates)
        .where(and(inArray(progressUpdates.commitmentId, ids), isNull(progressUpdates.withdrawnOn)))
        .all()
    : [];
  const progressById = new Map<number, { asOf: string; value: number }[]>();
  for (const { commitmentId, ...p } of progress) {
    const list = progressById.get(commitmentId);
    if (list) list.push(p);
    else progressById.set(commitmentId, [p]);
  }
  const sourcesById = linkedSources(db, commitmentSources, ids);
  const items = rows.map((row): CommitmentSummary => {
    const status = computeStatus({ ...row, progress: progressById.get(row.id) ?? [] }, today);
    return {
      ...row,
      deadlineLabel: deadlineLabel(row.dueOn, row.deadlinePrecision),
      status: { ...status, label: STATUS_LABELS[status.status] },
      sources: sourcesById.get(row.id) ?? [],
    };
  });
  return paged(items, total, { page, perPage });
}

/** One company with everything its page shows, or null when no company has this slug. */
export function getCompany(
  db: Db,
  slug: string,
  options: PageRequest & { today: string },
): CompanyDetail | null {
  const found = db
    .select({ ...listColumns, description: companies.description })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
  if (!found) return null;
  const { commitmentCount, facilityCount, partnershipCount, ...company } = found;
  return {
    ...company,
    counts: { commitments: commitmentCount, facilities: facilityCount, partnerships: partnershipCount },
    sources: linkedSources(db, companySources, [company.id]).get(company.id) ?? [],
    commitments: commitmentSummaries(db, eq(commitments.companyId, company.id), options),
    partnerships: allPartnerships(db, { companyId: company.id }),
    facilities: allFacilities(db, { companyId: company.id }),
  };
}
