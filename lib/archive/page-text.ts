import { createHash } from "node:crypto";
import { Parser } from "htmlparser2";

// The words a reader sees on a fetched page, for telling whether a source changed since it was
// archived (docs/decisions/0032). News pages change their bytes at every load (ad slots, script
// URLs, tokens, counters), so the link checker compares this text rather than the body itself.
// What is kept is only ever hashed and compared, never shown: it need not read well, only be the
// same whenever the words are the same.

/** Elements whose contents a reader never sees as the page's words. */
const UNSEEN = new Set([
  // Not head: a page that never closes it (the parser, unlike a browser, does not) would lose
  // its body. Nothing else in a head has text.
  "title",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "embed",
  "canvas",
  "audio",
  "video",
  "noembed",
  "noframes",
  // Menus: the site's, not the source's words, and they change with the day's sections.
  "nav",
]);

/** Elements that sit inside a line of text; every other tag boundary separates words. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "nobr",
  "q",
  "rb",
  "ruby",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "wbr",
]);

/**
 * Deeper than this, the page is given up on (null: compare bytes). htmlparser2 keeps its open
 * elements in an array it shifts at every tag, so a page of nothing but unclosed tags costs time
 * quadratic in its depth (80,000 nested divs take seconds); real pages nest a few dozen deep.
 */
export const MAX_DEPTH = 512;

// Regions of a page, most specific first, and what an element can put its contents under.
const ARTICLE = 1;
const MAIN = 2;
const BODY = 4;
const ALL = 8;
const UNSEEN_BIT = 16;
const ASIDE_BIT = 32;

export type MediaKind = "html" | "xhtml" | "text" | null;

/** How a content type is read: as markup, as text, or not at all (null: compare bytes). */
export function mediaKind(contentType: string | null): MediaKind {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/html") return "html";
  if (type === "application/xhtml+xml") return "xhtml";
  if (
    type.startsWith("text/") ||
    type === "application/json" ||
    type === "application/xml" ||
    type.endsWith("+xml") ||
    type.endsWith("+json")
  )
    return "text";
  return null;
}

/** Collapses every run of white space (non-breaking and other Unicode spaces too) and composes (NFC). */
export function normaliseText(text: string): string {
  return (
    text
      // Soft hyphens and zero-width spaces are invisible, and editors sprinkle them.
      .replace(/[\u00ad\u200b]/g, "")
      // Not /\s+/: that replaces every single space with itself, ten times slower on a long page.
      .replace(/\s{2,}|[^\S ]/g, " ")
      .trim()
      .normalize("NFC")
  );
}

/** The charset a content type names, if any. */
function headerCharset(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

/** A `<meta charset>` or `<meta http-equiv … content="…charset=…">` in the first 1024 bytes. */
function metaCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 1024)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:()-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase() ?? null;
  // A page cannot describe itself as UTF-16 in ASCII; browsers read such a label as UTF-8.
  return label?.startsWith("utf-16") ? "utf-8" : label;
}

/** The body as characters: a byte-order mark first, then the header's charset, then the page's own, then UTF-8. */
function decode(body: Uint8Array, contentType: string | null, sniff: boolean): string {
  let label: string | null = null;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = "utf-8";
  else if (body[0] === 0xff && body[1] === 0xfe) label = "utf-16le";
  else if (body[0] === 0xfe && body[1] === 0xff) label = "utf-16be";
  label ??= headerCharset(contentType) ?? (sniff ? metaCharset(body) : null);
  try {
    return new TextDecoder(label ?? "utf-8").decode(body);
  } catch {
    // An unknown label: read as UTF-8, the web's default, rather than give up.
    return new TextDecoder("utf-8").decode(body);
  }
}

/**
 * The visible text of a page, NFC and with white space collapsed; null when there is none
 * (a binary type, an empty page, a page built entirely by script, or one nested too deep).
 *
 * Markup: script, style and the other elements in UNSEEN, elements with the `hidden` attribute
 * and comments are dropped; attributes (tokens, image addresses, link targets) are never text;
 * entities are decoded. Of what remains, the text of every `<article>` (outside an `<aside>`,
 * where related-story cards live) is taken; failing any, that of `<main>`; then `<body>`; then
 * the whole document. A region with no words falls through to the next, so an empty
 * `<article>` placeholder does not make every version of the page look the same.
 */
export function pageText(body: Uint8Array, contentType: string | null): string | null {
  const kind = mediaKind(contentType);
  if (kind === null) return null;
  const source = decode(body, contentType, kind !== "text");
  const text = kind === "text" ? normaliseText(source) : markupText(source, kind === "xhtml");
  return text === "" ? null : text;
}

function markupText(source: string, xhtml: boolean): string | null {
  // One list of text pieces, each with the regions it lies in; the regions are chosen at the end.
  const texts: string[] = [];
  const masks: number[] = [];
  // Per open element, what it entered (a region, UNSEEN, IN_ASIDE), to undo when it closes.
  const stack: number[] = [];
  const count = { [ARTICLE]: 0, [MAIN]: 0, [BODY]: 0, [UNSEEN_BIT]: 0, [ASIDE_BIT]: 0 };
  let mask = ALL;
  let tooDeep = false;

  const regionsNow = () =>
    ALL | (count[ARTICLE] > 0 ? ARTICLE : 0) | (count[MAIN] > 0 ? MAIN : 0) | (count[BODY] > 0 ? BODY : 0);
  const enter = (bits: number, by: 1 | -1) => {
    for (const bit of [ARTICLE, MAIN, BODY, UNSEEN_BIT, ASIDE_BIT] as const) if (bits & bit) count[bit] += by;
    mask = regionsNow();
  };
  const emit = (text: string) => {
    if (count[UNSEEN_BIT] > 0) return;
    if (text === " " && texts.at(-1) === " " && masks.at(-1) === mask) return;
    texts.push(text);
    masks.push(mask);
  };
  const parser = new Parser(
    {
      // The name arrives before the attributes, and is the one event every element has (a tag
      // cut off at the end of the body gets no onopentag), so the element is entered here and
      // onopentag only adds what its attributes say.
      onopentagname(name) {
        if (!INLINE.has(name)) emit(" ");
        let bits = 0;
        if (UNSEEN.has(name)) bits |= UNSEEN_BIT;
        else if (name === "article" && count[ASIDE_BIT] === 0) bits |= ARTICLE;
        else if (name === "main") bits |= MAIN;
        else if (name === "body") bits |= BODY;
        else if (name === "aside") bits |= ASIDE_BIT;
        stack.push(bits);
        if (bits !== 0) enter(bits, 1);
        if (stack.length > MAX_DEPTH) {
          tooDeep = true;
          parser.pause();
        }
      },
      onopentag(_, attributes) {
        const bits = stack.at(-1);
        if (bits !== undefined && !(bits & UNSEEN_BIT) && "hidden" in attributes) {
          stack[stack.length - 1] = bits | UNSEEN_BIT;
          enter(UNSEEN_BIT, 1);
        }
      },
      onclosetag(name) {
        const bits = stack.pop();
        if (bits) enter(bits, -1);
        if (!INLINE.has(name)) emit(" ");
      },
      ontext: emit,
    },
    { decodeEntities: true, recognizeSelfClosing: xhtml },
  );
  parser.write(source);
  if (tooDeep) return null;
  parser.end();
  for (const region of [ARTICLE, MAIN, BODY, ALL]) {
    const text = normaliseText(texts.filter((_, i) => masks[i]! & region).join(""));
    if (text !== "") return text;
  }
  return "";
}

/** Hex SHA-256 of the text's UTF-8 bytes. */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The SHA-256 of a body's visible text, or null when it has none to compare (compare bytes). */
export function pageTextSha256(body: Uint8Array, contentType: string | null): string | null {
  const text = pageText(body, contentType);
  return text === null ? null : textSha256(text);
}
