import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { generateSynthetic } from "@/scripts/synthetic/generate";
import {
  BackupError,
  MAIN_TABLES,
  MIGRATIONS_TABLE,
  backupDatabase,
  countTables,
  knownMigrations,
  restoreDatabase,
  verifyBackup,
  type BackupProgress,
} from "./backup";

// Real files in a private directory, because WAL mode, file locks between processes and renames are
// what is under test; the directory goes at the end, whatever the tests left in it.
let dir: string;
let live: string;
let liveDb: Db;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-test-"));
  live = path.join(dir, "live.db");
  liveDb = openDatabase(live);
  // Large enough (a few MB) that copying it takes long enough for the writer to commit meanwhile.
  generateSynthetic(liveDb, { commitments: 1500, seed: 7 });
}, 60_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  if (liveDb.$client.open) liveDb.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string): string {
  return path.join(dir, name);
}

function readOnly<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const ENTERED = "entered by a person";

function entered(db: Database.Database): number {
  return (
    db.prepare("select count(*) as n from progress_updates where note = ?").get(ENTERED) as { n: number }
  ).n;
}

function writerRows(db: Database.Database): number {
  return (
    db.prepare("select count(*) as n from progress_updates where note = 'writer'").get() as { n: number }
  ).n;
}

// A separate process, as the app server would be: it commits one progress update and its source
// link per transaction, with increasing dates, until its stdin closes. A snapshot taken halfway
// through a transaction would show an update without its link, or a link without its update.
const WRITER_SOURCE = `
const [modulePath, dbFile, sourceId] = process.argv.slice(1);
const Database = require(modulePath);
const db = new Database(dbFile);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.pragma("foreign_keys = ON");
const insertUpdate = db.prepare("insert into progress_updates (commitment_id, as_of, value, note) values (1, ?, ?, 'writer')");
const insertLink = db.prepare("insert into progress_update_sources (progress_update_id, source_id) values (?, ?)");
const write = db.transaction((i) => {
  const asOf = new Date(Date.UTC(2030, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  const id = insertUpdate.run(asOf, i).lastInsertRowid;
  insertLink.run(id, Number(sourceId));
});
let i = 0;
let stopping = false;
process.stdin.on("end", () => { stopping = true; });
process.stdin.resume();
(function loop() {
  if (stopping) { db.close(); process.stdout.write("done " + i + "\\n"); return; }
  write(i++);
  if (i === 1) process.stdout.write("ready\\n");
  setTimeout(loop, 1);
})();
`;

function startWriter(dbFile: string): {
  child: ChildProcess;
  ready: Promise<void>;
  stop: () => Promise<number>;
} {
  const sourceId = readOnly(
    dbFile,
    (db) => (db.prepare("select min(id) as id from sources").get() as { id: number }).id,
  );
  const modulePath = createRequire(import.meta.url).resolve("better-sqlite3");
  const child = spawn(process.execPath, ["-e", WRITER_SOURCE, modulePath, dbFile, String(sourceId)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`writer exited early (${code})`)));
  });
  const stop = () =>
    new Promise<number>((resolve) => {
      child.on("exit", () => resolve(Number(/done (\d+)/.exec(out)?.[1] ?? -1)));
      child.stdin!.end();
    });
  return { child, ready, stop };
}

// A process that writes one row and then sits idle with the database open, as a running app server
// does between requests; the row stays in the -wal until it closes.
function startIdleConnection(dbFile: string): Promise<ChildProcess> {
  const modulePath = createRequire(import.meta.url).resolve("better-sqlite3");
  const code = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.pragma("journal_mode = WAL");
db.prepare("insert into progress_updates (commitment_id, as_of, value, note) values (1, '2031-03-31', 7, ?)").run(process.argv[3]);
process.stdout.write("ready\\n");
process.stdin.on("end", () => { db.close(); process.exit(0); });
process.stdin.resume();`;
  const child = spawn(process.execPath, ["-e", code, modulePath, dbFile, ENTERED], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve) => child.stdout!.once("data", () => resolve(child)));
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.stdin!.end();
  });
}

function filesIn(directory: string): string[] {
  return fs.readdirSync(directory).sort();
}

describe("backupDatabase", () => {
  it("takes a consistent snapshot while another process keeps writing", async () => {
    const dest = file("snapshot.db");
    const writer = startWriter(live);
    await writer.ready;
    await new Promise((r) => setTimeout(r, 100));

    const progress: BackupProgress[] = [];
    const before = writerRows(liveDb.$client);
    const result = await backupDatabase(live, dest, {
      onProgress: (p) => progress.push(p),
      progressIntervalMs: 5,
    });
    const after = writerRows(liveDb.$client);
    const written = await writer.stop();

    expect(after).toBeGreaterThan(before); // the writer really was committing during the backup
    expect(written).toBeGreaterThanOrEqual(after);
    readOnly(dest, (db) => {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const inBackup = writerRows(db);
      expect(inBackup).toBeGreaterThanOrEqual(before);
      expect(inBackup).toBeLessThanOrEqual(after);
      const orphans = db
        .prepare(
          `select count(*) as n from progress_updates p where note = 'writer'
           and not exists (select 1 from progress_update_sources s where s.progress_update_id = p.id)`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
    });

    expect(result.bytes).toBe(fs.statSync(dest).size);
    expect(result.pages).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({
      pagesDone: progress.at(-1)!.pagesTotal,
      pagesTotal: expect.any(Number),
    });
    // No temporary file and no -wal or -shm are left beside the backup.
    expect(filesIn(dir).filter((f) => f.startsWith("snapshot"))).toEqual(["snapshot.db"]);
  }, 60_000);

  it("refuses a database that does not exist", async () => {
    await expect(backupDatabase(file("missing.db"), file("out1.db"))).rejects.toThrow(/does not exist/);
    expect(fs.existsSync(file("out1.db"))).toBe(false);
  });

  it("refuses a file that is not an SQLite database", async () => {
    fs.writeFileSync(file("notes.txt"), "id,name\n1,Xiaomi\n".repeat(100));
    fs.writeFileSync(file("empty.db"), "");
    await expect(backupDatabase(file("notes.txt"), file("out2.db"))).rejects.toThrow(
      /not an SQLite database/,
    );
    await expect(backupDatabase(file("empty.db"), file("out2.db"))).rejects.toThrow(
      /empty, not an SQLite database/,
    );
    expect(fs.existsSync(file("out2.db"))).toBe(false);
  });

  it("refuses to overwrite an existing file unless forced", async () => {
    const dest = file("existing.db");
    fs.writeFileSync(dest, "keep me");
    await expect(backupDatabase(live, dest)).rejects.toThrow(/already exists; pass --force/);
    expect(fs.readFileSync(dest, "utf8")).toBe("keep me");

    await backupDatabase(live, dest, { force: true });
    readOnly(dest, (db) => expect(db.pragma("integrity_check", { simple: true })).toBe("ok"));
  });

  it("refuses to write the backup over the database itself", async () => {
    await expect(backupDatabase(live, live, { force: true })).rejects.toThrow(/is the database itself/);
  });

  it("removes the temporary file when cancelled", async () => {
    const controller = new AbortController();
    let killedMidCopy = false;
    const promise = backupDatabase(live, file("cancelled.db"), {
      signal: controller.signal,
      progressIntervalMs: 1,
      onProgress: ({ pagesDone }) => {
        // Cancel once the copy is under way, so that the child process is stopped mid-write.
        if (pagesDone > 0 && !controller.signal.aborted) {
          killedMidCopy = fs.readdirSync(dir).some((f) => f.startsWith("cancelled.db.partial"));
          controller.abort();
        }
      },
    });
    await expect(promise).rejects.toThrow(/cancelled/);
    expect(killedMidCopy).toBe(true);
    expect(filesIn(dir).filter((f) => f.startsWith("cancelled"))).toEqual([]);
  });
});

describe("verifyBackup and restoreDatabase", () => {
  let backup: string;

  beforeAll(async () => {
    backup = file("for-restore.db");
    await backupDatabase(live, backup);
  }, 60_000);

  it("restores to a new path with the backup's counts", () => {
    const target = file("restored/tracker.db");
    const verification = verifyBackup(backup);
    expect(verification.pending).toEqual([]);
    expect(verification.applied).toBe(knownMigrations().length);

    const result = restoreDatabase(backup, target);
    expect(result.setAside).toEqual([]);
    expect(result.migrated).toBe(0);
    expect(result.counts).toEqual(verification.counts);
    expect(result.counts.commitments).toBeGreaterThan(1500);
    readOnly(target, (db) => {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(countTables(db)).toEqual(verification.counts);
    });
    expect(filesIn(path.dirname(target)).filter((f) => f.includes("restoring"))).toEqual([]);
  });

  it("keeps the previous database beside the restored one", () => {
    const target = file("replace/tracker.db");
    const previous = openDatabase(target);
    previous.$client
      .prepare(
        "insert into progress_updates (commitment_id, as_of, value, note) values (1, '2031-03-31', 7, ?)",
      )
      .run(ENTERED);
    previous.$client.close();

    const result = restoreDatabase(backup, target, { now: new Date("2026-11-25T10:15:00Z") });
    const aside = `${target}.before-restore-20261125T101500Z`;
    expect(result.setAside.at(-1)).toEqual({ from: target, to: aside });
    readOnly(aside, (db) => expect(entered(db)).toBe(1));
    readOnly(target, (db) => expect(entered(db)).toBe(0));
    expect(result.counts).toEqual(verifyBackup(backup).counts);

    // A second restore in the same second does not overwrite the first set-aside copy.
    const again = restoreDatabase(backup, target, { now: new Date("2026-11-25T10:15:00Z") });
    expect(again.setAside.at(-1)!.to).toBe(`${aside}-2`);
    readOnly(aside, (db) => expect(entered(db)).toBe(1));
  });

  it("refuses while another process has the database open; forced, it sets the -wal aside too", async () => {
    const target = file("busy/tracker.db");
    openDatabase(target).$client.close();
    const server = await startIdleConnection(target);
    try {
      expect(fs.statSync(`${target}-wal`).size).toBeGreaterThan(0);
      expect(() => restoreDatabase(backup, target)).toThrow(/open in another process .*-wal holds/);
      expect(filesIn(path.dirname(target)).some((f) => f.includes("before-restore"))).toBe(false);

      const forced = restoreDatabase(backup, target, { force: true, now: new Date("2026-11-25T11:00:00Z") });
      const aside = `${target}.before-restore-20261125T110000Z`;
      expect(forced.setAside).toEqual([
        { from: `${target}-wal`, to: `${aside}-wal` },
        { from: `${target}-shm`, to: `${aside}-shm` },
        { from: target, to: aside },
      ]);
      // The row exists only in the -wal, so it is readable only if the -wal still pairs with its file.
      readOnly(aside, (db) => expect(entered(db)).toBe(1));
      readOnly(target, (db) => expect(entered(db)).toBe(0));
    } finally {
      await stopChild(server);
    }
  });

  it("refuses a backup that is not an SQLite database, or is missing", () => {
    const target = file("untouched.db");
    expect(() => restoreDatabase(file("notes.txt"), target)).toThrow(/not an SQLite database/);
    expect(() => restoreDatabase(file("no-such-backup.db"), target)).toThrow(/does not exist/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("refuses a backup from a newer version, and leaves the live database alone", async () => {
    const newer = file("from-newer-version.db");
    await backupDatabase(live, newer);
    const future = Math.max(...knownMigrations().map((m) => m.createdAt)) + 86_400_000;
    const db = new Database(newer);
    db.prepare(`insert into "${MIGRATIONS_TABLE}" (hash, created_at) values ('f00d', ?)`).run(future);
    db.close();

    expect(() => verifyBackup(newer)).toThrow(BackupError);
    expect(() => verifyBackup(newer)).toThrow(/made by a newer version/);
    const target = file("keep/tracker.db");
    openDatabase(target).$client.close();
    const before = fs.statSync(target);
    expect(() => restoreDatabase(newer, target)).toThrow(/made by a newer version/);
    expect(fs.statSync(target).ino).toBe(before.ino);
    expect(filesIn(path.dirname(target))).toEqual(["tracker.db"]);
  });

  it("refuses a database of another application", () => {
    const other = file("other-app.db");
    const db = new Database(other);
    db.exec("create table notes (id integer primary key, body text)");
    db.close();
    expect(() => verifyBackup(other)).toThrow(/not a database of this application/);
  });

  it("upgrades a backup from an older version as it restores it", () => {
    // A database migrated only as far as the first migration, as an early version left it.
    const known = knownMigrations();
    const oldFolder = file("old-drizzle");
    fs.mkdirSync(path.join(oldFolder, "meta"), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join("drizzle", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    fs.writeFileSync(
      path.join(oldFolder, "meta", "_journal.json"),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
    );
    fs.copyFileSync(
      path.join("drizzle", `${known[0]!.tag}.sql`),
      path.join(oldFolder, `${known[0]!.tag}.sql`),
    );
    const old = file("old-version.db");
    const sqlite = new Database(old);
    migrate(drizzle(sqlite), { migrationsFolder: oldFolder });
    sqlite.close();

    expect(verifyBackup(old).pending.map((m) => m.tag)).toEqual(known.slice(1).map((m) => m.tag));
    const target = file("upgraded/tracker.db");
    const result = restoreDatabase(old, target);
    expect(result.migrated).toBe(known.length - 1);
    readOnly(target, (db) => {
      const n = (db.prepare(`select count(*) as n from "${MIGRATIONS_TABLE}"`).get() as { n: number }).n;
      expect(n).toBe(known.length);
    });
    expect(Object.keys(result.counts)).toEqual([...MAIN_TABLES]);
  });
});
