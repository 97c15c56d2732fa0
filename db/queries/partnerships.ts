import { asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../connection";
import { companies, facilities, partnerships, partnershipSources } from "../schema";
import { linkedSources, paged, stateRef, type PageRequest } from "./facilities";
import type { Paged } from "@/lib/views/common";
import type { PartnershipView } from "@/lib/views/directory";

// Reads of published partnerships. A partnership joins a brand and a partner company; a company's
// partnerships are those on either side, so Xiaomi's list shows Optiemus and Optiemus's shows Xiaomi.

export type PartnershipFilter = { companyId?: number };

const brand = alias(companies, "brand");
const partner = alias(companies, "partner");

function partnershipWhere(filter: PartnershipFilter): SQL | undefined {
  // Each side has its own index; SQLite answers the OR as two index lookups.
  return filter.companyId !== undefined
    ? or(
        eq(partnerships.brandCompanyId, filter.companyId),
        eq(partnerships.partnerCompanyId, filter.companyId),
      )
    : undefined;
}

function selectPartnerships(
  db: Db,
  where: SQL | undefined,
  limit?: { limit: number; offset: number },
): PartnershipView[] {
  const query = db
    .select({
      id: partnerships.id,
      brand: { id: brand.id, slug: brand.slug, name: brand.name },
      partner: { id: partner.id, slug: partner.slug, name: partner.name },
      productCategories: partnerships.productCategories,
      facilityId: facilities.id,
      facilityName: facilities.name,
      facilityCity: facilities.city,
      facilityState: facilities.stateCode,
      announcedOn: partnerships.announcedOn,
      stage: partnerships.stage,
      withdrawnOn: partnerships.withdrawnOn,
      withdrawnReason: partnerships.withdrawnReason,
    })
    .from(partnerships)
    .innerJoin(brand, eq(brand.id, partnerships.brandCompanyId))
    .innerJoin(partner, eq(partner.id, partnerships.partnerCompanyId))
    .leftJoin(facilities, eq(facilities.id, partnerships.facilityId))
    .where(where)
    // Newest first; undated last.
    .orderBy(sql`${partnerships.announcedOn} is null`, desc(partnerships.announcedOn), asc(partnerships.id));
  const rows = limit ? query.limit(limit.limit).offset(limit.offset).all() : query.all();
  const sourcesById = linkedSources(
    db,
    partnershipSources,
    rows.map((r) => r.id),
  );
  return rows.map(({ facilityId, facilityName, facilityCity, facilityState, ...r }) => ({
    ...r,
    facility:
      facilityId !== null && facilityName !== null && facilityState !== null
        ? { id: facilityId, name: facilityName, city: facilityCity, state: stateRef(facilityState) }
        : null,
    sources: sourcesById.get(r.id) ?? [],
  }));
}

/** A page of partnerships matching the filter, newest first. */
export function listPartnerships(
  db: Db,
  filter: PartnershipFilter,
  page: PageRequest,
): Paged<PartnershipView> {
  const where = partnershipWhere(filter);
  const total = db.select({ n: count() }).from(partnerships).where(where).get()?.n ?? 0;
  const items = selectPartnerships(db, where, {
    limit: page.perPage,
    offset: (page.page - 1) * page.perPage,
  });
  return paged(items, total, page);
}

/** Every partnership matching the filter, newest first: for exports and a company's own page. */
export function allPartnerships(db: Db, filter: PartnershipFilter): PartnershipView[] {
  return selectPartnerships(db, partnershipWhere(filter));
}
