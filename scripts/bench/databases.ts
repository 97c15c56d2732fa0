import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BENCH_DATA, CHECKOUT_TAG, EXPLORER_FILTERS, ROOT, TODAY } from "./config";
import { run } from "./processes";

// One synthetic database per scale, made by the project's own loader and kept between runs: it is
// reused when it was made for the same number of commitments from the same migrations and the
// same generator (a hash of drizzle/*.sql and scripts/synthetic/generate.ts). Each run works on a
// copy, so the submissions and accounts a run adds never reach the next run's data.

type Meta = { commitments: number; key: string; createdAt: string; seconds: number };

function sourceKey(): string {
  const hash = crypto.createHash("sha256");
  const dir = path.join(ROOT, "drizzle");
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash
      .update(name)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, name)))
      .update("\0");
  }
  hash.update(fs.readFileSync(path.join(ROOT, "scripts/synthetic/generate.ts")));
  return hash.digest("hex").slice(0, 16);
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

function readMeta(file: string): Meta | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Meta;
  } catch {
    return null;
  }
}

export type CachedDatabase = { file: string; reused: boolean; seconds: number };

/** The synthetic database for `commitments`, made now unless a matching one exists. */
export async function syntheticDatabase(commitments: number): Promise<CachedDatabase> {
  fs.mkdirSync(BENCH_DATA, { recursive: true });
  const file = path.join(BENCH_DATA, `synthetic-${commitments}.db`);
  const metaFile = `${file}.json`;
  const key = sourceKey();
  const meta = readMeta(metaFile);
  if (meta && meta.key === key && meta.commitments === commitments && fs.existsSync(file)) {
    return { file, reused: true, seconds: meta.seconds };
  }
  removeDatabase(file);
  fs.rmSync(metaFile, { force: true });
  console.log(`Making the synthetic database with ${commitments.toLocaleString("en-US")} commitments`);
  const started = performance.now();
  await run("npm", ["run", "-s", "db:seed:synthetic", "--", "--commitments", String(commitments)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file, TRACKER_TODAY: TODAY, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const seconds = (performance.now() - started) / 1000;
  const written: Meta = { commitments, key, createdAt: new Date().toISOString(), seconds };
  fs.writeFileSync(metaFile, `${JSON.stringify(written, null, 2)}\n`);
  return { file, reused: false, seconds };
}

/** A fresh copy of a cached database for one run (`purpose` tells the soak's copy from the benchmark's). */
export function workingCopy(cached: string, commitments: number, purpose = "run"): string {
  const file = path.join(BENCH_DATA, `${purpose}-${commitments}-${CHECKOUT_TAG}.db`);
  removeDatabase(file);
  fs.copyFileSync(cached, file);
  return file;
}

export type Samples = {
  /** A current commitment with recorded progress, so its page draws the chart. */
  commitmentId: number;
  /** A synthetic company, for the submitted forms. */
  companySlug: string;
  /** The company of `commitmentId`, whose page is loaded. */
  commitmentCompanySlug: string;
  /** How many commitments that company has. */
  companyCommitments: number;
  /** How many commitments the explorer view has. */
  explorerMatches: number;
  sizeBytes: number;
};

/** Values that exist in this database, chosen by rule so that every run picks the same ones. */
export function samples(file: string, commitments: number): Samples {
  const db = new Database(file, { readonly: true });
  try {
    const id = db
      .prepare<[number], { id: number }>(
        `select s.commitment_id as id from commitment_status s
         where s.is_current = 1 and s.status in ('behind', 'on_track') and s.commitment_id >= ?
           and (select count(*) from progress_updates p where p.commitment_id = s.commitment_id) >= 5
         order by s.commitment_id limit 1`,
      )
      .get(Math.floor(commitments / 2));
    const company = db
      .prepare<[], { slug: string }>(`select slug from companies where synthetic = 1 order by id limit 1`)
      .get();
    if (!id || !company) throw new Error(`${file} has no suitable commitment or company`);
    const owner = db
      .prepare<[number], { slug: string; n: number }>(
        `select co.slug as slug, (select count(*) from commitments x where x.company_id = co.id) as n
         from commitments c join companies co on co.id = c.company_id where c.id = ?`,
      )
      .get(id.id);
    if (!owner) throw new Error(`${file}: commitment ${id.id} has no company`);
    const matches = db
      .prepare<[string, string, string], { n: number }>(
        `select count(*) as n from commitment_status s
         where s.is_current = 1 and s.status = ?
           and s.commitment_id in (select commitment_id from commitment_states where state_code = ?)
           and s.commitment_id in (select rowid from commitment_search where commitment_search match ?)`,
      )
      .get(EXPLORER_FILTERS.status, EXPLORER_FILTERS.state, `"${EXPLORER_FILTERS.q}"*`);
    return {
      commitmentId: id.id,
      companySlug: company.slug,
      commitmentCompanySlug: owner.slug,
      companyCommitments: owner.n,
      explorerMatches: matches?.n ?? 0,
      sizeBytes: fs.statSync(file).size,
    };
  } finally {
    db.close();
  }
}
