import { getDb } from "@/db";
import { authSecret } from "@/db/auth-secret";
import { setDigestFrequency } from "@/db/mutations/digest-settings";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { renderUnsubscribePage, type UnsubscribePage } from "@/lib/mail/unsubscribe-page";

// A digest's one-click unsubscribe (RFC 8058; docs/decisions/0024). This route changes data
// without a session, by design: the signed token in the address is the authority, naming one
// person and one digest, and all it can do is turn that digest off. A mail client POSTs to it
// from its own servers or from a webmail page on another site, so proxy.ts does not hold it to
// the same-origin rule of forms, and the front server never caches it (lib/cache/policy.ts).

export const dynamic = "force-dynamic";

function page(status: number, content: UnsubscribePage): Response {
  return new Response(renderUnsubscribePage(content), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      // The token is in the address: it goes nowhere else.
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}

function tokenOf(request: Request) {
  return readUnsubscribeToken(authSecret(), new URL(request.url).searchParams.get("token"));
}

/** Shows a button that unsubscribes; opening the link alone changes nothing (scanners open links). */
export function GET(request: Request): Response {
  const found = tokenOf(request);
  if (!found) return page(400, { state: "invalid" });
  const url = new URL(request.url);
  return page(200, { state: "confirm", kind: found.kind, action: `${url.pathname}${url.search}` });
}

/** Turns the digest off, whoever sends it and whatever the body says: the token decides. */
export function POST(request: Request): Response {
  const found = tokenOf(request);
  if (!found) return page(400, { state: "invalid" });
  const done = setDigestFrequency(getDb(), { userId: found.userId, kind: found.kind, frequency: "off" });
  return done ? page(200, { state: "done", kind: found.kind }) : page(400, { state: "invalid" });
}
