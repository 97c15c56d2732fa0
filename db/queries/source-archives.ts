import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../connection";
import { recordHref } from "./records";
import { sourceCaptures, sources, type SourceCaptureRow } from "../schema";
import type { CheckOutcomeKind } from "@/lib/archive/kinds";
import { sourceArchiveView, type SourceArchiveFacts } from "@/lib/archive/source-state";
import type { SourceArchiveView } from "@/lib/views/source-archive";
import type { CommitmentDetail } from "@/lib/views/commitments";
import type { CompanyDetail } from "@/lib/views/directory";

// Reads of archived copies and link checks (issue 15). Each source's state is a handful of
// indexed lookups on (source_id, …, id): the latest archived capture, the latest capture, the
// latest check, and for a broken or changed link the check that began the run.

const ID_CHUNK = 400;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += ID_CHUNK) out.push(list.slice(i, i + ID_CHUNK));
  return out;
}

type Row = {
  source_id: number;
  archived_id: number | null;
  archived_at: string | null;
  archived_sha: string | null;
  capture_id: number | null;
  capture_state: string | null;
  capture_reason: string | null;
  check_outcome: CheckOutcomeKind | null;
  check_compared: number | null;
  check_reason: string | null;
  unreachable_since: string | null;
  changed_since: string | null;
};

/** The archive state of each of these sources, for source lists. */
export function sourceArchiveStates(db: Db, sourceIds: readonly number[]): Map<number, SourceArchiveView> {
  const out = new Map<number, SourceArchiveView>();
  for (const ids of chunks([...new Set(sourceIds)])) {
    if (ids.length === 0) continue;
    const rows = db.all<Row>(sql`
      with s(id) as (select value from json_each(${JSON.stringify(ids)})),
      latest as (
        select s.id as source_id,
          (select max(id) from source_captures c where c.source_id = s.id and c.state = 'archived') as archived_id,
          (select max(id) from source_captures c where c.source_id = s.id) as capture_id,
          (select max(id) from source_checks k where k.source_id = s.id) as check_id,
          (select max(id) from source_checks k where k.source_id = s.id and k.outcome <> 'unreachable') as reachable_id,
          (select max(id) from source_checks k where k.source_id = s.id and k.outcome = 'ok') as ok_id
        from s
      )
      select l.source_id,
        a.id as archived_id, a.fetched_at as archived_at, a.sha256 as archived_sha,
        c.id as capture_id, c.state as capture_state, c.failure_reason as capture_reason,
        k.outcome as check_outcome, k.compared_capture_id as check_compared, k.reason as check_reason,
        (select min(u.checked_at) from source_checks u
          where u.source_id = l.source_id and u.outcome = 'unreachable'
            and u.id > coalesce(l.reachable_id, 0)) as unreachable_since,
        (select min(g.checked_at) from source_checks g
          where g.source_id = l.source_id and g.outcome = 'changed'
            and g.compared_capture_id = l.archived_id and g.id > coalesce(l.ok_id, 0)) as changed_since
      from latest l
      left join source_captures a on a.id = l.archived_id
      left join source_captures c on c.id = l.capture_id
      left join source_checks k on k.id = l.check_id`);
    for (const r of rows) out.set(r.source_id, sourceArchiveView(toFacts(r)));
  }
  return out;
}

/** The archive state of every source a commitment's page and API record show: its own and its progress updates'. */
export function commitmentArchiveStates(db: Db, c: CommitmentDetail): Map<number, SourceArchiveView> {
  return sourceArchiveStates(
    db,
    [...c.sources, ...c.progress.flatMap((p) => p.sources)].map((s) => s.id),
  );
}

/** The archive state of every source on this page of a company's record. */
export function companyArchiveStates(db: Db, c: CompanyDetail): Map<number, SourceArchiveView> {
  return sourceArchiveStates(
    db,
    [c, ...c.partnerships, ...c.facilities, ...c.commitments.items].flatMap((r) =>
      r.sources.map((s) => s.id),
    ),
  );
}

function toFacts(r: Row): SourceArchiveFacts {
  return {
    sourceId: r.source_id,
    archived:
      r.archived_id !== null && r.archived_at !== null && r.archived_sha !== null
        ? { id: r.archived_id, fetchedAt: r.archived_at, sha256: r.archived_sha }
        : null,
    latestCapture:
      r.capture_id !== null && r.capture_state !== null
        ? { id: r.capture_id, state: r.capture_state, failureReason: r.capture_reason }
        : null,
    latestCheck:
      r.check_outcome !== null
        ? { outcome: r.check_outcome, comparedCaptureId: r.check_compared, reason: r.check_reason }
        : null,
    unreachableSince: r.unreachable_since,
    changedSince: r.changed_since,
  };
}

export type CaptureWithSource = SourceCaptureRow & { url: string; title: string; publisher: string };

/** One archived capture of one source, for the viewer and the downloads; null if there is none. */
export function archivedCapture(db: Db, sourceId: number, captureId: number): CaptureWithSource | null {
  return (
    db
      .select({
        capture: sourceCaptures,
        url: sources.url,
        title: sources.title,
        publisher: sources.publisher,
      })
      .from(sourceCaptures)
      .innerJoin(sources, eq(sources.id, sourceCaptures.sourceId))
      .where(
        and(
          eq(sourceCaptures.id, captureId),
          eq(sourceCaptures.sourceId, sourceId),
          eq(sourceCaptures.state, "archived"),
        ),
      )
      .all()
      .map((r) => ({ ...r.capture, url: r.url, title: r.title, publisher: r.publisher }))[0] ?? null
  );
}

/** Every capture of a source, newest first: the archive page lists them. */
export function capturesOf(db: Db, sourceId: number): SourceCaptureRow[] {
  return db
    .select()
    .from(sourceCaptures)
    .where(eq(sourceCaptures.sourceId, sourceId))
    .orderBy(desc(sourceCaptures.id))
    .all();
}

/**
 * Archived captures without a text hash, in id order after `afterId`: copies archived before text
 * hashes were kept (docs/decisions/0032), for filling in from their WARC files.
 */
export function capturesWithoutTextHash(
  db: Db,
  afterId: number,
  limit: number,
): { id: number; warcFile: string; contentType: string | null }[] {
  return db
    .select({
      id: sourceCaptures.id,
      warcFile: sourceCaptures.warcFile,
      contentType: sourceCaptures.contentType,
    })
    .from(sourceCaptures)
    .where(
      and(
        eq(sourceCaptures.state, "archived"),
        isNull(sourceCaptures.textSha256),
        isNotNull(sourceCaptures.warcFile),
        gt(sourceCaptures.id, afterId),
      ),
    )
    .orderBy(sourceCaptures.id)
    .limit(limit)
    .all()
    .flatMap((r) => (r.warcFile === null ? [] : [{ ...r, warcFile: r.warcFile }]));
}

const LINK_TABLES = [
  ["company_sources", "company_id", "company"],
  ["facility_sources", "facility_id", "facility"],
  ["partnership_sources", "partnership_id", "partnership"],
  ["commitment_sources", "commitment_id", "commitment"],
  ["progress_update_sources", "progress_update_id", "progress_update"],
] as const;

/** Published sources: those linked to at least one record, oldest first. */
export function publishedSourceIds(db: Db): number[] {
  const union = sql.join(
    LINK_TABLES.map(([table]) => sql`select source_id from ${sql.identifier(table)}`),
    sql` union `,
  );
  return db.all<{ source_id: number }>(sql`${union} order by source_id`).map((r) => r.source_id);
}

/**
 * Published sources whose latest check is older than `before` (or which were never checked),
 * with their addresses: what a link-check run does next. Synthetic sources (load-test
 * databases; all on synthetic.example) are never checked.
 */
export function sourcesDueForCheck(db: Db, before: Date): { id: number; url: string }[] {
  const ids = publishedSourceIds(db);
  if (ids.length === 0) return [];
  const due: { id: number; url: string }[] = [];
  for (const part of chunks(ids)) {
    due.push(
      ...db.all<{ id: number; url: string }>(sql`
        select s.id, s.url from sources s
        where s.id in (select value from json_each(${JSON.stringify(part)}))
          and s.synthetic = 0
          and coalesce((select max(k.checked_at) from source_checks k where k.source_id = s.id), '')
              < ${before.toISOString()}
        order by s.id`),
    );
  }
  return due;
}

export type CitedIn = { recordType: (typeof LINK_TABLES)[number][2]; recordId: number; href: string | null };

/** Where each source is cited: the records linked to it. */
export function citationsOf(db: Db, sourceIds: readonly number[]): Map<number, CitedIn[]> {
  const out = new Map<number, CitedIn[]>();
  if (sourceIds.length === 0) return out;
  for (const part of chunks(sourceIds)) {
    for (const [table, column, recordType] of LINK_TABLES) {
      const rows = db.all<{ source_id: number; record_id: number }>(sql`
        select source_id, ${sql.identifier(column)} as record_id from ${sql.identifier(table)}
        where source_id in (select value from json_each(${JSON.stringify(part)}))
        order by record_id`);
      for (const r of rows) {
        const list = out.get(r.source_id) ?? [];
        list.push({ recordType, recordId: r.record_id, href: recordHref(db, recordType, r.record_id) });
        out.set(r.source_id, list);
      }
    }
  }
  return out;
}

export type SourceNeedingReview = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  state: SourceArchiveView;
  citedIn: CitedIn[];
  latestCapture: SourceCaptureRow | null;
};

/**
 * The reviewers' queue: published sources whose link the latest check found broken or changed,
 * or that have no archived copy after a failed capture; broken first, then changed, then the rest.
 */
export function sourcesNeedingReview(db: Db): SourceNeedingReview[] {
  const flagged = db
    .all<{ id: number }>(
      sql`select distinct source_id as id from source_checks k
          where k.id = (select max(id) from source_checks where source_id = k.source_id)
            and k.outcome in ('unreachable', 'changed')
          union
          select distinct source_id from source_captures c
          where c.id = (select max(id) from source_captures where source_id = c.source_id)
            and c.state in ('failed', 'queued') and c.failure_code is not null`,
    )
    .map((r) => r.id);
  if (flagged.length === 0) return [];
  const states = sourceArchiveStates(db, flagged);
  const cited = citationsOf(db, flagged);
  const rows = db
    .select({ id: sources.id, url: sources.url, title: sources.title, publisher: sources.publisher })
    .from(sources)
    .where(inArray(sources.id, flagged))
    .all();
  const rank = (s: SourceArchiveView) =>
    s.link?.state === "broken" ? 0 : s.link?.state === "changed" ? 1 : 2;
  return rows
    .map((r) => ({
      ...r,
      state: states.get(r.id)!,
      citedIn: cited.get(r.id) ?? [],
      latestCapture: capturesOf(db, r.id)[0] ?? null,
    }))
    .filter((r) => r.citedIn.length > 0)
    .sort((a, b) => rank(a.state) - rank(b.state) || a.id - b.id);
}
