// The controlled vocabularies of the domain. The database CHECK constraints, the zod schemas and
// the labels people read are all derived from these lists, so adding a value happens in one place.

export const COMPANY_KINDS = ["brand", "contract_manufacturer", "supplier", "other"] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const FACILITY_STAGES = [
  "announced",
  "land_acquired",
  "under_construction",
  "operational",
  "closed",
] as const;
export type FacilityStage = (typeof FACILITY_STAGES)[number];

export const PARTNERSHIP_STAGES = ["announced", "agreement_signed", "operational", "ended"] as const;
export type PartnershipStage = (typeof PARTNERSHIP_STAGES)[number];

export const METRICS = [
  "local_sourcing_share",
  "local_production_increase",
  "local_value_addition",
  "investment",
  "jobs",
  "units_produced",
  "exports",
  "facility_milestone",
] as const;
export type Metric = (typeof METRICS)[number];

export const UNITS = ["percent", "INR", "USD", "count", "yes_no"] as const;
export type Unit = (typeof UNITS)[number];

export const DIRECTIONS = ["increase", "decrease"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DEADLINE_PRECISIONS = ["day", "month", "quarter", "year"] as const;
export type DeadlinePrecision = (typeof DEADLINE_PRECISIONS)[number];

export const SCHEMES = ["make_in_india", "pli_electronics", "pli_it_hardware", "pmp", "other"] as const;
export type Scheme = (typeof SCHEMES)[number];

// Ordered from weakest to strongest evidence.
export const EVIDENCE_GRADES = [
  "in_talks",
  "announced",
  "agreement_or_land",
  "regulatory_filing",
  "verified_outcome",
] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

export const SOURCE_KINDS = [
  "news",
  "press_release",
  "social_post",
  "filing",
  "government",
  "other",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ROLES = ["contributor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const RECORD_TYPES = ["company", "facility", "partnership", "commitment", "progress_update"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const SUBMISSION_ACTIONS = ["create", "change", "withdraw"] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const SUBMISSION_STATES = [
  "pending",
  "approved",
  "rejected",
  "changes_requested",
  "withdrawn",
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** What can happen to a submission, as submission_events records it. */
export const SUBMISSION_EVENTS = [
  "created",
  "withdrawn",
  "resubmitted",
  "approved",
  "rejected",
  "changes_requested",
] as const;
export type SubmissionEvent = (typeof SUBMISSION_EVENTS)[number];

/** What a reviewer may decide about a pending submission. */
export const DECISIONS = ["approve", "reject", "request_changes"] as const;
export type Decision = (typeof DECISIONS)[number];

export const COMPANY_KIND_LABELS: Record<CompanyKind, string> = {
  brand: "Brand",
  contract_manufacturer: "Contract manufacturer",
  supplier: "Supplier",
  other: "Other",
};

export const FACILITY_STAGE_LABELS: Record<FacilityStage, string> = {
  announced: "Announced",
  land_acquired: "Land acquired",
  under_construction: "Under construction",
  operational: "Operational",
  closed: "Closed",
};

export const PARTNERSHIP_STAGE_LABELS: Record<PartnershipStage, string> = {
  announced: "Announced",
  agreement_signed: "Agreement signed",
  operational: "Operational",
  ended: "Ended",
};

export const METRIC_LABELS: Record<Metric, string> = {
  local_sourcing_share: "Share of components sourced locally",
  local_production_increase: "Increase in local production",
  local_value_addition: "Local value addition",
  investment: "Investment",
  jobs: "Jobs",
  units_produced: "Units produced",
  exports: "Exports",
  facility_milestone: "Facility milestone",
};

export const UNIT_LABELS: Record<Unit, string> = {
  percent: "per cent",
  INR: "Indian rupees",
  USD: "US dollars",
  count: "count",
  yes_no: "yes/no",
};

export const SCHEME_LABELS: Record<Scheme, string> = {
  make_in_india: "Make in India",
  pli_electronics: "PLI for large-scale electronics manufacturing",
  pli_it_hardware: "PLI for IT hardware",
  pmp: "Phased Manufacturing Programme",
  other: "Other scheme",
};

export const EVIDENCE_GRADE_LABELS: Record<EvidenceGrade, string> = {
  in_talks: "In talks",
  announced: "Announced",
  agreement_or_land: "Agreement signed or land acquired",
  regulatory_filing: "Regulatory filing",
  verified_outcome: "Verified outcome",
};

export const EVIDENCE_GRADE_DESCRIPTIONS: Record<EvidenceGrade, string> = {
  in_talks: "Discussions reported; nothing has been agreed or announced by the company.",
  announced: "The company has publicly stated the commitment.",
  agreement_or_land: "A contract is signed or land is bought: money or obligations have changed hands.",
  regulatory_filing: "The commitment appears in a filing with a regulator or government.",
  verified_outcome: "The outcome is confirmed by an independent or official source.",
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  news: "News report",
  press_release: "Press release",
  social_post: "Social media post",
  filing: "Filing",
  government: "Government",
  other: "Other",
};
