import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "../connection";
import { sourceCaptures, sources } from "../schema";
import {
  approve,
  commitmentForm,
  ok,
  proposeCommitment,
  seededDatabasePerTest,
  testSource,
} from "../testing/fixtures";
import { requestSourceCapture } from "./request-source-capture";

let db: Db;
let contributor: string;
let reviewer: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer } = w));

const capturesOf = (url: string) =>
  db
    .select({ id: sourceCaptures.id, state: sourceCaptures.state, cause: sourceCaptures.cause })
    .from(sourceCaptures)
    .innerJoin(sources, eq(sources.id, sourceCaptures.sourceId))
    .where(eq(sources.url, url))
    .all();

const total = () => db.get<{ n: number }>(sql`select count(*) as n from source_captures`).n;

describe("publication queues captures", () => {
  it("the seed queues one capture for each source it cites, and a second seeding none", () => {
    const cited = db.get<{ n: number }>(
      sql`select count(*) as n from sources s where exists (select 1 from company_sources where source_id = s.id)
            or exists (select 1 from commitment_sources where source_id = s.id)
            or exists (select 1 from facility_sources where source_id = s.id)
            or exists (select 1 from partnership_sources where source_id = s.id)
            or exists (select 1 from progress_update_sources where source_id = s.id)`,
    ).n;
    expect(cited).toBeGreaterThan(0);
    expect(total()).toBe(cited);
    expect(db.get<{ n: number }>(sql`select count(distinct source_id) as n from source_captures`).n).toBe(
      cited,
    );
  });

  it("an approval queues one capture per new source, in its own transaction, and none for a source already captured", () => {
    const before = total();
    const id = proposeCommitment(
      db,
      contributor,
      commitmentForm({ sources: [testSource(1), testSource(2)] }),
    );
    expect(total()).toBe(before); // a proposal is not published
    approve(db, id, reviewer);
    expect(capturesOf(testSource(1).url)).toEqual([
      expect.objectContaining({ state: "queued", cause: "published" }),
    ]);
    expect(capturesOf(testSource(2).url)).toHaveLength(1);
    expect(total()).toBe(before + 2);

    // Another record citing the same story and a new one: only the new one is queued.
    const again = proposeCommitment(
      db,
      contributor,
      commitmentForm({ title: "Another target", sources: [testSource(1), testSource(3)] }),
    );
    approve(db, again, reviewer);
    expect(capturesOf(testSource(1).url)).toHaveLength(1);
    expect(capturesOf(testSource(3).url)).toHaveLength(1);
    expect(total()).toBe(before + 3);
  });
});

describe("a reviewer asks for a new capture", () => {
  const publishedStory = () => {
    approve(db, proposeCommitment(db, contributor, commitmentForm({ sources: [testSource(5)] })), reviewer);
    return db
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.url, testSource(5).url))
      .get()!.id;
  };

  it("is refused to a contributor and for an unknown source", () => {
    const sourceId = publishedStory();
    expect(requestSourceCapture(db, { reviewerId: contributor, sourceId })).toMatchObject({
      ok: false,
      code: "forbidden",
      problem: "not_reviewer",
    });
    expect(requestSourceCapture(db, { reviewerId: reviewer, sourceId: 99_999 })).toMatchObject({
      ok: false,
      problem: "no_source",
    });
  });

  it("adds a row (keeping the earlier ones) unless one is already waiting", () => {
    const sourceId = publishedStory();
    const first = capturesOf(testSource(5).url)[0]!;
    // Still queued from publication: not doubled.
    expect(ok(requestSourceCapture(db, { reviewerId: reviewer, sourceId }))).toEqual({
      ok: true,
      captureId: first.id,
      queued: false,
    });
    db.update(sourceCaptures)
      .set({ state: "failed", failureCode: "dns", failureReason: "no such host" })
      .where(eq(sourceCaptures.id, first.id))
      .run();
    const again = ok(requestSourceCapture(db, { reviewerId: reviewer, sourceId }));
    expect(again.queued).toBe(true);
    expect(capturesOf(testSource(5).url).map((c) => [c.state, c.cause])).toEqual([
      ["failed", "published"],
      ["queued", "requested"],
    ]);
  });
});
