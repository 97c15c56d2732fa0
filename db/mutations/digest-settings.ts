import { sql } from "drizzle-orm";
import type { Db } from "../connection";
import { digestSettings } from "../schema";
import { IMMEDIATE } from "../transaction";
import type { DigestFrequency, DigestKind } from "@/lib/domain/digest-schedule";

/**
 * Sets how often the person receives a digest: from their account page (with a session) or from
 * a digest's unsubscribe link (signed for them; docs/decisions/0024). A setting, not something
 * they wrote, so the row is replaced rather than kept.
 */
export function setDigestFrequency(
  db: Db,
  input: { userId: string; kind: DigestKind; frequency: DigestFrequency },
): void {
  db.transaction((tx) => {
    const values = { frequency: input.frequency, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` };
    tx.insert(digestSettings)
      .values({ userId: input.userId, kind: input.kind, ...values })
      .onConflictDoUpdate({ target: [digestSettings.userId, digestSettings.kind], set: values })
      .run();
  }, IMMEDIATE);
}
