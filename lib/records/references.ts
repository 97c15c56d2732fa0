import type { RecordType } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, type RecordPayload } from "./index";

// The records a proposal refers to must be published and not withdrawn, and a kind's identity
// (a company's short name) must be new when it is created and never change. The kinds declare
// their references as data; this checks them against whatever the caller looks up, so the rules
// are tested here without a database and db/queries/records.ts only answers the lookups.

type Published = { withdrawnOn: string | null };

export type ReferenceLookup = {
  companyBySlug(slug: string): Published | undefined;
  /** The short name the published company has now. */
  companySlug(id: number): string | undefined;
  facility(id: number): Published | undefined;
  commitment(id: number): (Published & { baselineDate: string }) | undefined;
  /**
   * The proposer's own open proposal of a new company with this short name (its submission id),
   * which a proposal may refer to while both wait for review. Absent where only published
   * records count: when a reviewer approves, the company must have been approved first.
   */
  ownPendingCompany?(slug: string): number | undefined;
};

/** A reference to the proposer's own company proposal, which must be approved first. */
export type PendingReference = { field: string; slug: string; submissionId: number };

export type ReferenceCheck = {
  /** Keyed by the form's field names; empty when everything resolves. */
  errors: Record<string, string>;
  /** References that resolve only to the proposer's own proposals, still waiting for review. */
  pending: PendingReference[];
};

/** The message for a company that is neither published nor (where it may be) proposed. */
function unknownCompanyMessage(slug: string, ownProposalsCount: boolean): string {
  return ownProposalsCount
    ? `No published company has the short name “${slug}”, and you have not proposed one. Propose the company first; this can then refer to it while both wait for review.`
    : `No published company has the short name “${slug}”. Propose the company first; once it is approved, this can refer to it.`;
}

/**
 * Checks what a proposal refers to. `targetId` is the record a change concerns, so that a
 * company's own short name is not mistaken for another's.
 */
export function referenceCheck(
  recordType: RecordType,
  payload: RecordPayload,
  targetId: number | null,
  lookup: ReferenceLookup,
): ReferenceCheck {
  const kind = RECORD_KINDS[recordType];
  const values: Readonly<Record<string, unknown>> = payload;
  const errors: Record<string, string> = {};
  const pending: PendingReference[] = [];

  if (kind.identity) {
    const field = kind.identity;
    const value = values[field];
    if (typeof value === "string") {
      if (targetId === null) {
        if (lookup.companyBySlug(value))
          errors[field] = `A company with the short name “${value}” already exists.`;
      } else {
        const current = lookup.companySlug(targetId);
        if (current !== undefined && current !== value)
          errors[field] = `The short name cannot change: links and other records use “${current}”.`;
      }
    }
  }

  for (const ref of kind.references) {
    const value = values[ref.field];
    if (value === null || value === undefined) continue;
    switch (ref.to) {
      case "company": {
        const slug = String(value);
        const c = lookup.companyBySlug(slug);
        const proposed = c ? undefined : lookup.ownPendingCompany?.(slug);
        if (proposed !== undefined) pending.push({ field: ref.field, slug, submissionId: proposed });
        else if (!c) errors[ref.field] = unknownCompanyMessage(slug, lookup.ownPendingCompany !== undefined);
        else if (c.withdrawnOn) errors[ref.field] = `The company “${slug}” has been withdrawn.`;
        break;
      }
      case "facility": {
        const f = lookup.facility(Number(value));
        if (!f) errors[ref.field] = `There is no published facility number ${String(value)}.`;
        else if (f.withdrawnOn) errors[ref.field] = "That facility has been withdrawn.";
        break;
      }
      case "commitment": {
        const c = lookup.commitment(Number(value));
        const dated = ref.notBeforeBaseline ? values[ref.notBeforeBaseline] : undefined;
        if (!c) errors[ref.field] = `There is no published commitment number ${String(value)}.`;
        else if (c.withdrawnOn) errors[ref.field] = "That commitment has been withdrawn.";
        else if (ref.notBeforeBaseline && typeof dated === "string" && dated < c.baselineDate)
          errors[ref.notBeforeBaseline] =
            `The date must not be before the commitment's baseline date (${c.baselineDate}).`;
        break;
      }
    }
  }
  return { errors, pending };
}
