import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "../connection";
import { revisions } from "../schema";
import {
  approve,
  commitmentForm,
  countRows,
  ok,
  proposeCommitment,
  seededDatabasePerTest,
  TEST_TODAY as TODAY,
  testSource,
  xiaomiTargetId,
} from "../testing/fixtures";
import { importCommitments } from "./import-commitments";
import { publishRevision } from "./publish-revision";
import { recordOutcome } from "./record-outcome";
import { supersedeCommitment } from "./supersede-commitment";
import { tempDatabase } from "@/lib/testing/temp-db";

// Every published write must write its revision through publishRevision. The function is wrapped
// (it still writes), so each path can be seen calling it, and the revisions table can be seen to
// grow by exactly the calls made: nothing wrote a revision around it.
vi.mock("./publish-revision", async (importOriginal) => {
  const original = await importOriginal<typeof import("./publish-revision")>();
  return { ...original, publishRevision: vi.fn(original.publishRevision) };
});
const published = vi.mocked(publishRevision);

let db: Db;
let contributor: string;
let reviewer: string;
let admin: string;
seededDatabasePerTest((w) => ({ db, contributor, reviewer, admin } = w));

type Expected = { actorId: string | null; submissionId: number | null; recordType: string };

const PATHS: [string, () => Expected][] = [
  [
    "a reviewer's approval",
    () => {
      const id = proposeCommitment(db, contributor);
      approve(db, id, reviewer);
      return { actorId: reviewer, submissionId: id, recordType: "commitment" };
    },
  ],
  [
    "an outcome a reviewer records directly",
    () => {
      const payload = {
        commitment_id: xiaomiTargetId(db),
        as_of: "2026-03-31",
        value: "40",
        sources: [testSource(4)],
      };
      const { id } = ok(recordOutcome(db, { reviewerId: reviewer, payload, today: TODAY }));
      return { actorId: reviewer, submissionId: id, recordType: "progress_update" };
    },
  ],
  [
    "an admin's import",
    () => {
      const rows = [{ row: 2, targetId: null, payload: commitmentForm({ title: "Imported" }) }];
      const { submissionIds } = ok(importCommitments(db, { userId: admin, rows, today: TODAY }));
      return { actorId: admin, submissionId: submissionIds[0]!, recordType: "commitment" };
    },
  ],
  [
    "a supersession",
    () => {
      const restated = approve(db, proposeCommitment(db, contributor), reviewer);
      ok(supersedeCommitment(db, { reviewerId: admin, oldId: xiaomiTargetId(db), newId: restated }));
      return { actorId: admin, submissionId: null, recordType: "commitment" };
    },
  ],
];

describe("publishRevision", () => {
  it.each(PATHS)("writes the revision of %s, naming who and which submission", (_, publish) => {
    const before = countRows(db, "revisions");
    published.mockClear();
    const expected = publish();

    expect(published).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining(expected));
    const { revisionId } = published.mock.results.at(-1)!.value as { revisionId: number };
    expect(db.select().from(revisions).where(eq(revisions.id, revisionId)).get()).toMatchObject(expected);
    expect(countRows(db, "revisions")).toBe(before + published.mock.calls.length);
  });

  it("writes the seed's revisions, which no person made", () => {
    published.mockClear();
    const fresh = tempDatabase();
    try {
      const seeded = countRows(fresh.db, "revisions");
      expect(seeded).toBeGreaterThan(0);
      expect(published).toHaveBeenCalledTimes(seeded);
      for (const [, revision] of published.mock.calls)
        expect(revision).toMatchObject({ actorId: null, submissionId: null });
    } finally {
      fresh.cleanup();
    }
  });
});
