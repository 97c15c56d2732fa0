import "server-only";
import { SAFE_HOST } from "@/lib/api/request-origin";
import { parseSiteOrigin } from "@/lib/mail/origin";

// The address a reader should cite, embed or share: the configured public URL when there is one
// (behind a proxy the Host header may be an internal name): TRACKER_ORIGIN, as mail links use it
// (db/mail-origin.ts), else BETTER_AUTH_URL; otherwise the Host the reader used (the page passes
// its request's Host header, so lib/ needs no Next import).

export function siteOrigin(host: string | null): string {
  for (const name of ["TRACKER_ORIGIN", "BETTER_AUTH_URL"] as const) {
    // A malformed setting is reported where it is read at start; fall back to the next.
    const configured = parseSiteOrigin(process.env[name]);
    if (configured) return configured;
  }
  return host && SAFE_HOST.test(host) ? `http://${host}` : "http://localhost";
}
