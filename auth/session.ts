import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Role } from "@/lib/domain/vocabulary";
import { normalAddress, rateLimitKey } from "@/lib/server/client-address";
import { getAuth } from "./better-auth";

// Who is asking, checked on the server for every action and route that changes data. The role is
// read from the users table on each request, so an admin's change of role applies at once.

export type SessionUser = { id: string; name: string; email: string; role: Role; emailVerified: boolean };

/**
 * The signed-in user of this request, or null. A page asks from the layout, the page and its
 * watch button; cache() makes that one session check and one users lookup per request, never
 * shared between requests, so a change of role still applies on the next one.
 */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const row = getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      emailVerified: users.emailVerified,
    })
    .from(users)
    .where(eq(users.id, session.user.id))
    .get();
  return row ?? null;
});

export type Authorization =
  { ok: true; user: SessionUser } | { ok: false; status: 401 | 403; message: string };

/** The signed-in user if their role is one of `roles`; otherwise why not, as a person would read it. */
export async function authorize(roles: readonly Role[]): Promise<Authorization> {
  const user = await currentUser();
  if (!user) return { ok: false, status: 401, message: "Please sign in to do this." };
  if (!roles.includes(user.role)) {
    return { ok: false, status: 403, message: "Your account does not have permission to do this." };
  }
  return { ok: true, user };
}

export const ANY_ROLE: readonly Role[] = ["contributor", "reviewer", "admin"];
export const REVIEWERS: readonly Role[] = ["reviewer", "admin"];
export const ADMINS: readonly Role[] = ["admin"];

/**
 * The key a client's requests are counted under for per-address rate limits. X-Forwarded-For holds
 * the one address instrumentation.ts resolved from the socket (and the trusted proxies, if any),
 * never the client's own claim; see docs/decisions/0013.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return rateLimitKey(normalAddress(forwarded ?? undefined) ?? "unknown");
}
