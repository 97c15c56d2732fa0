import { describe, expect, it } from "vitest";
import { formatCount, formatIndianScale, formatMoney, formatPercent, formatValue } from "./format";

describe("India number formats", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [100000, "1,00,000"],
    [12345678, "1,23,45,678"],
    [10000000, "1,00,00,000"],
    [-2500000, "-25,00,000"],
    [Number.NaN, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("formatCount(%s) is %s", (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it.each([
    [37_000_000, "3.7 crore"],
    [10_000_000, "1 crore"],
    [250_000, "2.5 lakh"],
    [99_999, "99,999"],
    [1_234_567_890, "123.46 crore"],
  ])("formatIndianScale(%s) is %s", (value, expected) => {
    expect(formatIndianScale(value)).toBe(expected);
  });

  it.each([
    [37_000_000, "USD", "US$3,70,00,000 (US$3.7 crore)"],
    [5_00_00_000, "INR", "₹5,00,00,000 (₹5 crore)"],
    [45_000, "INR", "₹45,000"],
    [1_500_000, "EUR", "€15,00,000 (€15 lakh)"],
    [2_000, "XYZ", "XYZ 2,000"],
  ])("formatMoney(%s, %s) is %s", (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it.each([
    [50, "50%"],
    [12.345, "12.3%"],
    [-3, "-3%"],
  ])("formatPercent(%s) is %s", (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it.each([
    [50, "percent", "50%"],
    [1, "yes_no", "Yes"],
    [0, "yes_no", "No"],
    [1234567, "count", "12,34,567"],
    [37_000_000, "USD", "US$3,70,00,000 (US$3.7 crore)"],
  ] as const)("formatValue(%s, %s) is %s", (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});
