// The public API is read-only and uses no cookies or credentials, so any site may read it: GET
// responses already carry `Access-Control-Allow-Origin: *`. A browser sends a preflight OPTIONS
// first when a script adds a header outside the CORS safelist (Cache-Control, If-None-Match...);
// without this answer Next's default OPTIONS sends no CORS headers and the browser refuses.
// Route files re-export it: `export { OPTIONS } from "@/lib/api/cors";`.

export const CORS_ALLOWED_METHODS = "GET, HEAD, OPTIONS";

// A fixed list rather than an echo of Access-Control-Request-Headers: these are the headers a
// reading client has a use for here (caching and content negotiation), and nothing else is read.
export const CORS_ALLOWED_HEADERS =
  "Accept, Accept-Language, Cache-Control, Content-Language, If-Modified-Since, If-None-Match, Pragma";

export const CORS_PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": CORS_ALLOWED_METHODS,
  "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS,
  // A day; browsers cap it lower (Chromium at two hours), which only means more preflights.
  "Access-Control-Max-Age": "86400",
  Allow: CORS_ALLOWED_METHODS,
};

/** The answer to a CORS preflight, or to a plain OPTIONS request, on any public API route. */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_PREFLIGHT_HEADERS } });
}
