import type { Unit } from "./vocabulary";

// Numbers people read are formatted for India: en-IN digit grouping (1,00,00,000), lakh and crore
// for large amounts, and the rupee sign. Other currencies keep their own symbol.

const LAKH = 1e5;
const CRORE = 1e7;

// Building an Intl.NumberFormat costs tens of microseconds; a long list formats thousands of
// numbers, so one formatter per precision is kept.
const formatters = new Map<number, Intl.NumberFormat>();
const grouping = (maximumFractionDigits: number) => {
  let f = formatters.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat("en-IN", { maximumFractionDigits, minimumFractionDigits: 0 });
    formatters.set(maximumFractionDigits, f);
  }
  return f;
};

const CURRENCY_SYMBOLS: Record<string, string> = {
  INR: "₹",
  USD: "US$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  CNY: "CN¥",
};

/** A count or plain number with en-IN grouping: 12345678 → "1,23,45,678". */
export function formatCount(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return "—";
  return grouping(fractionDigits).format(value);
}

/** A large amount in words Indian readers use: 37000000 → "3.7 crore", 250000 → "2.5 lakh". */
export function formatIndianScale(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= CRORE) return `${formatCount(value / CRORE, 2)} crore`;
  if (abs >= LAKH) return `${formatCount(value / LAKH, 2)} lakh`;
  return formatCount(value, 2);
}

export function currencySymbol(currency: string): string {
  return CURRENCY_SYMBOLS[currency] ?? `${currency} `;
}

/** Money with its currency and en-IN grouping: ("USD", 37000000) → "US$3,70,00,000 (US$3.7 crore)". */
export function formatMoney(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return "—";
  const symbol = currencySymbol(currency);
  const full = `${symbol}${formatCount(amount, 2)}`;
  return Math.abs(amount) >= LAKH ? `${full} (${symbol}${formatIndianScale(amount)})` : full;
}

export function formatPercent(value: number, fractionDigits = 1): string {
  if (!Number.isFinite(value)) return "—";
  return `${formatCount(value, fractionDigits)}%`;
}

/** A value in a commitment's own unit. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "percent":
      return formatPercent(value);
    case "INR":
    case "USD":
      return formatMoney(value, unit);
    case "yes_no":
      return value >= 1 ? "Yes" : "No";
    case "count":
      return formatCount(value, 2);
  }
}
