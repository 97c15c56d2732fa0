import { describe, expect, it } from "vitest";
import { sourceArchiveJson, sourceJson, sourceWithArchiveJson } from "@/lib/api/commitment-json";
import { SourceSchema, SourceWithArchiveSchema } from "@/lib/api/schemas/common";
import type { SourceView } from "@/lib/views/common";
import type { ArchivedCopyView, SourceArchiveView } from "@/lib/views/source-archive";

// What the single-record endpoints say of each source's archived copy and link (issue 15), from
// the view the pages read (lib/archive/source-state.test.ts tests how facts become that view):
// one row per kind of source a researcher can meet.

const SHA = "a".repeat(64);
const FETCHED = "2026-11-20T06:00:00.000Z";
const SINCE = "2026-11-24T06:00:00.000Z";
const NO_ADDRESS = "The host news.example.in has no address.";
const NOT_FOUND = "The server answered 404 Not Found";

const source: SourceView = {
  id: 7,
  url: "https://news.example.in/story-1",
  title: "Story 1",
  publisher: "Example News",
  kind: "news",
  publishedOn: "2026-01-15",
  excerpt: "The company said it would make phones in Noida.",
  accessedOn: null,
};

const COPY: ArchivedCopyView = {
  captureId: 3,
  fetchedAt: FETCHED,
  sha256: SHA,
  viewPath: "/sources/7/archive/3",
  warcPath: "/sources/7/archive/3/warc",
};
const COPY_JSON = {
  at: FETCHED,
  sha256: SHA,
  view_url: "/sources/7/archive/3",
  warc_url: "/sources/7/archive/3/warc",
};

const view = (over: Partial<SourceArchiveView>): SourceArchiveView => ({
  sourceId: 7,
  archived: null,
  notArchivedReason: null,
  link: null,
  ...over,
});

const CASES: { name: string; view: SourceArchiveView; archive: unknown }[] = [
  {
    name: "archived, link as archived",
    view: view({ archived: COPY }),
    archive: { archived: COPY_JSON, not_archived_reason: null, link: null },
  },
  {
    name: "not archived yet",
    view: view({}),
    archive: { archived: null, not_archived_reason: null, link: null },
  },
  {
    name: "never archived: the last attempt failed",
    view: view({ notArchivedReason: NO_ADDRESS }),
    archive: { archived: null, not_archived_reason: NO_ADDRESS, link: null },
  },
  {
    name: "archived, link broken",
    view: view({ archived: COPY, link: { state: "broken", since: SINCE, reason: NOT_FOUND } }),
    archive: {
      archived: COPY_JSON,
      not_archived_reason: null,
      link: { state: "broken", since: SINCE, reason: NOT_FOUND },
    },
  },
  {
    name: "never archived, link broken, no reason recorded",
    view: view({ notArchivedReason: NO_ADDRESS, link: { state: "broken", since: SINCE, reason: null } }),
    archive: {
      archived: null,
      not_archived_reason: NO_ADDRESS,
      link: { state: "broken", since: SINCE, reason: null },
    },
  },
  {
    name: "archived, page changed since",
    view: view({ archived: COPY, link: { state: "changed", since: SINCE } }),
    archive: { archived: COPY_JSON, not_archived_reason: null, link: { state: "changed", since: SINCE } },
  },
  {
    // The view never pairs a copy with a failure reason; the API would not say both either.
    name: "archived with a stray failure reason: the copy is what counts",
    view: view({ archived: COPY, notArchivedReason: NO_ADDRESS }),
    archive: { archived: COPY_JSON, not_archived_reason: null, link: null },
  },
];

describe("a source with its archived copy, as one record's endpoint gives it", () => {
  it.each(CASES)("$name", ({ view: v, archive }) => {
    const archives = new Map([[7, v]]);
    const json = sourceWithArchiveJson(source, archives);
    expect(json).toEqual({ id: 7, ...sourceJson(source), archive });
    // The schema the document is generated from describes it exactly: nothing dropped, no extra.
    expect(SourceWithArchiveSchema.parse(json)).toEqual(json);
  });

  it("reads a source the map lacks as never archived, rather than failing the response", () => {
    expect(sourceArchiveJson(undefined)).toEqual({ archived: null, not_archived_reason: null, link: null });
    const json = sourceWithArchiveJson(source, new Map());
    expect(SourceWithArchiveSchema.parse(json)).toEqual(json);
  });

  it("leaves the list representation as it was: no id, no archive", () => {
    const plain = sourceJson(source);
    expect(Object.keys(plain)).not.toContain("archive");
    expect(Object.keys(plain)).not.toContain("id");
    expect(SourceSchema.parse(plain)).toEqual(plain);
  });

  it("rejects a hash that is not 64 lower-case hex digits", () => {
    const shouting = new Map([[7, view({ archived: { ...COPY, sha256: SHA.toUpperCase() } })]]);
    expect(SourceWithArchiveSchema.safeParse(sourceWithArchiveJson(source, shouting)).success).toBe(false);
  });
});
