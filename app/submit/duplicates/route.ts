import type { NextRequest } from "next/server";
import { RateLimiter } from "@/lib/domain/rate-limit";
import { ANY_ROLE, authorize } from "@/auth/session";
import { checkDuplicates } from "../duplicate-check";

// Asked by the commitment form while a person types (debounced): likely duplicates of what they
// have entered so far. For signed-in people only, and private to them: never cached, no CORS.

export const dynamic = "force-dynamic";

const limiter = new RateLimiter({ limit: 240, windowMs: 10 * 60_000 });

const PRIVATE = { "Cache-Control": "private, no-store" };

function error(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...PRIVATE, ...headers } });
}

export async function GET(request: NextRequest): Promise<Response> {
  const auth = await authorize(ANY_ROLE);
  if (!auth.ok)
    return error(auth.status, auth.status === 401 ? "unauthenticated" : "forbidden", auth.message);
  const decision = limiter.hit(auth.user.id);
  if (!decision.allowed) {
    return error(429, "rate_limited", "Too many checks; wait a moment.", {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
  const params = request.nextUrl.searchParams;
  const input = Object.fromEntries(
    ["company", "title", "deadline", "deadline_precision"].map((k) => [k, params.get(k) ?? ""]),
  );
  const exclude = /^[1-9]\d{0,14}$/.test(params.get("resubmit") ?? "")
    ? Number(params.get("resubmit"))
    : null;
  return Response.json(checkDuplicates(input, exclude), { headers: PRIVATE });
}
