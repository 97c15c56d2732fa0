// Whether a proposed commitment is probably one the tracker already has: same company, same
// deadline year, and titles that share most of their words. It is a prompt for a person ("is this
// the same as…?"), never a refusal, so it errs towards showing a candidate.

export const TITLE_SIMILARITY_THRESHOLD = 0.5;

// Words that carry no meaning in a commitment's title; "India" is in nearly every one.
const STOPWORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "in",
  "on",
  "by",
  "to",
  "for",
  "and",
  "or",
  "at",
  "its",
  "it",
  "from",
  "with",
  "into",
  "india",
  "indian",
]);

/** The meaningful words of a title: case, accents, punctuation and plural -s ignored. */
export function titleTokens(title: string): Set<string> {
  // Only Latin accents are dropped; the vowel signs of Indian scripts are marks too, and part of the word.
  const plain = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/%/g, " percent ")
    .replace(/\bper\s+cent\b/g, "percent");
  const words = plain.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w && !STOPWORDS.has(w));
  return new Set(
    words.map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w)),
  );
}

/** Jaccard similarity of the titles' words: shared words over all words, from 0 to 1. */
export function titleSimilarity(a: string, b: string): number {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (x.size === 0 && y.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

export type DuplicateCandidate = { company: string; title: string; dueOn: string | null };

/** The same deadline year, or neither has a deadline. */
export function sameDeadlineYear(a: string | null, b: string | null): boolean {
  return (a?.slice(0, 4) ?? null) === (b?.slice(0, 4) ?? null);
}

export function isLikelyDuplicate(proposed: DuplicateCandidate, existing: DuplicateCandidate): boolean {
  return (
    proposed.company === existing.company &&
    sameDeadlineYear(proposed.dueOn, existing.dueOn) &&
    titleSimilarity(proposed.title, existing.title) >= TITLE_SIMILARITY_THRESHOLD
  );
}
