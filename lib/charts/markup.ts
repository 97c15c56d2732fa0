// A tiny builder of escaped SVG markup, for charts inserted as one string: React then renders, and
// hydrates, one element instead of a few hundred, and the HTML spends no bytes on React's text
// separators (docs/decisions/0014). Text comes from contributors (category and company names), so
// every text node and attribute value is escaped here, and tag and attribute names must be plain
// identifiers written in our code. An element without children closes itself (`<rect …/>`), which
// both HTML (inside <svg>) and XML (the download) read as the same empty element, in fewer bytes.

const MARKUP = Symbol("markup");

/** Markup built by h(): safe to insert. A plain string is text, and is always escaped. */
export type Markup = { readonly [MARKUP]: string };

export type Child = Markup | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | null | undefined>;

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;
const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': "&quot;", "'": "&#39;" };

// Characters XML 1.0 forbids anywhere (C0 controls except tab, newline, carriage return; lone
// surrogates; U+FFFE/U+FFFF): an SVG holding one is not well-formed, and its download would not open.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(value: string): string {
  return value.replace(NOT_XML, "\ufffd").replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

export function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, "\ufffd").replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a markup name: ${JSON.stringify(name)}`);
  return name;
}

export function h(tag: string, attributes: Attributes, ...children: Child[]): Markup {
  let out = `<${checkedName(tag)}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${checkedName(name)}="${escapeAttribute(String(value))}"`;
  }
  const inner = children.map(childMarkup).join("");
  return { [MARKUP]: inner ? `${out}>${inner}</${tag}>` : `${out}/>` };
}

/** Several pieces of markup side by side, with no element around them. */
export function fragment(children: Child[]): Markup {
  return { [MARKUP]: children.map(childMarkup).join("") };
}

function childMarkup(child: Child): string {
  if (child === null || child === undefined || child === false) return "";
  if (typeof child === "object") return child[MARKUP];
  return escapeText(String(child));
}

export function toHtml(markup: Markup): string {
  return markup[MARKUP];
}
