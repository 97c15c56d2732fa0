import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbLike } from "../connection";
import { digestRuns, digestSettings, users, watches } from "../schema";
import {
  DEFAULT_DIGEST_FREQUENCY,
  DIGEST_KINDS,
  type DigestFrequency,
  type DigestKind,
} from "@/lib/domain/digest-schedule";
import type { Role } from "@/lib/domain/vocabulary";

// Who gets which digest, and what their previous one covered (docs/decisions/0024).

/** Roles that receive the digest of deadlines: those who can record an outcome. */
export const DEADLINE_DIGEST_ROLES: readonly Role[] = ["reviewer", "admin"];

/** The person's choice for each digest, or the default where they have not chosen. */
export function digestFrequencies(db: DbLike, userId: string): Record<DigestKind, DigestFrequency> {
  const rows = db
    .select({ kind: digestSettings.kind, frequency: digestSettings.frequency })
    .from(digestSettings)
    .where(eq(digestSettings.userId, userId))
    .all();
  const chosen = new Map(rows.map((r) => [r.kind, r.frequency]));
  return Object.fromEntries(
    DIGEST_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_DIGEST_FREQUENCY]),
  ) as Record<DigestKind, DigestFrequency>;
}

/** Whether the person can receive the digest at all: a reviewer's role, or something watched. */
export function canReceiveDigest(db: DbLike, userId: string, kind: DigestKind): boolean {
  if (kind === "deadline_digest") {
    return (
      db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), inArray(users.role, [...DEADLINE_DIGEST_ROLES])))
        .get() !== undefined
    );
  }
  return (
    db
      .select({ id: watches.id })
      .from(watches)
      .where(and(eq(watches.userId, userId), isNull(watches.endedAt)))
      .limit(1)
      .get() !== undefined
  );
}

/** The ids of everyone who can receive the digest and has not turned it off. */
export function digestRecipientIds(db: DbLike, kind: DigestKind): string[] {
  const frequency = sql`coalesce(${digestSettings.frequency}, ${DEFAULT_DIGEST_FREQUENCY})`;
  const eligible =
    kind === "deadline_digest"
      ? inArray(users.role, [...DEADLINE_DIGEST_ROLES])
      : sql`exists (select 1 from ${watches} where ${watches.userId} = ${users.id} and ${watches.endedAt} is null)`;
  return db
    .select({ id: users.id })
    .from(users)
    .leftJoin(digestSettings, and(eq(digestSettings.userId, users.id), eq(digestSettings.kind, kind)))
    .where(and(eligible, sql`${frequency} <> 'off'`))
    .orderBy(users.id)
    .all()
    .map((r) => r.id);
}

export type DigestRun = typeof digestRuns.$inferSelect;

/** The person's most recent digest of this kind (sent or found empty), or null before the first. */
export function lastDigestRun(db: DbLike, userId: string, kind: DigestKind): DigestRun | null {
  return (
    db
      .select()
      .from(digestRuns)
      .where(and(eq(digestRuns.userId, userId), eq(digestRuns.kind, kind)))
      .orderBy(desc(digestRuns.ranAt), desc(digestRuns.id))
      .limit(1)
      .get() ?? null
  );
}
