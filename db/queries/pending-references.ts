import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbLike } from "../connection";
import { submissions } from "../schema";
import type { RecordType, SubmissionState } from "@/lib/domain/vocabulary";
import { RECORD_KINDS, parsePayload, type RecordPayload } from "@/lib/records";
import { referenceCheck, type PendingReference } from "@/lib/records/references";
import { checkReferenceLookup } from "./records";

// One news story often brings a new company and its commitments (or a facility's operator and
// the facility). A contributor may propose them in one sitting: a proposal may name a company
// that the same person has proposed and that still waits for review. The reviewer sees the two
// together, approves the company first (approving the other first is refused), and rejecting
// the company sends its dependants back to the contributor with the reason.

/** Still open for the contributor or the reviewer: what a proposal may refer to. */
const OPEN_STATES = ["pending", "changes_requested"] as const satisfies readonly SubmissionState[];

/** The proposer's own open proposal of a new company with this short name, newest first. */
export function ownOpenCompanyProposal(db: DbLike, proposerId: string, slug: string): number | undefined {
  return db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.submittedById, proposerId),
        eq(submissions.recordType, "company"),
        eq(submissions.action, "create"),
        inArray(submissions.state, OPEN_STATES),
        sql`json_extract(${submissions.payload}, '$.slug') = ${slug}`,
      ),
    )
    .orderBy(desc(submissions.id))
    .get()?.id;
}

type SubmissionLike = {
  id: number;
  recordType: RecordType;
  action: string;
  targetId: number | null;
  payload: unknown;
  submittedById: string;
};

/** The company proposals this (stored) proposal waits for: named by it, and not yet approved. */
export function proposalsWaitedFor(db: DbLike, s: SubmissionLike): PendingReference[] {
  if (s.action === "withdraw") return [];
  const parsed = parsePayload(s.recordType, "create", s.payload);
  if (!parsed.ok) return [];
  return referenceCheck(s.recordType, parsed.payload as RecordPayload, s.targetId, {
    ...checkReferenceLookup(db),
    ownPendingCompany: (slug) => ownOpenCompanyProposal(db, s.submittedById, slug),
  }).pending;
}

/** The fields of each kind that name a company by short name. */
const COMPANY_FIELDS = Object.values(RECORD_KINDS).map((k) => ({
  recordType: k.recordType,
  fields: k.references.filter((r) => r.to === "company").map((r) => r.field),
}));

/**
 * The same person's open proposals that name the company this proposal would create: what
 * waits for it. Empty for anything but a new company.
 */
export function dependantsOf(
  db: DbLike,
  s: Pick<SubmissionLike, "id" | "recordType" | "action" | "payload" | "submittedById">,
  states: readonly SubmissionState[] = OPEN_STATES,
): number[] {
  if (s.recordType !== "company" || s.action !== "create") return [];
  const slug = (s.payload as { slug?: unknown } | null)?.slug;
  if (typeof slug !== "string") return [];
  const ids: number[] = [];
  for (const { recordType, fields } of COMPANY_FIELDS) {
    if (fields.length === 0) continue;
    const named = fields.map((f) => sql`json_extract(${submissions.payload}, ${`$.${f}`}) = ${slug}`);
    const rows = db
      .select({ id: submissions.id })
      .from(submissions)
      .where(
        and(
          eq(submissions.submittedById, s.submittedById),
          eq(submissions.recordType, recordType),
          ne(submissions.action, "withdraw"),
          ne(submissions.id, s.id),
          inArray(submissions.state, states),
          sql`(${sql.join(named, sql` or `)})`,
        ),
      )
      .all();
    ids.push(...rows.map((r) => r.id));
  }
  return ids.sort((a, b) => a - b);
}
