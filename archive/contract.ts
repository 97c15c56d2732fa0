// The fetcher's interface, as agreed with the helper who builds it (issue 15: safe fetching,
// WARC files; archive-url.ts, check-url.ts, read-archive.ts, host-spacing.ts, settings.ts).
// Everything here that needs the database (the capture queue, the link checker, the pages)
// is typed against these names only, and takes the fetch functions as parameters, so its
// state logic is tested on its own with a real SQLite file.
//
// FOR THE MERGER: the types below restate the fetcher's own; the `declare`d values are
// declarations only, with no code behind them. Replace each with a re-export from its file
// (`export { archiveUrl } from "./archive-url"`, and the same for the types), and nothing that
// imports this module needs to change.

// The outcomes are defined in lib/archive/kinds.ts, where db/ (which records them) can see them.
export type {
  ArchiveOutcome,
  CheckOutcome,
  FetchFailureCodeName as FetchFailureCode,
} from "@/lib/archive/kinds";
import type { ArchiveOutcome, CheckOutcome } from "@/lib/archive/kinds";

export type ArchivedResponse = {
  targetUri: string;
  date: string;
  status: number;
  contentType: string | null;
  headers: [string, string][];
  body: Buffer;
};

export type FetchOptions = {
  userAgent: string;
  allowLoopbackPorts?: readonly number[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  respectRobots?: boolean;
  spacing?: HostSpacing;
  now?: () => Date;
};

export type ArchiveOptions = FetchOptions & { archiveDir: string };

export type ArchiveSettings = {
  archiveDir: string;
  userAgent: string;
  allowLoopbackPorts: readonly number[];
};

/** What the capture worker calls: fetch one URL and keep its response in a WARC file. */
export type ArchiveFn = (url: string) => Promise<ArchiveOutcome>;
/** What the link checker calls: fetch one URL and hash its body, keeping nothing. */
export type CheckFn = (url: string) => Promise<CheckOutcome>;

export declare function archiveUrl(url: string, options: ArchiveOptions): Promise<ArchiveOutcome>;
export declare function checkUrl(url: string, options: FetchOptions): Promise<CheckOutcome>;
export declare function readArchivedResponse(archiveDir: string, warcFile: string): Promise<ArchivedResponse>;
export declare function archiveSettings(): ArchiveSettings;
export declare class HostSpacing {
  constructor(minGapMs: number, now?: () => number);
  wait(host: string): Promise<void>;
}
