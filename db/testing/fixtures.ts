import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import type { Db } from "../connection";
import { submissionEvents, submissions, users } from "../schema";
import type { Role } from "@/lib/domain/vocabulary";
import { tempDatabase } from "@/lib/testing/temp-db";

// What tests of the database need over and over: people, a database per test, and (from
// ./records, shared with the e2e suite) proposals and published records made through the mutations.

export * from "./records";

/**
 * A person with a role and a confirmed address, without a password: for tests that call the
 * mutations directly. `emailVerified: false` makes one who has signed up but not yet confirmed.
 */
export function addUser(
  db: Db,
  role: Role,
  name = `${role} ${crypto.randomInt(1e6)}`,
  { emailVerified = true }: { emailVerified?: boolean } = {},
): string {
  const id = crypto.randomUUID();
  db.insert(users)
    .values({ id, name, email: `${id}@example.in`, role, emailVerified })
    .run();
  return id;
}

export type People = { contributor: string; reviewer: string; admin: string };

/** One person of each role, with the names the tests read back. */
export function addPeople(db: Db): People {
  return {
    contributor: addUser(db, "contributor", "Asha Contributor"),
    reviewer: addUser(db, "reviewer", "Ravi Reviewer"),
    admin: addUser(db, "admin", "Meera Admin"),
  };
}

/**
 * Gives each test of the file its own seeded database in a temporary file, and one person of
 * each role, handed to `each` before every test; removed after it.
 */
export function seededDatabasePerTest(each: (world: { db: Db } & People) => void): void {
  let cleanup = () => {};
  beforeEach(() => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    each({ db: t.db, ...addPeople(t.db) });
  });
  afterEach(() => cleanup());
}

export function submissionRow(db: Db, id: number) {
  const row = db.select().from(submissions).where(eq(submissions.id, id)).get();
  if (!row) throw new Error(`No submission ${id}`);
  return row;
}

/** A submission's history, oldest first. */
export function eventsOf(db: Db, id: number) {
  return db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, id))
    .orderBy(submissionEvents.id)
    .all();
}

export function countRows(db: Db, table: string): number {
  return db.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`).n;
}
