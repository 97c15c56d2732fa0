import "server-only";
import { SAFE_HOST } from "@/lib/api/request-origin";

// The address a reader should cite: the configured public URL when there is one (behind a proxy
// the Host header may be an internal name), otherwise the Host the reader used (the page passes
// its request's Host header, so lib/ needs no Next import).

export function siteOrigin(host: string | null): string {
  const configured = process.env.BETTER_AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting is reported by better-auth at start; fall back to the request.
    }
  }
  return host && SAFE_HOST.test(host) ? `http://${host}` : "http://localhost";
}
