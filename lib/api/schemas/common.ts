import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/domain/vocabulary";

// Shapes that every record of the public API shares. These schemas describe what
// lib/api/commitment-json.ts and lib/api/directory-json.ts produce; they validate nothing on the
// way in. `.meta({ id })` names a shape so the OpenAPI document gives it one component and
// refers to it everywhere else; zod's own metadata keeps these modules free of any OpenAPI import.
// Objects stay open (no additionalProperties: false) in the published document, because adding a
// field is not a breaking change for researchers' scripts; the contract test closes them.

export const IsoDateSchema = z.iso.date().describe("A calendar date, YYYY-MM-DD.");

export const IsoDateTimeSchema = z.iso
  .datetime()
  .describe("An instant in UTC, ISO 8601 with milliseconds, e.g. 2026-11-25T10:00:00.000Z.");

/** A relative address on this site: resolve it against the address the response came from. */
export const SitePathSchema = z.string().regex(/^\//, "a path on this site");

export const CompanySlugValueSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/)
  .describe("The company's slug: its stable identifier in addresses, e.g. xiaomi.");

export const SourceSchema = z
  .object({
    url: z
      .string()
      .regex(/^https?:\/\//)
      .describe("Where the fact was published (http or https only)."),
    title: z.string(),
    publisher: z.string(),
    kind: z.enum(SOURCE_KINDS),
    published_on: IsoDateSchema.nullable(),
    excerpt: z.string().nullable().describe("The passage of the source that states the fact."),
    accessed_on: IsoDateSchema.nullable().describe("When a contributor last read the source."),
  })
  .meta({ id: "Source", description: "A published source backing a record." });

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchivedCopySchema = z
  .object({
    at: IsoDateTimeSchema.describe("When the tracker fetched the copy."),
    sha256: Sha256Schema.describe(
      "SHA-256 of the response body as fetched, in lower-case hex: check a copy you retrieve against it, and cite it.",
    ),
    view_url: SitePathSchema.describe(
      "The page on this site that shows the copy, sandboxed: no script from the archived page runs.",
    ),
    warc_url: SitePathSchema.describe("The copy as a WARC record (application/warc), to download."),
  })
  // Registered as nullable, as Withdrawal is below, so that the document allows null.
  .nullable()
  .meta({
    id: "ArchivedCopy",
    description:
      "The latest copy of a source that the tracker archived, with the hash of what it fetched; null while it has none.",
  });

export const SourceLinkStateSchema = z
  .discriminatedUnion("state", [
    z.object({
      state: z.literal("broken"),
      since: IsoDateTimeSchema.describe(
        "The first check in the current run of failed checks: the link has failed at every check since.",
      ),
      reason: z
        .string()
        .nullable()
        .describe(
          'Why the latest check failed, in words (e.g. "The server answered 404 Not Found"); null when none was recorded.',
        ),
    }),
    z.object({
      state: z.literal("changed"),
      since: IsoDateTimeSchema.describe(
        "The first check that found the page different from the archived copy (since the last check that found it the same).",
      ),
    }),
  ])
  .nullable()
  .meta({
    id: "SourceLinkState",
    description:
      'What the latest link check found, when it is worth saying. {"state": "broken", "since", "reason"}: the link is unreachable or answers an error status, at every check since `since` (an instant), and `reason` says why the latest check failed (or is null). {"state": "changed", "since"}: the live page\'s SHA-256 has differed from the archived copy\'s since `since`. Null when the link answered as archived, was never checked, or differed only from an older copy. The archived copy stays citable either way.',
  });

export const SourceArchiveSchema = z
  .object({
    archived: ArchivedCopySchema,
    not_archived_reason: z
      .string()
      .nullable()
      .describe(
        "Without an archived copy: why the latest attempt to archive the source failed, in words. Null when there is a copy or no attempt has failed yet.",
      ),
    link: SourceLinkStateSchema,
  })
  .meta({
    id: "SourceArchive",
    description:
      "The tracker's archived copy of a source and the state of its live link (given by the single-record endpoints only).",
  });

export const SourceWithArchiveSchema = SourceSchema.extend({
  id: z
    .int()
    .min(1)
    .describe("The source's id on this site: the same source cited by several records has one id."),
  archive: SourceArchiveSchema,
}).meta({
  id: "SourceWithArchive",
  description:
    "A published source with the tracker's archived copy of it and the state of its link. Single-record endpoints (a commitment, a company) give sources this way; lists and CSV exports give the plain Source, without `id` and `archive`, so that a page of thousands of records stays one quick read. Fetch the record itself for its sources' copies.",
});

// Registered as nullable: every record has it, null unless withdrawn. The generator turns the
// nullable of a registered object into that object (it does not wrap the $ref), so the component
// must be the nullable one for the document to allow null.
export const WithdrawalSchema = z
  .object({
    on: IsoDateSchema,
    reason: z.string().nullable(),
  })
  .nullable()
  .meta({
    id: "Withdrawal",
    description:
      "When and why the record was withdrawn; null when it was not. Records are withdrawn, never deleted, so lists keep them, marked.",
  });

export const PaginationSchema = z
  .object({
    page: z.int().min(1),
    per_page: z.int().min(1),
    total: z.int().min(0).describe("How many items match, on all pages."),
    total_pages: z.int().min(1).describe("At least 1, even when nothing matches."),
  })
  .meta({ id: "Pagination" });

export const PageLinksSchema = z
  .object({
    self: SitePathSchema,
    next: SitePathSchema.nullable().describe("Null on the last page."),
    prev: SitePathSchema.nullable().describe("Null on the first page."),
  })
  .meta({
    id: "PageLinks",
    description: "Relative links to this page and its neighbours, keeping every other parameter.",
  });

export const CompanyRefSchema = z
  .object({
    slug: CompanySlugValueSchema,
    name: z.string(),
    url: SitePathSchema.describe("The company's page on this site."),
  })
  .meta({ id: "CompanyRef", description: "A company named by another record." });

export const StateRefSchema = z
  .object({
    code: z
      .string()
      .regex(/^IN-[A-Z]{2}$/)
      .describe("The current ISO 3166-2:IN code, e.g. IN-UP."),
    name: z.string().nullable().describe("Null when the recorded code names no state or union territory."),
    recorded_code: z
      .string()
      .regex(/^IN-[A-Z]{2}$/)
      .describe("The code as recorded; differs from `code` only for a former code (IN-TG for IN-TS)."),
  })
  .meta({ id: "StateRef", description: "A state or union territory of India." });

export const InvalidParameterErrorSchema = z
  .object({
    error: z.object({
      code: z.literal("invalid_parameter"),
      parameter: z.string().describe("The parameter that cannot be used, e.g. status or id."),
      message: z.string().describe("What is wrong with it, in words a person can act on."),
    }),
  })
  .meta({
    id: "InvalidParameterError",
    description:
      "A parameter is unknown, malformed or names nothing (a company slug that no company has). Nothing is guessed.",
  });

export const NotFoundErrorSchema = z
  .object({
    error: z.object({
      code: z.literal("not_found"),
      message: z.string(),
    }),
  })
  .meta({ id: "NotFoundError", description: "No published record at this address." });
