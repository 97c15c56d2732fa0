import { formatTimestamp } from "@/components/review/labels";

/** A stored UTC instant as a person in India reads it, machine-readable in <time>. */
export function When({ iso }: { iso: string }) {
  return Number.isNaN(new Date(iso).getTime()) ? (
    <>{iso}</>
  ) : (
    <time dateTime={iso}>{formatTimestamp(iso)}</time>
  );
}
