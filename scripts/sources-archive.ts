import { parseArgs } from "node:util";
import { archiveSettings } from "@/archive/settings";
import { realFetchers } from "@/archive/wiring";
import { drainCaptures, fillTextHashes } from "@/archive/worker";
import { databasePath, openDatabase } from "@/db/connection";
import { queueMissingCaptures } from "@/db/mutations/queue-missing-captures";

// `npm run sources:archive`: fetches every capture that is due once and exits, with the server's
// settings (TRACKER_ARCHIVE_DIR, TRACKER_FETCH_ALLOW_LOOPBACK_PORTS). Safe beside a running
// server: both lease what they fetch. `--missing` first queues a capture, due now, for every
// published source without an archived copy or one waiting: for a machine that was offline
// when its sources were published and has given up retrying. `--text-hashes` fetches nothing:
// it gives the copies archived before text hashes were kept (docs/decisions/0032) theirs, from
// their WARC files, and exits; run it once after upgrading, or the link checker keeps comparing
// those copies byte for byte and flags nearly every news page as changed.

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      missing: { type: "boolean", default: false },
      "text-hashes": { type: "boolean", default: false },
    },
    strict: true,
  });
  const db = openDatabase(databasePath(), { seed: false });
  try {
    if (values["text-hashes"]) {
      const { filled, withoutText, unreadable } = await fillTextHashes({
        db,
        archiveDir: archiveSettings().archiveDir,
      });
      console.log(`Text hashes: ${filled} filled in, ${withoutText} without text, ${unreadable} unreadable`);
      return;
    }
    if (values.missing) console.log(`Queued ${queueMissingCaptures(db)} capture(s)`);
    const archived = await drainCaptures({ db, archive: realFetchers().archive });
    console.log(`Archived ${archived} source(s)`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
