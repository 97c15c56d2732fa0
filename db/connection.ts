import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { RunResult } from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";
import { seedFacts } from "./seed";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A database handle or a transaction: anything that can read and write synchronously. */
export type DbLike = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export const DEFAULT_DATABASE_PATH = "data/tracker.db";

/** DATABASE_URL is a file path; a `file:` prefix, as other tools write it, is accepted too. */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_PATH;
  return raw.startsWith("file:") ? raw.slice("file:".length) : raw;
}

function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

export type OpenOptions = { migrate?: boolean; seed?: boolean };

/**
 * Opens (creating if needed) the SQLite file, applies the pragmas every connection needs, runs
 * pending migrations and inserts the seed facts that are missing. Every step is idempotent.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const { migrate: runMigrations = true, seed = true } = options;
  if (file !== ":memory:")
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  if (runMigrations) migrate(db, { migrationsFolder: migrationsFolder() });
  if (seed) seedFacts(db);
  return db;
}
