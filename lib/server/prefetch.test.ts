import { describe, expect, it } from "vitest";
import { isPrefetch } from "./prefetch";

describe("isPrefetch", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ["a person's request", { accept: "text/html" }, false],
    ["a client-side navigation (RSC, not a prefetch)", { rsc: "1", "next-router-state-tree": "x" }, false],
    ["Next's router prefetching a link", { rsc: "1", "next-router-prefetch": "1" }, true],
    ["Next's router prefetching a segment", { rsc: "1", "next-router-segment-prefetch": "/_tree" }, true],
    ["the browser's prefetch", { "sec-purpose": "prefetch" }, true],
    ["the browser's prerender", { "sec-purpose": "prefetch;prerender" }, true],
    ["an older browser's prefetch", { purpose: "prefetch" }, true],
  ])("%s: %s", (_, headers, expected) => {
    expect(isPrefetch(new Headers(headers))).toBe(expected);
  });
});
