import { describe, expect, test } from "vitest";
import { buildCsp, buildHashedCsp, isFrameablePath } from "./csp";

// Only the chart embeds may be framed by other sites (issue 14): the rule is a path test, and an
// address that merely starts with the same letters, or that a server could normalise or decode
// into another page, must not pass it.
describe("isFrameablePath", () => {
  test.each([
    ["/embed/dashboard/by-sector", true],
    ["/embed/commitments/12/progress", true],
    ["/embed/states/IN-UP/summary", true],
    ["/embed/companies/tata-electronics/summary", true],
    ["/embed/states/map", true],
    ["/embed", false],
    ["/embed/", false],
    ["/embedded", false],
    ["/embedded/dashboard/by-sector", false],
    ["/embed-x", false],
    ["/embed-x/dashboard", false],
    ["/Embed/dashboard/by-sector", false],
    ["/commitments/12", false],
    ["/", false],
    ["/charts/dashboard/by-sector.png", false],
    ["/x/embed/dashboard", false],
    ["/embed/../account", false],
    ["/embed/./dashboard", false],
    ["/embed/%2e%2e/account", false],
    ["/embed/..%2faccount", false],
    ["/embed/dashboard//by-sector", false],
    ["/embed\\..\\account", false],
    ["/embed/dashboard/by-sector/", false],
  ])("%s → %s", (path, expected) => {
    expect(isFrameablePath(path)).toBe(expected);
  });
});

describe("frame-ancestors", () => {
  test("is 'none' unless the page is frameable, in both forms of the policy", () => {
    expect(buildCsp("n")).toContain("frame-ancestors 'none'");
    expect(buildHashedCsp(["AAA="])).toContain("frame-ancestors 'none'");
    expect(buildCsp("n", { frameable: true })).toContain("frame-ancestors *");
    expect(buildHashedCsp(["AAA="], { frameable: true })).toContain("frame-ancestors *");
  });
});
