import { NextResponse, type NextRequest } from "next/server";
import {
  actionKind,
  bodyProblem,
  headerProblem,
  isPlainText,
  originProblem,
  textBody,
  type ActionProblem,
} from "@/lib/security/action-request";
import { buildCsp, createNonce, isFrameablePath, requestIdFrom } from "@/lib/security/csp";
import { isSharedRender } from "@/lib/server/shared-render";

// Runs before every page and API request: a fresh CSP nonce and a request id that error pages
// and logs share. Authorization is NOT decided here; every action and route checks it itself.
export async function proxy(request: NextRequest) {
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
  const refused = await actionRequestRefusal(request);
  if (refused) return refused;
  const requestId = requestIdFrom(request.headers.get("x-request-id"));
  if (request.method === "GET" && isSharedRender(request.headers)) {
    // Rendered once for many anonymous readers (server/front.ts): no nonce, which would be shared;
    // the front names the page's inline scripts by hash instead (docs/decisions/0017).
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    return NextResponse.next({ request: { headers } });
  }
  const nonce = createNonce();
  const csp = buildCsp(nonce, {
    dev: process.env.NODE_ENV === "development",
    frameable: isFrameablePath(request.nextUrl.pathname),
  });

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

const refusal = ({ status, message }: ActionProblem) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A server action sent from another origin, or malformed, is refused here with a 4xx. Next
 * refuses both too, but as a 500; a forged or garbled request is the client's fault, and 5xx must
 * mean ours. Only action requests have their body read (Next has already buffered it for us).
 */
async function actionRequestRefusal(request: NextRequest): Promise<NextResponse | null> {
  const kind = actionKind(request.method, request.nextUrl.pathname, request.headers);
  if (!kind) return null;
  const early = originProblem(request.headers) ?? headerProblem(kind, request.headers);
  if (early) return refusal(early);
  let form: FormData | ReturnType<typeof textBody>;
  try {
    form = isPlainText(request.headers.get("content-type") ?? "")
      ? textBody(await request.text())
      : await request.formData();
  } catch {
    return refusal({
      status: 400,
      message: "Bad request: the form data could not be read (it may be cut short).",
    });
  }
  const late = bodyProblem(kind, form, request.headers.get("next-action") ?? "");
  return late ? refusal(late) : null;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
    // Prefetches skip the proxy (they need no nonce), but a POST that claims to be one must not
    // skip the checks on actions above.
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
  ],
};
