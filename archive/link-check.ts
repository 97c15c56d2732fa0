import type { Db } from "@/db/connection";
import { releaseJobLease, takeJobLease } from "@/db/mutations/job-lease";
import { recordSourceCheck } from "@/db/mutations/record-source-check";
import { sourcesDueForCheck } from "@/db/queries/source-archives";
import type { CheckOutcome as CheckResult, CheckOutcomeKind } from "@/lib/archive/kinds";
import { leaseOwner, runPeriodically, type Periodic } from "@/lib/server/periodic";
import type { CheckFn } from "@/lib/archive/kinds";

// The link checker (docs/decisions/0029): fetches each published source again, hashes the body
// and its visible text, and records ok, changed (the words differ from the latest archived
// copy's, or the bytes when either has no text hash: docs/decisions/0032) or unreachable. The
// check function is passed in: archive/check-url.ts with the server's shared HostSpacing, so
// checks and captures together never hit one host faster than the spacing allows.

export type LinkCheckOptions = {
  db: Db;
  check: CheckFn;
  now?: () => Date;
  /** A source checked more recently than this is skipped: a restart does not check everything again. */
  minAgeMs?: number;
  /** This process's name for the run's lease (one is made if not given). */
  owner?: string;
  /** Renewed after every source, so longer than one check and its wait for the host. */
  leaseMs?: number;
  log?: (entry: Record<string, unknown>) => void;
};

export type LinkCheckSummary = Record<CheckOutcomeKind, number> & {
  skipped: number;
  /** True when another process was running the link check, so this run checked nothing. */
  busy: boolean;
};

/** The lease a run holds: one link check at a time across every process on the database. */
export const LINK_CHECK_JOB = "link-check";

const defaultLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

/** Failures that our own network being down looks like, as much as the link being gone. */
const NETWORK_CODES = new Set(["dns", "network", "timeout"]);

/**
 * Checks every published source not checked within `minAgeMs` (all of them when 0), holding the
 * link-check lease throughout: with two servers on one database, each host is still asked only
 * as often as one process's spacing allows, and a source is not checked twice. A machine
 * without internet sees every link fail by DNS or connection; recording that would tell readers
 * every source is broken. So such failures are held until the run ends and recorded only if
 * some other check in the run reached its host (any HTTP answer); otherwise the run is logged
 * as offline and the sources are tried again next time.
 */
export async function checkSources(options: LinkCheckOptions): Promise<LinkCheckSummary> {
  const { db, log = defaultLog } = options;
  const now = options.now ?? (() => new Date());
  const summary: LinkCheckSummary = { ok: 0, changed: 0, unreachable: 0, skipped: 0, busy: false };
  const lease = {
    name: LINK_CHECK_JOB,
    owner: options.owner ?? leaseOwner(),
    leaseMs: options.leaseMs ?? 10 * 60_000,
  };
  if (!takeJobLease(db, { ...lease, now: now() })) {
    log({ level: "info", message: "link check skipped: another process is running it" });
    summary.busy = true;
    return summary;
  }
  try {
    await checkDue(options, summary, () => takeJobLease(db, { ...lease, now: now() }));
  } finally {
    releaseJobLease(db, { ...lease, now: now() });
  }
  return summary;
}

async function checkDue(
  options: LinkCheckOptions,
  summary: LinkCheckSummary,
  renewLease: () => boolean,
): Promise<void> {
  const { db, check, log = defaultLog } = options;
  const now = options.now ?? (() => new Date());
  const due = sourcesDueForCheck(db, new Date(now().getTime() - (options.minAgeMs ?? 0) + 1));
  const held: { id: number; result: CheckResult }[] = [];
  let reachedAny = false;
  const record = (id: number, result: CheckResult) => {
    const outcome = recordSourceCheck(db, id, result);
    summary[outcome] += 1;
    if (outcome !== "ok")
      log({
        level: "warn",
        message: outcome === "changed" ? "source changed since archived" : "source unreachable",
        source: id,
        ...(result.ok ? { status: result.status } : { code: result.code, reason: result.reason }),
      });
  };
  for (const source of due) {
    const result: CheckResult = await check(source.url).catch((error: unknown) => ({
      ok: false as const,
      checkedAt: now().toISOString(),
      code: "network" as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    // robots.txt asks us not to fetch it: nothing was learned about the link, and saying it is
    // broken would be false. It is logged, and the archived copy (if any) stands.
    if (!result.ok && result.code === "robots") {
      summary.skipped += 1;
      log({ level: "info", message: "link check skipped: robots.txt", source: source.id });
      continue;
    }
    if (!result.ok && NETWORK_CODES.has(result.code)) {
      held.push({ id: source.id, result });
      continue;
    }
    if (result.ok || result.status !== undefined) reachedAny = true;
    record(source.id, result);
    // A run that stalled past its lease may now share the hosts with another process's run.
    if (!renewLease()) {
      log({ level: "warn", message: "link check stopped: its lease was taken over", source: source.id });
      break;
    }
  }
  if (reachedAny) for (const h of held) record(h.id, h.result);
  else if (held.length > 0) {
    summary.skipped += held.length;
    log({
      level: "warn",
      message: "link check: no host answered; the network looks down",
      sources: held.length,
    });
  }
}

/**
 * Checks due sources on a timer (an hour, or the interval if shorter), each source once per
 * `intervalMs`: the schedule lives in the checks table, so it survives restarts without a
 * burst of checks at every start.
 */
export function startLinkChecker(
  options: Omit<LinkCheckOptions, "minAgeMs"> & { intervalMs: number },
): Periodic<LinkCheckSummary> {
  const log = options.log ?? defaultLog;
  return runPeriodically(
    () => checkSources({ ...options, minAgeMs: options.intervalMs }),
    Math.min(options.intervalMs, 60 * 60_000),
    (error) => log({ level: "error", message: "link check failed", error: String(error) }),
  );
}
