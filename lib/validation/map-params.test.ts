import { describe, expect, it } from "vitest";
import { parseMapParams } from "./map-params";

describe("parseMapParams", () => {
  it.each([
    ["no measure", {}, { kind: "commitments", status: null }],
    [
      "an empty one, as a form left on its first choice may send",
      { measure: "" },
      { kind: "commitments", status: null },
    ],
    ["a status", { measure: "commitments-behind" }, { kind: "commitments", status: "behind" }],
    ["a currency", { measure: "investment-usd" }, { kind: "investment", currency: "USD" }],
    ["the same twice", { measure: ["facilities", "facilities"] }, { kind: "facilities" }],
    ["other parameters beside it", { measure: "facilities", page: "2" }, { kind: "facilities" }],
  ])("takes %s", (_, raw, measure) => {
    expect(parseMapParams(raw)).toEqual({ measure, rejected: null });
  });

  it.each([
    [
      "an unknown measure",
      { measure: "population" },
      /"population" is not a measure.*commitments-behind.*investment-usd/,
    ],
    ["two measures", { measure: ["facilities", "commitments"] }, /only once/],
    ["a very long value", { measure: "x".repeat(5000) }, /"x{40}…" is not a measure/],
  ])("refuses %s and falls back to commitments, saying why", (_, raw, message) => {
    const parsed = parseMapParams(raw);
    expect(parsed.measure).toEqual({ kind: "commitments", status: null });
    expect(parsed.rejected).toMatch(message);
  });
});
