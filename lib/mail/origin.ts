/** The address links in messages start from when nothing else is configured: `npm start`'s. */
export const DEFAULT_SITE_ORIGIN = "http://localhost:3000";

/**
 * The origin (scheme, host, port) of a configured site address, or null when it is not an
 * http(s) URL. A path or trailing slash in the setting is dropped: links add their own.
 */
export function parseSiteOrigin(raw: string | undefined): string | null {
  const trimmed = raw?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** An absolute link on the site: `path` is the site's own, starting with a slash. */
export function siteLink(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}
