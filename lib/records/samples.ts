import type { RecordType } from "@/lib/domain/vocabulary";
import type { RecordLike } from "./kind";

// Valid proposals of each kind, for tests: they refer to the seed's companies (xiaomi, foxconn,
// tesla) by short name.

export const SAMPLE_SOURCE = {
  url: "https://news.example.in/1",
  title: "Report",
  publisher: "Example News",
  kind: "news",
  published_on: "2026-02-01",
  excerpt: "Quoted words.",
};

/** A valid proposal of each kind, as a form would send it. */
export const SAMPLES: Record<RecordType, RecordLike> = {
  company: {
    slug: "dixon",
    name: "Dixon Technologies",
    kind: "contract_manufacturer",
    hq_country: "in",
    website: "https://www.dixoninfo.com",
    description: "",
    sources: [SAMPLE_SOURCE],
  },
  facility: {
    operator: "foxconn",
    name: "Foxconn display module plant",
    city: "Sriperumbudur",
    state_code: "IN-TN",
    stage: "land_acquired",
    investment_amount: "37,000,000",
    investment_currency: "usd",
    announced_on: "2024-03-01",
    sources: [SAMPLE_SOURCE],
  },
  partnership: {
    brand: "tesla",
    partner: "foxconn",
    product_categories: "Electric vehicles, Batteries",
    facility_id: "7",
    announced_on: "",
    stage: "announced",
    sources: [SAMPLE_SOURCE],
  },
  commitment: {
    company: "xiaomi",
    title: "50 per cent local components",
    description: "Said at a launch.",
    metric: "local_sourcing_share",
    unit: "percent",
    direction: "increase",
    baseline_value: "10",
    baseline_date: "2024-01-15",
    target_value: "50",
    deadline_precision: "quarter",
    deadline: "2026-Q3",
    scheme: "pli_electronics",
    evidence_grade: "announced",
    announced_on: "2024-01-15",
    categories: "Smartphones, Components, Smartphones",
    states: ["IN-UP", "IN-TN"],
    sources: [SAMPLE_SOURCE],
  },
  progress_update: {
    commitment_id: "12",
    as_of: "2025-03-31",
    value: "20.5",
    note: "Annual report",
    sources: [SAMPLE_SOURCE],
  },
};
