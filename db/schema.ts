import { sql, type SQL } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import {
  COMPANY_KINDS,
  DEADLINE_PRECISIONS,
  DIRECTIONS,
  EVIDENCE_GRADES,
  FACILITY_STAGES,
  METRICS,
  PARTNERSHIP_STAGES,
  RECORD_TYPES,
  ROLES,
  SCHEMES,
  SOURCE_KINDS,
  SUBMISSION_ACTIONS,
  SUBMISSION_EVENTS,
  SUBMISSION_STATES,
  UNITS,
} from "@/lib/domain/vocabulary";
import { STATUSES } from "@/lib/domain/status";
import { MAIL_KINDS, OUTBOX_STATES } from "@/lib/mail/kinds";
import { CAPTURE_CAUSES, CAPTURE_STATES, CHECK_OUTCOMES, FETCH_FAILURE_CODES } from "@/lib/archive/kinds";
import { DIGEST_FREQUENCIES, DIGEST_KINDS } from "@/lib/domain/digest-schedule";

// SQLite has no enum type: each controlled vocabulary becomes a CHECK constraint built from the
// same list the application validates against, so a bad value cannot be stored by any path.
// A CHECK whose expression is NULL passes, so every nullable operand below is guarded.
function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

// A SHA-256 in lower-case hex, as the archive stores every hash, or nothing.
function sha256Hex(column: AnySQLiteColumn): SQL {
  return sql`${column} is null or (length(${column}) = 64 and ${column} not glob '*[^0-9a-f]*')`;
}

// Dates are ISO calendar dates (YYYY-MM-DD) stored as text; this rejects anything else.
function isoDate(column: AnySQLiteColumn): SQL {
  // date() returns NULL for some impossible dates (month 13); NULL would pass a CHECK, so coalesce.
  return sql`${column} is null or coalesce(${column} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' and date(${column}) = ${column}, 0)`;
}

const timestamps = {
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
};

// Records are withdrawn, never deleted: a withdrawal keeps the date and the reason.
const withdrawal = {
  withdrawnOn: text("withdrawn_on"),
  withdrawnReason: text("withdrawn_reason"),
};

// Synthetic rows exist only in load-test databases; the flag lets anyone tell them apart.
const synthetic = { synthetic: integer("synthetic", { mode: "boolean" }).notNull().default(false) };

// Accounts and sessions follow better-auth's core schema (it writes them through its Drizzle
// adapter), so their times are Date values stored as milliseconds rather than ISO text.
const authTimestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
};

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
    image: text("image"),
    role: text("role", { enum: ROLES }).notNull().default("contributor"),
    ...authTimestamps,
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), check("users_role_check", oneOf(t.role, ROLES))],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    ...authTimestamps,
  },
  (t) => [uniqueIndex("sessions_token_unique").on(t.token), index("sessions_user_idx").on(t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    ...authTimestamps,
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = sqliteTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ...authTimestamps,
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publisher: text("publisher").notNull(),
    kind: text("kind", { enum: SOURCE_KINDS }).notNull(),
    publishedOn: text("published_on"),
    excerpt: text("excerpt"),
    accessedOn: text("accessed_on"),
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("sources_url_unique").on(t.url),
    check("sources_url_scheme", sql`${t.url} like 'http://%' or ${t.url} like 'https://%'`),
    check("sources_kind_check", oneOf(t.kind, SOURCE_KINDS)),
    check("sources_published_on_date", isoDate(t.publishedOn)),
    check("sources_accessed_on_date", isoDate(t.accessedOn)),
  ],
);

export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: COMPANY_KINDS }).notNull(),
    hqCountry: text("hq_country").notNull(),
    website: text("website"),
    description: text("description"),
    ...withdrawal,
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("companies_slug_unique").on(t.slug),
    index("companies_name_idx").on(t.name),
    check("companies_kind_check", oneOf(t.kind, COMPANY_KINDS)),
    check(
      "companies_slug_format",
      sql`${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) between 1 and 80`,
    ),
    check("companies_hq_country_format", sql`${t.hqCountry} glob '[A-Z][A-Z]'`),
    check("companies_withdrawn_on_date", isoDate(t.withdrawnOn)),
  ],
);

export const facilities = sqliteTable(
  "facilities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    operatorCompanyId: integer("operator_company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    city: text("city"),
    stateCode: text("state_code").notNull(),
    stage: text("stage", { enum: FACILITY_STAGES }).notNull(),
    investmentAmount: real("investment_amount"),
    investmentCurrency: text("investment_currency"),
    announcedOn: text("announced_on"),
    ...withdrawal,
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    index("facilities_operator_idx").on(t.operatorCompanyId),
    index("facilities_state_idx").on(t.stateCode),
    check("facilities_stage_check", oneOf(t.stage, FACILITY_STAGES)),
    check("facilities_state_code_format", sql`${t.stateCode} glob 'IN-[A-Z][A-Z]'`),
    check(
      "facilities_investment_pair",
      sql`(${t.investmentAmount} is null) = (${t.investmentCurrency} is null) and (${t.investmentAmount} is null or ${t.investmentAmount} >= 0)`,
    ),
    check("facilities_announced_on_date", isoDate(t.announcedOn)),
    check("facilities_withdrawn_on_date", isoDate(t.withdrawnOn)),
  ],
);

export const partnerships = sqliteTable(
  "partnerships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    brandCompanyId: integer("brand_company_id")
      .notNull()
      .references(() => companies.id),
    partnerCompanyId: integer("partner_company_id")
      .notNull()
      .references(() => companies.id),
    // A JSON array of product-category labels; partnerships are few and not filtered by category.
    productCategories: text("product_categories", { mode: "json" }).$type<string[]>().notNull().default([]),
    facilityId: integer("facility_id").references(() => facilities.id),
    announcedOn: text("announced_on"),
    stage: text("stage", { enum: PARTNERSHIP_STAGES }).notNull(),
    ...withdrawal,
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    index("partnerships_brand_idx").on(t.brandCompanyId),
    index("partnerships_partner_idx").on(t.partnerCompanyId),
    check("partnerships_distinct_companies", sql`${t.brandCompanyId} <> ${t.partnerCompanyId}`),
    check("partnerships_stage_check", oneOf(t.stage, PARTNERSHIP_STAGES)),
    check("partnerships_categories_json", sql`json_valid(${t.productCategories})`),
    check("partnerships_announced_on_date", isoDate(t.announcedOn)),
    check("partnerships_withdrawn_on_date", isoDate(t.withdrawnOn)),
  ],
);

export const commitments = sqliteTable(
  "commitments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    title: text("title").notNull(),
    description: text("description"),
    metric: text("metric", { enum: METRICS }).notNull(),
    unit: text("unit", { enum: UNITS }).notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
    baselineValue: real("baseline_value").notNull(),
    baselineDate: text("baseline_date").notNull(),
    targetValue: real("target_value").notNull(),
    // The last day of the period the company named ("by 2025" is 2025-12-31) and that period's
    // precision; null when the company named no deadline at all.
    dueOn: text("due_on"),
    deadlinePrecision: text("deadline_precision", { enum: DEADLINE_PRECISIONS }),
    scheme: text("scheme", { enum: SCHEMES }),
    evidenceGrade: text("evidence_grade", { enum: EVIDENCE_GRADES }).notNull(),
    announcedOn: text("announced_on"),
    supersededById: integer("superseded_by_id").references((): AnySQLiteColumn => commitments.id),
    ...withdrawal,
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    index("commitments_company_idx").on(t.companyId),
    index("commitments_due_on_idx").on(t.dueOn),
    // Sorting by title reads this index in order; the other sorts use commitment_status's indexes.
    index("commitments_title_idx").on(t.title, t.id),
    index("commitments_scheme_idx").on(t.scheme),
    index("commitments_evidence_idx").on(t.evidenceGrade),
    index("commitments_superseded_idx").on(t.supersededById),
    check("commitments_metric_check", oneOf(t.metric, METRICS)),
    check("commitments_unit_check", oneOf(t.unit, UNITS)),
    check("commitments_direction_check", oneOf(t.direction, DIRECTIONS)),
    check("commitments_scheme_check", sql`${t.scheme} is null or ${oneOf(t.scheme, SCHEMES)}`),
    check("commitments_evidence_check", oneOf(t.evidenceGrade, EVIDENCE_GRADES)),
    check(
      "commitments_precision_check",
      sql`(${t.dueOn} is null and ${t.deadlinePrecision} is null) or (${t.dueOn} is not null and ${t.deadlinePrecision} is not null and ${oneOf(t.deadlinePrecision, DEADLINE_PRECISIONS)})`,
    ),
    check("commitments_due_on_date", isoDate(t.dueOn)),
    check("commitments_baseline_date", isoDate(t.baselineDate)),
    check("commitments_announced_on_date", isoDate(t.announcedOn)),
    check("commitments_withdrawn_on_date", isoDate(t.withdrawnOn)),
    check("commitments_due_after_baseline", sql`${t.dueOn} is null or ${t.dueOn} >= ${t.baselineDate}`),
    check(
      "commitments_not_self_superseded",
      sql`${t.supersededById} is null or ${t.supersededById} <> ${t.id}`,
    ),
  ],
);

// Status is a pure function of a commitment, its published progress and today's date, so it is not
// stored on the commitment. Filtering and counting by status over 100,000 commitments needs it in an
// index, though, so this table keeps the last computed result together with the first date on which
// it could change (statusValidUntil in lib/domain/status-validity.ts). ensureStatusesFresh
// (db/queries/status-summary.ts) recomputes, with computeStatus, every row due on or before today
// before any read that uses the table.
//
// The table also carries copies of the commitment columns that the explorer filters, counts and
// sorts by. Its rows are narrow (about a tenth of a commitment's), so a count or a facet over every
// commitment reads a few megabytes of index instead of the whole commitments table, and a filter
// on status plus another column is answered from one table.
//
// Triggers (drizzle/0002) keep it whole: a new commitment gets a row; any change to a commitment
// copies its columns again, and any change to its categories re-lists them; any change to a
// commitment or its progress sets valid_until to '0000-00-00' ("recompute"), which sorts before
// every date.
export const STATUS_MUST_RECOMPUTE = "0000-00-00";

export const commitmentStatus = sqliteTable(
  "commitment_status",
  {
    commitmentId: integer("commitment_id")
      .primaryKey()
      .references(() => commitments.id, { onDelete: "cascade" }),
    // Copies of commitments columns, written only by the triggers.
    companyId: integer("company_id").notNull(),
    /** Not superseded: superseded_by_id is null. */
    isCurrent: integer("is_current", { mode: "boolean" }).notNull(),
    scheme: text("scheme", { enum: SCHEMES }),
    evidenceGrade: text("evidence_grade", { enum: EVIDENCE_GRADES }).notNull(),
    dueOn: text("due_on"),
    announcedOn: text("announced_on"),
    /** The commitment's product categories, sorted, joined by U+001F; null when it has none. */
    categories: text("categories"),
    // The status on computed_for, unchanged until valid_until. Null only until the first
    // recomputation of a newly inserted commitment.
    status: text("status", { enum: STATUSES }),
    latestAsOf: text("latest_as_of"),
    latestValue: real("latest_value"),
    percentOfWay: real("percent_of_way"),
    stale: integer("stale", { mode: "boolean" }).notNull().default(false),
    // A read for an earlier date than this recomputes the row: validity only runs forward.
    computedFor: text("computed_for"),
    validUntil: text("valid_until").notNull().default(STATUS_MUST_RECOMPUTE),
  },
  (t) => [
    index("commitment_status_valid_until_idx").on(t.validUntil),
    index("commitment_status_computed_for_idx").on(t.computedFor),
    // Every filter leads with is_current, because every view leaves superseded commitments out
    // unless asked; each index ends with the commitment id (the rowid), the tie-break of every order.
    index("commitment_status_status_idx").on(t.isCurrent, t.status),
    index("commitment_status_company_idx").on(t.isCurrent, t.companyId),
    index("commitment_status_scheme_idx").on(t.isCurrent, t.scheme),
    index("commitment_status_evidence_idx").on(t.isCurrent, t.evidenceGrade),
    // Due-date ranges and latest deadline first; with status, deadlines per year by status is read
    // from this index alone. Soonest deadline first, undated last, has an expression index
    // (commitment_status_due_sort_idx) in drizzle/0002: drizzle-kit splits index expressions at commas.
    index("commitment_status_due_on_idx").on(t.isCurrent, t.dueOn, t.status),
    index("commitment_status_announced_idx").on(t.isCurrent, t.announcedOn),
    // The deadlines page lists what was achieved recently, newest evidence first.
    index("commitment_status_achieved_idx").on(t.isCurrent, t.status, t.latestAsOf),
    // Commitments by sector and status for the dashboard, read in group order without a join.
    index("commitment_status_categories_idx").on(t.isCurrent, t.categories, t.status),
    check("commitment_status_status_check", sql`${t.status} is null or ${oneOf(t.status, STATUSES)}`),
    check(
      "commitment_status_valid_until_date",
      sql`${t.validUntil} = '${sql.raw(STATUS_MUST_RECOMPUTE)}' or (${isoDate(t.validUntil)})`,
    ),
    check("commitment_status_computed_for_date", isoDate(t.computedFor)),
  ],
);

export const commitmentStates = sqliteTable(
  "commitment_states",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    stateCode: text("state_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.stateCode] }),
    index("commitment_states_state_idx").on(t.stateCode, t.commitmentId),
    check("commitment_states_code_format", sql`${t.stateCode} glob 'IN-[A-Z][A-Z]'`),
  ],
);

export const commitmentCategories = sqliteTable(
  "commitment_categories",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    category: text("category").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.category] }),
    index("commitment_categories_category_idx").on(t.category, t.commitmentId),
  ],
);

export const progressUpdates = sqliteTable(
  "progress_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    asOf: text("as_of").notNull(),
    value: real("value").notNull(),
    note: text("note"),
    ...withdrawal,
    ...synthetic,
    ...timestamps,
  },
  (t) => [
    index("progress_commitment_as_of_idx").on(t.commitmentId, t.asOf),
    check("progress_as_of_date", isoDate(t.asOf)),
    check("progress_withdrawn_on_date", isoDate(t.withdrawnOn)),
  ],
);

// One link table per record type keeps a real foreign key on both sides of every link.
function sourceLinks<T extends string>(name: T, recordColumn: string, recordTable: () => AnySQLiteColumn) {
  return sqliteTable(
    name,
    {
      recordId: integer(recordColumn).notNull().references(recordTable),
      sourceId: integer("source_id")
        .notNull()
        .references(() => sources.id),
    },
    (t) => [primaryKey({ columns: [t.recordId, t.sourceId] }), index(`${name}_source_idx`).on(t.sourceId)],
  );
}

export const companySources = sourceLinks("company_sources", "company_id", () => companies.id);
export const facilitySources = sourceLinks("facility_sources", "facility_id", () => facilities.id);
export const partnershipSources = sourceLinks("partnership_sources", "partnership_id", () => partnerships.id);
export const commitmentSources = sourceLinks("commitment_sources", "commitment_id", () => commitments.id);
export const progressSources = sourceLinks(
  "progress_update_sources",
  "progress_update_id",
  () => progressUpdates.id,
);

export const submissions = sqliteTable(
  "submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    action: text("action", { enum: SUBMISSION_ACTIONS }).notNull(),
    // For a change or a withdrawal: the published record it concerns.
    targetId: integer("target_id"),
    // The proposed record, exactly as the form's zod schema accepted it.
    payload: text("payload", { mode: "json" }).$type<unknown>().notNull(),
    // The revision the contributor saw, so an approval can detect that the record changed since.
    baseRevisionId: integer("base_revision_id"),
    state: text("state", { enum: SUBMISSION_STATES }).notNull().default("pending"),
    submittedById: text("submitted_by_id")
      .notNull()
      .references(() => users.id),
    reviewerId: text("reviewer_id").references(() => users.id),
    decisionReason: text("decision_reason"),
    decidedAt: text("decided_at"),
    ...timestamps,
  },
  (t) => [
    index("submissions_state_created_idx").on(t.state, t.createdAt),
    index("submissions_submitter_idx").on(t.submittedById),
    check("submissions_record_type_check", oneOf(t.recordType, RECORD_TYPES)),
    check("submissions_action_check", oneOf(t.action, SUBMISSION_ACTIONS)),
    check("submissions_state_check", oneOf(t.state, SUBMISSION_STATES)),
    check("submissions_payload_json", sql`json_valid(${t.payload})`),
    check("submissions_target_needed", sql`${t.action} = 'create' or ${t.targetId} is not null`),
    check(
      "submissions_reason_needed",
      sql`${t.state} not in ('rejected', 'changes_requested') or length(trim(coalesce(${t.decisionReason}, ''))) > 0`,
    ),
  ],
);

export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: integer("record_id").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    // Null for changes made by the seed import, which no person made.
    actorId: text("actor_id").references(() => users.id),
    submissionId: integer("submission_id").references(() => submissions.id),
    summary: text("summary").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("revisions_record_idx").on(t.recordType, t.recordId, t.id),
    index("revisions_created_idx").on(t.createdAt),
    // A contributor's submissions list and the review page find the revision a submission made.
    index("revisions_submission_idx").on(t.submissionId),
    check("revisions_record_type_check", oneOf(t.recordType, RECORD_TYPES)),
  ],
);

export type CompanyRow = typeof companies.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;
export type ProgressRow = typeof progressUpdates.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;
export type PartnershipRow = typeof partnerships.$inferSelect;
export type CommitmentStatusRow = typeof commitmentStatus.$inferSelect;

// Everything that happened to a submission, in order: a resubmission keeps the payload it
// replaced and a decision keeps its reason, so nothing a person typed or decided is lost.
export const submissionEvents = sqliteTable(
  "submission_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id),
    event: text("event", { enum: SUBMISSION_EVENTS }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    reason: text("reason"),
    /** For "created" and "resubmitted": the payload as it was then. */
    payload: text("payload", { mode: "json" }).$type<unknown>(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index("submission_events_submission_idx").on(t.submissionId, t.id),
    check("submission_events_event_check", oneOf(t.event, SUBMISSION_EVENTS)),
  ],
);

// A person watching a company (everything published about it: the company, its commitments and
// their progress, the facilities it operates, the partnerships it is in) or one commitment (with
// its progress). Exactly one of the two targets is set. Unwatching ends the row rather than
// deleting it, as with everything a person entered; the partial unique indexes let a person hold
// at most one active watch per target while keeping every ended one.
export const watches = sqliteTable(
  "watches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    companyId: integer("company_id").references(() => companies.id),
    commitmentId: integer("commitment_id").references(() => commitments.id),
    // The newest revision when the watch began: what was published before is history, not news.
    sinceRevisionId: integer("since_revision_id").notNull().default(0),
    createdAt: timestamps.createdAt,
    endedAt: text("ended_at"),
  },
  (t) => [
    index("watches_user_idx").on(t.userId, t.endedAt),
    uniqueIndex("watches_active_company_unique")
      .on(t.userId, t.companyId)
      .where(sql`${t.endedAt} is null and ${t.companyId} is not null`),
    uniqueIndex("watches_active_commitment_unique")
      .on(t.userId, t.commitmentId)
      .where(sql`${t.endedAt} is null and ${t.commitmentId} is not null`),
    check("watches_one_target", sql`(${t.companyId} is null) <> (${t.commitmentId} is null)`),
    check("watches_ended_after_created", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.createdAt}`),
  ],
);

// When a person last looked at /account/watching, as the newest revision the page had read. One
// row per person rather than a column on each watch: a visit is one event covering all of their
// watches, and a watch begun later has its own starting point (watches.since_revision_id). A
// revision id rather than a time, because ids grow strictly in the order changes were published:
// a change published while the page was being read has a higher id and stays new, where two
// changes in the same millisecond would make a timestamp ambiguous.
export const watchVisits = sqliteTable(
  "watch_visits",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id),
    seenRevisionId: integer("seen_revision_id").notNull(),
    visitedAt: text("visited_at").notNull(),
  },
  (t) => [check("watch_visits_seen_not_negative", sql`${t.seenRevisionId} >= 0`)],
);

// A counter that grows with every change to what the public can read: published records, their
// sources and links, revisions, and people's names and roles (shown in histories). Triggers
// (drizzle/0009) keep it, so every writer (the app, the seed, an import, the sqlite3 shell, a
// second server process) moves it in the same transaction as its change. Cached public
// responses are keyed by it (docs/decisions/0017): one integer read per request decides
// whether anything a reader could see has changed. One row, id 1.
export const publicationVersion = sqliteTable(
  "publication_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
  },
  (t) => [check("publication_version_single_row", sql`${t.id} = 1`)],
);

// Outgoing mail (docs/decisions/0023). A message is queued in the same transaction as the event
// that causes it, already rendered, and sent later by a worker (mail/worker.ts) that leases it:
// state 'sending' with lease_owner and lease_until, so two processes never send one message at
// once, and a message whose sender died is taken up again when the lease runs out. A failed send
// goes back to 'queued' with next_attempt_at pushed out; after the last attempt it stays 'failed'
// with its error. Rows are never deleted. dedupe_key names the event (a submission event id), so
// one event queues one message of each kind however often the enqueue runs.
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamps.createdAt,
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_unique").on(t.kind, t.dedupeKey),
    // The worker's claim reads due messages in this order.
    index("outbox_due_idx").on(t.state, t.nextAttemptAt),
    check("outbox_kind_check", oneOf(t.kind, MAIL_KINDS)),
    check("outbox_state_check", oneOf(t.state, OUTBOX_STATES)),
    check("outbox_headers_json", sql`json_valid(${t.headers})`),
    check("outbox_attempts_not_negative", sql`${t.attempts} >= 0`),
    check(
      "outbox_lease_whole",
      sql`(${t.state} = 'sending') = (${t.leaseOwner} is not null and ${t.leaseUntil} is not null)`,
    ),
    check("outbox_sent_at", sql`(${t.state} = 'sent') = (${t.sentAt} is not null)`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

// Archived copies of sources (issue 15, docs/decisions/0029). One row per capture asked for,
// queued in the transaction that first publishes the source (or by a reviewer), and fetched
// later by archive/worker.ts under a lease, as the outbox is sent: 'fetching' with lease_owner
// and lease_until; a failure goes back to 'queued' with the failure kept and next_attempt_at
// pushed out, and after the last attempt stays 'failed'. An archived row holds what was fetched;
// the response itself is a WARC file under TRACKER_ARCHIVE_DIR (warc_file is relative to it).
// Rows are never deleted: a new capture is a new row, and the old copy stays citable.
export const sourceCaptures = sqliteTable(
  "source_captures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    cause: text("cause", { enum: CAPTURE_CAUSES }).notNull(),
    /** The reviewer who asked; null for a capture queued by publication. */
    requestedById: text("requested_by_id").references(() => users.id),
    createdAt: timestamps.createdAt,
    state: text("state", { enum: CAPTURE_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    fetchedAt: text("fetched_at"),
    status: integer("status"),
    finalUrl: text("final_url"),
    contentType: text("content_type"),
    sha256: text("sha256"),
    /** Of the words a reader sees (docs/decisions/0032); null for a body without text and for copies from before. */
    textSha256: text("text_sha256"),
    bodyBytes: integer("body_bytes"),
    warcFile: text("warc_file"),
    /** The last failed attempt's code and words; kept when a later attempt succeeds, as history. */
    failureCode: text("failure_code", { enum: FETCH_FAILURE_CODES }),
    failureReason: text("failure_reason"),
  },
  (t) => [
    index("source_captures_due_idx").on(t.state, t.nextAttemptAt),
    index("source_captures_source_idx").on(t.sourceId, t.state, t.id),
    check("source_captures_state_check", oneOf(t.state, CAPTURE_STATES)),
    check("source_captures_cause_check", oneOf(t.cause, CAPTURE_CAUSES)),
    check(
      "source_captures_failure_code_check",
      sql`${t.failureCode} is null or ${oneOf(t.failureCode, FETCH_FAILURE_CODES)}`,
    ),
    check("source_captures_attempts_not_negative", sql`${t.attempts} >= 0`),
    check(
      "source_captures_lease_whole",
      sql`(${t.state} = 'fetching') = (${t.leaseOwner} is not null and ${t.leaseUntil} is not null)`,
    ),
    check(
      "source_captures_archived_whole",
      sql`(${t.state} = 'archived') = (${t.sha256} is not null and ${t.warcFile} is not null and ${t.fetchedAt} is not null)`,
    ),
    check("source_captures_sha256_format", sha256Hex(t.sha256)),
    check("source_captures_text_sha256_format", sha256Hex(t.textSha256)),
  ],
);

// What the link checker found, one row per check of a published source. Nothing is updated or
// deleted: "unreachable since" is the first unreachable check after the last reachable one.
export const sourceChecks = sqliteTable(
  "source_checks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    checkedAt: text("checked_at").notNull(),
    outcome: text("outcome", { enum: CHECK_OUTCOMES }).notNull(),
    status: integer("status"),
    sha256: text("sha256"),
    /** Of the words a reader sees, compared with the capture's when both have one (docs/decisions/0032). */
    textSha256: text("text_sha256"),
    /** The archived capture the body was compared with; null when none existed. */
    comparedCaptureId: integer("compared_capture_id").references(() => sourceCaptures.id),
    failureCode: text("failure_code", { enum: FETCH_FAILURE_CODES }),
    reason: text("reason"),
  },
  (t) => [
    index("source_checks_source_idx").on(t.sourceId, t.id),
    index("source_checks_outcome_idx").on(t.outcome, t.sourceId),
    check("source_checks_outcome_check", oneOf(t.outcome, CHECK_OUTCOMES)),
    check(
      "source_checks_failure_code_check",
      sql`${t.failureCode} is null or ${oneOf(t.failureCode, FETCH_FAILURE_CODES)}`,
    ),
    check("source_checks_text_sha256_format", sha256Hex(t.textSha256)),
  ],
);

export type SourceCaptureRow = typeof sourceCaptures.$inferSelect;
export type SourceCheckRow = typeof sourceChecks.$inferSelect;
// How often a person wants each digest (docs/decisions/0024). No row means the default
// (DEFAULT_DIGEST_FREQUENCY); a choice, or an unsubscribe from a digest's link, writes one.
export const digestSettings = sqliteTable(
  "digest_settings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: DIGEST_KINDS }).notNull(),
    frequency: text("frequency", { enum: DIGEST_FREQUENCIES }).notNull(),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("digest_settings_kind_check", oneOf(t.kind, DIGEST_KINDS)),
    check("digest_settings_frequency_check", oneOf(t.frequency, DIGEST_FREQUENCIES)),
  ],
);

// Each digest made, one row per person, kind and period, whether a message was queued
// (outbox_id) or there was nothing to say (null): the record that a period is done, so a later
// check neither sends it again nor skips it. For a watch digest, through_revision_id is the
// newest revision it covered; the next one reports what was published after it.
export const digestRuns = sqliteTable(
  "digest_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: DIGEST_KINDS }).notNull(),
    frequency: text("frequency", { enum: DIGEST_FREQUENCIES }).notNull(),
    period: text("period").notNull(),
    ranAt: text("ran_at").notNull(),
    throughRevisionId: integer("through_revision_id"),
    outboxId: integer("outbox_id").references(() => outbox.id),
  },
  (t) => [
    uniqueIndex("digest_runs_period_unique").on(t.userId, t.kind, t.period),
    index("digest_runs_latest_idx").on(t.userId, t.kind, t.ranAt),
    check("digest_runs_kind_check", oneOf(t.kind, DIGEST_KINDS)),
    check("digest_runs_frequency_check", oneOf(t.frequency, DIGEST_FREQUENCIES)),
  ],
);

// Work that only one process on this database should do at a time, such as a link-check run:
// two servers each checking every source would double the rate at which a publisher's host
// is asked. A process takes the row for `lease_until` and renews it as it goes; one that dies
// holds it only until then (docs/decisions/0031).
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  owner: text("owner").notNull(),
  leaseUntil: text("lease_until").notNull(),
});
