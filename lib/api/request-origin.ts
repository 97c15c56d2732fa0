// Feeds are read by calendar apps and feed readers outside the site, so every link in them is
// absolute. `next start` builds request.nextUrl from its own configured hostname ("localhost"),
// not from the address the client used (vercel/next.js#37536, intentional), so the Host header is
// read instead. A Host that is not a plain name or address with an optional port (which would also
// make an invalid iCalendar UID) falls back to Next's own origin.
export const SAFE_HOST = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/;

/** The parts of a NextRequest read here, named without importing Next into lib/. */
type OriginRequest = { headers: Headers; nextUrl: { protocol: string; origin: string } };

export function requestOrigin(request: OriginRequest): string {
  const host = request.headers.get("host");
  return host && SAFE_HOST.test(host) ? `${request.nextUrl.protocol}//${host}` : request.nextUrl.origin;
}
