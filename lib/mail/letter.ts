// The one layout every message uses: a greeting, blocks of the template's own words with stored
// values set in them, and a footer. A template never writes HTML itself; it hands its words and
// values here, and every value is escaped for HTML and isolated for bidirectional text in both
// parts. No images, no remote styles, no tracking: a plain-text part and a simple HTML part.

/** A stored value (a person's name, a title, a reason): never trusted, never markup. */
export type Value = { value: string };
/** The template's own words, or a stored value set among them. */
export type Part = string | Value;

export type Block =
  | { kind: "paragraph"; parts: readonly Part[] }
  /** A person's own words quoted under a label: a reason, a note. Line breaks are kept. */
  | { kind: "quote"; label: string; value: string }
  | { kind: "link"; label: string; href: string }
  /** A digest's section title, which may name a stored value (a watched company). */
  | { kind: "heading"; parts: readonly Part[] }
  /** A digest's entries, each a line of words and values with an optional link of its own. */
  | { kind: "list"; items: readonly ListItem[] };

export type ListItem = { parts: readonly Part[]; link?: { label: string; href: string } };

export type Letter = {
  greetingName: string;
  blocks: readonly Block[];
  /** Why the reader receives this message, in one sentence. */
  footer: string;
};

export const value = (v: string): Value => ({ value: v });

const SITE_NAME = "Make in India localisation tracker";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// C0 and C1 controls other than tab and line breaks, and lone surrogates, have no business in a
// message; they are dropped rather than escaped so neither part carries them.
const CONTROLS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function clean(s: string): string {
  return s.replace(CONTROLS, "");
}

// First Strong Isolate … Pop Directional Isolate: a right-to-left name, or one carrying an
// override character, cannot reorder the words around it in the plain-text part. The HTML part
// uses <bdi>, which does the same.
const isolate = (s: string) => `\u2068${s}\u2069`;

function partText(part: Part): string {
  return typeof part === "string" ? part : isolate(clean(part.value));
}

function partHtml(part: Part): string {
  return typeof part === "string" ? escapeHtml(part) : `<bdi>${escapeHtml(clean(part.value))}</bdi>`;
}

/** One line for a subject: no line breaks or controls, and at most `max` characters. */
export function subjectLine(words: string, max = 140): string {
  const line = clean(words).replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  // Cut between code points, not inside a surrogate pair.
  return `${Array.from(line.slice(0, max - 1))
    .join("")
    .replace(/[\ud800-\udbff]$/, "")}…`;
}

export function renderText(letter: Letter): string {
  const lines = [`Hello ${partText(value(letter.greetingName))},`, ""];
  for (const block of letter.blocks) {
    if (block.kind === "paragraph") lines.push(block.parts.map(partText).join(""));
    else if (block.kind === "quote")
      lines.push(
        `${block.label}:`,
        ...clean(block.value)
          .split(/\r\n|\r|\n/)
          .map((line) => `> ${isolate(line)}`),
      );
    else if (block.kind === "heading") lines.push(block.parts.map(partText).join(""));
    else if (block.kind === "list")
      for (const item of block.items) {
        lines.push(`- ${item.parts.map(partText).join("")}`);
        if (item.link) lines.push(`  ${item.link.label}: ${item.link.href}`);
      }
    else lines.push(`${block.label}: ${block.href}`);
    lines.push("");
  }
  lines.push("—", SITE_NAME, letter.footer, "");
  return lines.join("\n");
}

const linkHtml = (link: { label: string; href: string }) =>
  `<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`;

export function renderHtml(letter: Letter, subject: string): string {
  const body = letter.blocks.map((block) => {
    if (block.kind === "paragraph") return `<p>${block.parts.map(partHtml).join("")}</p>`;
    if (block.kind === "quote") {
      const lines = clean(block.value)
        .split(/\r\n|\r|\n/)
        .map(escapeHtml)
        .join("<br>");
      return `<p>${escapeHtml(block.label)}:</p>\n<blockquote style="margin:0 0 1em 0;padding-left:1em;border-left:3px solid #ccc"><bdi>${lines}</bdi></blockquote>`;
    }
    if (block.kind === "heading")
      return `<h2 style="font-size:1.1em;margin:1.5em 0 0.5em">${block.parts.map(partHtml).join("")}</h2>`;
    if (block.kind === "list")
      return [
        "<ul>",
        ...block.items.map((item) => {
          const link = item.link ? `<br>${linkHtml(item.link)}` : "";
          return `<li style="margin-bottom:0.5em">${item.parts.map(partHtml).join("")}${link}</li>`;
        }),
        "</ul>",
      ].join("\n");
    return `<p>${linkHtml(block)}</p>`;
  });
  return [
    "<!doctype html>",
    '<html lang="en-IN">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(subject) + "</title></head>",
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    `<p>Hello ${partHtml(value(letter.greetingName))},</p>`,
    ...body,
    `<p style="color:#555;font-size:0.9em">— ${escapeHtml(SITE_NAME)}<br>${escapeHtml(letter.footer)}</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
