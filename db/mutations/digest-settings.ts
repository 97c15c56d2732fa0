import { eq, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { digestSettings, users } from "../schema";
import { IMMEDIATE } from "../transaction";
import type { DigestFrequency, DigestKind } from "@/lib/domain/digest-schedule";

/**
 * Sets how often the person receives a digest: from their account page (with a session) or from
 * a digest's unsubscribe link (signed for them; docs/decisions/0024). A setting, not something
 * they wrote, so the row is replaced rather than kept. False when there is no such person.
 */
export function setDigestFrequency(
  db: Db,
  input: { userId: string; kind: DigestKind; frequency: DigestFrequency },
): boolean {
  return db.transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) return false;
    const values = { frequency: input.frequency, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` };
    tx.insert(digestSettings)
      .values({ userId: input.userId, kind: input.kind, ...values })
      .onConflictDoUpdate({ target: [digestSettings.userId, digestSettings.kind], set: values })
      .run();
    return true;
  }, IMMEDIATE);
}
