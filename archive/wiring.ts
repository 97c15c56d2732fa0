import type { Db } from "@/db/connection";
import { archiveSettings, archiveUrl, checkUrl, HostSpacing, type ArchiveFn, type CheckFn } from "./contract";
import { startLinkChecker } from "./link-check";
import { startCaptureWorker } from "./worker";

// The real fetcher joined to the queue and the checker, for server/main.ts and the scripts:
// one HostSpacing for both, so captures and checks together wait their turn per host.

/** A second between two requests to one host: polite, and enough for a handful of sources. */
export const HOST_GAP_MS = 1000;

export function realFetchers(spacing = new HostSpacing(HOST_GAP_MS)): { archive: ArchiveFn; check: CheckFn } {
  const settings = archiveSettings();
  const common = {
    userAgent: settings.userAgent,
    allowLoopbackPorts: settings.allowLoopbackPorts,
    spacing,
  };
  return {
    archive: (url) => archiveUrl(url, { ...common, archiveDir: settings.archiveDir }),
    check: (url) => checkUrl(url, common),
  };
}

/** TRACKER_ARCHIVE_INTERVAL_SECONDS: how often due captures are fetched (30 s unless set). */
export function archiveIntervalMs(env: NodeJS.ProcessEnv): number {
  return secondsSetting(env.TRACKER_ARCHIVE_INTERVAL_SECONDS, 30);
}

/** TRACKER_LINK_CHECK_INTERVAL_SECONDS: how often each published source is checked (a day unless set). */
export function linkCheckIntervalMs(env: NodeJS.ProcessEnv): number {
  return secondsSetting(env.TRACKER_LINK_CHECK_INTERVAL_SECONDS, 24 * 60 * 60);
}

function secondsSetting(raw: string | undefined, fallback: number): number {
  const seconds = Number(raw?.trim() || fallback);
  return Number.isFinite(seconds) && seconds >= 0.1 ? seconds * 1000 : fallback * 1000;
}

/** Starts both in the server process; `stop` waits for a fetch in progress. */
export function startArchiving(db: Db, env: NodeJS.ProcessEnv) {
  const { archive, check } = realFetchers();
  const worker = startCaptureWorker({ db, archive, intervalMs: archiveIntervalMs(env) });
  const checker = startLinkChecker({ db, check, intervalMs: linkCheckIntervalMs(env) });
  return {
    async stop() {
      await Promise.all([worker.stop(), checker.stop()]);
    },
  };
}
