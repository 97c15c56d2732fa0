import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { checkSources } from "@/archive/link-check";
import { drainCaptures } from "@/archive/worker";
import type { Db } from "@/db/connection";
import { sourceArchiveStates } from "@/db/queries/source-archives";
import {
  archivedOutcome,
  checkedOutcome,
  publishCiting,
  quiet,
  sha256Of,
  T0,
} from "@/db/testing/archive-outcomes";
import { addPeople, approve, propose, testSource, TEST_TODAY, type People } from "@/db/testing/fixtures";
import type { ArchiveOutcome, CheckOutcome } from "@/lib/archive/kinds";
import { CommitmentDetailResponseSchema } from "@/lib/api/schemas/commitment";
import { CompanyDetailResponseSchema } from "@/lib/api/schemas/directory";
import { tempDatabase } from "@/lib/testing/temp-db";
import { GET as getCommitment } from "./commitments/[id]/route";
import { GET as getCompany } from "./companies/[slug]/route";

// The single-record endpoints give each source its archived copy and link state, read from a
// real database after the capture worker and the link checker have run (with plain functions
// answering as the sites would): one source archived, one never archived, one whose link broke,
// one whose page changed, and one cited by a progress update.

const DAY = 24 * 60 * 60_000;
const day1 = new Date(T0.getTime() + DAY);
const url = (n: number) => testSource(n).url;
const [KEPT, UNARCHIVABLE, VANISHED, EDITED, PROGRESS] = [1, 2, 3, 4, 5];
const NO_ADDRESS = "The host news.example.in has no address.";
const NOT_FOUND = "The server answered 404 Not Found";

let db: Db;
let cleanup: () => void;
let people: People;
let commitmentId: number;
const ids: Record<number, number> = {};
const saved = { url: process.env.DATABASE_URL, today: process.env.TRACKER_TODAY };

/** The fetcher as the sites answer: story 2's host has no address; everything else is "<url> v1". */
async function archive(address: string): Promise<ArchiveOutcome> {
  if (address === url(UNARCHIVABLE))
    return { ok: false, fetchedAt: T0.toISOString(), code: "dns", reason: NO_ADDRESS };
  return archivedOutcome(address, `${address} v1`, T0.toISOString());
}

/** A day later: story 3 is gone, story 4 edited, the rest as archived. */
async function check(address: string): Promise<CheckOutcome> {
  const checkedAt = day1.toISOString();
  if (address === url(VANISHED))
    return { ok: false, checkedAt, code: "http_status", reason: NOT_FOUND, status: 404 };
  if (address === url(EDITED)) return checkedOutcome(address, `${address} v2`, checkedAt);
  return checkedOutcome(address, `${address} v1`, checkedAt);
}

beforeAll(async () => {
  let file: string;
  ({ db, file, cleanup } = tempDatabase());
  // The routes open the database and read today's date as the server does.
  process.env.DATABASE_URL = file;
  process.env.TRACKER_TODAY = TEST_TODAY;
  people = addPeople(db);
  const cited = publishCiting(db, people, [KEPT, UNARCHIVABLE, VANISHED, EDITED]);
  cited.forEach((id, i) => (ids[i + 1] = id));
  commitmentId = db.get<{ id: number }>(
    sql`select commitment_id as id from commitment_sources where source_id = ${ids[KEPT]!}`,
  ).id;
  approve(
    db,
    propose(db, people.contributor, "progress_update", {
      commitment_id: String(commitmentId),
      as_of: "2026-06-01",
      value: "1000",
      note: "",
      sources: [testSource(PROGRESS)],
    }),
    people.reviewer,
  );
  ids[PROGRESS] = db.get<{ id: number }>(sql`select id from sources where url = ${url(PROGRESS)}`).id;
  await drainCaptures({ db, archive, now: () => T0, log: quiet });
  await checkSources({ db, check, now: () => day1, log: quiet });
});
afterAll(() => {
  process.env.DATABASE_URL = saved.url;
  process.env.TRACKER_TODAY = saved.today;
  cleanup();
});

type Body = { data: unknown };

/** The body, after checking that the response schema describes it exactly (zod drops unknown keys). */
async function exactBody<T>(response: Response, schema: { parse(value: unknown): T }): Promise<T> {
  expect(response.status).toBe(200);
  const body = (await response.json()) as Body;
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}

const copyOf = (n: number) => {
  const captureId = sourceArchiveStates(db, [ids[n]!]).get(ids[n]!)?.archived?.captureId;
  if (captureId === undefined) throw new Error(`story ${n} has no archived copy`);
  return {
    at: T0.toISOString(),
    sha256: sha256Of(`${url(n)} v1`),
    view_url: `/sources/${ids[n]}/archive/${captureId}`,
    warc_url: `/sources/${ids[n]}/archive/${captureId}/warc`,
  };
};

describe("/api/v1/commitments/{id}", () => {
  it("gives each source its id, its archived copy and its link's state", async () => {
    const response = await getCommitment(new Request(`http://localhost/api/v1/commitments/${commitmentId}`), {
      params: Promise.resolve({ id: String(commitmentId) }),
    });
    const { data } = await exactBody(response, CommitmentDetailResponseSchema);
    const byUrl = new Map(data.sources.map((s) => [s.url, s]));
    expect(byUrl.get(url(KEPT))).toMatchObject({
      id: ids[KEPT],
      archive: { archived: copyOf(KEPT), not_archived_reason: null, link: null },
    });
    expect(byUrl.get(url(UNARCHIVABLE))).toMatchObject({
      id: ids[UNARCHIVABLE],
      archive: { archived: null, not_archived_reason: NO_ADDRESS, link: null },
    });
    expect(byUrl.get(url(VANISHED))?.archive).toEqual({
      archived: copyOf(VANISHED),
      not_archived_reason: null,
      link: { state: "broken", since: day1.toISOString(), reason: NOT_FOUND },
    });
    expect(byUrl.get(url(EDITED))?.archive).toEqual({
      archived: copyOf(EDITED),
      not_archived_reason: null,
      link: { state: "changed", since: day1.toISOString() },
    });
    const progressSources = data.progress.flatMap((p) => p.sources);
    expect(progressSources).toEqual([
      expect.objectContaining({
        id: ids[PROGRESS],
        url: url(PROGRESS),
        archive: { archived: copyOf(PROGRESS), not_archived_reason: null, link: null },
      }),
    ]);
  });
});

describe("/api/v1/companies/{slug}", () => {
  it("gives every source it returns with its archive: the company's and its records'", async () => {
    const address = "http://localhost/api/v1/companies/xiaomi?per_page=100";
    const request = new Request(address) as unknown as NextRequest;
    Object.defineProperty(request, "nextUrl", { value: new URL(address) });
    const response = await getCompany(request, { params: Promise.resolve({ slug: "xiaomi" }) });
    const { data } = await exactBody(response, CompanyDetailResponseSchema);
    const all = [data, ...data.partnerships, ...data.facilities, ...data.commitments].flatMap(
      (r) => r.sources,
    );
    expect(all.length).toBeGreaterThan(5);
    // The seed's sources were archived by the same stand-in, as "<url> v1".
    for (const s of all.filter((s) => s.url !== url(UNARCHIVABLE)))
      expect(s.archive.archived?.sha256, s.url).toBe(sha256Of(`${s.url} v1`));
    const ours = data.commitments.find((c) => c.id === commitmentId);
    expect(ours?.sources.find((s) => s.url === url(VANISHED))?.archive.link).toEqual({
      state: "broken",
      since: day1.toISOString(),
      reason: NOT_FOUND,
    });
    expect(ours?.sources.find((s) => s.url === url(KEPT))?.archive.archived).toEqual(copyOf(KEPT));
  });
});

describe("the response cache's key", () => {
  const version = () => db.get<{ v: number }>(sql`select version as v from publication_version`).v;
  const TIMED_OUT = "news.example.in took too long to answer.";
  /** Every source as on day 1, but the vanished one now times out. */
  const timingOut = (at: Date) => async (address: string) =>
    address === url(VANISHED)
      ? { ok: false as const, checkedAt: at.toISOString(), code: "timeout" as const, reason: TIMED_OUT }
      : check(address);

  it("moves when a broken link fails for another reason, which the API says, and not when it fails alike", async () => {
    const before = version();
    const day2 = new Date(day1.getTime() + DAY);
    await checkSources({ db, check: timingOut(day2), now: () => day2, log: quiet });
    expect(version()).toBe(before + 1);
    const day3 = new Date(day2.getTime() + DAY);
    await checkSources({ db, check: timingOut(day3), now: () => day3, log: quiet });
    expect(version()).toBe(before + 1);

    const response = await getCommitment(new Request(`http://localhost/api/v1/commitments/${commitmentId}`), {
      params: Promise.resolve({ id: String(commitmentId) }),
    });
    const { data } = await exactBody(response, CommitmentDetailResponseSchema);
    // Still broken since the first failure; the reason is the latest check's.
    expect(data.sources.find((s) => s.url === url(VANISHED))?.archive.link).toEqual({
      state: "broken",
      since: day1.toISOString(),
      reason: TIMED_OUT,
    });
  });
});
