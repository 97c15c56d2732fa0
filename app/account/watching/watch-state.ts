import "server-only";
import { currentUser } from "@/auth/session";
import { getDb } from "@/db";
import { isWatching } from "@/db/queries/watches";
import type { WatchTarget } from "@/lib/views/watches";

/** Whether the person signed in watches `target`, for a record page's WatchControl; null when nobody is signed in. */
export async function watchState(target: WatchTarget): Promise<boolean | null> {
  const user = await currentUser();
  return user ? isWatching(getDb(), user.id, target) : null;
}
