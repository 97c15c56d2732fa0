import type Database from "better-sqlite3";
import type { Db } from "./connection";

// Results that depend only on the data and the date (the dashboard, the counts beside the
// explorer's filters) are kept per connection until either changes. SQLite tells both apart
// cheaply: PRAGMA data_version changes when another connection commits, and total_changes() when
// this one writes. A write to any table, or a rolled-back one, only costs a recomputation.

type Memo = { version: string; entries: Map<string, unknown> };
const memoByConnection = new WeakMap<Database.Database, Memo>();
/** Enough for the views people page through at once; each entry is a few kilobytes. */
const MEMO_ENTRIES = 200;

type VersionStatements = {
  dataVersion: Database.Statement<[], number>;
  totalChanges: Database.Statement<[], number>;
};
// Prepared once per connection; tests open many databases, so the cache is keyed by connection.
const statementsByConnection = new WeakMap<Database.Database, VersionStatements>();

/** A value that differs whenever any data in the file may have changed, by any connection. */
function dataVersion(sqlite: Database.Database): string {
  let s = statementsByConnection.get(sqlite);
  if (!s) {
    s = {
      dataVersion: sqlite.prepare<[], number>("pragma data_version").pluck(),
      totalChanges: sqlite.prepare<[], number>("select total_changes()").pluck(),
    };
    statementsByConnection.set(sqlite, s);
  }
  return `${s.dataVersion.get()}:${s.totalChanges.get()}`;
}

/**
 * `compute()`, or its earlier result for the same `key` when no data has changed since. The key
 * must name everything the result depends on besides the data (the date, the filters).
 * Call ensureStatusesFresh (db/queries/status-summary.ts) first: its own writes must come before
 * the version is read. The
 * result is shared with later calls, so it must be treated as read-only.
 */
export function memoizedForData<T>(db: Db, key: string, compute: () => T): T {
  const sqlite = db.$client;
  const version = dataVersion(sqlite);
  let memo = memoByConnection.get(sqlite);
  if (!memo || memo.version !== version) {
    memo = { version, entries: new Map() };
    memoByConnection.set(sqlite, memo);
  }
  if (memo.entries.has(key)) {
    const value = memo.entries.get(key) as T;
    // Most recently used last, so the oldest is dropped first.
    memo.entries.delete(key);
    memo.entries.set(key, value);
    return value;
  }
  const value = compute();
  memo.entries.set(key, value);
  if (memo.entries.size > MEMO_ENTRIES) memo.entries.delete(memo.entries.keys().next().value as string);
  return value;
}
