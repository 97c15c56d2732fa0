import { DEFAULT_DATABASE_PATH, databasePath } from "@/db/connection";
import { BackupError, restoreDatabase, type RestoreStage } from "@/scripts/backup/backup";
import { UsageError, countLines, formatSeconds, parseFileArgs } from "@/scripts/backup/cli";

const USAGE = `Usage: npm run db:restore -- <file> [--force]

Replaces the database at DATABASE_URL (default ${DEFAULT_DATABASE_PATH}) with the backup <file>.
Stop the app server first. The backup is verified first; the current database is kept beside it as
<name>.before-restore-<timestamp>, never deleted.

Options:
  --force   restore even if the database seems to be open in another process, or is not an
            SQLite file (a backup that fails verification is never restored)
  --help    show this text`;

const STAGES: Record<RestoreStage, string> = {
  verify: "verifying the backup (PRAGMA integrity_check, tables, migrations)",
  copy: "copying it beside the database",
  migrate: "applying this version's migrations to the copy",
  replace: "setting the current database aside and putting the copy in its place",
};

function main(): number {
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

  const target = databasePath();
  console.log(`Restoring ${args.file} to ${target}`);
  try {
    const result = restoreDatabase(args.file, target, {
      force: args.force,
      onStage: (stage) => console.log(`  ${STAGES[stage]}`),
    });
    for (const warning of result.verification.warnings) console.warn(`  warning: ${warning}`);
    for (const { from, to } of result.setAside) console.log(`  kept the previous ${from} as ${to}`);
    if (result.migrated > 0) console.log(`  applied ${result.migrated} newer migration(s)`);
    console.log(`Restored ${target} in ${formatSeconds(result.elapsedMs)}:`);
    for (const line of countLines(result.counts)) console.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`Restore refused: ${error.message}`);
    return 1;
  }
}

process.exitCode = main();
