import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { sourceArchiveStates, sourcesNeedingReview } from "@/db/queries/source-archives";
import { sourceCaptures, sourceChecks } from "@/db/schema";
import { seededDatabasePerTest, testSource, type People } from "@/db/testing/fixtures";
import type { CheckOutcome } from "@/lib/archive/kinds";
import { checkSources, LINK_CHECK_JOB } from "./link-check";
import { openDatabase } from "@/db/connection";
import { jobLeaseHolder, takeJobLease } from "@/db/mutations/job-lease";
import { archivedOutcome, checkedOutcome, publishCiting, quiet, T0 } from "@/db/testing/archive-outcomes";
import { drainCaptures } from "./worker";

let db: Db;
let people: People;
seededDatabasePerTest(({ db: d, ...p }) => ((db = d), (people = p)));

const DAY = 24 * 60 * 60_000;
const day = (n: number) => new Date(T0.getTime() + n * DAY);

const STABLE = testSource(1).url;
const CHANGING = testSource(2).url;
const VANISHING = testSource(3).url;

/** Publishes one commitment citing the three stories and archives every source as "<url> v1". */
async function publishAndArchive(): Promise<Record<string, number>> {
  const [stable, changing, vanishing] = publishCiting(db, people, [1, 2, 3]);
  await drainCaptures({
    db,
    archive: async (url) => archivedOutcome(url, `${url} v1`, T0.toISOString()),
    now: () => T0,
    log: quiet,
  });
  return { [STABLE]: stable!, [CHANGING]: changing!, [VANISHING]: vanishing! };
}

/** The web on day `n`: the stable page as archived, the changing one edited, the vanishing one gone. */
function web(n: number, { vanished = true, changed = true } = {}) {
  return async (url: string): Promise<CheckOutcome> => {
    const checkedAt = day(n).toISOString();
    if (url === VANISHING && vanished)
      return {
        ok: false,
        checkedAt,
        code: "http_status",
        reason: "The server answered 404 Not Found",
        status: 404,
      };
    if (url === CHANGING && changed) return checkedOutcome(url, `${url} v2`, checkedAt);
    return checkedOutcome(url, `${url} v1`, checkedAt);
  };
}

const run = (n: number, check = web(n), minAgeMs = 0) =>
  checkSources({ db, check, now: () => day(n), minAgeMs, log: quiet });

const version = () => db.get<{ v: number }>(sql`select version as v from publication_version`).v;

describe("the link checker", () => {
  it("records ok, changed and unreachable against the latest archived copy", async () => {
    const ids = await publishAndArchive();
    const summary = await run(1);
    expect(summary.changed).toBe(1);
    expect(summary.unreachable).toBe(1);
    const states = sourceArchiveStates(db, Object.values(ids));
    expect(states.get(ids[STABLE]!)!.link).toBeNull();
    expect(states.get(ids[CHANGING]!)!.link).toEqual({ state: "changed", since: day(1).toISOString() });
    expect(states.get(ids[VANISHING]!)!.link).toEqual({
      state: "broken",
      since: day(1).toISOString(),
      reason: "The server answered 404 Not Found",
    });
    const vanishing = db.select().from(sourceChecks).where(eq(sourceChecks.sourceId, ids[VANISHING]!)).all();
    expect(vanishing).toEqual([
      expect.objectContaining({ outcome: "unreachable", status: 404, failureCode: "http_status" }),
    ]);
  });

  it("dates a broken link from the first failure after the last success", async () => {
    const ids = await publishAndArchive();
    const since = () => sourceArchiveStates(db, [ids[VANISHING]!]).get(ids[VANISHING]!)!.link;
    await run(1, web(1, { vanished: false }));
    expect(since()).toBeNull();
    await run(2);
    await run(3);
    expect(since()).toMatchObject({ state: "broken", since: day(2).toISOString() });
    await run(4, web(4, { vanished: false })); // back
    expect(since()).toBeNull();
    await run(5);
    expect(since()).toMatchObject({ state: "broken", since: day(5).toISOString() });
  });

  it("stops saying changed once a new copy is archived", async () => {
    const ids = await publishAndArchive();
    await run(1);
    const changing = ids[CHANGING]!;
    expect(sourceArchiveStates(db, [changing]).get(changing)!.link?.state).toBe("changed");
    // A reviewer's new capture of the edited page.
    db.run(
      sql`insert into source_captures (source_id, cause, next_attempt_at) values (${changing}, 'requested', ${day(1).toISOString()})`,
    );
    await drainCaptures({
      db,
      archive: async (url) => archivedOutcome(url, `${url} v2`, day(2).toISOString()),
      now: () => day(2),
      log: quiet,
    });
    expect(sourceArchiveStates(db, [changing]).get(changing)!.link).toBeNull();
    await run(3);
    expect(sourceArchiveStates(db, [changing]).get(changing)!.link).toBeNull();
  });

  it("puts broken and changed sources in the reviewers' queue, with where they are cited", async () => {
    const ids = await publishAndArchive();
    await run(1);
    const queue = sourcesNeedingReview(db);
    expect(queue.map((s) => s.id)).toEqual([ids[VANISHING], ids[CHANGING]]);
    expect(queue[0]!.citedIn).toEqual([
      expect.objectContaining({
        recordType: "commitment",
        href: expect.stringMatching(/^\/commitments\/\d+$/),
      }),
    ]);
    expect(queue[0]!.latestCapture).toMatchObject({ state: "archived" });
  });

  it("records nothing when no host answered at all (the machine is offline)", async () => {
    await publishAndArchive();
    const before = db.get<{ n: number }>(sql`select count(*) as n from source_checks`).n;
    const summary = await run(1, async (url) => ({
      ok: false,
      checkedAt: day(1).toISOString(),
      code: "dns",
      reason: `could not resolve ${new URL(url).hostname}`,
    }));
    expect(summary.unreachable).toBe(0);
    expect(summary.skipped).toBeGreaterThan(0);
    expect(db.get<{ n: number }>(sql`select count(*) as n from source_checks`).n).toBe(before);
  });

  it("skips a source whose robots.txt forbids fetching, and one checked within the interval", async () => {
    const ids = await publishAndArchive();
    const robots = web(1);
    const summary = await run(1, async (url) =>
      url === STABLE
        ? { ok: false, checkedAt: day(1).toISOString(), code: "robots", reason: "robots.txt disallows" }
        : robots(url),
    );
    expect(summary.skipped).toBe(1);
    expect(db.select().from(sourceChecks).where(eq(sourceChecks.sourceId, ids[STABLE]!)).all()).toEqual([]);
    // Half a day later, with a daily interval: only the source never checked is due.
    const again = await run(1.5, web(1.5), DAY);
    expect(again).toEqual({ ok: 1, changed: 0, unreachable: 0, skipped: 0, busy: false });
    expect(
      db.select().from(sourceChecks).where(eq(sourceChecks.sourceId, ids[CHANGING]!)).all(),
    ).toHaveLength(1);
  });

  it("moves the publication version only when a source's outcome changes", async () => {
    await publishAndArchive();
    await run(1);
    const after = version();
    await run(2);
    expect(version()).toBe(after);
    await run(3, web(3, { vanished: false }));
    expect(version()).toBe(after + 1);
  });

  describe("comparing what a reader sees, not the bytes", () => {
    /** A news page as served at one load: its ad slot and inline script differ at every load. */
    const newsPage = (load: number, story: string) =>
      `<!doctype html><html><head><script src="/app.js?cb=${load}"></script></head><body>` +
      `<div class="ad-slot" id="div-gpt-ad-${load}"><a href="https://ads.example/c?${load}">Advertisement</a></div>` +
      `<article><h1>Earbuds to be made in Noida</h1><p>${story}</p></article>` +
      `<script>window.__renderedAt = ${1733450000 + load};</script></body></html>`;
    const STORY = "Optiemus will employ 1,200 people by March 2026.";

    /** Publishes story 4 and archives every source as load 1 of the news page; story 4's source id. */
    async function archiveNewsPage(): Promise<number> {
      const [id] = publishCiting(db, people, [4]);
      await drainCaptures({
        db,
        archive: async (url) => archivedOutcome(url, newsPage(1, STORY), T0.toISOString()),
        now: () => T0,
        log: quiet,
      });
      return id!;
    }
    const serving = (n: number, page: string) => async (url: string) =>
      checkedOutcome(url, page, day(n).toISOString());
    const linkOf = (id: number) => sourceArchiveStates(db, [id]).get(id)!.link;
    const checksOf = (id: number) =>
      db.select().from(sourceChecks).where(eq(sourceChecks.sourceId, id)).orderBy(sourceChecks.id).all();

    it("says ok when only the ad slot and the inline script changed, and changed when the story did", async () => {
      const id = await archiveNewsPage();
      expect(await run(1, serving(1, newsPage(2, STORY)))).toMatchObject({
        ok: expect.any(Number),
        changed: 0,
      });
      expect(linkOf(id)).toBeNull();

      await run(2, serving(2, newsPage(3, STORY.replace("1,200", "1,500"))));
      expect(linkOf(id)).toEqual({ state: "changed", since: day(2).toISOString() });

      // Both hashes are kept on the check: the bytes differ every time, the text only when the words do.
      const [ok, changed] = checksOf(id);
      expect(ok).toMatchObject({ outcome: "ok", textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(changed).toMatchObject({ outcome: "changed" });
      expect(changed!.textSha256).not.toBe(ok!.textSha256);
    });

    it("compares the bytes of a copy archived before text hashes were kept", async () => {
      const id = await archiveNewsPage();
      db.update(sourceCaptures).set({ textSha256: null }).where(eq(sourceCaptures.sourceId, id)).run();
      await run(1, serving(1, newsPage(2, STORY)));
      expect(linkOf(id)).toMatchObject({ state: "changed" });
      // The same bytes are still the same page.
      await run(2, serving(2, newsPage(1, STORY)));
      expect(linkOf(id)).toBeNull();
    });

    it("compares the bytes of a file without text", async () => {
      const [id] = publishCiting(db, people, [4]);
      const pdf = (edition: number) => `%PDF-1.7 edition ${edition}`;
      await drainCaptures({
        db,
        archive: async (url) => archivedOutcome(url, pdf(1), T0.toISOString(), "application/pdf"),
        now: () => T0,
        log: quiet,
      });
      const serve = (n: number, edition: number) => async (url: string) =>
        checkedOutcome(url, pdf(edition), day(n).toISOString(), "application/pdf");
      await run(1, serve(1, 1));
      expect(linkOf(id!)).toBeNull();
      await run(2, serve(2, 2));
      expect(linkOf(id!)).toMatchObject({ state: "changed" });
      expect(checksOf(id!).map((c) => c.textSha256)).toEqual([null, null]);
    });
  });

  describe("with two processes on one database", () => {
    /** A second connection to the same file, as a second server process would have. */
    let other: Db;
    beforeEach(() => {
      other = openDatabase(db.$client.name, { migrate: false, seed: false });
    });
    afterEach(() => other.$client.close());

    it("runs one check at a time: the other process checks nothing while it runs", async () => {
      await publishAndArchive();
      // The web on day 1, answering each request only when the test lets it.
      const asked: string[] = [];
      const waiting: (() => void)[] = [];
      const check = async (url: string) => {
        asked.push(url);
        await new Promise<void>((resolve) => waiting.push(resolve));
        return web(1)(url);
      };
      const first = checkSources({ db, check, now: () => day(1), owner: "one", log: quiet });
      let firstDone = false;
      void first.finally(() => (firstDone = true));

      const second = await checkSources({ db: other, check, now: () => day(1), owner: "two", log: quiet });
      expect(second).toMatchObject({ busy: true, ok: 0, changed: 0, unreachable: 0 });
      while (!firstDone) {
        waiting.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const summary = await first;
      expect(summary).toMatchObject({ busy: false, changed: 1, unreachable: 1 });
      // Each published link was asked for once, by the process that held the lease.
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked).toEqual(expect.arrayContaining([STABLE, CHANGING, VANISHING]));
      expect(summary.ok + summary.changed + summary.unreachable).toBe(asked.length);
      // Released at the end: the other process's next run goes ahead at once.
      expect(jobLeaseHolder(db, LINK_CHECK_JOB, day(1))).toBeNull();
      const later = await checkSources({ db: other, check: web(1), now: () => day(1), log: quiet });
      expect(later).toEqual({ ...summary, busy: false });
    });

    it("takes over the lease of a process that died holding it, once it lapses", async () => {
      await publishAndArchive();
      const tenMinutes = 10 * 60_000;
      expect(
        takeJobLease(db, { name: LINK_CHECK_JOB, owner: "died", now: day(1), leaseMs: tenMinutes }),
      ).toBe(true);
      const at = (ms: number) => () => new Date(day(1).getTime() + ms);
      expect(await checkSources({ db, check: web(1), now: at(tenMinutes - 1), log: quiet })).toMatchObject({
        busy: true,
      });
      expect(await checkSources({ db, check: web(1), now: at(tenMinutes), log: quiet })).toMatchObject({
        busy: false,
        unreachable: 1,
      });
    });

    it("stops a run whose lease another process took over while it stalled", async () => {
      await publishAndArchive();
      const asked: string[] = [];
      const summary = await checkSources({
        db,
        now: () => day(1),
        owner: "stalled",
        leaseMs: 60_000,
        log: quiet,
        check: async (url) => {
          asked.push(url);
          // Meanwhile the lease lapsed and the other process began its own run.
          const later = new Date(day(1).getTime() + 60_000);
          takeJobLease(other, { name: LINK_CHECK_JOB, owner: "other", now: later, leaseMs: 60_000 });
          return web(1)(url);
        },
      });
      expect(asked).toHaveLength(1);
      expect(summary.ok + summary.changed + summary.unreachable).toBe(1);
      // Its release does not free the other process's lease.
      expect(jobLeaseHolder(db, LINK_CHECK_JOB, day(1))?.owner).toBe("other");
    });
  });
});
