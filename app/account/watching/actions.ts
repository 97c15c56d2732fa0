"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { startWatching, stopWatching } from "@/db/mutations/watches";
import { watchTargetPath } from "@/db/queries/watches";
import { ANY_ROLE, authorize, type Authorization } from "@/auth/session";
import { WatchFormSchema } from "@/lib/validation/watch";

// Watch and Stop watching are plain forms that work without JavaScript: each action answers with
// a redirect, back to the record's page (at the form) or to the watchlist. Whose watch it is
// comes only from the session. A failure a person could meet is a session that ended, which
// leads to sign-in and back; anything else (a tampered form, a record that does not exist)
// changes nothing and lands on the watchlist.

async function setWatch(auth: Authorization, watch: boolean, formData: FormData): Promise<never> {
  const parsed = WatchFormSchema.safeParse(Object.fromEntries(formData));
  const target = parsed.success ? { kind: parsed.data.kind, id: parsed.data.id } : null;
  const recordPath = target ? watchTargetPath(getDb(), target) : null;
  if (!auth.ok) redirect(`/sign-in?next=${encodeURIComponent(recordPath ?? "/account/watching")}`);
  if (!parsed.success || !target || recordPath === null) redirect("/account/watching");

  const input = { userId: auth.user.id, target };
  if (watch) startWatching(getDb(), input);
  else stopWatching(getDb(), input);
  revalidatePath("/account/watching");
  revalidatePath(recordPath);
  redirect(parsed.data.back === "watching" ? "/account/watching" : `${recordPath}#watch`);
}

export async function watchAction(formData: FormData): Promise<void> {
  await setWatch(await authorize(ANY_ROLE), true, formData);
}

export async function unwatchAction(formData: FormData): Promise<void> {
  await setWatch(await authorize(ANY_ROLE), false, formData);
}
