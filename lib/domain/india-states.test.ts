import { describe, expect, it } from "vitest";
import {
  canonicalStateCode,
  FORMER_STATE_CODES,
  INDIA_STATES,
  isStateCode,
  stateName,
  storedCodesFor,
} from "./india-states";

describe("INDIA_STATES", () => {
  it("lists 28 states and 8 union territories, each code once", () => {
    expect(INDIA_STATES).toHaveLength(36);
    expect(INDIA_STATES.filter((s) => s.kind === "state")).toHaveLength(28);
    expect(
      INDIA_STATES.filter((s) => s.kind === "union_territory")
        .map((s) => s.code)
        .sort(),
    ).toEqual(["IN-AN", "IN-CH", "IN-DH", "IN-DL", "IN-JK", "IN-LA", "IN-LD", "IN-PY"]);
    const all = INDIA_STATES.flatMap((s) => [s.code, ...s.formerCodes]);
    expect(new Set(all).size).toBe(all.length);
  });

  it("has codes of the shape the database accepts", () => {
    for (const s of INDIA_STATES) {
      expect(s.code).toMatch(/^IN-[A-Z]{2}$/);
      for (const f of s.formerCodes) expect(f).toMatch(/^IN-[A-Z]{2}$/);
    }
  });

  it("is in alphabetical order of name, as people look for it", () => {
    const names = INDIA_STATES.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });
});

describe("isStateCode", () => {
  it.each([
    ["IN-UP", true],
    ["IN-KA", true],
    ["IN-TS", true],
    ["IN-DH", true],
    ["IN-LA", true],
    ["in-up", false],
    ["IN-TG", false],
    ["IN-DN", false],
    ["IN-XX", false],
    ["UP", false],
    ["", false],
  ])("%j → %s", (code, expected) => {
    expect(isStateCode(code)).toBe(expected);
  });
});

describe("canonicalStateCode", () => {
  it.each([
    ["IN-UP", "IN-UP"],
    ["in-up", "IN-UP"],
    ["In-Ka", "IN-KA"],
    ["IN-TG", "IN-TS"],
    ["in-tg", "IN-TS"],
    ["IN-CT", "IN-CG"],
    ["IN-OR", "IN-OD"],
    ["IN-UT", "IN-UK"],
    ["IN-UL", "IN-UK"],
    ["IN-DN", "IN-DH"],
    ["IN-DD", "IN-DH"],
    ["IN-CH", "IN-CH"],
    ["IN-XX", null],
    ["IN-UP ", null],
    ["UP", null],
    ["", null],
  ])("%j → %j", (code, expected) => {
    expect(canonicalStateCode(code)).toBe(expected);
  });
});

describe("stateName", () => {
  it.each([
    ["IN-UP", "Uttar Pradesh"],
    ["IN-KA", "Karnataka"],
    ["IN-TG", "Telangana"],
    ["IN-DD", "Dadra and Nagar Haveli and Daman and Diu"],
    ["in-dl", "Delhi"],
    ["IN-ZZ", null],
  ])("%j → %j", (code, expected) => {
    expect(stateName(code)).toBe(expected);
  });
});

describe("storedCodesFor", () => {
  it("gives the current code first, then the codes it replaced", () => {
    expect(storedCodesFor("IN-TS")).toEqual(["IN-TS", "IN-TG"]);
    expect(storedCodesFor("IN-DH")).toEqual(["IN-DH", "IN-DN", "IN-DD"]);
    expect(storedCodesFor("IN-UP")).toEqual(["IN-UP"]);
  });

  it("agrees with FORMER_STATE_CODES", () => {
    for (const [former, current] of FORMER_STATE_CODES) {
      expect(storedCodesFor(current)).toContain(former);
      expect(canonicalStateCode(former)).toBe(current);
    }
  });
});
