import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbLike } from "../connection";
import { commitments, companies, revisions, watches, watchVisits } from "../schema";
import { IMMEDIATE } from "../transaction";
import { fail, type MutationResult } from "./result";
import { seenAfterVisit } from "@/lib/domain/watching";
import type { WatchTarget } from "@/lib/views/watches";

// Watching and unwatching are a person's own settings, not proposals: they take effect at once.
// Both are idempotent (a second "watch" finds the active watch, a second "stop" finds none), and
// both act only on the rows of the person given, so nobody can end someone else's watch. An
// ended watch keeps its row, with when it ended.

const targetColumn = (target: WatchTarget) =>
  target.kind === "company" ? watches.companyId : watches.commitmentId;

function targetExists(tx: DbLike, target: WatchTarget): boolean {
  const table = target.kind === "company" ? companies : commitments;
  return tx.select({ id: table.id }).from(table).where(eq(table.id, target.id)).get() !== undefined;
}

function activeWatch(tx: DbLike, userId: string, target: WatchTarget) {
  return tx
    .select({ id: watches.id })
    .from(watches)
    .where(and(eq(watches.userId, userId), eq(targetColumn(target), target.id), isNull(watches.endedAt)))
    .get();
}

/** The newest revision so far (0 before any), the point where a watch's news begins. */
export function latestRevision(db: DbLike): number {
  return db.get<{ n: number | null }>(sql`select max(${revisions.id}) as n from ${revisions}`)?.n ?? 0;
}

export function startWatching(
  db: Db,
  input: { userId: string; target: WatchTarget },
): MutationResult<{ watchId: number; started: boolean }> {
  const { userId, target } = input;
  return db.transaction((tx) => {
    if (!targetExists(tx, target)) {
      return fail("not_found", { problem: "no_record", recordType: target.kind, id: target.id });
    }
    const existing = activeWatch(tx, userId, target);
    if (existing) return { ok: true, watchId: existing.id, started: false };
    const row = tx
      .insert(watches)
      .values({
        userId,
        companyId: target.kind === "company" ? target.id : null,
        commitmentId: target.kind === "commitment" ? target.id : null,
        sinceRevisionId: latestRevision(tx),
      })
      .returning({ id: watches.id })
      .get();
    return { ok: true, watchId: row.id, started: true };
  }, IMMEDIATE);
}

export function stopWatching(
  db: Db,
  input: { userId: string; target: WatchTarget },
): MutationResult<{ stopped: boolean }> {
  const { userId, target } = input;
  return db.transaction((tx) => {
    const existing = activeWatch(tx, userId, target);
    if (!existing) return { ok: true, stopped: false };
    tx.update(watches)
      .set({ endedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(and(eq(watches.id, existing.id), eq(watches.userId, userId)))
      .run();
    return { ok: true, stopped: true };
  }, IMMEDIATE);
}

/**
 * Records that the person has seen every change up to `throughRevisionId`. The marker only moves
 * forward (seenAfterVisit), so of two visits that finish in either order the later read counts.
 */
export function recordWatchVisit(db: Db, input: { userId: string; throughRevisionId: number }): void {
  const { userId, throughRevisionId } = input;
  db.transaction((tx) => {
    const previous = tx
      .select({ seen: watchVisits.seenRevisionId })
      .from(watchVisits)
      .where(eq(watchVisits.userId, userId))
      .get();
    const values = {
      seenRevisionId: seenAfterVisit(previous?.seen ?? null, throughRevisionId),
      visitedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    };
    tx.insert(watchVisits)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: watchVisits.userId, set: values })
      .run();
  }, IMMEDIATE);
}
