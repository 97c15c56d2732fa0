import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { commitments } from "../schema";

export type SupersessionLink = { id: number; title: string };

/** What a commitment's page links to: the commitment that restates it, and those it restates. */
export function supersessionLinks(
  db: Db,
  id: number,
): { supersededBy: SupersessionLink | null; restates: SupersessionLink[] } {
  const link = { id: commitments.id, title: commitments.title };
  const row = db
    .select({ supersededById: commitments.supersededById })
    .from(commitments)
    .where(eq(commitments.id, id))
    .get();
  const supersededBy =
    row?.supersededById != null
      ? (db.select(link).from(commitments).where(eq(commitments.id, row.supersededById)).get() ?? null)
      : null;
  const restates = db
    .select(link)
    .from(commitments)
    .where(eq(commitments.supersededById, id))
    .orderBy(commitments.id)
    .all();
  return { supersededBy, restates };
}
