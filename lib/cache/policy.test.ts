import { describe, expect, test } from "vitest";
import {
  cacheKey,
  etagOf,
  hasSessionCookie,
  ifNoneMatchHits,
  isCacheablePath,
  publicCacheControl,
  repeatableHeaders,
  sharedPolicyFrom,
  withVary,
} from "./policy";

describe("isCacheablePath", () => {
  test.each([
    ["/", true],
    ["/commitments", true],
    ["/commitments/1", true],
    ["/companies", true],
    ["/companies/xiaomi", true],
    ["/states", true],
    ["/states/IN-UP", true],
    // The map's outline and its standalone SVG (docs/decisions/0026), public and the same for all.
    ["/states/outline.svg", true],
    ["/states/map.svg", true],
    ["/deadlines", true],
    ["/methodology", true],
    ["/api-docs", true],
    ["/api/v1/commitments", true],
    ["/api/v1/commitments.csv", true],
    ["/api/v1/deadlines.ics", true],
    ["/api/v1/changes.atom", true],
    ["/embed/dashboard/by-sector", true],
    ["/embed/commitments/1/progress", true],
    ["/charts/dashboard/by-sector.png", true],
    ["/embedded", false],
    ["/commitments/1/supersede", false],
    ["/deadlines/outcome", false],
    ["/account", false],
    ["/account/watching", false],
    ["/submit", false],
    ["/review", false],
    ["/admin/users", false],
    ["/sign-in", false],
    ["/api/auth/get-session", false],
    ["/submit/duplicates", false],
    // A digest's unsubscribe page and its one-click POST: per person, never shared.
    ["/unsubscribe", false],
    ["/_next/static/chunks/a.js", false],
  ])("%s → %s", (path, expected) => {
    expect(isCacheablePath(path)).toBe(expected);
  });
});

describe("hasSessionCookie", () => {
  test.each([
    [undefined, false],
    ["", false],
    ["theme=dark", false],
    ["better-auth.session_token=abc", true],
    ["a=1; better-auth.session_token=abc", true],
    ["__Secure-better-auth.session_token=abc", true],
    ["a=1;__Secure-better-auth.session_token=abc", true],
    ["not-better-auth.session_token=abc", false],
    ["better-auth.session_tokenx=abc", false],
  ])("%s → %s", (cookie, expected) => {
    expect(hasSessionCookie(cookie)).toBe(expected);
  });
});

describe("cacheKey", () => {
  const base = { version: 7, day: "2026-11-25", url: "/commitments?q=a", headers: { host: "a.in" } };
  test("keeps each measure of the map apart, and each measure's SVG", () => {
    const keys = [
      "/states",
      "/states?measure=commitments",
      "/states?measure=facilities",
      "/states?measure=investment-inr",
      "/states?measure=investment-usd",
      "/states/map.svg?measure=investment-inr",
      "/states/map.svg?measure=investment-usd",
    ].map((url) => cacheKey({ ...base, url }));
    expect(new Set(keys).size).toBe(keys.length);
  });
  test("is the same for the same request, data and day", () => {
    expect(cacheKey(base)).toBe(cacheKey({ ...base, headers: { host: "a.in", cookie: "x=1" } }));
  });
  test.each([
    ["a publication", { version: 8 }],
    ["midnight in India", { day: "2026-11-26" }],
    ["another query", { url: "/commitments?q=b" }],
    ["another host", { headers: { host: "b.in" } }],
    ["an RSC request", { headers: { host: "a.in", rsc: "1" } }],
    ["a prefetch", { headers: { host: "a.in", rsc: "1", "next-router-prefetch": "1" } }],
    ["another router state", { headers: { host: "a.in", rsc: "1", "next-router-state-tree": "%5B%5D" } }],
    ["https behind a proxy", { headers: { host: "a.in", "x-forwarded-proto": "https" } }],
  ])("changes with %s", (_, change) => {
    expect(cacheKey({ ...base, ...change })).not.toBe(cacheKey(base));
  });
});

describe("validators", () => {
  const tag = etagOf(Buffer.from("hello"));
  test("the ETag is strong, quoted, and follows the bytes", () => {
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf(Buffer.from("hello"))).toBe(tag);
    expect(etagOf(Buffer.from("hellp"))).not.toBe(tag);
  });
  test.each([
    [undefined, false],
    ["", false],
    [tag, true],
    [`W/${tag}`, true],
    [`"other", ${tag}`, true],
    ["*", true],
    ['"other"', false],
  ])("If-None-Match %s → %s", (header, expected) => {
    expect(ifNoneMatchHits(header, tag)).toBe(expected);
  });
});

test("shared caches may keep a response for s-maxage and serve it stale while revalidating", () => {
  expect(publicCacheControl({ sMaxAge: 10, staleWhileRevalidate: 20 })).toBe(
    "public, max-age=0, s-maxage=10, stale-while-revalidate=20",
  );
  expect(sharedPolicyFrom({})).toEqual({ sMaxAge: 10, staleWhileRevalidate: 20 });
  expect(sharedPolicyFrom({ TRACKER_SHARED_MAX_AGE: "2", TRACKER_SHARED_STALE: "0" })).toEqual({
    sMaxAge: 2,
    staleWhileRevalidate: 0,
  });
  expect(sharedPolicyFrom({ TRACKER_SHARED_MAX_AGE: "-1", TRACKER_SHARED_STALE: "lots" })).toEqual({
    sMaxAge: 10,
    staleWhileRevalidate: 20,
  });
});

test("a cached copy never repeats a cookie, a per-response id, or a validator of its own", () => {
  expect(
    repeatableHeaders({
      "Content-Type": "text/html",
      "set-cookie": ["a=1"],
      "x-request-id": "abc",
      "content-security-policy": "script-src 'nonce-x'",
      "cache-control": "private",
      etag: '"x"',
      "x-frame-options": "DENY",
      vary: "rsc",
    }),
  ).toEqual({ "content-type": "text/html", "x-frame-options": "DENY", vary: "rsc" });
});

test.each([
  [undefined, ["Accept-Encoding"], "Accept-Encoding"],
  ["rsc, Accept-Encoding", ["accept-encoding", "Cookie"], "rsc, Accept-Encoding, Cookie"],
  [["rsc", "next-url"], ["Cookie"], "rsc, next-url, Cookie"],
])("Vary %j plus %j is %s", (existing, names, expected) => {
  expect(withVary(existing, names)).toBe(expected);
});
