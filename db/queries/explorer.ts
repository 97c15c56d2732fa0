import { and, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../connection";
import { commitmentCategories, commitments, commitmentStates, commitmentStatus, companies } from "../schema";
import { commitmentListItems, type CommitmentPage } from "./commitments";
import { memoizedForData } from "../data-version-cache";
import { ensureStatusesFresh } from "./status-summary";
import { facetValues, type FacetValue } from "@/lib/domain/facets";
import { canonicalStateCode, stateName, storedCodesFor } from "@/lib/domain/india-states";
import { STATUS_LABELS, type CommitmentStatus } from "@/lib/domain/status";
import {
  EVIDENCE_GRADE_LABELS,
  SCHEME_LABELS,
  type EvidenceGrade,
  type Scheme,
} from "@/lib/domain/vocabulary";
import { MAX_SEARCH_LENGTH, type ExplorerQuery, type SchemeFilter } from "@/lib/validation/explorer-params";
import type { CommitmentListItem } from "@/lib/views/commitments";

// The researchers' explorer: one set of filters (lib/validation/explorer-params.ts) applied in SQL
// to a page of results, to the counts beside each filter, and to the full export.
//
// Every query starts from commitment_status, the narrow table that holds each commitment's status
// and copies of the columns it is filtered and sorted by (see db/schema.ts), so that counting every
// commitment reads a few megabytes of index rather than the commitments table. Each filter is an
// indexed lookup: status, company, scheme, evidence grade and due date on commitment_status's
// (is_current, column) indexes; category and state through the (value, commitment_id) indexes of
// their link tables; words through the commitment_search FTS5 index. Superseded commitments are
// left out unless asked for: a restated target replaces the old one in every count.
//
// Order: with words to find and no sort named, best match first (bm25, a match in the title or the
// company weighing more than a mention in a source), then soonest deadline; otherwise the sort
// named. Every order ends with the commitment id, so pages never overlap or skip a row.

// ---------------------------------------------------------------------------------------------
// Words to find

/** FTS5 operators, left out rather than matched: a person typing "or" means neither. */
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);
/** More words than this only slows the match without narrowing it further in practice. */
const MAX_SEARCH_WORDS = 16;
// Letters, digits and combining marks in any script: what FTS5's unicode61 tokenizer keeps.
// Everything else (quotes, *, ^, :, parentheses, -, +, emoji) separates words, as in the index.
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * A safe FTS5 MATCH expression for text a person typed, or null when it has no words (then there
 * is nothing to find and the result is empty). Each word is quoted as a string, so no input can
 * be read as FTS5 syntax; all words must match; the last matches as a prefix ("optiem" finds
 * Optiemus) when it has at least two characters.
 */
export function ftsQuery(input: string): string | null {
  const words = (input.slice(0, MAX_SEARCH_LENGTH).match(WORD) ?? [])
    .filter((w) => !OPERATORS.has(w.toUpperCase()))
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 && [...w].length >= 2 ? `"${w}"*` : `"${w}"`)).join(" ");
}

// Column weights for bm25, in the order of the index's columns: title, description, company,
// sources, partners. A name in the title or the company outranks a passing mention in a source.
const RANK = sql.raw("bm25(commitment_search, 8.0, 3.0, 6.0, 1.0, 0.5)");

// ---------------------------------------------------------------------------------------------
// Filters

export const FACETS = ["company", "category", "state", "scheme", "status", "evidence"] as const;
export type FacetName = (typeof FACETS)[number];

/** Counts by stored state code, with each former code (IN-TG) added to its current one (IN-TS). */
function foldStates(rows: { value: string; count: number }[]): { value: string; count: number }[] {
  const folded = new Map<string, number>();
  for (const { value, count } of rows) {
    const code = canonicalStateCode(value) ?? value;
    folded.set(code, (folded.get(code) ?? 0) + count);
  }
  return [...folded].map(([value, count]) => ({ value, count }));
}

function schemeCondition(values: readonly SchemeFilter[]): SQL | undefined {
  const named = values.filter((v): v is Scheme => v !== "none");
  return or(
    named.length ? inArray(commitmentStatus.scheme, named) : undefined,
    values.includes("none") ? isNull(commitmentStatus.scheme) : undefined,
  );
}

type Search = { kind: "none" } | { kind: "match"; expression: string } | { kind: "nothing" };

function searchFor(q: string | null): Search {
  if (!q) return { kind: "none" };
  const expression = ftsQuery(q);
  return expression ? { kind: "match", expression } : { kind: "nothing" };
}

const f = commitmentStatus;

/**
 * The WHERE conditions of a view over commitment_status, leaving out one facet's own filter when
 * its counts are wanted. The words are a condition too, unless the caller joins the index itself.
 */
function conditions(query: ExplorerQuery, search: Search, omit?: FacetName, wordsJoined = false): SQL[] {
  const where: SQL[] = [];
  // A literal, not a parameter, so the planner sees it when choosing an (is_current, …) index.
  if (!query.includeSuperseded) where.push(sql`${f.isCurrent} = 1`);
  if (omit !== "company" && query.company.length) {
    where.push(
      sql`${f.companyId} in (select ${companies.id} from ${companies} where ${inArray(companies.slug, query.company)})`,
    );
  }
  if (omit !== "category" && query.category.length) {
    where.push(
      sql`${f.commitmentId} in (select ${commitmentCategories.commitmentId} from ${commitmentCategories}
        where ${inArray(commitmentCategories.category, query.category)})`,
    );
  }
  if (omit !== "state" && query.state.length) {
    where.push(
      sql`${f.commitmentId} in (select ${commitmentStates.commitmentId} from ${commitmentStates}
        where ${inArray(
          commitmentStates.stateCode,
          query.state.flatMap((s) => storedCodesFor(s)),
        )})`,
    );
  }
  if (omit !== "scheme" && query.scheme.length) {
    const condition = schemeCondition(query.scheme);
    if (condition) where.push(condition);
  }
  if (omit !== "status" && query.status.length) where.push(inArray(f.status, query.status));
  if (omit !== "evidence" && query.evidence.length) where.push(inArray(f.evidenceGrade, query.evidence));
  if (query.dueFrom) where.push(gte(f.dueOn, query.dueFrom));
  if (query.dueTo) where.push(lte(f.dueOn, query.dueTo));
  if (search.kind === "match" && !wordsJoined) {
    where.push(
      sql`${f.commitmentId} in (select rowid from commitment_search where commitment_search match ${search.expression})`,
    );
  }
  return where;
}

/**
 * The view's filters as conditions on commitment_status, for other views of the same selection
 * (the deadline groups and the calendar, which leave out status: each group has its own). Null
 * when the words to find contain nothing searchable: then nothing matches.
 */
export function filterConditions(query: ExplorerQuery, omit?: FacetName): SQL[] | null {
  const search = searchFor(query.q);
  return search.kind === "nothing" ? null : conditions(query, search, omit);
}

function whereClause(parts: SQL[]): SQL {
  return parts.length ? sql`where ${and(...parts)}` : sql``;
}

/** Soonest deadline first, undated last: the expression of commitment_status_due_sort_idx. */
const DUE_SORT = sql`coalesce(${f.dueOn}, '9999-12-31')`;

function orderBy(sort: ExplorerQuery["sort"]): SQL {
  switch (sort) {
    case "relevance":
      return sql`order by ${RANK}, ${DUE_SORT}, ${f.commitmentId}`;
    case "deadline":
      return sql`order by ${DUE_SORT}, ${f.commitmentId}`;
    case "-deadline":
      // commitment_status_due_on_idx read backwards: NULL (undated) sorts first, so it comes last here.
      return sql`order by ${f.dueOn} desc, ${f.commitmentId} desc`;
    case "company":
      return sql`order by ${companies.name}, ${companies.id}, ${f.commitmentId}`;
    case "title":
      return sql`order by ${commitments.title}, ${commitments.id}`;
    case "-announced":
      return sql`order by ${f.announcedOn} desc, ${f.commitmentId} desc`;
  }
}

/**
 * How to join the tables a sort by title or company name needs. The sort's own index (title, or
 * company name) can be read in order, testing each commitment against the filters, until the
 * page is full: quick when many commitments pass, slow when few do, since most are read and
 * rejected. The other way, filtering first and sorting what passes, is the reverse. SQLite's
 * planner cannot know which is cheaper without statistics; the total is known by now, so the
 * choice is made here from the expected number of rows read each way.
 */
function readSortIndexFirst(db: Db, search: Search, total: number, end: number): boolean {
  if (search.kind === "match") return false;
  // The highest id is read from the end of the primary key: a close enough count of all rows.
  const all = db.get<{ n: number }>(sql`select max(${f.commitmentId}) as n from ${f}`)?.n ?? 0;
  return total > 0 && (end * all) / total < total;
}

/** The ids of the view, in its order; a page of them, or all of them when no limit is given. */
function orderedIds(
  db: Db,
  query: ExplorerQuery,
  search: Search,
  total: number,
  limit?: { limit: number; offset: number },
): number[] {
  const relevance = query.sort === "relevance" && search.kind === "match";
  const sort = relevance ? "relevance" : query.sort === "relevance" ? "deadline" : query.sort;
  const indexFirst =
    (sort === "title" || sort === "company") &&
    readSortIndexFirst(db, search, total, limit ? limit.offset + limit.limit : total);
  // CROSS JOIN keeps the tables in the order written (SQLite's documented way to fix join order).
  const from = relevance
    ? sql`from commitment_search join ${f} on ${f.commitmentId} = commitment_search.rowid`
    : sort === "company"
      ? indexFirst
        ? sql`from ${companies} cross join ${f} on ${f.companyId} = ${companies.id}`
        : sql`from ${f} join ${companies} on ${companies.id} = ${f.companyId}`
      : sort === "title"
        ? indexFirst
          ? sql`from ${commitments} cross join ${f} on ${f.commitmentId} = ${commitments.id}`
          : sql`from ${f} join ${commitments} on ${commitments.id} = ${f.commitmentId}`
        : sql`from ${f}`;
  const where = conditions(query, search, undefined, relevance);
  if (relevance && search.kind === "match") where.push(sql`commitment_search match ${search.expression}`);
  const page = limit ? sql`limit ${limit.limit} offset ${limit.offset}` : sql``;
  return db
    .all<{ id: number }>(
      sql`select ${f.commitmentId} as id ${from} ${whereClause(where)} ${orderBy(sort)} ${page}`,
    )
    .map((r) => r.id);
}

/** The filters of a view, without its order and page: what its count and facets depend on. */
function filtersKey(query: ExplorerQuery, today: string): string {
  const { sort: _sort, page: _page, perPage: _perPage, ...filters } = query;
  return `${today}:${JSON.stringify(filters)}`;
}

/** Whether the view is words alone: no filter but (perhaps) leaving superseded commitments out. */
function onlyWords(query: ExplorerQuery, search: Search): search is { kind: "match"; expression: string } {
  return (
    search.kind === "match" &&
    !query.company.length &&
    !query.category.length &&
    !query.state.length &&
    !query.scheme.length &&
    !query.status.length &&
    !query.evidence.length &&
    !query.dueFrom &&
    !query.dueTo
  );
}

/** How many commitments the view has; counting reads every match, so it is kept while the data stands. */
function countOf(db: Db, query: ExplorerQuery, search: Search, today: string): number {
  return memoizedForData(db, `count:${filtersKey(query, today)}`, () => {
    // Words alone: counted in the index, leaving out the (few) superseded commitments by rowid,
    // instead of looking up every match's row in commitment_status: 1.4 ms rather than 6 ms for
    // the 17,000 matches of "smartphones" at 100,000. The unary + keeps the rowid test away from
    // FTS5, which would otherwise run the whole match once per superseded commitment.
    if (onlyWords(query, search)) {
      const superseded = query.includeSuperseded
        ? sql``
        : sql`and +rowid not in (select ${f.commitmentId} from ${f} where ${f.isCurrent} = 0)`;
      return (
        db.get<{ n: number }>(
          sql`select count(*) as n from commitment_search where commitment_search match ${search.expression} ${superseded}`,
        )?.n ?? 0
      );
    }
    return (
      db.get<{ n: number }>(sql`select count(*) as n from ${f} ${whereClause(conditions(query, search))}`)
        ?.n ?? 0
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Results

export type ExplorerPage = CommitmentPage<CommitmentListItem>;

/** The most ids a view keeps in memory: 4 bytes each, so at most 80 KB for each of MEMO_ENTRIES views. */
const VIEW_IDS_KEPT = 20_000;

/** A page of the commitments in the view, with status on `today`, sources, categories and states. */
export function searchCommitments(db: Db, query: ExplorerQuery, today: string): ExplorerPage {
  ensureStatusesFresh(db, today);
  const { page, perPage } = query;
  const search = searchFor(query.q);
  if (search.kind === "nothing") return { items: [], total: 0, page, perPage, totalPages: 1 };
  const total = countOf(db, query, search, today);
  const offset = (page - 1) * perPage;
  // A view of up to VIEW_IDS_KEPT commitments keeps its whole order while the data stand, like its
  // count: paging, and everyone else asking for the same view, then run no query for the order.
  // Larger views read their page with LIMIT and OFFSET as before.
  const ids =
    offset >= total
      ? []
      : total <= VIEW_IDS_KEPT
        ? Array.from(
            memoizedForData(db, `ids:${query.sort}:${filtersKey(query, today)}`, () =>
              Int32Array.from(orderedIds(db, query, search, total)),
            ).subarray(offset, offset + perPage),
          )
        : orderedIds(db, query, search, total, { limit: perPage, offset });
  return {
    items: commitmentListItems(db, ids, today),
    total,
    page,
    perPage,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** Rows read per query while exporting: bounded memory, and the connection is free in between. */
const EXPORT_CHUNK = 1000;

export type ExplorerExport = { total: number; items: IterableIterator<CommitmentListItem> };

/**
 * Every commitment in the view (pages ignored), in its order, for CSV and JSON exports. The ids
 * are read at once (8 bytes each); the rows are read EXPORT_CHUNK at a time as the iterator is
 * consumed, so a 100,000-row export never holds all rows in memory and never holds the shared
 * connection between chunks (better-sqlite3 refuses other queries while a statement iterates).
 * A change committed while the export runs may show in rows not yet read; none is lost or doubled.
 */
export function exportCommitments(db: Db, query: ExplorerQuery, today: string): ExplorerExport {
  ensureStatusesFresh(db, today);
  const search = searchFor(query.q);
  const ids =
    search.kind === "nothing" ? [] : orderedIds(db, query, search, countOf(db, query, search, today));
  function* items(): IterableIterator<CommitmentListItem> {
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      yield* commitmentListItems(db, ids.slice(i, i + EXPORT_CHUNK), today);
    }
  }
  return { total: ids.length, items: items() };
}

// ---------------------------------------------------------------------------------------------
// Facets

export type Facet = {
  parameter: FacetName;
  /** By count, most first; values selected in the query are always included, even at zero. */
  values: FacetValue[];
  /** Values left out of `values` because there are too many to list (companies only). */
  more: number;
};
export type ExplorerFacets = Record<FacetName, Facet>;

/** Companies listed beside the company filter; the rest are counted in `more`. */
export const COMPANY_FACET_LIMIT = 50;

type Count = { value: string | null; n: number };

function facetCounts(db: Db, facet: FacetName, query: ExplorerQuery, search: Search): Count[] {
  const parts = conditions(query, search, facet);
  const where = whereClause(parts);
  // Whether anything narrows the view besides leaving superseded commitments out.
  const narrowed = parts.length > (query.includeSuperseded ? 0 : 1);

  // Unnarrowed, the (is_current, column) index gives the groups in order and covers the query.
  // Narrowed, the planner would still walk that index, with a row lookup for every entry to test
  // the other filters: 100,000 lookups at scale. One pass over the narrow table, grouping what
  // passes, costs a fraction of that and has the same bound whatever the filters; only a company
  // filter (a few hundred rows at most) is better served by its index.
  const scan = narrowed && !(facet !== "company" && query.company.length) ? sql`not indexed` : sql``;
  const single = (column: SQL, value: SQL = column) =>
    db.all<Count>(sql`select ${value} as value, count(*) as n from ${f} ${scan} ${where} group by ${column}`);

  const linked = (
    table: typeof commitmentCategories | typeof commitmentStates,
    column: SQL,
    commitmentId: SQL,
  ) => {
    if (narrowed) {
      return db.all<Count>(
        sql`select ${column} as value, count(*) as n from ${table} join ${f} on ${f.commitmentId} = ${commitmentId}
          ${where} group by 1`,
      );
    }
    // Unnarrowed, joining every link to its commitment to test is_current costs a lookup per link
    // (100,000 of them at scale); counting all links from the value index and taking away the few
    // superseded commitments' links gives the same counts from two small reads.
    const all = db.all<Count>(sql`select ${column} as value, count(*) as n from ${table} group by 1`);
    if (query.includeSuperseded) return all;
    const superseded = new Map(
      db
        .all<Count>(
          sql`select ${column} as value, count(*) as n from ${f} join ${table} on ${commitmentId} = ${f.commitmentId}
            where ${f.isCurrent} = 0 group by 1`,
        )
        .map((r) => [r.value, r.n]),
    );
    return all.map((r) => ({ value: r.value, n: r.n - (superseded.get(r.value) ?? 0) }));
  };

  switch (facet) {
    case "company":
      return single(sql`${f.companyId}`);
    case "scheme":
      return single(sql`${f.scheme}`, sql`coalesce(${f.scheme}, 'none')`);
    case "evidence":
      return single(sql`${f.evidenceGrade}`);
    case "status":
      return single(sql`${f.status}`);
    case "category":
      return linked(
        commitmentCategories,
        sql`${commitmentCategories.category}`,
        sql`${commitmentCategories.commitmentId}`,
      );
    case "state":
      // By the code as stored, in the order of commitment_states_state_idx; former codes are
      // folded into current ones afterwards (a commitment carrying both would count twice).
      return linked(
        commitmentStates,
        sql`${commitmentStates.stateCode}`,
        sql`${commitmentStates.commitmentId}`,
      );
  }
}

/**
 * For each filter, the values it can take with the number of commitments each would give: every
 * other filter (and the words) applies, but not the facet's own, so ticking a second status shows
 * how many it would add. Ordered by count, most first, then by label. Kept until the data
 * changes (memoizedForData), so paging through a view counts once; the result is shared, read-only.
 */
export function explorerFacets(db: Db, query: ExplorerQuery, today: string): ExplorerFacets {
  ensureStatusesFresh(db, today);
  // Paging or re-sorting a view asks for the same counts again; they change only with the data.
  return memoizedForData(db, `facets:${filtersKey(query, today)}`, () => computeFacets(db, query));
}

function computeFacets(db: Db, query: ExplorerQuery): ExplorerFacets {
  const search = searchFor(query.q);
  const counts = (facet: FacetName): Count[] =>
    search.kind === "nothing" ? [] : facetCounts(db, facet, query, search);
  const numeric = (rows: Count[]) =>
    rows.flatMap((r) => (r.value === null ? [] : [{ value: r.value, count: r.n }]));

  // Companies are counted by id; slugs and names are read for the listed ones only.
  const companyRows = numeric(counts("company")).sort((a, b) => b.count - a.count);
  const selectedSlugs = new Set(query.company);
  const selectedCompanies = selectedSlugs.size
    ? db
        .select({ id: companies.id, slug: companies.slug, name: companies.name })
        .from(companies)
        .where(inArray(companies.slug, [...selectedSlugs]))
        .all()
    : [];
  const listedIds = new Set([
    ...companyRows.slice(0, COMPANY_FACET_LIMIT).map((r) => Number(r.value)),
    ...selectedCompanies.map((c) => c.id),
  ]);
  const named = listedIds.size
    ? db
        .select({ id: companies.id, slug: companies.slug, name: companies.name })
        .from(companies)
        .where(inArray(companies.id, [...listedIds]))
        .all()
    : [];
  const countById = new Map(companyRows.map((r) => [Number(r.value), r.count]));
  const companyValues = facetValues(
    named.map((c) => ({ value: c.slug, label: c.name, count: countById.get(c.id) ?? 0 })),
    query.company,
    (slug) => slug,
  );
  const listedWithCount = named.filter((c) => (countById.get(c.id) ?? 0) > 0).length;

  return {
    company: { parameter: "company", values: companyValues, more: companyRows.length - listedWithCount },
    category: {
      parameter: "category",
      values: facetValues(
        numeric(counts("category")).map((r) => ({ ...r, label: r.value })),
        query.category,
        (v) => v,
      ),
      more: 0,
    },
    state: {
      parameter: "state",
      // A code that names no state or union territory is listed under the code itself.
      values: facetValues(
        foldStates(numeric(counts("state"))).map((r) => ({ ...r, label: stateName(r.value) ?? r.value })),
        query.state,
        (v) => stateName(v) ?? v,
      ),
      more: 0,
    },
    scheme: {
      parameter: "scheme",
      values: facetValues(
        numeric(counts("scheme")).map((r) => ({ ...r, label: schemeLabel(r.value as SchemeFilter) })),
        query.scheme,
        (v) => schemeLabel(v as SchemeFilter),
      ),
      more: 0,
    },
    status: {
      parameter: "status",
      values: facetValues(
        numeric(counts("status")).map((r) => ({ ...r, label: STATUS_LABELS[r.value as CommitmentStatus] })),
        query.status,
        (v) => STATUS_LABELS[v as CommitmentStatus],
      ),
      more: 0,
    },
    evidence: {
      parameter: "evidence",
      values: facetValues(
        numeric(counts("evidence")).map((r) => ({
          ...r,
          label: EVIDENCE_GRADE_LABELS[r.value as EvidenceGrade],
        })),
        query.evidence,
        (v) => EVIDENCE_GRADE_LABELS[v as EvidenceGrade],
      ),
      more: 0,
    },
  };
}

function schemeLabel(value: SchemeFilter): string {
  return value === "none" ? "No scheme named" : SCHEME_LABELS[value];
}
