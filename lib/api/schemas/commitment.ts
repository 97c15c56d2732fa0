import { z } from "zod";
import { STATUSES } from "@/lib/domain/status";
import {
  DEADLINE_PRECISIONS,
  DIRECTIONS,
  EVIDENCE_GRADES,
  METRICS,
  SCHEMES,
  UNITS,
} from "@/lib/domain/vocabulary";
import {
  CompanySlugValueSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  PageLinksSchema,
  PaginationSchema,
  SitePathSchema,
  SourceSchema,
  SourceWithArchiveSchema,
  WithdrawalSchema,
} from "./common";

// What lib/api/commitment-json.ts produces. lib/api/openapi.test.ts ties each builder's return type
// to the type these schemas infer, in both directions, so a field changed on one side alone breaks
// the typecheck.

const RecordIdValueSchema = z.int().min(1);

export const CommitmentStatusSchema = z
  .object({
    code: z.enum(STATUSES),
    label: z.string().describe("The status in words, e.g. Overdue, unverified."),
    expected_today: z
      .number()
      .nullable()
      .describe(
        "The value the straight line from baseline to target gives for today; null without a deadline.",
      ),
    percent_of_way: z
      .number()
      .nullable()
      .describe(
        "How far the latest value has moved from baseline towards target, in per cent; null without progress.",
      ),
    days_to_deadline: z
      .int()
      .nullable()
      .describe(
        "Days from today (in India) to the due date: 0 on it, negative once past; null without a deadline.",
      ),
    stale: z.boolean().describe("True when an open commitment's latest evidence is more than a year old."),
    latest: z
      .object({ as_of: IsoDateSchema, value: z.number() })
      .nullable()
      .describe("The latest progress since the baseline that is not dated in the future."),
  })
  .meta({
    id: "CommitmentStatus",
    description: "Computed on every request from the commitment, its published progress and today's date.",
  });

export const CommitmentSchema = z
  .object({
    id: RecordIdValueSchema,
    url: SitePathSchema.describe("The commitment's page on this site."),
    title: z.string(),
    description: z.string().nullable(),
    company: z.object({ slug: CompanySlugValueSchema, name: z.string() }),
    metric: z.enum(METRICS),
    unit: z.enum(UNITS),
    direction: z.enum(DIRECTIONS).describe("Whether the target is reached by going up or down."),
    baseline: z.object({ value: z.number(), date: IsoDateSchema }),
    target: z.object({ value: z.number() }),
    deadline: z
      .object({
        due_on: IsoDateSchema.describe(
          'The last day of the period the company named: "by 2025" is 2025-12-31.',
        ),
        // Always set when due_on is (a CHECK constraint keeps them together); the builder's type
        // cannot know that, so the schema says what the type says.
        precision: z.enum(DEADLINE_PRECISIONS).nullable(),
        label: z.string().describe('The deadline as the company put it, e.g. "by 2025".'),
      })
      .nullable()
      .describe("Null when the company named no deadline."),
    scheme: z.enum(SCHEMES).nullable().describe("The government scheme named; null for none."),
    evidence_grade: z.enum(EVIDENCE_GRADES),
    announced_on: IsoDateSchema.nullable(),
    superseded_by_id: RecordIdValueSchema.nullable().describe(
      "The commitment that restated this one, when the company has since changed its target.",
    ),
    withdrawn: WithdrawalSchema,
    status: CommitmentStatusSchema,
    sources: z.array(SourceSchema).describe("At least one for every published commitment."),
  })
  .meta({ id: "Commitment", description: "A commitment as lists give it, with its sources." });

const sourcesWithArchives = z
  .array(SourceWithArchiveSchema)
  .describe("At least one for every published commitment; each with its archived copy.");

export const CompanyCommitmentSchema = CommitmentSchema.extend({ sources: sourcesWithArchives }).meta({
  id: "CompanyCommitment",
  description: "A commitment as a company's record gives it: its sources with their archived copies.",
});

const listFields = {
  product_categories: z.array(z.string()),
  states: z
    .array(z.string().regex(/^IN-[A-Z]{2}$/))
    .describe(
      "Current ISO 3166-2:IN codes: a former code on the record (IN-TG) is given as today's (IN-TS).",
    ),
};

export const CommitmentListItemSchema = CommitmentSchema.extend(listFields).meta({
  id: "CommitmentListItem",
  description: "A commitment as lists and exports give it: with its product categories and states.",
});

export const ProgressUpdateSchema = z
  .object({
    id: RecordIdValueSchema,
    as_of: IsoDateSchema,
    value: z.number(),
    note: z.string().nullable(),
    sources: z.array(SourceWithArchiveSchema),
  })
  .meta({ id: "ProgressUpdate" });

export const RevisionSchema = z
  .object({
    id: RecordIdValueSchema,
    summary: z.string(),
    created_at: IsoDateTimeSchema,
    approved_by: z
      .string()
      .nullable()
      .describe("The reviewer who approved the change; null for changes no person made (the seed import)."),
    submission_id: RecordIdValueSchema.nullable(),
  })
  .meta({ id: "Revision", description: "A change that reached published data." });

export const CommitmentDetailSchema = CommitmentSchema.extend({
  ...listFields,
  sources: sourcesWithArchives,
  progress: z.array(ProgressUpdateSchema),
  revisions: z.array(RevisionSchema),
}).meta({
  id: "CommitmentDetail",
  description:
    "One commitment with its progress, each with its sources and their archived copies, and its history.",
});

export const CommitmentListResponseSchema = z
  .object({
    data: z.array(CommitmentListItemSchema),
    pagination: PaginationSchema,
    links: PageLinksSchema,
  })
  .meta({ id: "CommitmentList" });

export const CommitmentDetailResponseSchema = z
  .object({ data: CommitmentDetailSchema })
  .meta({ id: "CommitmentDetailResponse" });

export const CommitmentExportResponseSchema = z
  .object({
    citation: z.string().describe("How to cite this export: what it is, its exact address, and the date."),
    licence: z.string(),
    view: z.string().describe("The absolute address of the same view in the explorer."),
    retrieved_on: IsoDateSchema,
    total: z.int().min(0),
    data: z.array(CommitmentListItemSchema),
  })
  .meta({ id: "CommitmentExport" });
