import { realFetchers } from "@/archive/wiring";
import { checkSources } from "@/archive/link-check";
import { databasePath, openDatabase } from "@/db/connection";

// `npm run sources:check`: checks every published source's link now, whenever it was last
// checked, records ok / changed / unreachable, and exits. The server does the same once a day
// per source (TRACKER_LINK_CHECK_INTERVAL_SECONDS); the reviewers' queue (/review/sources)
// shows what this found.

async function main(): Promise<void> {
  const db = openDatabase(databasePath(), { seed: false });
  try {
    const summary = await checkSources({ db, check: realFetchers().check, minAgeMs: 0 });
    if (summary.busy) {
      console.log("Not checked: a server on this database is checking links now. Try again when it is done.");
      return;
    }
    console.log(
      `Checked: ${summary.ok} ok, ${summary.changed} changed, ${summary.unreachable} unreachable, ${summary.skipped} skipped`,
    );
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
