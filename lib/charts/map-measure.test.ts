import { describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/domain/status";
import {
  formatMeasureNumber,
  formatMeasureValue,
  measureFromParam,
  measureLabel,
  measureOptions,
  measureParam,
  type MapMeasure,
} from "./map-measure";

describe("the measure in the address", () => {
  it("reads back every option the picker offers", () => {
    const options = measureOptions(["INR", "USD", "EUR"]);
    expect(options).toHaveLength(1 + STATUSES.length + 1 + 3);
    for (const m of options) expect(measureFromParam(measureParam(m))).toEqual(m);
  });

  it.each([
    ["commitments", { kind: "commitments", status: null }],
    ["Commitments", { kind: "commitments", status: null }],
    ["commitments-overdue_unverified", { kind: "commitments", status: "overdue_unverified" }],
    ["facilities", { kind: "facilities" }],
    ["investment-inr", { kind: "investment", currency: "INR" }],
    [" investment-USD ", { kind: "investment", currency: "USD" }],
    ["investment-eur", { kind: "investment", currency: "EUR" }],
    ["commitments-late", null],
    ["commitments-", null],
    ["investment", null],
    ["investment-rupees", null],
    ["investment-inr-usd", null],
    ["population", null],
    ["", null],
  ])("%j", (value, measure) => {
    expect(measureFromParam(value)).toEqual(measure);
  });

  it("offers INR and USD whatever the data hold, and other currencies once each", () => {
    const currencies = (list: string[]) =>
      measureOptions(list).flatMap((m) => (m.kind === "investment" ? [m.currency] : []));
    expect(currencies([])).toEqual(["INR", "USD"]);
    expect(currencies(["usd", "EUR", "INR"])).toEqual(["INR", "USD", "EUR"]);
  });
});

describe("figures in words", () => {
  const cases: [MapMeasure, number, string, string, string][] = [
    [{ kind: "commitments", status: null }, 0, "no commitments", "0", "Commitments"],
    [{ kind: "commitments", status: null }, 1, "1 commitment", "1", "Commitments"],
    [{ kind: "commitments", status: null }, 123456, "1,23,456 commitments", "1,23,456", "Commitments"],
    [
      { kind: "commitments", status: "missed" },
      2,
      "2 commitments with the status “Missed”",
      "2",
      "Commitments: Missed",
    ],
    [{ kind: "facilities" }, 1, "1 facility", "1", "Facilities"],
    [{ kind: "facilities" }, 0, "no facilities", "0", "Facilities"],
    [
      { kind: "investment", currency: "INR" },
      25_000_000,
      "₹2,50,00,000 (₹2.5 crore) announced",
      "₹2,50,00,000 (₹2.5 crore)",
      "Announced investment (INR)",
    ],
    [
      { kind: "investment", currency: "USD" },
      0,
      "no investment announced in USD",
      "US$0",
      "Announced investment (USD)",
    ],
  ];
  it.each(cases)("%j %d", (measure, value, words, number, label) => {
    expect(formatMeasureValue(measure, value)).toBe(words);
    expect(formatMeasureNumber(measure, value)).toBe(number);
    expect(measureLabel(measure)).toBe(label);
  });
});
