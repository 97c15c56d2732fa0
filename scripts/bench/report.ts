import fs from "node:fs";
import path from "node:path";
import { ROOT, TARGETS } from "./config";
import { renderIssue11 } from "./report-issue11";
import { ENDPOINTS, type Endpoint, type RunResults } from "./results";
import type { LoadResult } from "./load";
import { int, kib, median, mib, ms, ratio } from "./stats";

// One run as a dated Markdown section: the machine, the exact commands, a table per measure,
// and each target of issue 6 with whether it is met. BENCHMARKS.md keeps every earlier section.

const BENCHMARKS = path.join(ROOT, "BENCHMARKS.md");

const HEADER = `# Benchmarks

Results of \`npm run bench\` (scripts/bench; why it is built this way: docs/decisions/0009-benchmark.md).
Each run appends a dated section below; earlier results are kept. The machines are shared and
noisy: compare figures within one run (ratios), not across runs, and read medians.
`;

const ENDPOINT_LABELS: Record<Endpoint, string> = {
  dashboard: "Dashboard `/`",
  explorer: "Explorer `/commitments` (filters + search)",
  commitment: "Commitment page `/commitments/[id]`",
  company: "Company page `/companies/[slug]`",
  deadlines: "Deadlines `/deadlines`",
  api: "API `/api/v1/commitments` (same filters)",
};

type Verdict = { measure: string; target: string; figure: string; met: boolean | null };

/** Medians of the app-and-floor turns: req/s, their ratio, and p99. */
function floorSummary(rounds: { app: LoadResult; floor: LoadResult }[]) {
  return {
    app: median(rounds.map((x) => x.app.rpsMean)),
    floor: median(rounds.map((x) => x.floor.rpsMean)),
    ratio: median(rounds.map((x) => x.app.rpsMean / x.floor.rpsMean)),
    appP99: median(rounds.map((x) => x.app.p99)),
    floorP99: median(rounds.map((x) => x.floor.p99)),
  };
}

const yes = (met: boolean | null) => (met === null ? "n/a" : met ? "met" : "**not met**");

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function verdicts(r: RunResults): Verdict[] {
  const out: Verdict[] = [];
  const first = r.scales[0];
  const last = r.scales.at(-1);
  const largest = last ? `${int(last.commitments)}` : "?";
  const smoke = r.mode === "smoke";
  for (const e of ["dashboard", "explorer", "api"] as const) {
    const a = first?.endpoints[e];
    const b = last?.endpoints[e];
    if (!a || !b || !first || !last) continue;
    const rel = b.rps / a.rps;
    if (first !== last) {
      out.push({
        measure: `${ENDPOINT_LABELS[e]}: throughput at ${largest} ÷ at ${int(first.commitments)}`,
        target: `≥ ${TARGETS.scaleThroughputRatio}`,
        figure: `${int(b.rps)} ÷ ${int(a.rps)} req/s = ${rel.toFixed(2)}`,
        met: rel >= TARGETS.scaleThroughputRatio,
      });
    }
    out.push({
      measure: `${ENDPOINT_LABELS[e]}: p99 at ${largest}`,
      target: `< ${TARGETS.p99Ms} ms`,
      figure: ms(b.p99),
      met: smoke ? null : b.p99 < TARGETS.p99Ms,
    });
  }
  if (last?.floorRounds?.length) {
    const f = floorSummary(last.floorRounds);
    out.push({
      measure: `API throughput ÷ bare node:http floor, at ${largest}`,
      target: `≥ ${TARGETS.floorRatio}`,
      figure: `median of ${last.floorRounds.length} turns: ${f.ratio.toFixed(2)} (${int(f.app)} ÷ ${int(f.floor)} req/s)`,
      met: smoke ? null : f.ratio >= TARGETS.floorRatio,
    });
  }
  const s = r.submissions;
  if (s) {
    out.push({
      measure: `Submissions per second (${s.available ? s.clients : "?"} clients)`,
      target: `≥ ${TARGETS.submissionsPerSecond}/s`,
      figure: s.available
        ? `${s.clientsOutOfAccounts ? "at least " : ""}${s.perSecond.toFixed(0)}/s`
        : "not available",
      met: s.available && !smoke ? s.perSecond >= TARGETS.submissionsPerSecond : null,
    });
    out.push({
      measure: "Acknowledged submissions lost",
      target: "0",
      figure: s.available ? `${s.lost} of ${s.acknowledged}` : "not available",
      met: s.available ? s.lost === 0 : null,
    });
  }
  if (r.search) {
    out.push({
      measure: `Search p99 at ${int(r.search.commitments)}, through the API, one connection`,
      target: `< ${TARGETS.searchP99Ms} ms`,
      figure: ms(r.search.http.p99),
      met: smoke ? null : r.search.http.p99 < TARGETS.searchP99Ms,
    });
    out.push({
      measure: `Search p99 at ${int(r.search.commitments)}, searchCommitments in process`,
      target: `< ${TARGETS.searchP99Ms} ms`,
      figure: ms(r.search.p99),
      met: smoke ? null : r.search.p99 < TARGETS.searchP99Ms,
    });
  }
  for (const p of r.pageWeights ?? []) {
    out.push({
      measure: `First-load JS of \`${p.path}\``,
      target: `≤ ${kib(TARGETS.firstLoadJsBytes)}`,
      figure: kib(p.firstLoadBytes),
      met: p.firstLoadBytes <= TARGETS.firstLoadJsBytes,
    });
    if (p.chartBytes > 0) {
      out.push({
        measure: `Chart JS loaded lazily by \`${p.path}\``,
        target: `≤ ${kib(TARGETS.chartJsBytes)} more`,
        figure: kib(p.chartBytes),
        met: p.chartBytes <= TARGETS.chartJsBytes,
      });
    }
  }
  for (const l of r.lighthouse ?? []) {
    out.push({
      measure: `Lighthouse performance, \`${l.path}\` (mobile, median)`,
      target: `≥ ${TARGETS.lighthousePerformance}`,
      figure: String(l.performance),
      met: l.performance >= TARGETS.lighthousePerformance,
    });
    out.push({
      measure: `Lighthouse accessibility, \`${l.path}\``,
      target: `${TARGETS.lighthouseAccessibility}`,
      figure: String(l.accessibility),
      met: l.accessibility >= TARGETS.lighthouseAccessibility,
    });
  }
  if (last) {
    out.push({
      measure: `Server peak RSS (VmHWM) at ${largest}`,
      target: `< ${mib(TARGETS.rssBytes)}`,
      figure: mib(last.memory.hwmBytes),
      met: smoke ? null : last.memory.hwmBytes < TARGETS.rssBytes,
    });
  }
  return out;
}

export function renderSection(r: RunResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `## ${r.startedAt.slice(0, 16).replace("T", " ")} UTC — ${r.mode === "smoke" ? "smoke run" : "full run"}`,
  );
  lines.push("");
  lines.push(
    `- Machine: ${m.cpus} cores (${m.cpuModel}), ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB, Node ${m.node}, ${m.os}`,
  );
  lines.push(
    `- Tree: ${r.git.head}${r.git.changedFiles ? ` with ${r.git.changedFiles} uncommitted file(s)` : ""}, build ${r.buildId}; finished ${r.finishedAt.slice(11, 19)} UTC`,
  );
  lines.push(
    `- Load: autocannon, ${r.settings.connections} keep-alive connections; after a ${r.settings.warmupSeconds} s warm-up, each endpoint gets about ${r.settings.measureSeconds} s at each scale${r.baseline ? " and on the baseline" : ""}, in ${r.settings.rounds ?? r.scales[0]?.floorRounds?.length ?? "several"} turns taken in rotation with the other servers (all running at once); a turn is a fixed number of requests sized by the warm-up's rate, so that no response is cut off in flight; req/s, p50 and p99 are the medians of the turns`,
  );
  lines.push("- Commands:");
  lines.push("");
  lines.push("  ```sh");
  for (const c of r.commands) lines.push(`  ${c}`);
  lines.push("  ```");
  lines.push("");

  lines.push("### Targets (issue 6)");
  lines.push("");
  lines.push(
    table(
      ["measure", "target", "figure", "met?"],
      verdicts(r).map((v) => [v.measure, v.target, v.figure, yes(v.met)]),
    ),
  );
  lines.push("");
  lines.push(...renderIssue11(r));

  lines.push("### Throughput and latency by scale");
  lines.push("");
  const rows: string[][] = [];
  for (const e of ENDPOINTS) {
    for (const s of r.scales) {
      const x = s.endpoints[e];
      if (!x) continue;
      const base = r.scales[0]?.endpoints[e];
      rows.push([
        ENDPOINT_LABELS[e],
        int(s.commitments),
        int(x.rps),
        base ? ratio(x.rps / base.rps) : "",
        ms(x.p50),
        ms(x.p99),
        ms(x.max),
        kib(x.bytesPerResponse),
        x.non2xx || x.errors ? `${x.non2xx} non-2xx, ${x.errors} errors` : "0",
      ]);
    }
  }
  lines.push(
    table(["endpoint", "commitments", "req/s", "vs smallest", "p50", "p99", "max", "body", "failures"], rows),
  );
  lines.push("");
  lines.push(
    `Explorer and API view: \`${r.scales[0]?.paths.api.split("?")[1] ?? ""}\`; matches: ${r.scales
      .map((s) => `${int(s.samples.explorerMatches)} at ${int(s.commitments)}`)
      .join(
        ", ",
      )}. Commitment pages: ${r.scales.map((s) => `\`/commitments/${s.samples.commitmentId}\``).join(", ")}. Company pages (the commitment's company): ${r.scales.map((s) => `\`${s.paths.company}\` (${int(s.samples.companyCommitments)} commitments)`).join(", ")}.`,
  );
  lines.push("");

  const b = r.baseline;
  const same = b && r.scales.find((s) => s.commitments === b.scale.commitments);
  if (b && same) {
    lines.push(
      `### This build against the baseline (${b.rev}, ${b.sha.slice(0, 7)}) at ${int(b.scale.commitments)}`,
    );
    lines.push("");
    lines.push(
      `The baseline is built from its own checkout (${b.reused ? "build reused from an earlier run" : `built in ${b.buildSeconds.toFixed(0)} s`}; started with ${b.kind === "next" ? "`next start`" : "its `npm start`"}${b.lockfileDiffers ? "; its package-lock.json differs from this checkout's, whose node_modules it ran with" : ""}) and served from its own copy of the same database; its turns alternate with the new build's, so both see the same load.`,
    );
    lines.push("");
    lines.push(
      table(
        [
          "endpoint",
          "new req/s",
          "baseline req/s",
          "new ÷ baseline",
          "new p99",
          "baseline p99",
          "new body",
          "baseline body",
        ],
        ENDPOINTS.flatMap((e) => {
          const x = same.endpoints[e];
          const y = b.scale.endpoints[e];
          if (!x || !y) return [];
          return [
            [
              ENDPOINT_LABELS[e],
              int(x.rps),
              int(y.rps),
              ratio(x.rps / y.rps),
              ms(x.p99),
              ms(y.p99),
              kib(x.bytesPerResponse),
              kib(y.bytesPerResponse),
            ],
          ];
        }),
      ),
    );
    lines.push("");
  }

  lines.push("### API against the bare node:http floor");
  lines.push("");
  lines.push(
    "The floor (scripts/bench/floor-server.ts) runs the route's own code: the same zod parsing, `searchCommitments` and `commitmentListJson`, the same links, on the same file, with node:http and nothing else.",
  );
  lines.push("");
  lines.push(
    table(
      ["commitments", "API req/s", "floor req/s", "API ÷ floor", "API p99", "floor p99"],
      r.scales.flatMap((s) => {
        if (!s.floorRounds?.length) return [];
        const f = floorSummary(s.floorRounds);
        return [
          [int(s.commitments), int(f.app), int(f.floor), f.ratio.toFixed(2), ms(f.appP99), ms(f.floorP99)],
        ];
      }),
    ),
  );
  lines.push("");
  lines.push(
    `Medians over ${r.scales[0]?.floorRounds?.length ?? 0} turns of ${r.scales[0]?.floorRounds?.[0]?.app.seconds.toFixed(1) ?? "?"} s, app and floor alternating.`,
  );
  lines.push("");

  if (r.search) {
    const s = r.search;
    lines.push(`### Search at ${int(s.commitments)} commitments`);
    lines.push("");
    lines.push(
      `Through the API, one connection, the terms in turn for ${s.http.seconds.toFixed(0)} s: ${int(s.http.responses)} requests, p50 ${ms(s.http.p50)}, p99 ${ms(s.http.p99)}, max ${ms(s.http.max)}. In process (searchCommitments, ${Math.min(...s.inProcess.map((t) => t.calls))} to ${Math.max(...s.inProcess.map((t) => t.calls))} calls per term after the first): p50 ${ms(s.p50)}, p99 ${ms(s.p99)}; the first call for a term, which also counts its matches, took at most ${ms(s.coldMaxMs)}, and with the explorer's facet counts for that search (what the explorer page queries the first time anyone searches it; both are then kept until the data change) at most ${ms(s.firstViewMaxMs)}.`,
    );
    lines.push("");
    lines.push(
      table(
        ["q", "matches", "first call", "first facet counts", "p50 after", "p99 after"],
        s.inProcess.map((t) => [
          `\`${t.term}\``,
          int(t.matches),
          ms(t.coldMs),
          ms(t.facetsColdMs),
          ms(t.p50),
          ms(t.p99),
        ]),
      ),
    );
    lines.push("");
  }

  if (r.submissions) {
    const s = r.submissions;
    lines.push(`### Submissions (server action) at ${int(s.commitments)} commitments`);
    lines.push("");
    if (!s.available) {
      lines.push(`Not available: ${s.reason}.`);
    } else {
      lines.push(
        table(
          [
            "clients (accounts)",
            "seconds",
            "sent",
            "acknowledged (303)",
            "per second",
            "p50",
            "p99",
            "stored",
            "lost",
            "answers",
          ],
          [
            [
              `${s.clients} (${s.accounts})`,
              s.seconds.toFixed(1),
              int(s.sent),
              int(s.acknowledged),
              s.perSecond.toFixed(1),
              ms(s.p50),
              ms(s.p99),
              int(s.stored),
              String(s.lost),
              Object.entries(s.statuses)
                .map(([k, v]) => `${k}: ${v}`)
                .join(", "),
            ],
          ],
        ),
      );
      lines.push(
        "",
        `Each client posts the commitment form as a browser without JavaScript does, taking turns through its accounts (the app allows one person 30 submissions in 10 minutes); the ${s.accounts} accounts signed in beforehand in ${s.signInSeconds.toFixed(1)} s.` +
          (s.clientsOutOfAccounts
            ? ` ${s.clientsOutOfAccounts} client(s) used up their accounts before the end, so the rate is a floor.`
            : ""),
      );
      if (s.firstRefusal) lines.push("", `First answer that was not an acknowledgement: ${s.firstRefusal}`);
    }
    lines.push("");
  }

  if (r.pageWeights) {
    lines.push(`### JavaScript per page (gzipped, Debian Chromium, at ${int(r.pageWeightScale ?? 0)})`);
    lines.push("");
    lines.push(
      table(
        [
          "page",
          "first-load JS",
          "files",
          "charts (lazy)",
          "other lazy",
          "all scripts on the wire",
          "link prefetches while loading",
        ],
        r.pageWeights.map((p) => [
          `\`${p.path}\``,
          kib(p.firstLoadBytes),
          String(p.firstLoadFiles),
          p.chartBytes ? kib(p.chartBytes) : "—",
          p.otherLazyBytes ? kib(p.otherLazyBytes) : "—",
          kib(p.wireBytes),
          String(p.rscRequests),
        ]),
      ),
    );
    lines.push("");
  }

  if (r.lighthouse) {
    lines.push(`### Lighthouse 12 at ${int(r.lighthouseScale ?? 0)} (Debian Chromium, headless)`);
    lines.push("");
    lines.push(
      table(
        [
          "page",
          "performance (mobile runs)",
          "desktop",
          "accessibility",
          "FCP",
          "LCP",
          "TBT",
          "CLS",
          "failed a11y audits",
        ],
        r.lighthouse.map((l) => [
          `\`${l.path}\``,
          `${l.performance} (${l.performanceRuns.join(", ")})`,
          String(l.desktopPerformance),
          String(l.accessibility),
          ms(l.fcp),
          ms(l.lcp),
          ms(l.tbt),
          l.cls.toFixed(3),
          l.accessibilityFailures.join("; ") || "none",
        ]),
      ),
    );
    lines.push("");
  }

  lines.push("### Server memory");
  lines.push("");
  lines.push(
    table(
      [
        "commitments",
        "database file",
        "RSS after start",
        "peak RSS (sampled every 200 ms)",
        "peak RSS (VmHWM)",
        "load average at start",
      ],
      r.scales.map((s) => [
        int(s.commitments),
        mib(s.samples.sizeBytes),
        s.memory.atStart ? mib(s.memory.atStart.rssBytes) : "n/a",
        mib(s.memory.sampledRssBytes),
        mib(s.memory.hwmBytes),
        s.loadAverage,
      ]),
    ),
  );
  lines.push("");
  return lines.join("\n");
}

export function appendToBenchmarks(section: string): void {
  const existing = fs.existsSync(BENCHMARKS) ? fs.readFileSync(BENCHMARKS, "utf8") : HEADER;
  fs.writeFileSync(BENCHMARKS, `${existing.trimEnd()}\n\n${section.trimEnd()}\n`);
}
