import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { openDatabase, type Db } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import type { Role } from "@/lib/domain/vocabulary";
import { E2E_DATABASE } from "../../playwright.config";

// Each test makes its own people in the server's database file, with unique emails, so tests
// never depend on one another or on the order they run in.

export type TestUser = { id: string; name: string; email: string; password: string; role: Role };

let db: Db | undefined;
export function e2eDb(): Db {
  db ??= openDatabase(E2E_DATABASE, { migrate: false, seed: false });
  return db;
}

/** A person of `role` in the suite's database, or in `db` (a server of the test's own). */
export async function createUser(
  role: Role,
  name = `${role} ${crypto.randomInt(1e6)}`,
  db: Db = e2eDb(),
): Promise<TestUser> {
  const email = `${role}-${crypto.randomUUID()}@example.in`;
  const password = `test passphrase ${crypto.randomUUID()}`;
  const { id } = await createUserWithPassword(db, { name, email, password, role });
  return { id, name, email, password, role };
}

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await signInAt(page, "", user);
}

/** Signs in on a server of the test's own at `origin` ("" for the suite's server). */
export async function signInAt(page: Page, origin: string, user: TestUser): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: `Account (${user.name})` })).toBeVisible();
}
