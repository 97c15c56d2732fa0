import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { claimDueCaptures } from "@/db/mutations/capture-claim";
import { recordCaptureOutcome } from "@/db/mutations/capture-record-outcome";
import { sourceArchiveStates } from "@/db/queries/source-archives";
import { sourceCaptures } from "@/db/schema";
import { seededDatabasePerTest, testSource, type People } from "@/db/testing/fixtures";
import type { ArchiveOutcome } from "@/lib/archive/kinds";
import type { RetryPolicy } from "@/lib/archive/retry";
import { archivedOutcome, publishCiting, quiet, sha256Of, T0 } from "@/db/testing/archive-outcomes";
import { archiveUrl } from "./archive-url";
import { page, startOriginServer, testPolicy, type OriginServer } from "./testing/origin-server";
import { drainCaptures, fillTextHashes } from "./worker";

let db: Db;
let people: People;
seededDatabasePerTest(({ db: d, ...p }) => ((db = d), (people = p)));

const at = (ms: number) => new Date(T0.getTime() + ms);
const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 10 * 60_000 };

/** Publishes a commitment citing story `n`; the id of its source. */
const publishStory = (n: number) => publishCiting(db, people, [n])[0]!;

const captureOf = (sourceId: number) =>
  db.select().from(sourceCaptures).where(eq(sourceCaptures.sourceId, sourceId)).all();

const version = () => db.get<{ v: number }>(sql`select version as v from publication_version`).v;

/** A fetcher that archives every address as "<url> body", except those `failing` names. */
function fetcher(failing: Record<string, ArchiveOutcome> = {}, calls: string[] = []) {
  return async (url: string): Promise<ArchiveOutcome> => {
    calls.push(url);
    return failing[url] ?? archivedOutcome(url, `${url} body`, T0.toISOString());
  };
}

describe("the capture worker", () => {
  it("archives every due capture once and records what was fetched", async () => {
    const sourceId = publishStory(1);
    const calls: string[] = [];
    const archived = await drainCaptures({ db, archive: fetcher({}, calls), now: () => T0, log: quiet });
    expect(archived).toBeGreaterThanOrEqual(1);
    expect(calls.filter((u) => u === testSource(1).url)).toHaveLength(1);
    const [row] = captureOf(sourceId);
    expect(row).toMatchObject({
      state: "archived",
      attempts: 1,
      status: 200,
      sha256: sha256Of(`${testSource(1).url} body`),
      textSha256: sha256Of(`${testSource(1).url} body`),
      leaseOwner: null,
      fetchedAt: T0.toISOString(),
    });
    // Nothing is due any more.
    expect(await drainCaptures({ db, archive: fetcher({}, calls), now: () => at(1), log: quiet })).toBe(0);
    const state = sourceArchiveStates(db, [sourceId]).get(sourceId)!;
    expect(state.archived).toMatchObject({ captureId: row!.id, sha256: row!.sha256 });
    expect(state.archived?.viewPath).toBe(`/sources/${sourceId}/archive/${row!.id}`);
  });

  it("records a failure as 'not archived', retries after a doubling wait, and gives up after the last attempt", async () => {
    const sourceId = publishStory(2);
    const down: Record<string, ArchiveOutcome> = {
      [testSource(2).url]: {
        ok: false,
        fetchedAt: T0.toISOString(),
        code: "dns",
        reason: "could not resolve news.example.in",
      },
    };
    const calls: string[] = [];
    const run = (ms: number) =>
      drainCaptures({ db, archive: fetcher(down, calls), now: () => at(ms), policy: POLICY, log: quiet });
    const tries = () => calls.filter((u) => u === testSource(2).url).length;

    await run(0);
    expect(captureOf(sourceId)[0]).toMatchObject({
      state: "queued",
      attempts: 1,
      failureCode: "dns",
      failureReason: "could not resolve news.example.in",
      nextAttemptAt: at(60_000).toISOString(),
    });
    expect(sourceArchiveStates(db, [sourceId]).get(sourceId)).toMatchObject({
      archived: null,
      notArchivedReason: "could not resolve news.example.in",
    });
    await run(59_000); // not yet due
    expect(tries()).toBe(1);
    await run(60_000);
    expect(tries()).toBe(2);
    expect(captureOf(sourceId)[0]).toMatchObject({
      state: "queued",
      attempts: 2,
      nextAttemptAt: at(60_000 + 120_000).toISOString(),
    });
    await run(180_000);
    expect(tries()).toBe(3);
    expect(captureOf(sourceId)[0]).toMatchObject({ state: "failed", attempts: 3 });
    await run(10 * 60 * 60_000);
    expect(tries()).toBe(3);
  });

  it("takes over a capture whose worker died once its lease runs out; the old owner can no longer record", async () => {
    const sourceId = publishStory(3);
    const claimed = claimDueCaptures(db, { owner: "dead", now: T0, leaseMs: 60_000, limit: 100 });
    const mine = claimed.find((c) => c.sourceId === sourceId)!;
    expect(mine).toMatchObject({ state: "fetching", leaseOwner: "dead", url: testSource(3).url });

    // Inside the lease nobody else takes it.
    const calls: string[] = [];
    await drainCaptures({
      db,
      archive: fetcher({}, calls),
      owner: "alive",
      now: () => at(30_000),
      log: quiet,
    });
    expect(calls).not.toContain(testSource(3).url);

    await drainCaptures({
      db,
      archive: fetcher({}, calls),
      owner: "alive",
      now: () => at(61_000),
      log: quiet,
    });
    expect(calls).toContain(testSource(3).url);
    expect(captureOf(sourceId)[0]).toMatchObject({ state: "archived", attempts: 2 });

    const late = archivedOutcome(testSource(3).url, "something else", T0.toISOString());
    expect(recordCaptureOutcome(db, mine.id, "dead", at(62_000), late)).toBeNull();
    expect(captureOf(sourceId)[0]!.sha256).toBe(sha256Of(`${testSource(3).url} body`));
  });

  it("records a fetcher that throws as a failure instead of stopping", async () => {
    const sourceId = publishStory(4);
    await drainCaptures({
      db,
      archive: async (url) => {
        if (url === testSource(4).url) throw new Error("socket exploded");
        return archivedOutcome(url, "x", T0.toISOString());
      },
      now: () => T0,
      log: quiet,
    });
    expect(captureOf(sourceId)[0]).toMatchObject({
      state: "queued",
      failureCode: "network",
      failureReason: "socket exploded",
    });
  });

  it("approval never waits for a fetch: a publication commits while a fetch hangs", async () => {
    publishStory(5);
    let release: (outcome: ArchiveOutcome) => void = () => {};
    const hanging = drainCaptures({
      db,
      archive: (url) =>
        new Promise<ArchiveOutcome>(
          (resolve) => (release = (o) => resolve(o ?? archivedOutcome(url, "late", T0.toISOString()))),
        ),
      now: () => T0,
      batch: 1,
      log: quiet,
    });
    // The worker holds a lease on one capture and is waiting on the network; publishing goes on.
    const sourceId = publishStory(6);
    expect(captureOf(sourceId)).toEqual([expect.objectContaining({ state: "queued" })]);
    // Let every fetch answer, so the drain ends.
    const finish = setInterval(() => release(archivedOutcome("x", "late", T0.toISOString())), 5);
    await hanging;
    clearInterval(finish);
  });

  it("moves the publication version when a copy is archived or fails, not when a worker claims", async () => {
    publishStory(7);
    const before = version();
    claimDueCaptures(db, { owner: "w", now: T0, leaseMs: 60_000, limit: 1 });
    expect(version()).toBe(before);
    const [claimed] = db.select().from(sourceCaptures).where(eq(sourceCaptures.state, "fetching")).all();
    recordCaptureOutcome(
      db,
      claimed!.id,
      "w",
      T0,
      archivedOutcome("https://x.example/", "b", T0.toISOString()),
    );
    expect(version()).toBe(before + 1);
  });

  it("moves it for a first failure, not for a retry that fails the same way", async () => {
    const sourceId = publishStory(8);
    const down: ArchiveOutcome = {
      ok: false,
      fetchedAt: T0.toISOString(),
      code: "timeout",
      reason: "timed out",
    };
    const failing = async (url: string) =>
      url === testSource(8).url ? down : archivedOutcome(url, "x", T0.toISOString());
    await drainCaptures({ db, archive: failing, now: () => T0, policy: POLICY, log: quiet });
    const afterFirst = version();
    await drainCaptures({ db, archive: failing, now: () => at(60_000), policy: POLICY, log: quiet });
    expect(captureOf(sourceId)[0]).toMatchObject({ attempts: 2, failureReason: "timed out" });
    expect(version()).toBe(afterFirst);
  });
});

describe("filling in the text hashes of copies archived before they were kept", () => {
  const STORY =
    "<!doctype html><title>Plant</title><body><script>var t = 1;</script><p>Phones made in Noida.</p>";
  let origin: OriginServer;
  let archiveDir: string;
  beforeAll(async () => {
    origin = await startOriginServer({
      "/story": page(STORY),
      "/report.pdf": page(Buffer.from("%PDF-1.7 a report"), "application/pdf"),
    });
    archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-text-hashes-"));
  });
  afterAll(async () => {
    await origin.close();
    fs.rmSync(archiveDir, { recursive: true, force: true });
  });

  it("reads each copy's WARC file, sets its hash once, and moves no page's version", async () => {
    const [story, report, lost] = publishCiting(db, people, [1, 2, 3]);
    // Real WARC files, written by the real fetcher from a local server, whatever the source's address.
    const served: Record<string, string> = {
      [testSource(1).url]: "/story",
      [testSource(2).url]: "/report.pdf",
      [testSource(3).url]: "/story",
    };
    await drainCaptures({
      db,
      archive: (url) =>
        archiveUrl(`${origin.origin}${served[url] ?? "/story"}`, { ...testPolicy(origin.port), archiveDir }),
      now: () => T0,
      log: quiet,
    });
    const archivedHash = captureOf(story!)[0]!.textSha256;
    expect(archivedHash).toBe(sha256Of("Phones made in Noida."));
    // As a database from before this column holds them, and one copy's file gone.
    db.update(sourceCaptures).set({ textSha256: null }).where(eq(sourceCaptures.state, "archived")).run();
    fs.rmSync(path.join(archiveDir, captureOf(lost!)[0]!.warcFile!));
    const before = version();

    const logged: Record<string, unknown>[] = [];
    const archived = db.select().from(sourceCaptures).where(eq(sourceCaptures.state, "archived")).all();
    const summary = await fillTextHashes({ db, archiveDir, log: (entry) => logged.push(entry) });
    // The seed's sources were archived as the story too.
    expect(summary).toEqual({ filled: archived.length - 2, withoutText: 1, unreadable: 1 });
    expect(captureOf(story!)[0]!.textSha256).toBe(archivedHash);
    expect(captureOf(report!)[0]!.textSha256).toBeNull();
    expect(captureOf(lost!)[0]!.textSha256).toBeNull();
    expect(logged).toEqual([
      expect.objectContaining({ message: "archived copy unreadable", capture: captureOf(lost!)[0]!.id }),
    ]);
    expect(version()).toBe(before);

    expect(await fillTextHashes({ db, archiveDir, log: quiet })).toEqual({
      filled: 0,
      withoutText: 1,
      unreadable: 1,
    });
  });
});
