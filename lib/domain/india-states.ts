// The 28 states and 8 union territories of India, with their ISO 3166-2:IN codes, as of 2026.
//
// Which code is canonical, and why:
// - ISO changed four state codes on 2023-11-23 to match the codes India itself uses (vehicle
//   registration): Chhattisgarh IN-CT → IN-CG, Odisha IN-OR → IN-OD, Telangana IN-TG → IN-TS,
//   Uttarakhand IN-UT → IN-UK. The current codes are canonical here.
// - Dadra and Nagar Haveli and Daman and Diu became one union territory on 2020-01-26; ISO replaced
//   IN-DN and IN-DD with IN-DH on 2020-11-24.
// - Uttarakhand was Uttaranchal, IN-UL, until 2007.
// - Ladakh (IN-LA) was added, and Jammu and Kashmir (IN-JK) became a union territory, in 2019.
// Older codes are still found in sources, other datasets and rows stored before a change (the
// database CHECK only requires the shape IN-XX), so each former code is accepted as an alias of
// the current one: readers and queries fold it into its current code, and new data should be
// stored under the canonical code. None of the former codes has been reused for another place.

/** Where the codes are published: the ISO Online Browsing Platform's entry for India. */
export const ISO_3166_IN_URL = "https://www.iso.org/obp/ui/#iso:code:3166:IN";

export const STATE_KINDS = ["state", "union_territory"] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export const STATE_KIND_LABELS: Record<StateKind, string> = {
  state: "State",
  union_territory: "Union territory",
};

export const INDIA_STATES = [
  { code: "IN-AN", name: "Andaman and Nicobar Islands", kind: "union_territory", formerCodes: [] },
  { code: "IN-AP", name: "Andhra Pradesh", kind: "state", formerCodes: [] },
  { code: "IN-AR", name: "Arunachal Pradesh", kind: "state", formerCodes: [] },
  { code: "IN-AS", name: "Assam", kind: "state", formerCodes: [] },
  { code: "IN-BR", name: "Bihar", kind: "state", formerCodes: [] },
  { code: "IN-CH", name: "Chandigarh", kind: "union_territory", formerCodes: [] },
  { code: "IN-CG", name: "Chhattisgarh", kind: "state", formerCodes: ["IN-CT"] },
  {
    code: "IN-DH",
    name: "Dadra and Nagar Haveli and Daman and Diu",
    kind: "union_territory",
    formerCodes: ["IN-DN", "IN-DD"],
  },
  { code: "IN-DL", name: "Delhi", kind: "union_territory", formerCodes: [] },
  { code: "IN-GA", name: "Goa", kind: "state", formerCodes: [] },
  { code: "IN-GJ", name: "Gujarat", kind: "state", formerCodes: [] },
  { code: "IN-HR", name: "Haryana", kind: "state", formerCodes: [] },
  { code: "IN-HP", name: "Himachal Pradesh", kind: "state", formerCodes: [] },
  { code: "IN-JK", name: "Jammu and Kashmir", kind: "union_territory", formerCodes: [] },
  { code: "IN-JH", name: "Jharkhand", kind: "state", formerCodes: [] },
  { code: "IN-KA", name: "Karnataka", kind: "state", formerCodes: [] },
  { code: "IN-KL", name: "Kerala", kind: "state", formerCodes: [] },
  { code: "IN-LA", name: "Ladakh", kind: "union_territory", formerCodes: [] },
  { code: "IN-LD", name: "Lakshadweep", kind: "union_territory", formerCodes: [] },
  { code: "IN-MP", name: "Madhya Pradesh", kind: "state", formerCodes: [] },
  { code: "IN-MH", name: "Maharashtra", kind: "state", formerCodes: [] },
  { code: "IN-MN", name: "Manipur", kind: "state", formerCodes: [] },
  { code: "IN-ML", name: "Meghalaya", kind: "state", formerCodes: [] },
  { code: "IN-MZ", name: "Mizoram", kind: "state", formerCodes: [] },
  { code: "IN-NL", name: "Nagaland", kind: "state", formerCodes: [] },
  { code: "IN-OD", name: "Odisha", kind: "state", formerCodes: ["IN-OR"] },
  { code: "IN-PY", name: "Puducherry", kind: "union_territory", formerCodes: [] },
  { code: "IN-PB", name: "Punjab", kind: "state", formerCodes: [] },
  { code: "IN-RJ", name: "Rajasthan", kind: "state", formerCodes: [] },
  { code: "IN-SK", name: "Sikkim", kind: "state", formerCodes: [] },
  { code: "IN-TN", name: "Tamil Nadu", kind: "state", formerCodes: [] },
  { code: "IN-TS", name: "Telangana", kind: "state", formerCodes: ["IN-TG"] },
  { code: "IN-TR", name: "Tripura", kind: "state", formerCodes: [] },
  { code: "IN-UP", name: "Uttar Pradesh", kind: "state", formerCodes: [] },
  { code: "IN-UK", name: "Uttarakhand", kind: "state", formerCodes: ["IN-UT", "IN-UL"] },
  { code: "IN-WB", name: "West Bengal", kind: "state", formerCodes: [] },
] as const satisfies readonly {
  code: `IN-${string}`;
  name: string;
  kind: StateKind;
  formerCodes: readonly `IN-${string}`[];
}[];

export type IndiaState = (typeof INDIA_STATES)[number];
export type StateCode = IndiaState["code"];

const BY_CODE: ReadonlyMap<string, IndiaState> = new Map(INDIA_STATES.map((s) => [s.code, s]));
const BY_ANY_CODE: ReadonlyMap<string, IndiaState> = new Map(
  INDIA_STATES.flatMap((s) => [[s.code, s] as const, ...s.formerCodes.map((f) => [f, s] as const)]),
);

/** True only for a current (canonical) code, written exactly: "IN-UP" yes; "in-up" and "IN-TG" no. */
export function isStateCode(code: string): code is StateCode {
  return BY_CODE.has(code);
}

/**
 * The current code for any code that names a state or union territory, in any letter case and
 * including former codes ("in-tg" → "IN-TS", "IN-DD" → "IN-DH"); null for anything else.
 */
export function canonicalStateCode(code: string): StateCode | null {
  return BY_ANY_CODE.get(code.toUpperCase())?.code ?? null;
}

/** The state or union territory a code names (current or former code, any case), or null. */
export function findState(code: string): IndiaState | null {
  return BY_ANY_CODE.get(code.toUpperCase()) ?? null;
}

/** The English name for a code (current or former, any case), or null when it names no place. */
export function stateName(code: string): string | null {
  return findState(code)?.name ?? null;
}

/** Every code that data may carry for this state: the current one first, then the former ones. */
export function storedCodesFor(code: StateCode): readonly string[] {
  const state = BY_CODE.get(code);
  return state ? [state.code, ...state.formerCodes] : [code];
}

/** Former codes and what replaced them, for folding stored codes in SQL. */
export const FORMER_STATE_CODES: readonly (readonly [former: string, current: StateCode])[] =
  INDIA_STATES.flatMap((s) => s.formerCodes.map((f) => [f, s.code] as const));
