import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { openDatabase } from "@/db/connection";
import {
  commitments,
  companies,
  facilities,
  partnerships,
  progressUpdates,
  revisions,
  sources,
  submissions,
  users,
} from "@/db/schema";

/** A refusal or failure with a message meant for the person at the terminal. */
export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * The tables a person reads or enters data into, in the order reports list them. All of them exist
 * from the first migration on, so every backup of this application has them, however old.
 */
export const MAIN_TABLES: readonly string[] = [
  companies,
  facilities,
  partnerships,
  commitments,
  progressUpdates,
  sources,
  users,
  submissions,
  revisions,
].map((table) => getTableName(table));

export const MIGRATIONS_TABLE = "__drizzle_migrations";

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const COMPANION_SUFFIXES = ["-wal", "-shm", "-journal"] as const;

export type TableCounts = Record<string, number>;

// ---------------------------------------------------------------------------------------------
// Small file helpers

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function exists(file: string): boolean {
  return fs.existsSync(file);
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

// A rename is only durable once the directory entry is on disk; some platforms cannot open a
// directory for fsync, and there the rename is as durable as the platform makes it anyway.
function fsyncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort, see above
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ["", ...COMPANION_SUFFIXES]) fs.rmSync(file + suffix, { force: true });
}

function temporaryName(finalPath: string, purpose: string): string {
  return `${finalPath}.${purpose}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Throws a BackupError unless `file` is an existing, non-empty regular file with the SQLite header. */
export function assertSqliteFile(file: string, role: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BackupError(`${role} ${file} does not exist.`);
  }
  if (!stat.isFile()) throw new BackupError(`${role} ${file} is not a regular file.`);
  if (stat.size === 0) throw new BackupError(`${role} ${file} is empty, not an SQLite database.`);
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new BackupError(`${role} ${file} is not an SQLite database.`);
}

function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

export function countTables(db: Database.Database, tables: readonly string[] = MAIN_TABLES): TableCounts {
  const counts: TableCounts = {};
  for (const table of tables) {
    const row = db.prepare(`select count(*) as n from "${table}"`).get() as { n: number };
    counts[table] = row.n;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Backup

export type BackupProgress = { pagesDone: number; pagesTotal: number };
export type BackupStage = "copy" | "integrity-check";

export type BackupOptions = {
  /** Replace an existing file at destPath. */
  force?: boolean;
  onProgress?: (progress: BackupProgress) => void;
  onStage?: (stage: BackupStage) => void;
  /** How often the copy's progress is sampled; the default suits a terminal. */
  progressIntervalMs?: number;
  /** Cancels the copy; the temporary file is removed and nothing reaches destPath. */
  signal?: AbortSignal;
};

export type BackupResult = {
  sourcePath: string;
  destPath: string;
  bytes: number;
  pages: number;
  copyMs: number;
  checkMs: number;
  elapsedMs: number;
};

// The copy runs in a child process so that this process stays free to report progress (VACUUM INTO
// is one synchronous statement) and so that a cancelled backup can be stopped at once: a worker
// thread cannot be terminated while it is inside a native call. Plain JavaScript, so it runs under
// node, tsx and vitest alike; the paths arrive as arguments, never spliced into the code.
const COPY_CHILD_SOURCE = `
const [modulePath, source, dest] = process.argv.slice(1);
try {
  const Database = require(modulePath);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(dest);
  } finally {
    db.close();
  }
} catch (error) {
  process.stderr.write(String((error && error.message) || error));
  process.exitCode = 1;
}
`;

function betterSqlite3Path(): string {
  return createRequire(import.meta.url).resolve("better-sqlite3");
}

function copyInChildProcess(
  source: string,
  temp: string,
  onTick: () => void,
  intervalMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new BackupError("The backup was cancelled; no file was written."));
      return;
    }
    const child = spawn(process.execPath, ["-e", COPY_CHILD_SOURCE, betterSqlite3Path(), source, temp], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    const timer = setInterval(onTick, intervalMs);
    const onAbort = () => child.kill("SIGTERM");
    signal?.addEventListener("abort", onAbort, { once: true });
    const finish = (error?: Error) => {
      clearInterval(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    child.on("error", (error) => finish(error));
    child.on("close", (code, killedBy) => {
      if (signal?.aborted) finish(new BackupError("The backup was cancelled; no file was written."));
      else if (code === 0) finish();
      else finish(new BackupError(`Copying failed: ${stderr.trim() || `exit ${code ?? killedBy}`}`));
    });
  });
}

/**
 * Copies the live database at sourcePath to destPath as one self-contained file, safely while the
 * application is reading and writing it.
 *
 * Why VACUUM INTO rather than the online backup API (db.backup): the backup API copies a batch of
 * pages per step and restarts from the first page whenever another connection writes between steps.
 * Measured here on a 500 MB database with a writer committing every 10 ms, it restarted 2,449 times
 * in 30 s and never finished. VACUUM INTO reads the whole database inside one read transaction: in
 * WAL mode that is a consistent snapshot, and writers carry on unblocked while it runs. It also
 * leaves free pages behind and writes a rollback-journal file with no -wal companion, which is what
 * a backup should be. Its cost is rebuilding every index (about twice the backup API's time) and
 * giving no progress of its own, so progress is read from the growing size of the output file.
 *
 * The copy is written to a temporary name beside destPath, flushed to disk, checked with
 * PRAGMA integrity_check, and only then given its final name, so a half-written or damaged copy
 * never carries the name of a backup.
 */
export async function backupDatabase(
  sourcePath: string,
  destPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const { force = false, onProgress, onStage, progressIntervalMs = 1000, signal } = options;

  assertSqliteFile(sourcePath, "The database");
  if (sameFile(sourcePath, destPath)) {
    throw new BackupError(`The backup file ${destPath} is the database itself.`);
  }
  if (exists(destPath)) {
    if (!fs.statSync(destPath).isFile())
      throw new BackupError(`${destPath} exists and is not a regular file.`);
    if (!force) throw new BackupError(`${destPath} already exists; pass --force to replace it.`);
  }
  // A -wal or -journal left beside the destination would be read as part of whatever file next
  // carries that name, and replay old pages into the new backup.
  const companion = COMPANION_SUFFIXES.map((s) => destPath + s).find(exists);
  if (companion) {
    throw new BackupError(
      `${companion} exists, so ${destPath} looks like a database in use; choose another name.`,
    );
  }

  let pageSize: number;
  let pagesTotal: number;
  try {
    const db = new Database(sourcePath, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      pageSize = db.pragma("page_size", { simple: true }) as number;
      pagesTotal =
        (db.pragma("page_count", { simple: true }) as number) -
        (db.pragma("freelist_count", { simple: true }) as number);
    } finally {
      db.close();
    }
  } catch (error) {
    throw new BackupError(`The database ${sourcePath} cannot be read: ${messageOf(error)}`);
  }

  fs.mkdirSync(path.dirname(path.resolve(destPath)), { recursive: true });
  const temp = temporaryName(destPath, "partial");
  const report = (pagesDone: number) =>
    onProgress?.({ pagesDone: Math.min(pagesDone, pagesTotal), pagesTotal });
  const onAbort = () => removeWithCompanions(temp);
  signal?.addEventListener("abort", onAbort, { once: true });

  try {
    onStage?.("copy");
    const copyStarted = performance.now();
    await copyInChildProcess(
      sourcePath,
      temp,
      () => {
        try {
          report(Math.floor(fs.statSync(temp).size / pageSize));
        } catch {
          report(0); // not created yet
        }
      },
      progressIntervalMs,
      signal,
    );
    fsyncFile(temp);
    const copyMs = performance.now() - copyStarted;

    onStage?.("integrity-check");
    const checkStarted = performance.now();
    let pages: number;
    const copy = new Database(temp, { fileMustExist: true });
    try {
      const problems = integrityProblems(copy);
      if (problems.length > 0) {
        throw new BackupError(`The copy failed PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`);
      }
      pages = copy.pragma("page_count", { simple: true }) as number;
    } finally {
      copy.close();
    }
    const checkMs = performance.now() - checkStarted;
    if (signal?.aborted) throw new BackupError("The backup was cancelled; no file was written.");
    report(pagesTotal);

    placeFile(temp, destPath, force);
    fsyncDirectory(path.dirname(path.resolve(destPath)));
    return {
      sourcePath,
      destPath,
      bytes: fs.statSync(destPath).size,
      pages,
      copyMs,
      checkMs,
      elapsedMs: performance.now() - started,
    };
  } finally {
    signal?.removeEventListener("abort", onAbort);
    removeWithCompanions(temp);
  }
}

// Without --force, a hard link gives the file its final name only if that name is still free, with
// no window between checking and renaming; a file that appeared meanwhile is never replaced.
function placeFile(temp: string, destPath: string, force: boolean): void {
  if (force) {
    fs.renameSync(temp, destPath);
    return;
  }
  try {
    fs.linkSync(temp, destPath);
    fs.rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST")
      throw new BackupError(`${destPath} appeared while the backup ran; pass --force to replace it.`);
    // Some file systems have no hard links; check-then-rename is the best they allow.
    if (exists(destPath)) throw new BackupError(`${destPath} already exists; pass --force to replace it.`);
    fs.renameSync(temp, destPath);
  }
}

// ---------------------------------------------------------------------------------------------
// Verification

export type KnownMigration = { tag: string; createdAt: number; hash: string };

export type BackupVerification = {
  path: string;
  bytes: number;
  counts: TableCounts;
  /** Migrations recorded in the backup. */
  applied: number;
  /** Migrations of this version that the backup lacks; openDatabase applies them on restore. */
  pending: KnownMigration[];
  warnings: string[];
};

export function defaultMigrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

/** The migrations this version ships, as drizzle's migrator sees them (same timestamps, same hashes). */
export function knownMigrations(migrationsFolder: string = defaultMigrationsFolder()): KnownMigration[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder });
  return journal.entries.map((entry, i) => ({
    tag: entry.tag,
    createdAt: entry.when,
    hash: files[i]?.hash ?? "",
  }));
}

function isoFromMillis(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : String(ms);
}

/**
 * Checks that `backupPath` is something restoreDatabase may put in place of the live database: an
 * SQLite file that passes PRAGMA integrity_check, holds this application's tables, and records only
 * migrations this version knows. A backup made by a newer version is refused: drizzle's migrator
 * would see it as up to date, and this version's code would run against a schema it has never seen.
 * Throws a BackupError saying what is wrong; the file itself is never modified.
 */
export function verifyBackup(
  backupPath: string,
  migrationsFolder: string = defaultMigrationsFolder(),
): BackupVerification {
  assertSqliteFile(backupPath, "The backup");
  const wal = `${backupPath}-wal`;
  if (exists(wal) && fs.statSync(wal).size > 0) {
    throw new BackupError(
      `${wal} is not empty: ${backupPath} is a copy of a live database rather than a self-contained backup, ` +
        `and part of its data is in that file. Make backups with npm run db:backup.`,
    );
  }
  // A read-only connection to a WAL-format file creates -wal and -shm files it cannot remove on
  // close; they are removed here when this check made them, so verifying leaves no trace.
  const hadCompanions = new Set(["-wal", "-shm"].filter((s) => exists(backupPath + s)));

  const warnings: string[] = [];
  let db: Database.Database;
  try {
    db = new Database(backupPath, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(
      `The backup ${backupPath} cannot be opened as an SQLite database: ${messageOf(error)}`,
    );
  }
  try {
    let problems: string[];
    try {
      problems = integrityProblems(db);
    } catch (error) {
      throw new BackupError(
        `The backup ${backupPath} cannot be read as an SQLite database: ${messageOf(error)}`,
      );
    }
    if (problems.length > 0) {
      throw new BackupError(
        `The backup ${backupPath} failed PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`,
      );
    }

    const tables = new Set(
      (db.prepare("select name from sqlite_schema where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const missing = MAIN_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      throw new BackupError(
        `The backup ${backupPath} is not a database of this application: it has no ${missing.join(", ")} table(s).`,
      );
    }
    if (!tables.has(MIGRATIONS_TABLE)) {
      throw new BackupError(
        `The backup ${backupPath} has no ${MIGRATIONS_TABLE} table, so which version made it is unknown.`,
      );
    }

    const known = knownMigrations(migrationsFolder);
    const knownByTime = new Map(known.map((m) => [m.createdAt, m]));
    const latestKnown = Math.max(...known.map((m) => m.createdAt));
    const recorded = (
      db
        .prepare(`select hash, created_at as createdAt from "${MIGRATIONS_TABLE}" order by created_at`)
        .all() as {
        hash: string;
        createdAt: number | string | null;
      }[]
    ).map((r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }));

    // drizzle's migrator identifies a migration by its timestamp alone, so that is the test here too.
    const unknown = recorded.filter((r) => !knownByTime.has(r.createdAt));
    if (unknown.length > 0) {
      const newer = unknown.filter((r) => r.createdAt > latestKnown);
      const list = unknown.map((r) => `${isoFromMillis(r.createdAt)} (${r.hash.slice(0, 12)})`).join(", ");
      throw new BackupError(
        newer.length > 0
          ? `The backup ${backupPath} was made by a newer version of the tracker: it records ${unknown.length} ` +
              `migration(s) this version does not have: ${list}. Restore it with that version or a later one.`
          : `The backup ${backupPath} records ${unknown.length} migration(s) this version does not have: ${list}. ` +
              `It was made by a different build of the tracker; restore it with that build.`,
      );
    }
    for (const r of recorded) {
      const m = knownByTime.get(r.createdAt);
      if (m && m.hash !== r.hash) {
        warnings.push(
          `Migration ${m.tag} was applied from a different text of the file (hash ${r.hash.slice(0, 12)}).`,
        );
      }
    }
    const latestRecorded = recorded.length > 0 ? Math.max(...recorded.map((r) => r.createdAt)) : -Infinity;
    const appliedTimes = new Set(recorded.map((r) => r.createdAt));
    const pending = known.filter((m) => !appliedTimes.has(m.createdAt));
    for (const m of pending.filter((p) => p.createdAt < latestRecorded)) {
      warnings.push(
        `Migration ${m.tag} is older than the backup's latest migration, so drizzle will not apply it.`,
      );
    }

    return {
      path: backupPath,
      bytes: fs.statSync(backupPath).size,
      counts: countTables(db),
      applied: recorded.length,
      pending,
      warnings,
    };
  } finally {
    db.close();
    for (const suffix of ["-wal", "-shm"]) {
      const file = backupPath + suffix;
      if (!hadCompanions.has(suffix) && exists(file) && (suffix === "-shm" || fs.statSync(file).size === 0)) {
        fs.rmSync(file, { force: true });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export type RestoreStage = "verify" | "copy" | "migrate" | "replace";

export type RestoreOptions = {
  /** Restore even when the live database is open in another process, or is not an SQLite file. */
  force?: boolean;
  onStage?: (stage: RestoreStage) => void;
  /** The moment named in the set-aside files' names. */
  now?: Date;
};

export type RestoreResult = {
  verification: BackupVerification;
  /** Where the previous database and its -wal/-shm files now are. */
  setAside: { from: string; to: string }[];
  /** Migrations applied to the restored copy to bring it up to this version. */
  migrated: number;
  counts: TableCounts;
  elapsedMs: number;
};

type TargetState = { inUse: boolean; isSqlite: boolean };

// An idle connection in WAL mode holds a shared lock for as long as it is open, so asking for an
// exclusive one without waiting finds an app server that is merely running, not only one that is
// writing. Holding it, the connection also folds the -wal back into the file, so that what is set
// aside is one self-contained database.
function inspectTarget(targetPath: string): TargetState {
  try {
    assertSqliteFile(targetPath, "The database");
  } catch {
    return { inUse: false, isSqlite: false };
  }
  let db: Database.Database;
  try {
    db = new Database(targetPath, { fileMustExist: true });
  } catch {
    return { inUse: false, isSqlite: false };
  }
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    if (db.pragma("journal_mode", { simple: true }) === "wal") db.pragma("wal_checkpoint(TRUNCATE)");
    return { inUse: false, isSqlite: true };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
      return { inUse: true, isSqlite: true };
    if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT"))
      return { inUse: false, isSqlite: false };
    throw new BackupError(`${targetPath} cannot be inspected: ${messageOf(error)}`);
  } finally {
    db.close();
  }
}

function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

function asideName(targetPath: string, now: Date): string {
  const base = `${targetPath}.before-restore-${compactTimestamp(now)}`;
  let candidate = base;
  for (let n = 2; ["", ...COMPANION_SUFFIXES].some((s) => exists(candidate + s)); n++)
    candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Replaces the database at targetPath with the backup at backupPath, never leaving targetPath
 * half-written and never deleting the database it replaces.
 *
 * 1. The backup is verified (verifyBackup) and copied to a temporary file beside targetPath.
 * 2. The copy is migrated there, so that a migration that fails on old data leaves the live
 *    database untouched.
 * 3. The current database is set aside under `<name>.before-restore-<timestamp>`: its -wal, -shm
 *    (and a rollback -journal, were there one) first, the main file last. A -wal left beside a
 *    different main file would be replayed into it, so that arrangement must never exist, even
 *    after a crash between two renames.
 * 4. The copy is renamed into place and opened with openDatabase, which applies any migration
 *    still missing, and its tables are counted.
 *
 * The app server must be stopped: it keeps its open file handles on the set-aside file and would go
 * on writing there. A server that is running is detected and refused unless `force` is given.
 */
export function restoreDatabase(
  backupPath: string,
  targetPath: string,
  options: RestoreOptions = {},
): RestoreResult {
  const started = performance.now();
  const { force = false, now = new Date(), onStage } = options;
  if (targetPath.trim() === "" || targetPath === ":memory:") {
    throw new BackupError(`DATABASE_URL must name a database file, not "${targetPath}".`);
  }
  // openDatabase migrates from ./drizzle, so the backup is judged against the same folder.
  const migrationsFolder = defaultMigrationsFolder();

  if (sameFile(backupPath, targetPath))
    throw new BackupError(`The backup ${backupPath} is the database itself.`);
  onStage?.("verify");
  const verification = verifyBackup(backupPath, migrationsFolder);

  const checkTarget = () => {
    if (!exists(targetPath)) return;
    const state = inspectTarget(targetPath);
    if (state.inUse && !force) {
      const wal = `${targetPath}-wal`;
      const walBytes = exists(wal) ? fs.statSync(wal).size : 0;
      throw new BackupError(
        `${targetPath} is open in another process (the app server?)` +
          (walBytes > 0
            ? `, and its -wal holds ${walBytes.toLocaleString("en-US")} bytes not yet in the main file`
            : "") +
          `. Stop the server and try again, or pass --force if you are sure nothing is using it.`,
      );
    }
    if (!state.isSqlite && !force) {
      throw new BackupError(
        `${targetPath} exists but is not an SQLite database; check DATABASE_URL, or pass --force to set it aside and restore anyway.`,
      );
    }
  };
  checkTarget();

  fs.mkdirSync(path.dirname(path.resolve(targetPath)), { recursive: true });
  const temp = temporaryName(targetPath, "restoring");
  try {
    onStage?.("copy");
    fs.copyFileSync(backupPath, temp, fs.constants.COPYFILE_EXCL);
    const migrationCount = (file: string) => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare(`select count(*) as n from "${MIGRATIONS_TABLE}"`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    onStage?.("migrate");
    const before = migrationCount(temp);
    // Seed facts are not added here: the restore reproduces the backup, and the app adds any missing
    // seed facts itself on its next start, as it does on every start.
    try {
      const migrated = openDatabase(temp, { seed: false });
      migrated.$client.pragma("wal_checkpoint(TRUNCATE)");
      migrated.$client.close();
    } catch (error) {
      throw new BackupError(
        `Bringing the backup up to this version's migrations failed, and the database was not touched: ${messageOf(error)}`,
      );
    }
    if (exists(`${temp}-wal`) && fs.statSync(`${temp}-wal`).size > 0) {
      throw new BackupError(`The migrated copy ${temp} kept a non-empty -wal; nothing was changed.`);
    }
    const migratedCount = migrationCount(temp) - before;
    fs.rmSync(`${temp}-wal`, { force: true });
    fs.rmSync(`${temp}-shm`, { force: true });
    fsyncFile(temp);

    // Checked again: the copy and migration take time, and a server may have started meanwhile.
    onStage?.("replace");
    checkTarget();
    // Stray companions are set aside even without their main file: a -wal or -journal left behind
    // would be replayed into the restored one.
    const setAside: { from: string; to: string }[] = [];
    const present = [...COMPANION_SUFFIXES, ""].filter((suffix) => exists(targetPath + suffix));
    if (present.length > 0) {
      const aside = asideName(targetPath, now);
      for (const suffix of present) {
        fs.renameSync(targetPath + suffix, aside + suffix);
        setAside.push({ from: targetPath + suffix, to: aside + suffix });
      }
    }
    try {
      fs.renameSync(temp, targetPath);
    } catch (error) {
      for (const { from, to } of [...setAside].reverse()) fs.renameSync(to, from);
      throw error;
    }
    fsyncDirectory(path.dirname(path.resolve(targetPath)));

    const db = openDatabase(targetPath, { seed: false });
    try {
      return {
        verification,
        setAside,
        migrated: migratedCount,
        counts: countTables(db.$client),
        elapsedMs: performance.now() - started,
      };
    } finally {
      db.$client.close();
    }
  } finally {
    removeWithCompanions(temp);
  }
}
