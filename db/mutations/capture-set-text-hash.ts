import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../connection";
import { sourceCaptures } from "../schema";

/**
 * Fills in the text hash of an archived copy that has none (one archived before text hashes were
 * kept, docs/decisions/0032), computed from its WARC file. Never overwrites a hash: the one taken
 * when the copy was archived stands. No reader sees the column, so publication_version does not
 * move (drizzle/0015's triggers look at the state and the failure only). True if it was set.
 */
export function setCaptureTextHash(db: Db, id: number, textSha256: string): boolean {
  const result = db
    .update(sourceCaptures)
    .set({ textSha256: textSha256.toLowerCase() })
    .where(
      and(eq(sourceCaptures.id, id), eq(sourceCaptures.state, "archived"), isNull(sourceCaptures.textSha256)),
    )
    .run();
  return result.changes === 1;
}
