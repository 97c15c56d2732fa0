// Text that reaches a feed comes from contributors, so it can hold anything a browser form accepts.
// Both formats reject control characters (XML 1.0 makes them fatal; RFC 5545 TEXT excludes CTLs),
// so they are removed once here rather than escaped differently by each writer.

// Built from a string so the source stays free of literal control characters. C0 controls other than
// TAB and LF are illegal in XML 1.0; DEL and C1 controls are legal there but "discouraged" (XML 1.0
// section 2.2) and never meaningful in this data; U+FFFE/U+FFFF are not XML characters; \p{Cs}
// with the u flag matches only lone surrogates, which UTF-8 cannot encode.
const UNWANTED = new RegExp(
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF]|\\p{Cs}",
  "gu",
);

/**
 * Normalises line breaks to LF (XML parsers would turn CR into LF anyway, and iCalendar has one
 * escape for a line break) and removes characters neither format can carry.
 */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNWANTED, "");
}

/** Cleaned before trimming, so a stripped control character cannot leave a trailing space behind. */
export function tidy(value: string): string {
  return cleanText(value).trim();
}

/**
 * The canonical form of an absolute http(s) URL, or null. Serialising through the URL parser
 * percent-encodes spaces and controls, so the result is safe as an iCalendar URI value and as an
 * XML attribute once escaped; other schemes (javascript:, data:) are never linked from a feed.
 */
export function httpUrl(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

export function requireHttpUrl(value: string, what: string): string {
  const url = httpUrl(value);
  if (!url) throw new RangeError(`${what} must be an absolute http(s) URL, not "${value}"`);
  return url;
}
