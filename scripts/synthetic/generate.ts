import type Database from "better-sqlite3";
import type { Db } from "@/db/connection";
import { deadlineLabel, endOfPeriod } from "@/lib/domain/dates";
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

// Synthetic data for load tests. Everything is derived from one seeded PRNG consumed in a fixed
// order, so the same seed and count always give the same records, whatever the batch size.
// Rows go in through raw prepared statements: Drizzle's query builder costs more per row than
// SQLite itself, and a million progress updates must load in well under two minutes.

/** The "today" of the seed facts (their accessed-on date); no synthetic evidence is later. */
export const SYNTHETIC_TODAY = "2026-11-25";
export const MAX_SYNTHETIC_COMMITMENTS = 2_000_000;
export const DEFAULT_BATCH_SIZE = 5_000;

/** Tables that carry the `synthetic` flag. */
export const SYNTHETIC_TABLES = [
  "sources",
  "companies",
  "facilities",
  "partnerships",
  "commitments",
  "progress_updates",
] as const;

export type SyntheticOptions = {
  commitments: number;
  seed?: number;
  /** Commitments per transaction; affects speed and memory only, never the data. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SyntheticCounts = {
  companies: number;
  facilities: number;
  partnerships: number;
  commitments: number;
  withdrawnCommitments: number;
  supersededCommitments: number;
  progressUpdates: number;
  commitmentStates: number;
  commitmentCategories: number;
  sources: number;
  sourceLinks: number;
};

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** Log-uniform, so that small and large amounts are equally likely per order of magnitude. */
  logBetween(lo: number, hi: number): number {
    return Math.exp(this.between(Math.log(lo), Math.log(hi)));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }
}

function at<T>(items: readonly T[], index: number): T {
  const value = items[index];
  if (value === undefined) throw new RangeError(`Index ${index} out of range (${items.length})`);
  return value;
}

type Weighted<T> = readonly (readonly [T, number])[];

/** Precomputes the cumulative weights once; picks by binary search. */
function weighted<T>(entries: Weighted<T>): (rng: Rng) => T {
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) > x) hi = mid;
      else lo = mid + 1;
    }
    return at(values, lo);
  };
}

/** Up to `count` distinct picks; duplicates are dropped rather than retried forever. */
function distinct<T>(rng: Rng, count: number, pickOne: (rng: Rng) => T): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const v = pickOne(rng);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates, as whole days; a lookup table avoids a Date allocation for each of millions of rows.

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2010, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2037, 11, 31) / DAY_MS;
const ISO_BY_DAY: string[] = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++) ISO_BY_DAY.push(new Date(d * DAY_MS).toISOString().slice(0, 10));

function iso(day: number): string {
  return at(ISO_BY_DAY, day - FIRST_DAY);
}

function dayOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

const TODAY = dayOf(SYNTHETIC_TODAY);
const BASELINE_FIRST = dayOf("2018-01-01");
const BASELINE_LAST = dayOf("2025-12-31");
const DUE_FIRST = dayOf("2020-01-01");
const DUE_LAST = dayOf("2035-12-31");

// ---------------------------------------------------------------------------------------------
// Reference lists. Weights are rough impressions of where such announcements cluster.

type StateInfo = { code: string; name: string; cities: readonly string[] };

const STATES: Weighted<StateInfo> = [
  [{ code: "IN-TN", name: "Tamil Nadu", cities: ["Chennai", "Sriperumbudur", "Hosur", "Coimbatore"] }, 14],
  [{ code: "IN-UP", name: "Uttar Pradesh", cities: ["Noida", "Greater Noida", "Lucknow", "Kanpur"] }, 13],
  [{ code: "IN-KA", name: "Karnataka", cities: ["Bengaluru", "Mysuru", "Hubballi", "Devanahalli"] }, 12],
  [
    { code: "IN-MH", name: "Maharashtra", cities: ["Pune", "Mumbai", "Chhatrapati Sambhajinagar", "Nagpur"] },
    12,
  ],
  [{ code: "IN-GJ", name: "Gujarat", cities: ["Ahmedabad", "Sanand", "Dholera", "Surat", "Vadodara"] }, 11],
  [{ code: "IN-HR", name: "Haryana", cities: ["Gurugram", "Manesar", "Faridabad"] }, 6],
  [{ code: "IN-TG", name: "Telangana", cities: ["Hyderabad", "Warangal"] }, 6],
  [{ code: "IN-AP", name: "Andhra Pradesh", cities: ["Sri City", "Tirupati", "Visakhapatnam"] }, 5],
  [{ code: "IN-DL", name: "Delhi", cities: ["New Delhi"] }, 3],
  [{ code: "IN-RJ", name: "Rajasthan", cities: ["Jaipur", "Bhiwadi"] }, 3],
  [{ code: "IN-WB", name: "West Bengal", cities: ["Kolkata", "Kharagpur"] }, 2],
  [{ code: "IN-PB", name: "Punjab", cities: ["Mohali", "Ludhiana"] }, 2],
  [{ code: "IN-MP", name: "Madhya Pradesh", cities: ["Indore", "Pithampur"] }, 2],
  [{ code: "IN-UT", name: "Uttarakhand", cities: ["Dehradun", "Haridwar"] }, 2],
  [{ code: "IN-HP", name: "Himachal Pradesh", cities: ["Baddi"] }, 1.5],
  [{ code: "IN-OR", name: "Odisha", cities: ["Bhubaneswar"] }, 1.5],
  [{ code: "IN-KL", name: "Kerala", cities: ["Kochi", "Thiruvananthapuram"] }, 1],
  [{ code: "IN-GA", name: "Goa", cities: ["Verna"] }, 1],
  [{ code: "IN-CT", name: "Chhattisgarh", cities: ["Raipur"] }, 1],
  [{ code: "IN-JH", name: "Jharkhand", cities: ["Jamshedpur", "Ranchi"] }, 1],
  [{ code: "IN-BR", name: "Bihar", cities: ["Patna"] }, 1],
  [{ code: "IN-AS", name: "Assam", cities: ["Guwahati"] }, 0.6],
  [{ code: "IN-DN", name: "Dadra and Nagar Haveli and Daman and Diu", cities: ["Silvassa"] }, 0.6],
  [{ code: "IN-JK", name: "Jammu and Kashmir", cities: ["Jammu"] }, 0.4],
  [{ code: "IN-PY", name: "Puducherry", cities: ["Puducherry"] }, 0.3],
  [{ code: "IN-CH", name: "Chandigarh", cities: ["Chandigarh"] }, 0.3],
  [{ code: "IN-SK", name: "Sikkim", cities: ["Gangtok"] }, 0.2],
  [{ code: "IN-TR", name: "Tripura", cities: ["Agartala"] }, 0.2],
  [{ code: "IN-ML", name: "Meghalaya", cities: ["Shillong"] }, 0.15],
  [{ code: "IN-MN", name: "Manipur", cities: ["Imphal"] }, 0.15],
  [{ code: "IN-MZ", name: "Mizoram", cities: ["Aizawl"] }, 0.1],
  [{ code: "IN-NL", name: "Nagaland", cities: ["Dimapur"] }, 0.1],
  [{ code: "IN-AR", name: "Arunachal Pradesh", cities: ["Itanagar"] }, 0.1],
  [{ code: "IN-AN", name: "Andaman and Nicobar Islands", cities: ["Port Blair"] }, 0.05],
  [{ code: "IN-LA", name: "Ladakh", cities: ["Leh"] }, 0.05],
  [{ code: "IN-LD", name: "Lakshadweep", cities: ["Kavaratti"] }, 0.02],
];
const pickState = weighted(STATES);

type Category = { label: string; noun: string; schemes: readonly Scheme[] };

const CATEGORIES: Weighted<Category> = [
  [{ label: "Smartphones", noun: "smartphones", schemes: ["pli_electronics", "pmp", "make_in_india"] }, 18],
  [
    {
      label: "Components",
      noun: "electronic components",
      schemes: ["pmp", "pli_electronics", "make_in_india"],
    },
    14,
  ],
  [{ label: "Televisions", noun: "televisions", schemes: ["make_in_india", "other"] }, 7],
  [{ label: "Electric vehicles", noun: "electric vehicles", schemes: ["other", "make_in_india"] }, 7],
  [{ label: "Wireless audio", noun: "wireless audio products", schemes: ["make_in_india", "pmp"] }, 6],
  [{ label: "Laptops", noun: "laptops", schemes: ["pli_it_hardware", "make_in_india"] }, 6],
  [{ label: "Telecom equipment", noun: "telecom equipment", schemes: ["other", "make_in_india"] }, 6],
  [{ label: "Semiconductors", noun: "semiconductors", schemes: ["other", "make_in_india"] }, 5],
  [{ label: "Solar modules", noun: "solar modules", schemes: ["other", "make_in_india"] }, 5],
  [{ label: "Pharmaceuticals", noun: "pharmaceuticals", schemes: ["other", "make_in_india"] }, 5],
  [{ label: "Auto components", noun: "auto components", schemes: ["other", "make_in_india"] }, 5],
  [{ label: "Wearables", noun: "wearables", schemes: ["make_in_india", "pmp"] }, 4],
  [{ label: "EV batteries", noun: "EV battery cells", schemes: ["other"] }, 4],
  [{ label: "Medical devices", noun: "medical devices", schemes: ["other", "make_in_india"] }, 3],
  [{ label: "Air conditioners", noun: "air conditioners", schemes: ["other", "make_in_india"] }, 3],
  [{ label: "Servers", noun: "servers", schemes: ["pli_it_hardware"] }, 2],
  [{ label: "Drones", noun: "drones", schemes: ["other"] }, 1.5],
];
const pickCategory = weighted(CATEGORIES);

const pickCompanyKind = weighted<CompanyKind>([
  ["brand", 40],
  ["contract_manufacturer", 25],
  ["supplier", 30],
  ["other", 5],
]);

type Country = { code: string; name: string; suffixes: readonly string[] };

const pickCountry = weighted<Country>([
  [{ code: "IN", name: "India", suffixes: ["Pvt Ltd", "Ltd"] }, 35],
  [{ code: "CN", name: "China", suffixes: ["Co., Ltd"] }, 15],
  [{ code: "US", name: "the United States", suffixes: ["Inc.", "Corp."] }, 12],
  [{ code: "TW", name: "Taiwan", suffixes: ["Corp.", "Co., Ltd"] }, 8],
  [{ code: "KR", name: "South Korea", suffixes: ["Co., Ltd"] }, 8],
  [{ code: "JP", name: "Japan", suffixes: ["K.K.", "Corp."] }, 8],
  [{ code: "DE", name: "Germany", suffixes: ["GmbH", "AG"] }, 5],
  [{ code: "GB", name: "the United Kingdom", suffixes: ["Ltd", "plc"] }, 3],
  [{ code: "FR", name: "France", suffixes: ["SA"] }, 3],
  [{ code: "VN", name: "Vietnam", suffixes: ["JSC"] }, 3],
]);

const NAME_PREFIXES = [
  "Aurora",
  "Banyan",
  "Cobalt",
  "Deccan",
  "Everest",
  "Fulcrum",
  "Ganga",
  "Helix",
  "Indus",
  "Jupiter",
  "Kaveri",
  "Lotus",
  "Meridian",
  "Nilgiri",
  "Orion",
  "Peacock",
  "Quasar",
  "Rohini",
  "Saffron",
  "Tarang",
  "Umbra",
  "Vanguard",
  "Westwind",
  "Yamuna",
  "Zenith",
  "Amber",
  "Bluepeak",
  "Crescent",
  "Dhruv",
  "Ember",
  "Falcon",
  "Granite",
  "Horizon",
  "Ivory",
  "Jade",
  "Kestrel",
  "Lumen",
  "Monsoon",
  "Neem",
  "Opal",
] as const;
const NAME_STEMS = [
  "Electronics",
  "Circuits",
  "Devices",
  "Mobility",
  "Semiconductor",
  "Telecom",
  "Solar",
  "Pharma",
  "Components",
  "Technologies",
  "Systems",
  "Precision",
  "Energy",
  "Micro",
  "Displays",
  "Power",
  "Digital",
  "Motors",
  "Labs",
  "Industries",
] as const;

const pickMetric = weighted<Metric>([
  ["local_sourcing_share", 14],
  ["local_production_increase", 8],
  ["local_value_addition", 12],
  ["investment", 20],
  ["jobs", 14],
  ["units_produced", 12],
  ["exports", 8],
  ["facility_milestone", 12],
]);

const pickPrecision = weighted<DeadlinePrecision>([
  ["year", 45],
  ["quarter", 20],
  ["month", 20],
  ["day", 15],
]);

const pickEvidence = weighted<EvidenceGrade>([
  ["in_talks", 10],
  ["announced", 40],
  ["agreement_or_land", 20],
  ["regulatory_filing", 15],
  ["verified_outcome", 15],
]);

const pickFacilityStage = weighted<FacilityStage>([
  ["announced", 25],
  ["land_acquired", 15],
  ["under_construction", 20],
  ["operational", 35],
  ["closed", 5],
]);

const pickPartnershipStage = weighted<PartnershipStage>([
  ["announced", 35],
  ["agreement_signed", 25],
  ["operational", 33],
  ["ended", 7],
]);

const pickNewsKind = weighted<SourceKind>([
  ["news", 60],
  ["press_release", 22],
  ["social_post", 10],
  ["government", 6],
  ["other", 2],
]);

const PUBLISHERS: Record<SourceKind, readonly string[]> = {
  news: [
    "Synthetic Business Daily",
    "Example Economic Times",
    "Placeholder Tech Wire",
    "Sample Markets Report",
  ],
  press_release: ["Company newsroom (synthetic)"],
  social_post: ["Company social media account (synthetic)"],
  filing: ["Stock exchange filing (synthetic)", "Registrar of Companies filing (synthetic)"],
  government: ["Ministry of Examples (synthetic)", "State investment board (synthetic)"],
  other: ["Industry association bulletin (synthetic)"],
};

const WITHDRAWAL_REASONS = [
  "The company said the plan was on hold (synthetic).",
  "The company cancelled the project (synthetic).",
  "A reviewer found the original report was mistaken (synthetic).",
  "Duplicate of another commitment (synthetic).",
] as const;

const PROGRESS_NOTES = [
  "Company-reported figure (synthetic).",
  "Figure from the annual report (synthetic).",
  "Reported in a regulatory filing (synthetic).",
  "Estimate in a news report (synthetic).",
  "Confirmed by a government release (synthetic).",
] as const;

// How a commitment's progress behaves, as a multiple of the straight line to target. The mix is
// chosen so that computeStatus yields a spread of achieved, missed, on track and behind.
const pickStateCount = weighted<number>([
  [0, 25],
  [1, 55],
  [2, 15],
  [3, 5],
]);

const pickPace = weighted<readonly [number, number]>([
  [[1.1, 1.6], 30], // gets there early
  [[0.95, 1.1], 25], // close to the line
  [[0.35, 0.85], 30], // behind
  [[0, 0.3], 15], // stalled
]);

// ---------------------------------------------------------------------------------------------
// Text

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// One formatter for the whole run: toLocaleString would build a new one for every title.
const EN_IN = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 });

function grouped(n: number): string {
  return EN_IN.format(Math.round(n));
}

function money(amount: number, unit: Unit): string {
  if (unit === "INR") return `₹${grouped(amount / 1e7)} crore`;
  return amount >= 1e9 ? `$${(amount / 1e9).toFixed(1)} billion` : `$${grouped(amount / 1e6)} million`;
}

function quantity(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : grouped(n);
}

// ---------------------------------------------------------------------------------------------
// The generator

type CompanyRef = { id: number; name: string; shortName: string; kind: CompanyKind; profileSourceId: number };

type Plan = {
  metric: Metric;
  unit: Unit;
  direction: Direction;
  baseline: number;
  target: number;
  title: string;
};

/** Counts the rows flagged synthetic in every table that has the flag. */
export function countSyntheticRows(db: Db): number {
  let total = 0;
  for (const table of SYNTHETIC_TABLES) {
    const row = db.$client.prepare(`select count(*) as n from ${table} where synthetic = 1`).get() as {
      n: number;
    };
    total += row.n;
  }
  return total;
}

export function generateSynthetic(db: Db, options: SyntheticOptions): SyntheticCounts {
  const total = options.commitments;
  if (!Number.isInteger(total) || total < 1 || total > MAX_SYNTHETIC_COMMITMENTS) {
    throw new RangeError(`commitments must be a whole number from 1 to ${MAX_SYNTHETIC_COMMITMENTS}`);
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const rng = new Rng(mulberry32(options.seed ?? 1));
  const sqlite = db.$client;

  const counts: SyntheticCounts = {
    companies: 0,
    facilities: 0,
    partnerships: 0,
    commitments: 0,
    withdrawnCommitments: 0,
    supersededCommitments: 0,
    progressUpdates: 0,
    commitmentStates: 0,
    commitmentCategories: 0,
    sources: 0,
    sourceLinks: 0,
  };

  // Unique keys (slugs, URLs) carry a tag taken from the database's current high-water marks, so
  // an --append run never collides with an earlier run, while two fresh databases given the same
  // seed still receive identical rows.
  const maxId = (table: string) =>
    (sqlite.prepare(`select coalesce(max(id), 0) as m from ${table}`).get() as { m: number }).m;
  const runTag = `r${maxId("sources")}-${maxId("companies")}`;

  const stmt = prepareStatements(sqlite);
  const insertId = (s: Database.Statement, ...params: unknown[]) => Number(s.run(...params).lastInsertRowid);

  let sourceSeq = 0;
  function newSource(kind: SourceKind, title: string, day: number, pathHint: string): number {
    sourceSeq++;
    counts.sources++;
    return insertId(
      stmt.source,
      `https://synthetic.example/${pathHint}/${runTag}-${sourceSeq}`,
      title,
      rng.pick(PUBLISHERS[kind]),
      kind,
      iso(day),
      `Synthetic excerpt for load testing: ${title}`,
      SYNTHETIC_TODAY,
    );
  }
  function link(s: Database.Statement, recordId: number, sourceId: number) {
    s.run(recordId, sourceId);
    counts.sourceLinks++;
  }

  // --- Companies ----------------------------------------------------------------------------
  const companyCount = Math.max(5, Math.round(total / 20));
  const companies: CompanyRef[] = [];
  const nameUses = new Map<string, number>();
  sqlite.transaction(() => {
    for (let i = 0; i < companyCount; i++) {
      // The first two are fixed so that a brand and a manufacturer exist for partnerships.
      const kind: CompanyKind = i === 0 ? "brand" : i === 1 ? "contract_manufacturer" : pickCompanyKind(rng);
      const country = pickCountry(rng);
      const base = `${rng.pick(NAME_PREFIXES)} ${rng.pick(NAME_STEMS)}`;
      const uses = (nameUses.get(base) ?? 0) + 1;
      nameUses.set(base, uses);
      const shortName = uses === 1 ? base : `${base} ${uses}`;
      const name = `${shortName} ${rng.pick(country.suffixes)} (synthetic)`;
      const slug = `syn-${slugify(shortName)}-${runTag}-${i + 1}`;
      const id = insertId(
        stmt.company,
        slug,
        name,
        kind,
        country.code,
        rng.chance(0.6) ? `https://synthetic.example/companies/${slug}` : null,
        `Synthetic ${kind.replace(/_/g, " ")} headquartered in ${country.name}, generated for load testing; not a real company.`,
      );
      counts.companies++;
      const profileDay = rng.int(dayOf("2016-01-01"), BASELINE_LAST);
      const profileSourceId = newSource(
        "news",
        `${shortName}: company profile (synthetic)`,
        profileDay,
        "profiles",
      );
      link(stmt.companySource, id, profileSourceId);
      if (rng.chance(0.4)) {
        link(
          stmt.companySource,
          id,
          newSource("press_release", `About ${shortName} (synthetic)`, profileDay, "about"),
        );
      }
      companies.push({ id, name, shortName, kind, profileSourceId });
    }
  })();

  // Skewed towards the first companies: a few large groups make most announcements, as in life.
  const pickCompany = (r: Rng) => at(companies, Math.floor(companies.length * r.next() ** 2));
  const brands = companies.filter((c) => c.kind === "brand");
  const makers = companies.filter((c) => c.kind === "contract_manufacturer" || c.kind === "supplier");

  // --- Facilities and partnerships ------------------------------------------------------------
  const facilityCount = Math.max(1, Math.round(total / 8));
  const partnershipCount = Math.max(1, Math.round(total / 25));
  const facilitiesByCompany = new Map<number, number[]>();
  sqlite.transaction(() => {
    for (let i = 0; i < facilityCount; i++) {
      const operator = rng.chance(0.7) ? pickCompany(rng) : rng.pick(makers);
      const state = pickState(rng);
      const city = rng.pick(state.cities);
      const category = pickCategory(rng);
      const announced = rng.int(dayOf("2016-01-01"), TODAY - 30);
      const currency = rng.chance(0.5) ? "INR" : "USD";
      const amount = rng.chance(0.7)
        ? Math.round(currency === "INR" ? rng.logBetween(5e8, 2e11) / 1e7 : rng.logBetween(5e6, 2e9) / 1e6) *
          (currency === "INR" ? 1e7 : 1e6)
        : null;
      const withdrawn = rng.chance(0.01);
      const id = insertId(
        stmt.facility,
        operator.id,
        `${operator.shortName} ${category.noun} plant, ${city}`,
        city,
        state.code,
        pickFacilityStage(rng),
        amount,
        amount === null ? null : currency,
        iso(announced),
        withdrawn ? iso(rng.int(announced, TODAY)) : null,
        withdrawn ? rng.pick(WITHDRAWAL_REASONS) : null,
      );
      counts.facilities++;
      const list = facilitiesByCompany.get(operator.id) ?? [];
      list.push(id);
      facilitiesByCompany.set(operator.id, list);
      link(
        stmt.facilitySource,
        id,
        newSource(
          pickNewsKind(rng),
          `${operator.shortName} plans ${category.noun} plant in ${city} (synthetic)`,
          announced,
          "facilities",
        ),
      );
      if (rng.chance(0.3)) link(stmt.facilitySource, id, operator.profileSourceId);
    }

    for (let i = 0; i < partnershipCount; i++) {
      const brand = rng.pick(brands);
      // Brands and makers are disjoint kinds, so the two sides always differ as the CHECK requires.
      const partner = rng.pick(makers);
      const cats = distinct(rng, rng.chance(0.75) ? 1 : 2, pickCategory).map((c) => c.label);
      const partnerFacilities = facilitiesByCompany.get(partner.id);
      const facilityId = partnerFacilities && rng.chance(0.6) ? rng.pick(partnerFacilities) : null;
      const announced = rng.int(dayOf("2017-01-01"), TODAY - 7);
      const withdrawn = rng.chance(0.02);
      const id = insertId(
        stmt.partnership,
        brand.id,
        partner.id,
        JSON.stringify(cats),
        facilityId,
        iso(announced),
        pickPartnershipStage(rng),
        withdrawn ? iso(rng.int(announced, TODAY)) : null,
        withdrawn ? rng.pick(WITHDRAWAL_REASONS) : null,
      );
      counts.partnerships++;
      link(
        stmt.partnershipSource,
        id,
        newSource(
          pickNewsKind(rng),
          `${brand.shortName} ties up with ${partner.shortName} (synthetic)`,
          announced,
          "partnerships",
        ),
      );
      if (rng.chance(0.3)) link(stmt.partnershipSource, id, brand.profileSourceId);
    }
  })();

  // --- Commitments and their progress --------------------------------------------------------
  // Progress updates mostly cite a company's yearly report for that year, one source per
  // company-year, which is how such figures are usually published; the rest cite news.
  const reportSources = new Map<number, number>();
  const reportSource = (company: CompanyRef, day: number) => {
    const year = Number(iso(day).slice(0, 4));
    const key = company.id * 100 + (year - 2000);
    let id = reportSources.get(key);
    if (id === undefined) {
      // Published at the end of its year, or today for the year still running.
      const published = Math.min(TODAY, dayOf(`${year}-12-31`));
      id = newSource(
        "filing",
        `${company.shortName} annual report ${year} (synthetic)`,
        published,
        "reports",
      );
      reportSources.set(key, id);
    }
    return id;
  };
  const recentNews: number[] = [];

  function planFor(category: Category, company: CompanyRef, state: StateInfo | undefined): Plan {
    const metric = pickMetric(rng);
    const cat = category.noun;
    // "auto components components" reads badly: a category that is already parts stands alone.
    const parts = cat.endsWith("components") ? cat : `${cat} components`;
    switch (metric) {
      case "local_sourcing_share": {
        // The vocabulary allows decreasing targets; a falling import dependence is the nearest
        // thing these metrics describe, so a few commitments exercise that direction.
        if (rng.chance(0.1)) {
          const baseline = Math.round(rng.between(50, 85));
          const target = Math.max(5, baseline - Math.round(rng.between(10, 40)));
          return {
            metric,
            unit: "percent",
            direction: "decrease",
            baseline,
            target,
            title: `Cut the imported share of ${parts} to ${target}%`,
          };
        }
        const baseline = Math.round(rng.between(5, 40));
        const target = Math.min(95, baseline + Math.round(rng.between(10, 45)));
        return {
          metric,
          unit: "percent",
          direction: "increase",
          baseline,
          target,
          title: `Source ${target}% of ${parts} locally`,
        };
      }
      case "local_production_increase": {
        const target = 5 * rng.int(2, 20);
        return {
          metric,
          unit: "percent",
          direction: "increase",
          baseline: 0,
          target,
          title: `${target} per cent increase in local production of ${cat}`,
        };
      }
      case "local_value_addition": {
        const baseline = Math.round(rng.between(8, 35));
        const target = Math.min(80, baseline + Math.round(rng.between(10, 35)));
        return {
          metric,
          unit: "percent",
          direction: "increase",
          baseline,
          target,
          title: `Reach ${target}% domestic value addition in ${cat}`,
        };
      }
      case "investment": {
        const unit: Unit = rng.chance(0.55) ? "INR" : "USD";
        const target =
          unit === "INR"
            ? Math.round(rng.logBetween(5e8, 2e11) / 1e7) * 1e7
            : Math.round(rng.logBetween(5e6, 2e9) / 1e6) * 1e6;
        const where = state ? ` in ${state.name}` : " in India";
        return {
          metric,
          unit,
          direction: "increase",
          baseline: 0,
          target,
          title: `Invest ${money(target, unit)} in ${cat} manufacturing${where}`,
        };
      }
      case "jobs": {
        const target = Math.round(rng.logBetween(200, 50_000) / 50) * 50;
        return {
          metric,
          unit: "count",
          direction: "increase",
          baseline: 0,
          target,
          title: `Create ${grouped(target)} jobs making ${cat}`,
        };
      }
      case "units_produced": {
        const target = Math.round(rng.logBetween(1e4, 5e7) / 1e3) * 1e3;
        const baseline = rng.chance(0.3) ? Math.round((target * rng.between(0.05, 0.3)) / 1e3) * 1e3 : 0;
        return {
          metric,
          unit: "count",
          direction: "increase",
          baseline,
          target,
          title: `Manufacture ${quantity(target)} ${cat} a year in India`,
        };
      }
      case "exports": {
        const unit: Unit = rng.chance(0.7) ? "USD" : "INR";
        const target =
          unit === "INR"
            ? Math.round(rng.logBetween(1e9, 5e11) / 1e7) * 1e7
            : Math.round(rng.logBetween(1e7, 5e9) / 1e6) * 1e6;
        return {
          metric,
          unit,
          direction: "increase",
          baseline: 0,
          target,
          title: `Export ${money(target, unit)} of India-made ${cat}`,
        };
      }
      case "facility_milestone": {
        const where = state ? rng.pick(state.cities) : "India";
        return {
          metric,
          unit: "yes_no",
          direction: "increase",
          baseline: 0,
          target: 1,
          title: `Start ${cat} production at a new ${company.shortName} plant in ${where}`,
        };
      }
    }
  }

  function roundValue(v: number, unit: Unit): number {
    switch (unit) {
      case "percent":
        return Math.round(Math.min(100, Math.max(0, v)) * 10) / 10;
      case "count":
        return Math.max(0, Math.round(v));
      case "INR":
      case "USD":
        return Math.max(0, Math.round(v / 1e5) * 1e5);
      case "yes_no":
        return v >= 1 ? 1 : 0;
    }
  }

  /**
   * Inserts one commitment with everything hanging off it. A revision (`revises` set) starts
   * after the commitment it replaces was announced.
   */
  function commitment(
    company: CompanyRef,
    revises?: { announcedDay: number },
  ): { id: number; announcedDay: number } {
    const category = pickCategory(rng);
    const states = distinct(rng, pickStateCount(rng), pickState);
    const plan = planFor(category, company, states[0]);

    // Announcements cluster in recent years, hence the skew of the baseline towards 2025.
    const earliest = revises ? Math.min(BASELINE_LAST, revises.announcedDay + 90) : BASELINE_FIRST;
    const baselineDay = earliest + Math.floor((BASELINE_LAST - earliest) * rng.next() ** 0.7);
    const dated = rng.chance(0.92);
    let dueOn: string | null = null;
    let precision: DeadlinePrecision | null = null;
    let dueDay: number | null = null;
    if (dated) {
      precision = pickPrecision(rng);
      // Mostly two to six years out, occasionally ten, which reaches the 2035 end of the range.
      const horizon = 300 + Math.floor(3350 * rng.next() ** 1.3);
      const candidate = Math.min(DUE_LAST, Math.max(DUE_FIRST, baselineDay + horizon));
      // The stored date is the end of the named period, which is never before the candidate.
      dueOn = endOfPeriod(iso(candidate), precision);
      dueDay = dayOf(dueOn);
    }
    const by = dated ? ` ${deadlineLabel(dueOn, precision)}` : "";
    const title = `${revises ? "Revised: " : ""}${plan.title}${by}`;
    const announcedDay = Math.min(TODAY, rng.chance(0.7) ? baselineDay : baselineDay + rng.int(1, 60));
    const schemePick = rng.chance(0.15) ? null : rng.pick(category.schemes);
    const withdrawn = rng.chance(0.03);
    const withdrawnDay = withdrawn ? rng.int(Math.min(baselineDay + 30, TODAY), TODAY) : null;

    const id = insertId(
      stmt.commitment,
      company.id,
      title,
      `${company.name} commits to: ${plan.title.charAt(0).toLowerCase()}${plan.title.slice(1)}${by}. Synthetic record generated for load testing.`,
      plan.metric,
      plan.unit,
      plan.direction,
      plan.baseline,
      iso(baselineDay),
      plan.target,
      dueOn,
      precision,
      schemePick,
      pickEvidence(rng),
      iso(announcedDay),
      withdrawnDay === null ? null : iso(withdrawnDay),
      withdrawnDay === null ? null : rng.pick(WITHDRAWAL_REASONS),
    );
    counts.commitments++;
    if (withdrawn) counts.withdrawnCommitments++;

    stmt.commitmentCategory.run(id, category.label);
    counts.commitmentCategories++;
    if (rng.chance(0.15)) {
      const extra = pickCategory(rng);
      if (extra.label !== category.label) {
        stmt.commitmentCategory.run(id, extra.label);
        counts.commitmentCategories++;
      }
    }
    for (const s of states) {
      stmt.commitmentState.run(id, s.code);
      counts.commitmentStates++;
    }

    const announcement = newSource(
      pickNewsKind(rng),
      `${company.shortName}: ${plan.title} (synthetic)`,
      announcedDay,
      "news",
    );
    link(stmt.commitmentSource, id, announcement);
    recentNews.push(announcement);
    if (recentNews.length > 500) recentNews.shift();
    if (rng.chance(0.4)) link(stmt.commitmentSource, id, company.profileSourceId);

    // Progress: about one in eight commitments is never updated; the rest get 1–20 updates, about
    // eleven on average, so about ten per commitment overall.
    const updates = rng.chance(0.12) ? 0 : Math.min(20, 1 + Math.floor((rng.next() + rng.next()) * 10.5));
    if (updates === 0) return { id, announcedDay };
    let windowEnd = Math.min(TODAY, dueDay === null ? TODAY : dueDay + 365);
    if (withdrawnDay !== null) windowEnd = Math.min(windowEnd, withdrawnDay);
    const days: number[] = [];
    for (let k = 0; k < updates; k++) days.push(rng.int(baselineDay, windowEnd));
    days.sort((a, b) => a - b);

    const [lo, hi] = pickPace(rng);
    const pace = rng.between(lo, hi);
    const curve = rng.between(0.7, 1.3);
    // Undated commitments get a notional three-year horizon for their progress curve.
    const span = Math.max(1, (dueDay ?? baselineDay + 3 * 365) - baselineDay);
    const delta = plan.target - plan.baseline;
    for (const day of days) {
      const fraction = Math.min(1.3, (day - baselineDay) / span);
      const progress = Math.min(1.1, pace * fraction ** curve);
      const noise = plan.unit === "yes_no" ? 0 : (rng.next() - 0.5) * 0.06;
      const value =
        plan.unit === "yes_no"
          ? progress >= 1
            ? 1
            : 0
          : roundValue(plan.baseline + delta * (progress + noise), plan.unit);
      const withdrawnUpdate = rng.chance(0.005);
      const note = rng.chance(0.3) ? null : rng.pick(PROGRESS_NOTES);
      const pu = insertId(
        stmt.progress,
        id,
        iso(day),
        value,
        note,
        withdrawnUpdate ? iso(Math.min(TODAY, day + rng.int(7, 200))) : null,
        withdrawnUpdate ? "Figure corrected by the company (synthetic)." : null,
      );
      counts.progressUpdates++;
      const r = rng.next();
      const sourceId =
        r < 0.65
          ? reportSource(company, day)
          : r < 0.85 && recentNews.length > 0
            ? rng.pick(recentNews)
            : newSource(
                pickNewsKind(rng),
                `${company.shortName} update on ${category.noun} (synthetic)`,
                day,
                "updates",
              );
      link(stmt.progressSource, pu, sourceId);
    }
    return { id, announcedDay };
  }

  let done = 0;
  while (done < total) {
    const batchEnd = Math.min(total, done + batchSize);
    sqlite.transaction(() => {
      while (done < batchEnd) {
        const company = pickCompany(rng);
        // About one in fifty is later replaced by a revised commitment from the same company.
        if (done + 1 < total && rng.chance(0.02)) {
          const original = commitment(company);
          const revised = commitment(company, original);
          stmt.supersede.run(revised.id, original.id);
          counts.supersededCommitments++;
          done += 2;
        } else {
          commitment(company);
          done += 1;
        }
      }
    })();
    options.onProgress?.(done, total);
  }

  return counts;
}

function prepareStatements(sqlite: Database.Database) {
  return {
    source: sqlite.prepare(
      `insert into sources (url, title, publisher, kind, published_on, excerpt, accessed_on, synthetic)
       values (?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    company: sqlite.prepare(
      `insert into companies (slug, name, kind, hq_country, website, description, synthetic)
       values (?, ?, ?, ?, ?, ?, 1)`,
    ),
    facility: sqlite.prepare(
      `insert into facilities (operator_company_id, name, city, state_code, stage, investment_amount,
         investment_currency, announced_on, withdrawn_on, withdrawn_reason, synthetic)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    partnership: sqlite.prepare(
      `insert into partnerships (brand_company_id, partner_company_id, product_categories, facility_id,
         announced_on, stage, withdrawn_on, withdrawn_reason, synthetic)
       values (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    commitment: sqlite.prepare(
      `insert into commitments (company_id, title, description, metric, unit, direction, baseline_value,
         baseline_date, target_value, due_on, deadline_precision, scheme, evidence_grade, announced_on,
         withdrawn_on, withdrawn_reason, synthetic)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    supersede: sqlite.prepare(`update commitments set superseded_by_id = ? where id = ?`),
    commitmentState: sqlite.prepare(
      `insert into commitment_states (commitment_id, state_code) values (?, ?)`,
    ),
    commitmentCategory: sqlite.prepare(
      `insert into commitment_categories (commitment_id, category) values (?, ?)`,
    ),
    progress: sqlite.prepare(
      `insert into progress_updates (commitment_id, as_of, value, note, withdrawn_on, withdrawn_reason, synthetic)
       values (?, ?, ?, ?, ?, ?, 1)`,
    ),
    companySource: sqlite.prepare(`insert into company_sources (company_id, source_id) values (?, ?)`),
    facilitySource: sqlite.prepare(`insert into facility_sources (facility_id, source_id) values (?, ?)`),
    partnershipSource: sqlite.prepare(
      `insert into partnership_sources (partnership_id, source_id) values (?, ?)`,
    ),
    commitmentSource: sqlite.prepare(
      `insert into commitment_sources (commitment_id, source_id) values (?, ?)`,
    ),
    progressSource: sqlite.prepare(
      `insert into progress_update_sources (progress_update_id, source_id) values (?, ?)`,
    ),
  };
}
