import { indiaDate, isIsoDate } from "@/lib/domain/dates";

/**
 * Today's date in India, which every status depends on. TRACKER_TODAY (YYYY-MM-DD) pins it, so
 * that end-to-end tests and reproductions of a past view see the same statuses on any day.
 */
export function today(): string {
  const pinned = process.env.TRACKER_TODAY?.trim();
  if (pinned) {
    if (!isIsoDate(pinned)) throw new Error(`TRACKER_TODAY must be a date like 2026-11-25, not "${pinned}"`);
    return pinned;
  }
  return indiaDate(new Date());
}
