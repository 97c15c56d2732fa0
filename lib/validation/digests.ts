import { z } from "zod";
import { DIGEST_FREQUENCIES, type DigestFrequency, type DigestKind } from "@/lib/domain/digest-schedule";

// The account page's choice of how often each digest comes: the form's fields and options and the
// action's check, from one place. A field left out changes nothing (a contributor's form has no
// deadline digest; the action refuses one from anyone who cannot receive it).

const frequency = z.enum(DIGEST_FREQUENCIES, { error: "Choose off, daily or weekly" });

export const DigestSettingsSchema = z.object({
  deadline_digest: frequency.optional(),
  watch_digest: frequency.optional(),
});

export type DigestSettingsInput = z.infer<typeof DigestSettingsSchema>;

export const FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  off: "Off",
  daily: "Daily",
  weekly: "Weekly",
};

/** Each digest's question and what it holds, as the form asks. */
export const DIGEST_FIELDS: Record<DigestKind, { legend: string; hint: string }> = {
  deadline_digest: {
    legend: "Digest of deadlines",
    hint: "Commitments overdue with no outcome recorded, and those due in the next 90 days, each with a link to record its outcome.",
  },
  watch_digest: {
    legend: "Digest of changes to what you watch",
    hint: "What was published about the companies and commitments you watch since the previous digest. Nothing is sent when nothing changed.",
  },
};
