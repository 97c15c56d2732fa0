import { DEFAULT_DATABASE_PATH, databasePath } from "@/db/connection";
import { BackupError, backupDatabase } from "@/scripts/backup/backup";
import { UsageError, formatBytes, formatSeconds, grouped, parseFileArgs } from "@/scripts/backup/cli";

const USAGE = `Usage: npm run db:backup -- <file> [--force]

Copies the database at DATABASE_URL (default ${DEFAULT_DATABASE_PATH}) to <file>, safely while the app
is running. The copy is checked with PRAGMA integrity_check before it is given its name.

Options:
  --force   replace <file> if it already exists
  --help    show this text`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseFileArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  const source = databasePath();
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  process.once("SIGTERM", cancel);

  console.log(`Backing up ${source} to ${args.file}`);
  const started = performance.now();
  let lastShown = -1;
  try {
    const result = await backupDatabase(source, args.file, {
      force: args.force,
      signal: controller.signal,
      onStage: (stage) => {
        if (stage === "integrity-check") console.log("  checking the copy (PRAGMA integrity_check)");
      },
      onProgress: ({ pagesDone, pagesTotal }) => {
        // Sampled every second, so only a copy that takes longer than that reports at all.
        if (pagesDone === lastShown || pagesDone >= pagesTotal) return;
        lastShown = pagesDone;
        const percent = pagesTotal > 0 ? Math.floor((pagesDone / pagesTotal) * 100) : 100;
        const seconds = formatSeconds(performance.now() - started);
        console.log(`  ${grouped(pagesDone)} / ${grouped(pagesTotal)} pages (${percent}%)  ${seconds}`);
      },
    });
    console.log(
      `Backed up ${source} to ${result.destPath}: ${formatBytes(result.bytes)} (${grouped(result.pages)} pages) ` +
        `in ${formatSeconds(result.elapsedMs)} (copy ${formatSeconds(result.copyMs)}, integrity check ${formatSeconds(result.checkMs)})`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`Backup failed: ${error.message}`);
    return controller.signal.aborted ? 130 : 1;
  } finally {
    process.off("SIGINT", cancel);
    process.off("SIGTERM", cancel);
  }
}

// No top-level await: tsx runs these scripts as CommonJS, which does not allow it.
void main().then((code) => {
  process.exitCode = code;
});
