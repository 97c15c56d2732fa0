import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { sources } from "../schema";
import { approve, commitmentForm, proposeCommitment, testSource } from "./fixtures";
import type { ArchiveOutcome, CheckOutcome } from "@/lib/archive/kinds";
import { pageTextSha256 } from "@/lib/archive/page-text";

// Stand-ins for the fetcher in tests of the queue and the checker: plain functions that answer
// what a test says each address answers, shaped as the fetcher's outcomes, with both hashes made
// from the body as the fetcher makes them.

export const sha256Of = (body: string) => createHash("sha256").update(body).digest("hex");

const HTML = "text/html; charset=utf-8";

export function archivedOutcome(
  url: string,
  body: string,
  fetchedAt: string,
  contentType: string | null = HTML,
): ArchiveOutcome {
  return {
    ok: true,
    fetchedAt,
    status: 200,
    finalUrl: url,
    contentType,
    sha256: sha256Of(body),
    textSha256: pageTextSha256(Buffer.from(body), contentType),
    bodyBytes: Buffer.byteLength(body),
    warcFile: `${fetchedAt.slice(0, 10)}/${sha256Of(url).slice(0, 16)}.warc.gz`,
  };
}

export function checkedOutcome(
  url: string,
  body: string,
  checkedAt: string,
  contentType: string | null = HTML,
): CheckOutcome {
  return {
    ok: true,
    checkedAt,
    status: 200,
    finalUrl: url,
    sha256: sha256Of(body),
    textSha256: pageTextSha256(Buffer.from(body), contentType),
  };
}

// After any row the tests queue (next_attempt_at defaults to the real clock), so all are due.
export const T0 = new Date("2030-01-01T06:00:00.000Z");

export const quiet = () => {};

/** Publishes a commitment citing these stories (testSource(n)), as the site does; their source ids. */
export function publishCiting(
  db: Db,
  people: { contributor: string; reviewer: string },
  stories: number[],
  title = `Target citing ${stories.join(", ")}`,
): number[] {
  const id = proposeCommitment(
    db,
    people.contributor,
    commitmentForm({ title, sources: stories.map(testSource) }),
  );
  approve(db, id, people.reviewer);
  return stories.map(
    (n) =>
      db
        .select({ id: sources.id })
        .from(sources)
        .where(eq(sources.url, testSource(n).url))
        .get()!.id,
  );
}
