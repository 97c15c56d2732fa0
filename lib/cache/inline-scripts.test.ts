import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { buildCsp, buildHashedCsp } from "@/lib/security/csp";
import { inlineScriptHashes } from "./inline-scripts";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

test("hashes each distinct inline script's text exactly, and nothing else", () => {
  const a = "self.__next_f=self.__next_f||[]";
  const b = 'self.__next_f.push([1,"caf\u00e9 \\u003c/script"])';
  const html = [
    `<html><head><script src="/_next/static/chunks/x.js" async=""></script>`,
    `<script>${a}</script>`,
    `<script type="application/ld+json">{"@type":"Dataset"}</script>`,
    `</head><body><script>${b}</script><script>${a}</script>`,
    `<script type="module">import("/x.js")</script>`,
    `<SCRIPT>upper()</SCRIPT>`,
    `<script id="_R_" >${""}</script></body></html>`,
  ].join("");
  expect(inlineScriptHashes(html)).toEqual([sha(a), sha(b), sha('import("/x.js")'), sha("upper()"), sha("")]);
});

test("a page without inline scripts needs no hashes", () => {
  expect(inlineScriptHashes('<p>no scripts</p><script src="/a.js"></script>')).toEqual([]);
});

test("the hashed policy allows own-origin files and the named scripts, and never inline code", () => {
  const csp = buildHashedCsp(["AAA=", "BBB="]);
  expect(csp).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).toContain("frame-ancestors 'none'");
  // The two forms differ only in what scripts they admit.
  const withoutScripts = (p: string) => p.replace(/script-src [^;]*/, "");
  expect(withoutScripts(csp)).toBe(withoutScripts(buildCsp("n")));
});
