import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { companies, watches } from "../schema";
import { recordWatchVisit, startWatching, stopWatching } from "../mutations/watches";
import { addUser, approve, propose, XIAOMI_TARGET } from "../testing/fixtures";
import type { WatchTarget } from "@/lib/views/watches";
import { commitmentIdByKey } from "./deadlines";
import { activeWatches, isWatching, lastWatchVisit, watchingOverview } from "./watches";
import { tempDatabase } from "@/lib/testing/temp-db";

const XIAOMI_PHONES = "Manufacture smartphones and TV sets in India";

let db: Db;
let cleanup: () => void;
let asha: string;
let meera: string;
let ravi: string;
let xiaomi: WatchTarget;
let target: WatchTarget;
let phones: WatchTarget;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  asha = addUser(db, "contributor", "Asha");
  meera = addUser(db, "contributor", "Meera");
  ravi = addUser(db, "reviewer", "Ravi");
  const xiaomiId = db.select({ id: companies.id }).from(companies).where(eq(companies.slug, "xiaomi")).get()!
    .id;
  xiaomi = { kind: "company", id: xiaomiId };
  target = { kind: "commitment", id: commitmentIdByKey(db, "xiaomi", XIAOMI_TARGET)! };
  phones = { kind: "commitment", id: commitmentIdByKey(db, "xiaomi", XIAOMI_PHONES)! };
});
afterEach(() => cleanup());

/** Proposes and approves a progress update on a commitment: one published revision. */
function publishProgress(commitmentId: number, value: number, asOf = "2026-06-30"): void {
  const id = propose(db, asha, "progress_update", {
    commitment_id: String(commitmentId),
    as_of: asOf,
    value: String(value),
    note: "",
    sources: [
      {
        url: `https://news.example.in/${crypto.randomUUID()}`,
        title: "Report",
        publisher: "Example News",
        kind: "news",
        published_on: asOf,
        excerpt: "Quoted.",
      },
    ],
  });
  approve(db, id, ravi);
}

const rows = (userId: string) =>
  db.select().from(watches).where(eq(watches.userId, userId)).orderBy(watches.id).all();

describe("watching and unwatching", () => {
  it("is idempotent: a second watch finds the first, a second stop finds none", () => {
    const first = startWatching(db, { userId: asha, target: xiaomi });
    expect(first).toMatchObject({ ok: true, started: true });
    const again = startWatching(db, { userId: asha, target: xiaomi });
    expect(again).toEqual({ ok: true, started: false, watchId: first.ok ? first.watchId : -1 });
    expect(isWatching(db, asha, xiaomi)).toBe(true);
    expect(stopWatching(db, { userId: asha, target: xiaomi })).toEqual({ ok: true, stopped: true });
    expect(stopWatching(db, { userId: asha, target: xiaomi })).toEqual({ ok: true, stopped: false });
    expect(isWatching(db, asha, xiaomi)).toBe(false);
  });

  it("keeps every ended watch, and starts a new one when watched again", () => {
    startWatching(db, { userId: asha, target: target });
    stopWatching(db, { userId: asha, target: target });
    startWatching(db, { userId: asha, target: target });
    const all = rows(asha);
    expect(all).toHaveLength(2);
    expect(all[0]!.endedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(all[1]!.endedAt).toBeNull();
    expect(activeWatches(db, asha).map((w) => w.watchId)).toEqual([all[1]!.id]);
  });

  it("acts only on the person's own watch", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    expect(stopWatching(db, { userId: meera, target: xiaomi })).toEqual({ ok: true, stopped: false });
    expect(isWatching(db, asha, xiaomi)).toBe(true);
    expect(isWatching(db, meera, xiaomi)).toBe(false);
  });

  it("refuses a record that does not exist, and writes nothing", () => {
    expect(startWatching(db, { userId: asha, target: { kind: "company", id: 999_999 } })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(startWatching(db, { userId: asha, target: { kind: "commitment", id: 999_999 } })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(rows(asha)).toEqual([]);
  });

  it.each([
    ["both targets", { companyId: 1, commitmentId: 1 }],
    ["no target", { companyId: null, commitmentId: null }],
  ])("the table refuses a watch with %s", (_, targets) => {
    expect(() =>
      db
        .insert(watches)
        .values({ userId: asha, ...targets })
        .run(),
    ).toThrow(/watches_one_target/);
  });

  it("the table refuses a second active watch of one target", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    expect(() => db.insert(watches).values({ userId: asha, companyId: xiaomi.id }).run()).toThrow(/UNIQUE/);
  });

  it("names each watched record and links its page", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    startWatching(db, { userId: asha, target: target });
    expect(
      activeWatches(db, asha).map(({ title, companyName, path }) => ({ title, companyName, path })),
    ).toEqual([
      { title: "Xiaomi", companyName: null, path: "/companies/xiaomi" },
      { title: XIAOMI_TARGET, companyName: "Xiaomi", path: `/commitments/${target.id}` },
    ]);
  });
});

describe("the visit marker", () => {
  it("moves forward only", () => {
    expect(lastWatchVisit(db, asha)).toBeNull();
    recordWatchVisit(db, { userId: asha, throughRevisionId: 12 });
    expect(lastWatchVisit(db, asha)?.seenRevisionId).toBe(12);
    recordWatchVisit(db, { userId: asha, throughRevisionId: 7 });
    expect(lastWatchVisit(db, asha)?.seenRevisionId).toBe(12);
    recordWatchVisit(db, { userId: asha, throughRevisionId: 20 });
    expect(lastWatchVisit(db, asha)).toMatchObject({
      seenRevisionId: 20,
      visitedAt: expect.stringMatching(/Z$/),
    });
    expect(lastWatchVisit(db, meera)).toBeNull();
  });
});

describe("watchingOverview", () => {
  const overview = (userId = asha) => watchingOverview(db, userId);
  const fresh = (userId = asha) =>
    Object.fromEntries(overview(userId).items.map((i) => [i.title, i.fresh.map((c) => c.recordTitle)]));

  it("is empty for a person who watches nothing", () => {
    expect(overview().items).toEqual([]);
  });

  it("shows nothing new when a watch begins: what was published before is earlier history", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    const [item] = overview().items;
    expect(item!.fresh).toEqual([]);
    expect(item!.since.basis).toBe("watch");
    // The seed published Xiaomi, two commitments, a progress update and a partnership.
    expect(item!.earlier).toHaveLength(5);
    expect(item!.moreEarlier).toBe(false);
  });

  it("marks a change published after the watch as new, until a visit has read it", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    startWatching(db, { userId: asha, target: target });
    startWatching(db, { userId: asha, target: phones });
    startWatching(db, { userId: meera, target: phones });
    publishProgress(target.id, 20);

    const first = overview();
    const progressTitle = `${XIAOMI_TARGET}, as of 30 Jun 2026`;
    // The company covers its commitments' progress; the other commitment has no news.
    expect(fresh()).toEqual({
      Xiaomi: [progressTitle],
      [XIAOMI_TARGET]: [progressTitle],
      [XIAOMI_PHONES]: [],
    });
    // News first.
    expect(first.items.map((i) => i.title).at(-1)).toBe(XIAOMI_PHONES);
    const change = first.items.find((i) => i.title === XIAOMI_TARGET)!.fresh[0]!;
    expect(change).toMatchObject({
      summary: "Created progress update",
      actorName: "Ravi",
      path: `/commitments/${target.id}`,
    });

    recordWatchVisit(db, { userId: asha, throughRevisionId: first.readThrough });
    const second = overview();
    expect(fresh()).toEqual({ Xiaomi: [], [XIAOMI_TARGET]: [], [XIAOMI_PHONES]: [] });
    expect(second.lastVisit?.seenRevisionId).toBe(first.readThrough);
    expect(second.items.find((i) => i.title === XIAOMI_TARGET)!.earlier[0]).toEqual(change);
    expect(second.items[0]!.since.basis).toBe("visit");
    // Another person's visit marker is their own.
    expect(fresh(meera)).toEqual({ [XIAOMI_PHONES]: [] });
  });

  it("keeps new a change published after the page read its lists", () => {
    startWatching(db, { userId: asha, target: target });
    const read = overview();
    publishProgress(target.id, 25);
    recordWatchVisit(db, { userId: asha, throughRevisionId: read.readThrough });
    expect(fresh()[XIAOMI_TARGET]).toEqual([`${XIAOMI_TARGET}, as of 30 Jun 2026`]);
  });

  it("lists a few earlier changes and says when there are more", () => {
    startWatching(db, { userId: asha, target: target });
    for (let i = 1; i <= 7; i++) publishProgress(target.id, i, `2026-0${i}-01`);
    recordWatchVisit(db, { userId: asha, throughRevisionId: overview().readThrough });
    const [item] = overview().items;
    expect(item!.earlier.map((c) => c.recordTitle)).toEqual(
      ["1 Jul 2026", "1 Jun 2026", "1 May 2026", "1 Apr 2026", "1 Mar 2026"].map(
        (d) => `${XIAOMI_TARGET}, as of ${d}`,
      ),
    );
    expect(item!.moreEarlier).toBe(true);
  });

  it("stops listing a record once unwatched", () => {
    startWatching(db, { userId: asha, target: xiaomi });
    startWatching(db, { userId: asha, target: target });
    stopWatching(db, { userId: asha, target: xiaomi });
    expect(overview().items.map((i) => i.title)).toEqual([XIAOMI_TARGET]);
  });
});
