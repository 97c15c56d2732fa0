import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { Db } from "./connection";
import { ensureStatusesFresh } from "./queries/status-summary";
import { commitments, companies, progressUpdates, sessions, sources, users } from "./schema";
import { tempDatabase } from "@/lib/testing/temp-db";

// publication_version keys every cached public response (docs/decisions/0017): it must move with
// each change a reader could see, whoever writes it, and stay put for everything else.

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
});
afterEach(() => cleanup());

const version = () => db.get<{ version: number }>(sql`select version from publication_version`).version;

function moves(change: () => void): boolean {
  const before = version();
  change();
  return version() > before;
}

const xiaomi = () => db.select().from(companies).where(eq(companies.slug, "xiaomi")).get()!;

test("each kind of published change moves it", () => {
  const company = xiaomi();
  const commitment = db.select().from(commitments).where(eq(commitments.companyId, company.id)).get()!;
  expect(
    moves(() =>
      db.update(companies).set({ description: "Edited" }).where(eq(companies.id, company.id)).run(),
    ),
  ).toBe(true);
  expect(
    moves(() =>
      db
        .update(commitments)
        .set({ withdrawnOn: "2026-11-20", withdrawnReason: "Restated" })
        .where(eq(commitments.id, commitment.id))
        .run(),
    ),
  ).toBe(true);
  expect(
    moves(() =>
      db.insert(progressUpdates).values({ commitmentId: commitment.id, asOf: "2026-06-30", value: 10 }).run(),
    ),
  ).toBe(true);
  expect(
    moves(() =>
      db
        .insert(sources)
        .values({
          url: "https://example.in/a",
          title: "A",
          publisher: "P",
          kind: "news",
          accessedOn: "2026-11-25",
        })
        .run(),
    ),
  ).toBe(true);
});

test("a role change moves it; signing in does not", () => {
  const id = crypto.randomUUID();
  db.insert(users)
    .values({ id, name: "R", email: `${id}@example.in`, role: "contributor" })
    .run();
  expect(moves(() => db.update(users).set({ role: "reviewer" }).where(eq(users.id, id)).run())).toBe(true);
  expect(
    moves(() =>
      db
        .insert(sessions)
        .values({
          id: crypto.randomUUID(),
          userId: id,
          token: crypto.randomUUID(),
          expiresAt: new Date(Date.now() + 3600_000),
          createdAt: new Date(),
          updatedAt: new Date(),
        })
        .run(),
    ),
  ).toBe(false);
  expect(moves(() => db.update(users).set({ emailVerified: true }).where(eq(users.id, id)).run())).toBe(
    false,
  );
});

test("reading, and recomputing statuses for a new day, leave it alone", () => {
  expect(moves(() => ensureStatusesFresh(db, "2030-01-01"))).toBe(false);
  expect(moves(() => db.select().from(commitments).all())).toBe(false);
});

test("a change rolled back leaves it where it was", () => {
  const company = xiaomi();
  const before = version();
  expect(() =>
    db.transaction((tx) => {
      tx.update(companies).set({ description: "Never" }).where(eq(companies.id, company.id)).run();
      throw new Error("rolled back");
    }),
  ).toThrow("rolled back");
  expect(version()).toBe(before);
});
