import type { Instrumentation } from "next";
import { noteFailedRequest } from "@/lib/server/failed-requests";

// Every server error is logged once, as one JSON line carrying the request id that proxy.ts
// gave the request, which the error page shows the person: a report can be matched to its log.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const headers = request.headers as Record<string, string | string[] | undefined>;
  const requestId = headers["x-request-id"];
  const id = Array.isArray(requestId) ? requestId[0] : requestId;
  // First, before anything that could throw: a visit to /account/watching that failed to render
  // must not count as seen (app/account/watching/page.tsx).
  if (id) noteFailedRequest(id);
  const err = error as Error & { digest?: string };
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      requestId: id,
      digest: err.digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
      message: err.message,
      stack: err.stack,
    }),
  );
};

export async function register(): Promise<void> {
  // Open (create, migrate, seed) the database when the server starts, not on the first request.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    // Before any request is handled: rate limits must key on an address the client cannot choose.
    const { installForwardedForRewrite } = await import("@/lib/server/forwarded-for");
    installForwardedForRewrite();
    const { getDb } = await import("@/db");
    getDb();
  }
}
