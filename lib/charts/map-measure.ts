import { formatCount, formatMoney } from "@/lib/domain/format";
import { STATUSES, STATUS_LABELS, type CommitmentStatus } from "@/lib/domain/status";

// What the map of India colours each state by, as the reader picks it. Investment is announced
// per facility in the currency its source gave (facilities.investment_currency); no exchange rate
// is recorded, so a map shows one currency at a time and amounts in different currencies are
// never added together.

export type MapMeasure =
  /** Current commitments naming the state; with a status, only those with it. */
  | { kind: "commitments"; status: CommitmentStatus | null }
  /** Facilities not withdrawn. */
  | { kind: "facilities" }
  /** Announced investment in facilities not withdrawn, in one currency (ISO 4217, upper case). */
  | { kind: "investment"; currency: string };

export const DEFAULT_MAP_MEASURE: MapMeasure = { kind: "commitments", status: null };

/** Currencies the picker always offers; others appear when the data hold them. */
export const MAP_CURRENCIES = ["INR", "USD"] as const;

/**
 * The measure as one URL value, so that a GET form's single <select> carries it:
 * "commitments", "commitments-behind", "facilities", "investment-inr".
 */
export function measureParam(measure: MapMeasure): string {
  switch (measure.kind) {
    case "commitments":
      return measure.status ? `commitments-${measure.status}` : "commitments";
    case "facilities":
      return "facilities";
    case "investment":
      return `investment-${measure.currency.toLowerCase()}`;
  }
}

/** The measure a URL value names (any letter case), or null when it names none. */
export function measureFromParam(value: string): MapMeasure | null {
  const v = value.trim().toLowerCase();
  if (v === "commitments") return { kind: "commitments", status: null };
  if (v === "facilities") return { kind: "facilities" };
  const status = v.startsWith("commitments-") ? v.slice("commitments-".length) : null;
  if (status !== null) {
    const known = STATUSES.find((s) => s === status);
    return known ? { kind: "commitments", status: known } : null;
  }
  const currency = /^investment-([a-z]{3})$/.exec(v)?.[1];
  return currency ? { kind: "investment", currency: currency.toUpperCase() } : null;
}

/** Every value `measureParam` can give for these currencies, for error messages and the API. */
export function measureParams(currencies: readonly string[]): string[] {
  return measureOptions(currencies).map((m) => measureParam(m));
}

/** The measures a reader can pick, in the order the picker lists them. */
export function measureOptions(currencies: readonly string[]): MapMeasure[] {
  const all = [...new Set([...MAP_CURRENCIES, ...currencies.map((c) => c.toUpperCase())])];
  return [
    { kind: "commitments", status: null },
    ...STATUSES.map((status): MapMeasure => ({ kind: "commitments", status })),
    { kind: "facilities" },
    ...all.map((currency): MapMeasure => ({ kind: "investment", currency })),
  ];
}

/** What the map shows, as a heading or legend title: "Commitments, behind". */
export function measureLabel(measure: MapMeasure): string {
  switch (measure.kind) {
    case "commitments":
      return measure.status ? `Commitments: ${STATUS_LABELS[measure.status]}` : "Commitments";
    case "facilities":
      return "Facilities";
    case "investment":
      return `Announced investment (${measure.currency})`;
  }
}

/** What the measure counts, in a sentence for the map's description and the table's caption. */
export function measureDescription(measure: MapMeasure): string {
  switch (measure.kind) {
    case "commitments":
      return measure.status
        ? `Current commitments with the status “${STATUS_LABELS[measure.status]}” that name each state or union territory; a commitment counts in every state it names.`
        : "Current commitments (not superseded by a restated one, withdrawn ones included) that name each state or union territory; a commitment counts in every state it names.";
    case "facilities":
      return "Facilities in each state or union territory, less withdrawn ones.";
    case "investment":
      return `Investment announced for facilities (less withdrawn ones) in ${measure.currency}, as the sources gave it. No exchange rate is recorded, so amounts in other currencies are not converted or added in.`;
  }
}

/** Money measures get currency amounts; the others are whole counts. */
export function measureCurrency(measure: MapMeasure): string | undefined {
  return measure.kind === "investment" ? measure.currency : undefined;
}

/** A figure in words, as a shape's name gives it: "3 commitments", "₹5,00,000 (₹5 lakh)". */
export function formatMeasureValue(measure: MapMeasure, value: number): string {
  switch (measure.kind) {
    case "commitments": {
      const status = measure.status ? ` with the status “${STATUS_LABELS[measure.status]}”` : "";
      if (value === 0) return `no commitments${status}`;
      return `${formatCount(value)} ${value === 1 ? "commitment" : "commitments"}${status}`;
    }
    case "facilities":
      return value === 0
        ? "no facilities"
        : `${formatCount(value)} ${value === 1 ? "facility" : "facilities"}`;
    case "investment":
      return value === 0
        ? `no investment announced in ${measure.currency}`
        : `${formatMoney(value, measure.currency)} announced`;
  }
}

/** A figure as a table cell or legend gives it: "3", "₹5,00,000 (₹5 lakh)". */
export function formatMeasureNumber(measure: MapMeasure, value: number): string {
  return measure.kind === "investment" ? formatMoney(value, measure.currency) : formatCount(value);
}
