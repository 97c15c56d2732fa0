import { INDIA_STATES, type StateCode } from "@/lib/domain/india-states";

// Which of our state codes each shape of the outline stands for. The outline (@svg-maps/india,
// CC BY 4.0) draws India's official boundary but predates the reorganisations of 2019–2020, so
// its 36 shapes are not our 36 codes (docs/decisions/0026):
// - Ladakh (IN-LA, a union territory since 2019) has no shape of its own: it is drawn within the
//   Jammu and Kashmir shape, which stands for both codes, names both and shows both figures.
// - Dadra and Nagar Haveli (dn) and Daman and Diu (dd) became one union territory, IN-DH, in
//   2020: the two shapes are drawn as one.
// - Four shapes carry codes ISO has since changed (ct, or, tg, ut): they map to the current codes.
// Geometry-free, so that the page's map component can use it without carrying the outline.

/** The credit the outline's licence asks for, with what we changed (CC BY 4.0, section 3(a)). */
const CREDIT = "Map outline: @svg-maps/india by Victor Cazanave, based on MapSVG";
export const MAP_ATTRIBUTION = {
  credit: CREDIT,
  text: `${CREDIT}, CC BY 4.0`,
  changes:
    "Changed: simplified; Ladakh drawn within Jammu and Kashmir; Dadra and Nagar Haveli and Daman and Diu as one.",
  packageUrl: "https://github.com/VictorCazanave/svg-maps/tree/master/packages/india",
  originalUrl: "https://mapsvg.com/maps/india",
  licence: "CC BY 4.0",
  licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** The outline's box (its viewBox is 0 0 612 696): every shape lies within it. */
export const OUTLINE_WIDTH = 612;
export const OUTLINE_HEIGHT = 696;

/** The outline's own location ids and the current code each is drawn for. */
export const OUTLINE_LOCATIONS: Readonly<Record<string, StateCode>> = {
  an: "IN-AN",
  ap: "IN-AP",
  ar: "IN-AR",
  as: "IN-AS",
  br: "IN-BR",
  ch: "IN-CH",
  ct: "IN-CG",
  dn: "IN-DH",
  dd: "IN-DH",
  dl: "IN-DL",
  ga: "IN-GA",
  gj: "IN-GJ",
  hr: "IN-HR",
  hp: "IN-HP",
  jk: "IN-JK",
  jh: "IN-JH",
  ka: "IN-KA",
  kl: "IN-KL",
  ld: "IN-LD",
  mp: "IN-MP",
  mh: "IN-MH",
  mn: "IN-MN",
  ml: "IN-ML",
  mz: "IN-MZ",
  nl: "IN-NL",
  or: "IN-OD",
  py: "IN-PY",
  pb: "IN-PB",
  rj: "IN-RJ",
  sk: "IN-SK",
  tn: "IN-TN",
  tg: "IN-TS",
  tr: "IN-TR",
  up: "IN-UP",
  ut: "IN-UK",
  wb: "IN-WB",
};

/** Codes with no shape of their own, and the shape that is drawn for them. */
export const DRAWN_WITHIN: Readonly<Partial<Record<StateCode, StateCode>>> = { "IN-LA": "IN-JK" };

export type MapShape = {
  /** The code the shape is keyed by and links to. */
  id: StateCode;
  /** Every code the shape stands for: its own first, then those drawn within it. */
  codes: readonly StateCode[];
  /** The outline's locations drawn as this shape. */
  outline: readonly string[];
  /** What the shape is called: the names of all its codes. */
  name: string;
};

const nameOf = (code: StateCode) => INDIA_STATES.find((s) => s.code === code)?.name ?? code;

/** One shape per place the outline draws, in the order of INDIA_STATES. */
export const MAP_SHAPES: readonly MapShape[] = INDIA_STATES.flatMap((state): MapShape[] => {
  const outline = Object.keys(OUTLINE_LOCATIONS).filter((id) => OUTLINE_LOCATIONS[id] === state.code);
  if (outline.length === 0) return [];
  const codes = [
    state.code,
    ...INDIA_STATES.filter((s) => DRAWN_WITHIN[s.code] === state.code).map((s) => s.code),
  ];
  return [{ id: state.code, codes, outline, name: codes.map(nameOf).join(" and ") }];
});

/** The shape a code is drawn as (its own, or the one it is drawn within). */
export function shapeForCode(code: StateCode): MapShape | undefined {
  const id = DRAWN_WITHIN[code] ?? code;
  return MAP_SHAPES.find((s) => s.id === id);
}
