import { sql } from "drizzle-orm";
import type { DbLike } from "../connection";
import { SOURCE_LINK_TABLES } from "../record-tables";
import { sourceCaptures } from "../schema";
import type { RecordType } from "@/lib/domain/vocabulary";

/**
 * Queues a first capture of every source of this record that has never had one (any state: a
 * source already archived, or queued by an earlier publication, is left alone). Runs inside the
 * publication's transaction (publishRevision calls it), so the queue holds a capture exactly
 * when the source is published; the fetch itself happens later in archive/worker.ts, and
 * approval never waits for it. Returns how many were queued.
 */
export function queueFirstCaptures(tx: DbLike, recordType: RecordType, recordId: number): number {
  const links = SOURCE_LINK_TABLES[recordType];
  return tx.run(
    sql`insert into ${sourceCaptures} (source_id, cause)
        select distinct l.source_id, 'published' from ${links} l
        where l.${sql.identifier(links.recordId.name)} = ${recordId}
          and not exists (select 1 from ${sourceCaptures} c where c.source_id = l.source_id)`,
  ).changes;
}
