import type {
  CompanyKind,
  DeadlinePrecision,
  Direction,
  EvidenceGrade,
  FacilityStage,
  Metric,
  PartnershipStage,
  Scheme,
  SourceKind,
  Unit,
} from "@/lib/domain/vocabulary";

// The facts of the source reporting of 29 May 2023, exactly as reported; nothing here is invented.
// Records refer to each other by natural keys (URL, slug, title) so that seeding is idempotent.

export type SeedSource = {
  key: string;
  url: string;
  title: string;
  publisher: string;
  kind: SourceKind;
  publishedOn: string;
  excerpt: string;
  accessedOn: string;
};

export const SEED_SOURCES: SeedSource[] = [
  {
    key: "reuters",
    url: "https://www.nasdaq.com/articles/xiaomi-to-make-wireless-audio-products-in-india",
    title: "Xiaomi to make wireless audio products in India",
    publisher: "Reuters (republished by Nasdaq)",
    kind: "news",
    publishedOn: "2023-05-29",
    excerpt:
      "Xiaomi India will make its first local audio gadget at Optiemus Electronics' factory in the northern state of Uttar Pradesh, the company said in a statement, reiterating that it was targeting a 50% increase in the production of components locally sourced by 2025.",
    accessedOn: "2026-11-25",
  },
  {
    key: "post",
    url: "https://www.businesstoday.in/technology/news/story/xiaomi-partners-with-optiemus-to-manufacture-wireless-audio-products-in-india-383326-2023-05-29",
    title: "Xiaomi partners with Optiemus to manufacture wireless audio products in India",
    publisher:
      "Business Today, quoting a post by Muralikrishnan B, Xiaomi India President, and Xiaomi's official statement",
    kind: "news",
    publishedOn: "2023-05-29",
    excerpt:
      "Happy to announce our tie-up with Optiemus Electronics Limited @OELindia, to manufacture high-quality #Audio products locally in Noida. The partnership reinforces our commitment to #MakeinIndia - broadening & deepening supply chain #localisation & supporting domestic champions.",
    accessedOn: "2026-11-25",
  },
];

export type SeedCompany = {
  slug: string;
  name: string;
  kind: CompanyKind;
  hqCountry: string;
  website: string | null;
  description: string;
  sources: string[];
};

export const SEED_COMPANIES: SeedCompany[] = [
  {
    slug: "xiaomi",
    name: "Xiaomi",
    kind: "brand",
    hqCountry: "CN",
    website: null,
    description:
      "Consumer electronics brand. Already manufactures smartphones and TV sets in India, and sells speakers, earbuds, and wired and wireless headphones there.",
    sources: ["reuters", "post"],
  },
  {
    slug: "optiemus-electronics",
    name: "Optiemus Electronics Limited",
    kind: "contract_manufacturer",
    hqCountry: "IN",
    website: null,
    description: "Indian electronics contract manufacturer (OEL) with two manufacturing units in India.",
    sources: ["reuters", "post"],
  },
  {
    slug: "foxconn",
    name: "Foxconn",
    kind: "contract_manufacturer",
    hqCountry: "TW",
    website: null,
    description: "Contract manufacturer and supplier to Apple.",
    sources: ["reuters"],
  },
  {
    slug: "tesla",
    name: "Tesla",
    kind: "brand",
    hqCountry: "US",
    website: null,
    description: "Electric vehicle maker.",
    sources: ["reuters"],
  },
];

export type SeedFacility = {
  operator: string;
  name: string;
  city: string;
  stateCode: string;
  stage: FacilityStage;
  investmentAmount: number | null;
  investmentCurrency: string | null;
  announcedOn: string | null;
  sources: string[];
};

export const SEED_FACILITIES: SeedFacility[] = [
  {
    operator: "optiemus-electronics",
    name: "Optiemus Electronics factory, Noida",
    city: "Noida",
    stateCode: "IN-UP",
    stage: "operational",
    investmentAmount: null,
    investmentCurrency: null,
    announcedOn: null,
    sources: ["reuters", "post"],
  },
  {
    operator: "foxconn",
    name: "Foxconn land on the outskirts of Bengaluru",
    city: "Bengaluru",
    stateCode: "IN-KA",
    stage: "land_acquired",
    investmentAmount: 37_000_000,
    investmentCurrency: "USD",
    announcedOn: null,
    sources: ["reuters"],
  },
];

export type SeedPartnership = {
  brand: string;
  partner: string;
  productCategories: string[];
  facility: string | null;
  announcedOn: string;
  stage: PartnershipStage;
  sources: string[];
};

export const SEED_PARTNERSHIPS: SeedPartnership[] = [
  {
    brand: "xiaomi",
    partner: "optiemus-electronics",
    productCategories: ["Wireless audio"],
    facility: "Optiemus Electronics factory, Noida",
    announcedOn: "2023-05-29",
    stage: "announced",
    sources: ["reuters", "post"],
  },
];

export type SeedCommitment = {
  company: string;
  title: string;
  description: string;
  metric: Metric;
  unit: Unit;
  direction: Direction;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  dueOn: string | null;
  deadlinePrecision: DeadlinePrecision | null;
  scheme: Scheme | null;
  evidenceGrade: EvidenceGrade;
  announcedOn: string;
  categories: string[];
  states: string[];
  progress: { asOf: string; value: number; note: string; sources: string[] }[];
  sources: string[];
};

export const SEED_COMMITMENTS: SeedCommitment[] = [
  {
    company: "xiaomi",
    title: "50 per cent increase in the production of locally sourced components by 2025",
    description:
      "Xiaomi targets a 50 per cent increase in the production of components sourced locally in India by 2025, measured against the level when the target was stated on 29 May 2023.",
    metric: "local_production_increase",
    unit: "percent",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 50,
    dueOn: "2025-12-31",
    deadlinePrecision: "year",
    scheme: "make_in_india",
    evidenceGrade: "announced",
    announcedOn: "2023-05-29",
    categories: ["Components"],
    states: [],
    progress: [],
    sources: ["reuters", "post"],
  },
  {
    company: "xiaomi",
    title: "Manufacture smartphones and TV sets in India",
    description: "Xiaomi already manufactures the smartphones and TV sets it sells in India.",
    metric: "facility_milestone",
    unit: "yes_no",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 1,
    dueOn: null,
    deadlinePrecision: null,
    scheme: null,
    evidenceGrade: "announced",
    announcedOn: "2023-05-29",
    categories: ["Smartphones", "Televisions"],
    states: [],
    progress: [
      {
        asOf: "2023-05-29",
        value: 1,
        note: "Reported as already manufacturing smartphones and TV sets in India.",
        sources: ["reuters"],
      },
    ],
    sources: ["reuters"],
  },
  {
    company: "foxconn",
    title: "Manufacturing site on land bought near Bengaluru",
    description: "Foxconn bought land on the outskirts of Bengaluru, Karnataka, for $37 million.",
    metric: "facility_milestone",
    unit: "yes_no",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 1,
    dueOn: null,
    deadlinePrecision: null,
    scheme: null,
    evidenceGrade: "agreement_or_land",
    announcedOn: "2023-05-29",
    categories: [],
    states: ["IN-KA"],
    progress: [],
    sources: ["reuters"],
  },
  {
    company: "tesla",
    title: "Set up a manufacturing plant in India",
    description:
      "Tesla is in talks with government officials about setting up a manufacturing plant in India.",
    metric: "facility_milestone",
    unit: "yes_no",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2023-05-29",
    targetValue: 1,
    dueOn: null,
    deadlinePrecision: null,
    scheme: null,
    evidenceGrade: "in_talks",
    announcedOn: "2023-05-29",
    categories: [],
    states: [],
    progress: [],
    sources: ["reuters"],
  },
];
