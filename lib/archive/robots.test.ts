import { describe, expect, it } from "vitest";
import { parseRobots, patternMatches, productToken, robotsAllows } from "./robots";

const TOKEN = "MakeInIndiaTracker";

describe("robotsAllows", () => {
  it.each([
    ["an empty file", "", "/anything", true],
    ["disallow all for everyone", "User-agent: *\nDisallow: /", "/page", false],
    ["robots.txt itself is always allowed", "User-agent: *\nDisallow: /", "/robots.txt", true],
    ["an empty disallow allows", "User-agent: *\nDisallow:", "/page", true],
    ["a prefix", "User-agent: *\nDisallow: /private", "/private/x", false],
    ["a prefix does not match elsewhere", "User-agent: *\nDisallow: /private", "/public/private", true],
    ["the query counts", "User-agent: *\nDisallow: /search?q=", "/search?q=x", false],
    [
      "our group overrides *",
      "User-agent: *\nDisallow: /\n\nUser-agent: MakeInIndiaTracker\nAllow: /",
      "/x",
      true,
    ],
    ["our group is matched case-insensitively", "User-agent: makeinindiatracker\nDisallow: /", "/x", false],
    ["our group with a version", "User-agent: MakeInIndiaTracker/1.0\nDisallow: /", "/x", false],
    ["another crawler's group is not ours", "User-agent: Googlebot\nDisallow: /", "/x", true],
    [
      "our group alone applies when present",
      "User-agent: *\nDisallow: /a\n\nUser-agent: MakeInIndiaTracker\nDisallow: /b",
      "/a",
      true,
    ],
    [
      "consecutive agents share a group",
      "User-agent: Googlebot\nUser-agent: MakeInIndiaTracker\nDisallow: /",
      "/x",
      false,
    ],
    [
      "groups for us are merged",
      "User-agent: MakeInIndiaTracker\nDisallow: /a\n\nUser-agent: Other\nDisallow: /\n\nUser-agent: MakeInIndiaTracker\nDisallow: /b",
      "/b/1",
      false,
    ],
    ["the longest match wins", "User-agent: *\nDisallow: /a\nAllow: /a/b", "/a/b/c", true],
    ["the longest match wins the other way", "User-agent: *\nAllow: /a\nDisallow: /a/b", "/a/b/c", false],
    ["allow wins a tie", "User-agent: *\nDisallow: /a\nAllow: /a", "/a", true],
    ["a wildcard", "User-agent: *\nDisallow: /*.pdf", "/docs/report.pdf", false],
    ["an end anchor", "User-agent: *\nDisallow: /*.pdf$", "/docs/report.pdf?x=1", true],
    ["an end anchor matching", "User-agent: *\nDisallow: /*.pdf$", "/docs/report.pdf", false],
    ["comments are ignored", "User-agent: * # all\nDisallow: /x # not x", "/x", false],
    ["keys are case-insensitive", "USER-AGENT: *\nDISALLOW: /x", "/x", false],
    ["rules before any group are ignored", "Disallow: /\nUser-agent: *\nAllow: /", "/x", true],
    ["sitemap lines do not split a group", "User-agent: *\nSitemap: /s.xml\nDisallow: /x", "/x", false],
    ["CRLF line ends", "User-agent: *\r\nDisallow: /x\r\n", "/x", false],
    ["a byte order mark", "\uFEFFUser-agent: *\nDisallow: /x", "/x", false],
    ["non-ASCII rules match encoded paths", "User-agent: *\nDisallow: /café", "/caf%c3%a9", false],
    ["a rule without a slash", "User-agent: *\nDisallow: private", "/private", false],
    ["garbage lines", "<html>\nnot robots\n", "/x", true],
  ])("%s", (_name, text, path, allowed) => {
    expect(robotsAllows(parseRobots(text), TOKEN, path)).toBe(allowed);
  });
});

describe("patternMatches", () => {
  it.each([
    ["/", "/anything", true],
    ["*", "/anything", true],
    ["/a*b", "/a-x-b-y", true],
    ["/a*b$", "/a-x-b-y", false],
    ["/a*b$", "/a-x-b-y-b", true],
    ["/a**b", "/ab", true],
    ["/a$", "/a", true],
    ["/a$", "/ab", false],
    ["/abc", "/ab", false],
    ["/*/*/*/*/*/*/*/*/z", "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y", false],
  ])("%s against %s", (pattern, path, expected) => {
    expect(patternMatches(pattern, path)).toBe(expected);
  });
});

describe("productToken", () => {
  it.each([
    ["MakeInIndiaTracker/1.0 (+https://tracker.example.in)", "MakeInIndiaTracker"],
    ["Googlebot", "Googlebot"],
    ["", ""],
  ])("%s", (agent, token) => {
    expect(productToken(agent)).toBe(token);
  });
});
