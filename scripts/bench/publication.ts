import Database from "better-sqlite3";
import { median } from "./stats";

// The first request after an approval (issue 11: under 300 ms at 100k). An approval is simulated
// by writing what one writes, through SQLite in the benchmark's own process: a commitment's
// description and the revision that records it, in one transaction. The triggers of drizzle/0009
// move publication_version inside it, as they do for the app's own writes, so the server's next
// request sees a new version, empties its cache and renders. Each view is timed right after its
// own publication, so that no view is measured warm from the render of another; the servers
// compared (the new build, the baseline) take turns, repetition by repetition, so that both see
// the same machine load.

export type FirstRequest = {
  /** Which view, as named in the report. */
  name: string;
  path: string;
  /** Milliseconds from sending the request to the end of the body, one per repetition. */
  timings: number[];
  median: number;
  max: number;
  /** The x-tracker-cache header of each answer (MISS expected; absent on a build without the cache). */
  cache: string[];
  /** Whether the commitment's new description was in the page, where it is shown. */
  fresh: boolean | null;
};

export type FirstRequestResult = {
  repetitions: number;
  views: FirstRequest[];
  /** publication_version before and after (null on a database without it). */
  versions: { before: number | null; after: number | null };
};

/** A writer on the server's database file (WAL: the server keeps reading while it writes). */
export function openWriter(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  return db;
}

export function publicationVersion(db: Database.Database): number | null {
  try {
    return (
      db.prepare<[], { version: number }>("select version from publication_version where id = 1").get()
        ?.version ?? null
    );
  } catch {
    return null;
  }
}

/**
 * Publishes a new description of `commitmentId` with its revision, as an approval does, and
 * returns the text published.
 */
export function publishDescription(db: Database.Database, commitmentId: number, marker: string): string {
  const description = `Benchmark publication ${marker}: the description as approved.`;
  db.transaction(() => {
    const before = db
      .prepare<[number], { description: string | null }>("select description from commitments where id = ?")
      .get(commitmentId);
    if (!before) throw new Error(`No commitment ${commitmentId} to publish`);
    db.prepare(
      `update commitments set description = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') where id = ?`,
    ).run(description, commitmentId);
    db.prepare(
      `insert into revisions (record_type, record_id, before, after, summary) values ('commitment', ?, ?, ?, ?)`,
    ).run(
      commitmentId,
      JSON.stringify({ description: before.description }),
      JSON.stringify({ description }),
      `Benchmark: description edited (${marker})`,
    );
  })();
  return description;
}

async function timedGet(url: string): Promise<{ ms: number; status: number; cache: string; body: string }> {
  const started = performance.now();
  // A connection of its own, as a reader arriving after the approval would open.
  const response = await fetch(url, { headers: { connection: "close" } });
  const body = await response.text();
  return {
    ms: performance.now() - started,
    status: response.status,
    cache: response.headers.get("x-tracker-cache") ?? "",
    body,
  };
}

/** Escapes text as React does in HTML, so that a published description can be found in a page. */
const htmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export type FirstRequestTarget = { label: string; origin: string; database: string; commitmentId: number };

/**
 * For each repetition, server and view: publish, then GET the view once. `showsDescription` names
 * the views whose page prints the commitment's description (checked: the new one must be there).
 * One result per target, in the order given.
 */
export async function measureFirstRequests(options: {
  targets: FirstRequestTarget[];
  views: { name: string; path: string; showsDescription: boolean }[];
  repetitions: number;
}): Promise<FirstRequestResult[]> {
  const runs = options.targets.map((target) => {
    const db = openWriter(target.database);
    const views: FirstRequest[] = options.views.map((v) => ({
      name: v.name,
      path: v.path,
      timings: [],
      median: Number.NaN,
      max: Number.NaN,
      cache: [],
      fresh: v.showsDescription ? true : null,
    }));
    return { target, db, views, before: publicationVersion(db) };
  });
  try {
    for (let rep = 0; rep < options.repetitions; rep++) {
      for (const { target, db, views } of runs) {
        for (const [i, view] of options.views.entries()) {
          const out = views[i] as FirstRequest;
          const description = publishDescription(
            db,
            target.commitmentId,
            `${target.label}-${rep}-${i}-${Date.now().toString(36)}`,
          );
          const r = await timedGet(`${target.origin}${view.path}`);
          if (r.status !== 200)
            throw new Error(`${target.label}: ${view.path} answered ${r.status} after a publication`);
          out.timings.push(r.ms);
          out.cache.push(r.cache);
          if (view.showsDescription && !r.body.includes(htmlText(description))) out.fresh = false;
        }
      }
    }
    return runs.map(({ db, views, before }) => {
      for (const v of views) {
        v.median = median(v.timings);
        v.max = Math.max(...v.timings);
      }
      return { repetitions: options.repetitions, views, versions: { before, after: publicationVersion(db) } };
    });
  } finally {
    for (const { db } of runs) db.close();
  }
}
