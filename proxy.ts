import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, createNonce, requestIdFrom } from "@/lib/security/csp";

// Runs before every page and API request: a fresh CSP nonce and a request id that error pages
// and logs share. Authorization is NOT decided here; every action and route checks it itself.
export function proxy(request: NextRequest) {
  // A malformed percent-encoding (/companies/%E0%A4) makes Next fail with a 500 before any route
  // runs; it is the client's mistake, so say so.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address contains a malformed percent-encoding.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // A server action posted from another origin is refused here with a 403. Next refuses it too,
  // but as a 500; a forged request is the client's fault, and 5xx must mean ours.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = origin && origin !== "null" ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (origin !== null && originHost !== host) {
      return new NextResponse("Forbidden: this form was sent from another site.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  }
  const nonce = createNonce();
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
