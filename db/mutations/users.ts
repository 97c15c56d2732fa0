import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../connection";
import { accounts, users } from "../schema";
import { IMMEDIATE } from "../transaction";
import type { Role } from "@/lib/domain/vocabulary";

// Accounts created outside the sign-up form: the first admin (npm run user:create) and test
// fixtures. They are stored exactly as better-auth stores a credential account, so the person
// signs in through the ordinary form. Their address is taken as confirmed: whoever creates them
// (an operator at the server, a test) vouches for it, and no message could be followed anyway.

export type NewUser = { name: string; email: string; password: string; role: Role };

export async function createUserWithPassword(db: Db, u: NewUser): Promise<{ id: string }> {
  const email = u.email.trim().toLowerCase();
  const hash = await hashPassword(u.password);
  const id = crypto.randomUUID();
  db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new Error(`An account with the email ${email} already exists`);
    }
    tx.insert(users).values({ id, name: u.name, email, role: u.role, emailVerified: true }).run();
    tx.insert(accounts)
      .values({
        id: crypto.randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: hash,
      })
      .run();
  }, IMMEDIATE);
  return { id };
}

/** Changes a role. Returns false when there is no such user. */
export function setRole(db: Db, userId: string, role: Role): boolean {
  const result = db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).run();
  return result.changes > 0;
}
