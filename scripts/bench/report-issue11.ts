import { ISSUE11_TARGETS } from "./config";
import { ENDPOINTS, type Endpoint, type RunResults } from "./results";
import { int, kib, mib, ms, ratio } from "./stats";

// Issue 11's targets (cached public reads) as they stand in one run: the new build against the
// baseline at the largest scale, the first request after a publication, one real visit, the
// dashboard's HTML, peak memory and the nginx replay. Pure over the run's results, so that the rule
// for each verdict is tested (report-issue11.test.ts) and quoted as it is applied.

export type Issue11Verdict = { measure: string; target: string; figure: string; met: boolean | null };

const SHORT_LABELS: Record<Endpoint, string> = {
  dashboard: "`/`",
  explorer: "explorer (filters + search)",
  commitment: "commitment page",
  company: "company page",
  deadlines: "`/deadlines`",
  api: "`/api/v1/commitments`",
};

export function issue11Verdicts(r: RunResults): Issue11Verdict[] {
  const out: Issue11Verdict[] = [];
  const smoke = r.mode === "smoke";
  const t = ISSUE11_TARGETS;
  const b = r.baseline;
  const largest = r.scales.at(-1);
  const same = b ? r.scales.find((s) => s.commitments === b.scale.commitments) : undefined;
  const at = largest ? int(largest.commitments) : "?";

  for (const e of ENDPOINTS) {
    const now = (same ?? largest)?.endpoints[e];
    if (!now) continue;
    const old = b?.scale.endpoints[e];
    if (old) {
      const x = now.rps / old.rps;
      out.push({
        measure: `${SHORT_LABELS[e]}: throughput ÷ baseline's, at ${int(b.scale.commitments)}`,
        target: `≥ ${t.throughputRatio}×`,
        figure: `${int(now.rps)} ÷ ${int(old.rps)} req/s = ${ratio(x)}`,
        met: smoke ? null : x >= t.throughputRatio,
      });
    }
    out.push({
      measure: `${SHORT_LABELS[e]}: p99 at ${int((same ?? largest)?.commitments ?? 0)}`,
      target: `< ${t.p99Ms} ms`,
      figure: ms(now.p99),
      met: smoke ? null : now.p99 < t.p99Ms,
    });
  }

  const first = r.firstRequests;
  if (first) {
    for (const v of first.new.views) {
      const stale = v.fresh === false;
      out.push({
        measure: `First request of ${v.name} after a publication, at ${int(first.commitments)} (median of ${v.timings.length})`,
        target: `< ${t.firstRequestMs} ms, showing it`,
        figure: `${ms(v.median)} (max ${ms(v.max)})${stale ? ", **stale**" : ""}`,
        met: smoke ? null : v.median < t.firstRequestMs && !stale,
      });
    }
  }

  const cold = r.visits?.new.find((v) => v.kind === "cold");
  if (cold) {
    out.push({
      measure: `Server renders of one visit (\`${cold.path}\`, idle ${cold.idleMs / 1000} s), cold cache`,
      target: `≤ ${t.visitRenders}`,
      figure: cold.renders === null ? "not counted" : String(cold.renders),
      met: cold.renders === null ? null : cold.renders <= t.visitRenders,
    });
  }

  const dashboard = largest?.endpoints.dashboard;
  if (dashboard && largest) {
    out.push({
      measure: `Dashboard HTML at ${at}`,
      target: `≤ ${kib(t.dashboardHtmlBytes)}`,
      figure: `${int(dashboard.bytesPerResponse)} bytes`,
      met: dashboard.bytesPerResponse <= t.dashboardHtmlBytes,
    });
  }
  if (largest) {
    out.push({
      measure: `Server peak RSS (VmHWM) at ${at}`,
      target: `< ${mib(t.rssBytes)}`,
      figure: `${mib(largest.memory.hwmBytes)}${b ? ` (baseline ${mib(b.scale.memory.hwmBytes)})` : ""}`,
      met: smoke ? null : largest.memory.hwmBytes > 0 && largest.memory.hwmBytes < t.rssBytes,
    });
  }

  const proxy = r.proxy;
  if (proxy) {
    const s = proxy.replay.share;
    out.push({
      measure: `Replayed read mix answered by nginx, at ${int(proxy.commitments)}`,
      target: `≥ ${(t.proxyShare * 100).toFixed(0)}%`,
      figure: `${int(s.proxy)} of ${int(s.total)} (${(s.share * 100).toFixed(1)}%)`,
      met: s.total > 0 && s.share >= t.proxyShare,
    });
    const f = proxy.freshness;
    out.push({
      measure: "A publication visible through nginx",
      target: `within ${f.limitSeconds - 10} s (s-maxage + stale-while-revalidate)`,
      figure: f.seconds === null ? `not within ${f.limitSeconds} s` : `${f.seconds.toFixed(1)} s`,
      met: f.seconds !== null && f.seconds <= f.limitSeconds - 10,
    });
  }
  return out;
}

const yes = (met: boolean | null) => (met === null ? "n/a" : met ? "met" : "**not met**");

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The issue 11 part of a run's section: the verdicts, then what a visit sent and the first requests side by side. */
export function renderIssue11(r: RunResults): string[] {
  const verdicts = issue11Verdicts(r);
  if (verdicts.length === 0) return [];
  const lines = ["### Targets (issue 11: cached public reads)", ""];
  lines.push(
    table(
      ["measure", "target", "figure", "met?"],
      verdicts.map((v) => [v.measure, v.target, v.figure, yes(v.met)]),
    ),
    "",
  );

  const first = r.firstRequests;
  if (first) {
    lines.push(
      `#### First request after a publication, at ${int(first.commitments)}`,
      "",
      `Each repetition writes a new description of one commitment straight into the database (publication_version ${first.new.versions.before ?? "n/a"} → ${first.new.versions.after ?? "n/a"} on the new build) and then asks for each view once; milliseconds to the end of the body.`,
      "",
      table(
        ["view", "new: median", "new: each", "cache", "baseline: median", "baseline: each"],
        first.new.views.map((v) => {
          const old = first.baseline?.views.find((x) => x.name === v.name);
          return [
            v.name,
            ms(v.median),
            v.timings.map((x) => x.toFixed(0)).join(", "),
            [...new Set(v.cache)].join("/") || "—",
            old ? ms(old.median) : "—",
            old ? old.timings.map((x) => x.toFixed(0)).join(", ") : "—",
          ];
        }),
      ),
      "",
    );
  }

  const visits = r.visits;
  if (visits) {
    lines.push(`#### One visit in Chromium, at ${int(visits.commitments)}`, "");
    const rows = [
      ...visits.new.map((v) => ["new", v] as const),
      ...(visits.baseline ?? []).map((v) => ["baseline", v] as const),
    ];
    lines.push(
      table(
        ["build", "visit", "server renders", "requests (besides static files)", "static files"],
        rows.map(([build, v]) => [
          build,
          `${v.kind} \`${v.path}\``,
          v.renders === null ? "not counted" : String(v.renders),
          String(v.requests.length),
          String(v.staticRequests),
        ]),
      ),
      "",
    );
  }

  const proxy = r.proxy;
  if (proxy) {
    const p = proxy.replay;
    lines.push(
      `#### Through nginx, at ${int(proxy.commitments)}`,
      "",
      `${p.paths.length} paths replayed for ${p.seconds.toFixed(0)} s on ${p.connections} connections: ${int(p.responses)} answers (${p.perSecond.toFixed(0)}/s, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, ${p.errors} errors); by X-Proxy-Cache: ${
        Object.entries(p.cacheStatuses)
          .map(([k, v]) => `${k || "none"} ${v}`)
          .join(", ") || "none"
      }.${p.app ? ` The tracker saw ${int(p.app.requests)} of them (${int(p.app.notModified)} answered 304, ${int(p.app.renders)} renders).` : ""} A publication showed through after ${proxy.freshness.seconds === null ? `more than ${proxy.freshness.limitSeconds} s` : `${proxy.freshness.seconds.toFixed(1)} s`} (${proxy.freshness.seen}).`,
      "",
    );
  }
  return lines;
}
