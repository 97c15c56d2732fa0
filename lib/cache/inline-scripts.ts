import { createHash } from "node:crypto";

// An inline script is a <script> start tag without a src attribute; its text runs to the first
// </script (the HTML tokenizer's rule, which Next's serializer escapes for). Attribute values here
// are Next's and React's own, so a quoted '>' inside a start tag does not occur.
const SCRIPT = /<script\b([^>]*)>([^]*?)<\/script/gi;
const HAS_SRC = /\ssrc\s*=/i;
const NOT_JAVASCRIPT = /\stype\s*=\s*["']?(?!(?:text|application)\/javascript|module)[^"'\s>]+/i;

/**
 * The base64 SHA-256 of every distinct inline script in a document, in order of first use: what
 * a browser hashes is the element's source text, byte for byte, as UTF-8. Data blocks (JSON-LD,
 * type="application/json") are skipped: they never run, so they need no permission.
 */
export function inlineScriptHashes(html: string): string[] {
  const seen = new Set<string>();
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? "";
    if (HAS_SRC.test(attributes) || NOT_JAVASCRIPT.test(attributes)) continue;
    seen.add(
      createHash("sha256")
        .update(match[2] ?? "", "utf8")
        .digest("base64"),
    );
  }
  return [...seen];
}
