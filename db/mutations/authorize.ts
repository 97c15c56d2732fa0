import { eq } from "drizzle-orm";
import { users } from "../schema";
import type { DbLike } from "../connection";
import type { Role } from "@/lib/domain/vocabulary";

// Callers check the session's role before they call a mutation; the mutation reads it again in
// the transaction that writes, so a demotion that has just happened is respected.

function roleOf(tx: DbLike, userId: string): Role | null {
  return tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role ?? null;
}

/** The person's role if they may review (decide, publish directly, link), else null. */
export function reviewerRole(tx: DbLike, userId: string): "reviewer" | "admin" | null {
  const role = roleOf(tx, userId);
  return role === "reviewer" || role === "admin" ? role : null;
}

/** True when the person is an admin (who may queue failed mail again, or change roles). */
export function adminRole(tx: DbLike, userId: string): boolean {
  return roleOf(tx, userId) === "admin";
}
