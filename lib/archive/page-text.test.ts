import { describe, expect, it } from "vitest";
import { MAX_DEPTH, mediaKind, pageText, pageTextSha256 } from "./page-text";

const HTML = "text/html; charset=utf-8";
const utf8 = (s: string) => Buffer.from(s, "utf8");
const hashOf = (html: string, contentType: string | null = HTML) => pageTextSha256(utf8(html), contentType);
const textOf = (html: string, contentType: string | null = HTML) => pageText(utf8(html), contentType);

const STORY = [
  "Optiemus will make earbuds in Noida, with 1,200 workers by March 2026.",
  "The plant’s first line opens in June &amp; the second by December.",
];

type Parts = {
  story?: string[];
  head?: string;
  ad?: string;
  rail?: string;
  inArticle?: string;
  footer?: string;
  indent?: string;
};

/** A news page as sites serve them: a head full of scripts, an ad slot, a story, a rail and a footer. */
function newsPage({
  story = STORY,
  head = `<script src="/app.js?v=1733450000"></script><meta name="csrf-token" content="a1b2c3">`,
  ad = `<div id="div-gpt-ad-8743" data-slot="top"><script>googletag.display("div-gpt-ad-8743")</script></div>`,
  rail = `<aside><h2>Related</h2><article><a href="/s/1">Tata opens a plant</a></article></aside>`,
  inArticle = "",
  footer = `<footer>© 2026 · 12,345 readers today</footer>`,
  indent = "\n  ",
}: Parts = {}): string {
  return [
    `<!doctype html><html><head><title>Earbuds in Noida | Loopback News</title>${head}</head><body>`,
    `<nav><a href="/">Home</a><a href="/business">Business</a></nav>`,
    ad,
    `<main><article><h1>Earbuds to be made in Noida</h1>${inArticle}`,
    ...story.map((p) => `<p>${p}</p>`),
    `</article>${rail}</main>${footer}`,
    `<form><input type="hidden" name="csrf" value="a1b2c3"><button>Subscribe</button></form>`,
    `</body></html>`,
  ].join(indent);
}

const BASE = newsPage();

describe("pageTextSha256: what is not a change of words", () => {
  it.each<[string, string]>([
    [
      "another ad in the slot",
      newsPage({
        ad: `<div id="div-gpt-ad-1102" data-slot="top"><iframe src="https://ads.example/x?cb=99">Buy now</iframe></div>`,
      }),
    ],
    [
      "a timestamp in an inline script and a cache-busting script URL",
      newsPage({
        head: `<script src="/app.js?v=1733459999"></script><script>window.__ts = 1733459999;</script><meta name="csrf-token" content="a1b2c3">`,
      }),
    ],
    ["another CSRF token", BASE.replaceAll("a1b2c3", "z9y8x7")],
    ["other white space", newsPage({ indent: "\n\n\t\t    \r\n" })],
    ["today's related stories", newsPage({ rail: `<aside><article>Infosys hires 5,000</article></aside>` })],
    ["a footer's reader count", newsPage({ footer: `<footer>© 2026 · 98,765 readers today</footer>` })],
    ["the site's menu", BASE.replace("Business", "Elections 2026")],
    [
      "data in JSON-LD, a style block, a comment and a template",
      newsPage({
        inArticle: `<script type="application/ld+json">{"dateModified":"2026-12-06T01:00:00Z"}</script><style>.x{color:red}</style><!-- rendered 01:00:07 by web-4 --><template><p>Loading…</p></template>`,
      }),
    ],
    [
      "a noscript pixel, a hidden element, an svg icon and a video's fallback",
      newsPage({
        inArticle: `<noscript><img src="/px?t=1">Enable JavaScript</noscript><div hidden>Session 7781</div><svg><title>Share icon 2</title></svg><video>Your browser cannot play this</video>`,
      }),
    ],
    ["an emphasis added inside a word", BASE.replace("Noida, with", "<b>Noi</b>da, <em>with</em>")],
    ["an image or a link target", newsPage({ inArticle: `<img src="/a.jpg" alt="A plant"><a href="/x">` })],
    [
      "a paragraph split into lines",
      newsPage({ story: [STORY[0]!, STORY[1]!.replace(" &amp; ", "<br>&amp; ")] }),
    ],
  ])("%s", (_, changed) => {
    expect(hashOf(changed)).toBe(hashOf(BASE));
  });

  it.each<[string, string, string]>([
    ["a named entity", "Jobs &amp; plants", "Jobs & plants"],
    ["a numeric entity", "&#8377;1,000 crore", "₹1,000 crore"],
    ["a hex entity", "&#x20B9;1,000 crore", "₹1,000 crore"],
    ["a no-break space", "Make&nbsp;in&nbsp;India", "Make in India"],
    ["a quotation mark", "&ldquo;Make in India&rdquo;", "“Make in India”"],
    ["decomposed and composed accents (NFC)", "Cafe\u0301 Coffee Day", "Café Coffee Day"],
    [
      "a Devanagari nukta, decomposed or not",
      "\u0958\u093e\u0930\u0916\u093e\u0928\u093e",
      "\u0915\u093c\u093e\u0930\u0916\u093e\u0928\u093e",
    ],
    ["a soft hyphen", "manu&shy;facturing", "manufacturing"],
  ])("entities and literal characters: %s", (_, encoded, literal) => {
    expect(hashOf(`<p>${encoded}</p>`)).toBe(hashOf(`<p>${literal}</p>`));
  });

  it("reads the same words in another encoding as the same text", () => {
    const latin1 = Buffer.from("<meta charset=iso-8859-1><p>Café in Pune</p>", "latin1");
    const windows = Buffer.from("<p>Caf\xe9 in Pune</p>", "latin1");
    const expected = hashOf("<p>Café in Pune</p>");
    expect(pageTextSha256(latin1, "text/html")).toBe(expected);
    expect(pageTextSha256(windows, "text/html; charset=windows-1252")).toBe(expected);
    expect(
      pageTextSha256(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("<p>Café in Pune</p>")]),
        "text/html",
      ),
    ).toBe(expected);
  });
});

describe("pageTextSha256: what is a change of words", () => {
  it.each<[string, string]>([
    ["one word in the story", newsPage({ story: [STORY[0]!.replace("Noida", "Pune"), STORY[1]!] })],
    ["one figure in the story", newsPage({ story: [STORY[0]!.replace("1,200", "1,500"), STORY[1]!] })],
    ["a paragraph added", newsPage({ story: [...STORY, "Update: the date has moved to 2027."] })],
    ["paragraphs reordered", newsPage({ story: [STORY[1]!, STORY[0]!] })],
    ["the headline", BASE.replace("Earbuds to be made in Noida", "Earbud plant delayed")],
    [
      "two words run together",
      newsPage({ story: [STORY[0]!.replace("make earbuds", "makeearbuds"), STORY[1]!] }),
    ],
  ])("%s", (_, changed) => {
    expect(hashOf(changed)).not.toBe(hashOf(BASE));
  });

  it("takes every article, so a change in the second one counts", () => {
    const two = (second: string) =>
      `<body><article><p>First</p></article><article><p>${second}</p></article></body>`;
    expect(hashOf(two("Second story"))).not.toBe(hashOf(two("Second, edited")));
  });
});

describe("pageText", () => {
  it.each<[string, string, string | null]>([
    [
      "the story of a news page",
      BASE,
      `Earbuds to be made in Noida ${STORY[0]} ${STORY[1]!.replace("&amp;", "&")}`,
    ],
    ["block elements separate words", "<div>Make</div><div>in</div><p>India</p>", "Make in India"],
    ["inline elements do not", "<p>Make<span>In</span><b>India</b></p>", "MakeInIndia"],
    ["main, when there is no article", "<body><p>Sidebar</p><main><p>Story</p></main></body>", "Story"],
    [
      "body, when there is neither",
      "<html><head><title>T</title></head><body><p>Story</p></body></html>",
      "Story",
    ],
    ["the whole document, when there is no body tag", "<title>T</title><p>Story</p>", "Story"],
    [
      "an empty article falls through to main",
      "<body><main><article> </article><p>Story</p></main></body>",
      "Story",
    ],
    [
      "an empty article falls through to body",
      "<body><article><script>render()</script></article><p>Story</p></body>",
      "Story",
    ],
    [
      "an article inside an aside is not the story",
      "<body><aside><article>Card</article></aside><article>Story</article></body>",
      "Story",
    ],
    [
      "with no other article, the body has the aside",
      "<body><aside><article>Card</article></aside><p>Story</p></body>",
      "Card Story",
    ],
    [
      "a page built by script has no text",
      "<html><body><div id=root></div><script>boot()</script></body></html>",
      null,
    ],
    ["an empty body", "", null],
    ["unclosed tags", "<body><article><p>One<p>Two<div>Three<li>Four<span>five", "One Two Three Fourfive"],
    ["stray closing tags", "<body></span></div><p>One</b></p></i>Two</body>", "One Two"],
    ["a script never closed", `<body><p>Story</p><script>var a = "</p><p>not text`, "Story"],
    ["a comment never closed", "<body><p>Story</p><!-- <p>not text</p>", "Story"],
    ["an attribute never closed", `<body><p>Story</p><a href="/x`, "Story"],
    ["a head never closed", "<html><head><title>T</title><p>Story</p>", "Story"],
    ["upper-case tags", "<BODY><SCRIPT>x()</SCRIPT><P>Story</P></BODY>", "Story"],
    [
      "a self-closing script in HTML swallows the rest, as in a browser",
      "<p>Story</p><script src=a.js /><p>More",
      "Story",
    ],
  ])("%s", (_, html, expected) => {
    expect(textOf(html)).toBe(expected);
  });

  it("reads XHTML's self-closing tags as closed", () => {
    expect(
      textOf(
        `<html xmlns="http://www.w3.org/1999/xhtml"><body><script src="a.js"/><p>Story</p></body></html>`,
        "application/xhtml+xml",
      ),
    ).toBe("Story");
  });

  it.each<[string, string | null, string | null]>([
    ["plain text, white space collapsed", "text/plain", "Make in India 2026 &amp; after"],
    ["plain text with no charset", "text/plain", "Make in India 2026 &amp; after"],
    ["CSV", "text/csv; charset=utf-8", "Make in India 2026 &amp; after"],
    ["JSON", "application/json", "Make in India 2026 &amp; after"],
    ["a PDF", "application/pdf", null],
    ["an image", "image/png", null],
    ["no content type", null, null],
  ])("%s", (_, contentType, expected) => {
    expect(pageText(utf8("  Make in\n\nIndia\t2026 &amp; after \n"), contentType)).toBe(expected);
  });

  it.each<[string | null, ReturnType<typeof mediaKind>]>([
    ["text/html", "html"],
    ["TEXT/HTML ; charset=UTF-8", "html"],
    ["application/xhtml+xml", "xhtml"],
    ["text/plain", "text"],
    ["application/rss+xml", "text"],
    ["application/ld+json", "text"],
    ["application/octet-stream", null],
    ["", null],
  ])("reads %s as %s", (contentType, expected) => {
    expect(mediaKind(contentType)).toBe(expected);
  });
});

describe("pageText on the largest body the fetcher keeps", () => {
  // archive/fetch-policy.ts DEFAULT_MAX_BYTES: 10 MiB.
  const MAX_BYTES = 10 * 1024 * 1024;
  const filled = (prefix: string, unit: string, suffix = "") =>
    prefix + unit.repeat(Math.floor((MAX_BYTES - prefix.length - suffix.length) / unit.length)) + suffix;
  const timed = (html: string) => {
    const body = utf8(html);
    const started = performance.now();
    const text = pageText(body, HTML);
    return { text, ms: performance.now() - started };
  };

  // Generous bounds, for a busy machine: what they catch is time quadratic in the page, which
  // takes minutes. The fetch itself may take 20 s.
  it("reads a 10 MiB article in well under the fetch's own time limit", { timeout: 30_000 }, () => {
    const { text, ms } = timed(
      filled(
        "<html><body><article>",
        `<p>Lorem ipsum &amp; dolor <b>sit</b> amet.</p><script>var t=1;</script>\n`,
        "</article></body></html>",
      ),
    );
    expect(text?.startsWith("Lorem ipsum & dolor sit amet. Lorem")).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });

  it(
    "gives up on a page nested deeper than any real one, quickly, rather than taking minutes",
    { timeout: 30_000 },
    () => {
      const { text, ms } = timed(filled("", "<div>"));
      expect(text).toBeNull();
      expect(ms).toBeLessThan(2_000);
    },
  );

  it(
    "stays quick when the deepest page allowed is followed by stray closing tags",
    { timeout: 30_000 },
    () => {
      const { text, ms } = timed(filled("<body>" + "<div>".repeat(MAX_DEPTH - 2) + "x", "</u>"));
      expect(text).toBe("x");
      expect(ms).toBeLessThan(10_000);
    },
  );
});
