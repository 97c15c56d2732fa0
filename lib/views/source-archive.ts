// What a source list shows about a source's archived copy and its link (issue 15).

export type ArchivedCopyView = {
  captureId: number;
  /** When the copy was fetched (ISO instant). */
  fetchedAt: string;
  sha256: string;
  /** The page to view it (the banner and the sandboxed frame). */
  viewPath: string;
  /** The WARC record, to download. */
  warcPath: string;
};

export type SourceArchiveView = {
  sourceId: number;
  /** The latest archived copy, if any capture ever succeeded. */
  archived: ArchivedCopyView | null;
  /** Without an archived copy: why the last attempt failed, if it did ("Not archived: …"). */
  notArchivedReason: string | null;
  /** The link as the latest check found it, when it is worth saying. */
  link:
    { state: "broken"; since: string; reason: string | null } | { state: "changed"; since: string } | null;
};
