import type { Db } from "@/db/connection";
import type { ArchiveFn, CheckFn } from "@/lib/archive/kinds";
import { archiveUrl, DEFAULT_HOST_GAP_MS, HostSpacing } from "./archive-url";
import { checkUrl } from "./check-url";
import { startLinkChecker } from "./link-check";
import { archiveSettings } from "./settings";
import { startCaptureWorker } from "./worker";

// The real fetcher joined to the capture queue and the link checker, for server/main.ts and the
// scripts: one HostSpacing for both, so captures and checks together wait their turn per host.

/** TRACKER_FETCH_HOST_GAP_MS: the least time between two requests to one host (5 s unless set). */
export function hostGapMs(env: NodeJS.ProcessEnv): number {
  const raw = env.TRACKER_FETCH_HOST_GAP_MS?.trim() ?? "";
  return /^\d{1,7}$/.test(raw) ? Number(raw) : DEFAULT_HOST_GAP_MS;
}

export function realFetchers(env: NodeJS.ProcessEnv = process.env): { archive: ArchiveFn; check: CheckFn } {
  const settings = archiveSettings();
  const policy = {
    userAgent: settings.userAgent,
    allowLoopbackPorts: settings.allowLoopbackPorts,
    spacing: new HostSpacing(hostGapMs(env)),
  };
  return {
    archive: (url) => archiveUrl(url, { ...policy, archiveDir: settings.archiveDir }),
    check: (url) => checkUrl(url, policy),
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
  const { archive, check } = realFetchers(env);
  const worker = startCaptureWorker({ db, archive, intervalMs: archiveIntervalMs(env) });
  const checker = startLinkChecker({ db, check, intervalMs: linkCheckIntervalMs(env) });
  return {
    async stop() {
      await Promise.all([worker.stop(), checker.stop()]);
    },
  };
}
