import { formatCount } from "@/lib/domain/format";

/** "1 partnership", "2 partnerships", "1,00,000 commitments": a count with its noun, en-IN grouped. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
