import { sql } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures } from "../schema";
import { IMMEDIATE } from "../transaction";
import { publishedSourceIds } from "../queries/source-archives";

/**
 * Queues a capture, due now, of every published source that has no archived copy and none
 * waiting or being fetched (scripts/sources-archive.ts --missing). Returns how many.
 */
export function queueMissingCaptures(db: Db): number {
  return db.transaction((tx) => {
    let queued = 0;
    for (const id of publishedSourceIds(db)) {
      queued += tx.run(
        sql`insert into ${sourceCaptures} (source_id, cause)
            select ${id}, 'requested' where not exists (
              select 1 from ${sourceCaptures} where source_id = ${id} and state in ('queued', 'fetching', 'archived'))`,
      ).changes;
    }
    return queued;
  }, IMMEDIATE);
}
