// How an archived response is sent back from our origin (issue 15): never as a live page.
// HTML goes out under ARCHIVED_COPY_CSP (a sandbox without scripts or outside requests); plain
// images as themselves under the same policy; text and anything readable as text as
// text/plain; everything else (a PDF, an archive) as a download. SVG is text here: it can
// carry script.

export type ServedAs = { contentType: string; disposition: "inline" | "attachment" };

const TEXTUAL =
  /^(text\/|application\/(json|xml|xhtml\+xml|rss\+xml|atom\+xml|javascript|ld\+json)|image\/svg\+xml)/i;
const SAFE_IMAGES = /^image\/(png|jpeg|gif|webp|avif)$/i;

function charsetOf(contentType: string | null): string {
  const m = /charset\s*=\s*"?([A-Za-z0-9._-]{1,40})"?/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : "utf-8";
}

/**
 * The type to send a stored response with. `asText` shows an HTML page's source instead of its
 * sandboxed rendering.
 */
export function servedAs(storedType: string | null, { asText = false } = {}): ServedAs {
  const essence = (storedType ?? "").split(";")[0]!.trim().toLowerCase();
  const charset = charsetOf(storedType);
  if (essence === "text/html" && !asText)
    return { contentType: `text/html; charset=${charset}`, disposition: "inline" };
  if (essence === "" || TEXTUAL.test(essence))
    return { contentType: `text/plain; charset=${charset}`, disposition: "inline" };
  if (SAFE_IMAGES.test(essence)) return { contentType: essence, disposition: "inline" };
  return { contentType: "application/octet-stream", disposition: "attachment" };
}

/** A file name safe in a Content-Disposition header: ASCII letters, digits, dot and dash. */
export function downloadName(sourceId: number, captureId: number, extension: string): string {
  return `source-${sourceId}-capture-${captureId}${extension.replace(/[^A-Za-z0-9.]/g, "")}`;
}
