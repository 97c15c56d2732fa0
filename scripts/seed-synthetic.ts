import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_PATH, databasePath, openDatabase } from "@/db/connection";
import { ensureStatusesFresh } from "@/db/queries/status-summary";
import { today } from "@/lib/server/clock";
import {
  DEFAULT_BATCH_SIZE,
  MAX_SYNTHETIC_COMMITMENTS,
  countSyntheticRows,
  generateSynthetic,
  type SyntheticCounts,
} from "@/scripts/synthetic/generate";

// Fills a separate database with synthetic commitments for load tests. The real database must
// never receive synthetic rows by accident, so the target has to be named explicitly.

const USAGE = `Usage: DATABASE_URL=path/to/load-test.db npm run db:seed:synthetic -- --commitments N [options]

Fills the database at DATABASE_URL with N synthetic commitments (1 to ${MAX_SYNTHETIC_COMMITMENTS.toLocaleString("en-US")}),
with companies, facilities, partnerships, about ten progress updates each, and sources.

Options:
  --commitments N             how many commitments to generate (required)
  --seed S                    PRNG seed, a whole number from 0 to 4294967295 (default 1)
  --append                    add to a database that already holds synthetic rows
  --allow-default-database    permit writing to ${DEFAULT_DATABASE_PATH} (never needed for load tests)
  --help                      show this text`;

class UsageError extends Error {}
class RefusalError extends Error {}

type Args = { commitments: number; seed: number; append: boolean; allowDefault: boolean };

function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new UsageError(`--${name} is required`);
  // Digits only: "1e5", "10.0" and "-3" are mistakes worth reporting, not values to coerce.
  if (!/^[0-9]+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new UsageError(`--${name} must be from ${min} to ${max.toLocaleString("en-US")}, not ${raw}`);
  }
  return value;
}

function parse(argv: string[]): Args | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        commitments: { type: "string" },
        seed: { type: "string" },
        append: { type: "boolean", default: false },
        "allow-default-database": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  return {
    commitments: wholeNumber("commitments", values.commitments, 1, MAX_SYNTHETIC_COMMITMENTS),
    seed: values.seed === undefined ? 1 : wholeNumber("seed", values.seed, 0, 0xffffffff),
    append: values.append,
    allowDefault: values["allow-default-database"],
  };
}

/** True when both paths name the same file, including through symlinks or hard links. */
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

function targetFile(args: Args): string {
  const explicit = process.env.DATABASE_URL?.trim();
  if (!explicit && !args.allowDefault) {
    throw new RefusalError(
      `DATABASE_URL is not set, so the default database (${DEFAULT_DATABASE_PATH}) would be used. ` +
        `Set DATABASE_URL to a separate file, e.g. DATABASE_URL=/tmp/load-test.db, ` +
        `or pass --allow-default-database if you really mean the default database.`,
    );
  }
  const file = databasePath();
  if (file === ":memory:" || file === "") {
    throw new RefusalError(
      `DATABASE_URL must name a file; an in-memory database would be discarded on exit.`,
    );
  }
  // The default path is relative, so it names a different file from another working directory;
  // the project's own default file is refused too, wherever the command is run from.
  const defaults = [DEFAULT_DATABASE_PATH, path.resolve(import.meta.dirname, "..", DEFAULT_DATABASE_PATH)];
  if (defaults.some((d) => sameFile(file, d)) && !args.allowDefault) {
    throw new RefusalError(
      `DATABASE_URL (${file}) is the default database (${DEFAULT_DATABASE_PATH}). Synthetic data belongs in a ` +
        `separate file; pass --allow-default-database if you really mean it.`,
    );
  }
  return file;
}

function summary(file: string, counts: SyntheticCounts, seconds: number): string {
  const rows: [string, number][] = [
    ["companies", counts.companies],
    ["facilities", counts.facilities],
    ["partnerships", counts.partnerships],
    ["commitments", counts.commitments],
    ["  withdrawn", counts.withdrawnCommitments],
    ["  superseded", counts.supersededCommitments],
    ["commitment states", counts.commitmentStates],
    ["commitment categories", counts.commitmentCategories],
    ["progress updates", counts.progressUpdates],
    ["sources", counts.sources],
    ["source links", counts.sourceLinks],
  ];
  const lines = rows.map(([label, n]) => `  ${label.padEnd(22)} ${n.toLocaleString("en-US").padStart(12)}`);
  return [`Synthetic data written to ${file} in ${seconds.toFixed(1)} s:`, ...lines].join("\n");
}

function main(): number {
  let args: Args | "help";
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  let file: string;
  try {
    file = targetFile(args);
  } catch (error) {
    if (!(error instanceof RefusalError)) throw error;
    console.error(`Refusing to write synthetic data: ${error.message}`);
    return 1;
  }

  const started = performance.now();
  const db = openDatabase(file);
  try {
    const existing = countSyntheticRows(db);
    if (existing > 0 && !args.append) {
      console.error(
        `Refusing to write synthetic data: ${file} already holds ${existing.toLocaleString("en-US")} synthetic row(s). ` +
          `Delete the file to start afresh, or pass --append to add more.`,
      );
      return 1;
    }

    console.log(
      `Generating ${args.commitments.toLocaleString("en-US")} synthetic commitments (seed ${args.seed}) into ${file}`,
    );
    // Durability is pointless for a throwaway load-test file and costs an fsync per transaction;
    // the connection's normal setting is restored however the run ends.
    db.$client.pragma("synchronous = OFF");
    let nextReport = 10;
    let counts: SyntheticCounts;
    try {
      counts = generateSynthetic(db, {
        commitments: args.commitments,
        seed: args.seed,
        // Smaller batches for small runs only so that progress still appears in tenths.
        batchSize: Math.min(DEFAULT_BATCH_SIZE, Math.ceil(args.commitments / 10)),
        onProgress: (done, total) => {
          const percent = Math.floor((done / total) * 100);
          if (percent < nextReport && done < total) return;
          nextReport = Math.floor(percent / 10) * 10 + 10;
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `  ${String(percent).padStart(3)}%  ${done.toLocaleString("en-US")} commitments  ${seconds.toFixed(1)} s`,
          );
        },
      });
    } finally {
      db.$client.pragma("synchronous = NORMAL");
    }
    // Compute every status now, and give the planner its statistics, so the first web request on
    // this file does not pay seconds for them.
    const { recomputed } = ensureStatusesFresh(db, today());
    db.$client.pragma("optimize");
    console.log(`  statuses computed for ${recomputed.toLocaleString("en-US")} commitments`);
    // Fold the write-ahead log back into the file so the database is one self-contained file.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    console.log(summary(file, counts, (performance.now() - started) / 1000));
    return 0;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main();
