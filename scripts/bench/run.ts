import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  build,
  memoryOf,
  snapshotBuild,
  startApp,
  startArgs,
  warm,
  type AppServer,
  type Snapshot,
} from "./app-server";
import {
  APP_PORTS,
  APP_SNAPSHOT,
  BASELINE_PORT,
  BENCH_DATA,
  CHECKOUT_TAG,
  DEFAULT_BASELINE,
  EXPLORER_FILTERS,
  FLOOR_PORT,
  FULL,
  NGINX_PORT,
  PROXY_FRESHNESS_LIMIT_SECONDS,
  ROOT,
  SCALES,
  SEARCH_TERMS,
  SMOKE,
  SMOKE_SCALES,
  TARGETS,
  TODAY,
  VISIT_IDLE_MS,
  VISIT_PATH,
  type Durations,
} from "./config";
import { prepareBaseline, type Baseline } from "./baseline";
import { samples, syntheticDatabase, workingCopy, type Samples } from "./databases";
import { startFloor } from "./floor";
import { measureLighthouse } from "./lighthouse";
import { combineTurns, describe, load, turnAmount, warmup, type LoadResult } from "./load";
import { proxyFreshness, replay, replayMix, startNginx } from "./proxy";
import { PROXY_SHARE_RULE } from "./proxy-share";
import { measureFirstRequests } from "./publication";
import { measureVisits } from "./visit";
import { int, median, ms, ratio } from "./stats";
import { measurePageWeights } from "./page-weight";
import { appendToBenchmarks, renderSection } from "./report";
import { ENDPOINTS, type Endpoint, type RunResults, type ScaleResult } from "./results";
import { measureSearch } from "./search";
import { measureSubmissions, SUBMIT_PATH } from "./submissions";

// npm run bench: the production build on synthetic databases of 1k, 10k and 100k commitments,
// loaded endpoint by endpoint, then written to BENCHMARKS.md (issue 6). --smoke: 1k only, short
// loads, no Lighthouse, nothing written unless --write.

const USAGE = `Usage: npm run bench [-- options]

  --smoke      1k commitments only, ~2 s per endpoint, no Lighthouse; BENCHMARKS.md is left alone
  --write      with --smoke: append the result to BENCHMARKS.md all the same
  --no-build   serve the existing .next (and .next/tracker-server.mjs) instead of building first
  --baseline REV
               the build to compare with, at the largest scale, in turns (default ${DEFAULT_BASELINE});
               checked out and built once in .bench-data/baseline-<sha>, then reused
  --no-baseline
               no comparison (quicker smoke runs)
  --scales N[,N…]
               these numbers of commitments instead (e.g. 100000 alone)
  --cpu-prof   servers write V8 CPU profiles to .bench-data/profiles when stopped
  --help       this text`;

type Options = {
  smoke: boolean;
  write: boolean;
  build: boolean;
  cpuProf: boolean;
  /** The revision to compare with, or null for none. */
  baseline: string | null;
  scales: number[] | null;
};

function options(): Options | null {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      smoke: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      baseline: { type: "string", default: DEFAULT_BASELINE },
      "no-baseline": { type: "boolean", default: false },
      scales: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  return {
    smoke: values.smoke,
    write: values.write,
    build: !values["no-build"],
    cpuProf: values["cpu-prof"],
    baseline: values["no-baseline"] ? null : values.baseline,
    scales: values.scales ? parseScales(values.scales) : null,
  };
}

function parseScales(text: string): number[] {
  const scales = text.split(",").map((x) => Number(x.trim().replace(/_/g, "")));
  if (scales.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error(`--scales wants whole numbers of commitments, at least 100: ${text}`);
  return [...new Set(scales)].sort((a, b) => a - b);
}

const explorerQuery = new URLSearchParams(EXPLORER_FILTERS).toString();

function pathsFor(sample: Samples): Record<Endpoint, string> {
  return {
    dashboard: "/",
    explorer: `/commitments?${explorerQuery}`,
    commitment: `/commitments/${sample.commitmentId}`,
    company: `/companies/${sample.commitmentCompanySlug}`,
    deadlines: "/deadlines",
    api: `/api/v1/commitments?${explorerQuery}`,
  };
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function machine(): RunResults["machine"] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

/** One scale's database and server (of the new build, or the baseline's), running for the whole measuring phase. */
type Scale = { result: ScaleResult; server: AppServer; database: string; label: string };

async function prepareScale(
  commitments: number,
  port: number,
  snapshot: Snapshot,
  o: Options,
  build: "new" | "baseline" = "new",
): Promise<Scale> {
  const cached = await syntheticDatabase(commitments);
  // The baseline works on a copy of its own: the new build's writes never reach it.
  const database = workingCopy(cached.file, commitments, build === "new" ? "run" : "baseline");
  const sample = samples(database, commitments);
  const label = build === "new" ? String(commitments) : `baseline-${commitments}`;
  log(
    `${label}: ${commitments.toLocaleString("en-US")} commitments, ${cached.reused ? "reused" : "made"} ${path.relative(ROOT, cached.file)}`,
  );
  const profiles = o.cpuProf ? path.join(BENCH_DATA, "profiles", label) : undefined;
  if (profiles) fs.mkdirSync(profiles, { recursive: true });
  const server = await startApp(snapshot, database, port, label, profiles);
  log(
    `  npm start (${snapshot.kind === "tracker" ? "tracker-server.mjs" : "next start"}) on ${server.origin}, pid ${server.pid}`,
  );
  return {
    server,
    database,
    label,
    result: {
      build,
      commitments,
      database: { reused: cached.reused, makeSeconds: cached.seconds, sizeBytes: sample.sizeBytes },
      samples: sample,
      paths: pathsFor(sample),
      endpoints: {},
      memory: { sampledRssBytes: 0, hwmBytes: 0, atStart: memoryOf(server.pid) },
      loadAverage: loadAverage(),
    },
  };
}

/**
 * Every endpoint at every scale, in turns: each round loads each scale's server once, starting
 * from a different scale each round, so that a neighbour's burst of work is spread over all the
 * scales instead of landing on one of them.
 */
async function measureEndpoints(scales: Scale[], d: Durations): Promise<void> {
  for (const s of scales) await warm(s.server.origin, Object.values(s.result.paths), 5);
  const turn = { connections: d.connections, duration: Math.max(1, d.measure / d.rounds) };
  for (const e of ENDPOINTS) {
    const amounts = new Map<Scale, number>();
    for (const s of scales) {
      const w = await warmup(`${s.server.origin}${s.result.paths[e]}`, { ...turn, duration: d.warmup });
      amounts.set(s, turnAmount(w.rpsMean, d.connections, turn.duration));
    }
    const turns = new Map<Scale, LoadResult[]>(scales.map((s) => [s, []]));
    for (let round = 0; round < d.rounds; round++) {
      for (let i = 0; i < scales.length; i++) {
        const s = scales[(round + i) % scales.length] as Scale;
        turns
          .get(s)
          ?.push(await load(`${s.server.origin}${s.result.paths[e]}`, { ...turn, amount: amounts.get(s) }));
      }
    }
    for (const s of scales) {
      const r = combineTurns(turns.get(s) ?? []);
      s.result.endpoints[e] = r;
      log(`  ${e.padEnd(10)} ${s.label.padStart(15)}  ${describe(r)}`);
    }
    const baseline = scales.find((s) => s.result.build === "baseline");
    const same = scales.find(
      (s) => s.result.build === "new" && s.result.commitments === baseline?.result.commitments,
    );
    const old = baseline?.result.endpoints[e];
    const now = same?.result.endpoints[e];
    if (old && now) log(`  ${e.padEnd(10)} ${"new ÷ baseline".padStart(15)}  ${ratio(now.rps / old.rps)}`);
  }
}

/** One real visit, cold then warm, on servers that have served nothing yet but their readiness probe. */
async function measureVisit(s: Scale, baseline: Scale | null, results: RunResults): Promise<void> {
  const now = await measureVisits(s.server.origin, VISIT_PATH, VISIT_IDLE_MS);
  const old = baseline ? await measureVisits(baseline.server.origin, VISIT_PATH, VISIT_IDLE_MS) : undefined;
  results.visits = { commitments: s.result.commitments, new: now, baseline: old };
  for (const [label, visits] of [
    [s.label, now],
    [baseline?.label ?? "", old ?? []],
  ] as const) {
    for (const v of visits)
      log(
        `  visit ${VISIT_PATH} ${v.kind} on ${label}: ${v.renders ?? "?"} renders counted by the server; the browser sent ${v.requests.length} requests besides ${v.staticRequests} static files`,
      );
  }
}

/** The first request of each view after a publication, on the new build and then the baseline. */
async function measureFirstRequestsAfterPublication(
  s: Scale,
  baseline: Scale | null,
  d: Durations,
  results: RunResults,
): Promise<void> {
  const p = s.result.paths;
  const views = [
    { name: "dashboard", path: p.dashboard, showsDescription: false },
    { name: "explorer", path: p.explorer, showsDescription: false },
    { name: "commitment", path: p.commitment, showsDescription: true },
    { name: "api", path: p.api, showsDescription: false },
  ];
  const [now, old] = await measureFirstRequests({
    targets: [s, ...(baseline ? [baseline] : [])].map((x) => ({
      label: x.label,
      origin: x.server.origin,
      database: x.database,
      commitmentId: x.result.samples.commitmentId,
    })),
    views,
    repetitions: d.firstRequestRepetitions,
  });
  if (!now) throw new Error("No first-request result");
  results.firstRequests = { commitments: s.result.commitments, new: now, baseline: old };
  for (const v of now.views) {
    const b = old?.views.find((x) => x.name === v.name);
    log(
      `  first request after a publication, ${v.name.padEnd(10)} median ${ms(v.median)} (${v.timings.map((t) => t.toFixed(0)).join(", ")}; ${[...new Set(v.cache)].join("/") || "no cache header"})${v.fresh === false ? " STALE" : ""}${b ? `; baseline ${ms(b.median)}` : ""}`,
    );
  }
}

/** The read mix through nginx in front of the new build, then a publication seen through it. */
async function measureProxy(s: Scale, d: Durations, results: RunResults): Promise<void> {
  const nginx = await startNginx(new URL(s.server.origin).host, NGINX_PORT);
  try {
    const paths = replayMix(s.database, s.result.commitments);
    log(
      `  nginx on ${nginx.setup.origin} in front of ${s.server.origin}: ${paths.length} paths for ${d.replay} s`,
    );
    const replayed = await replay({
      proxyOrigin: nginx.setup.origin,
      appOrigin: s.server.origin,
      paths,
      seconds: d.replay,
      connections: d.connections,
    });
    const freshness = await proxyFreshness({
      proxyOrigin: nginx.setup.origin,
      database: s.database,
      commitmentId: s.result.samples.commitmentId,
      limitSeconds: PROXY_FRESHNESS_LIMIT_SECONDS + 10,
    });
    results.proxy = {
      commitments: s.result.commitments,
      replay: replayed,
      freshness,
      command: nginx.setup.commandLine.replaceAll(nginx.setup.dir, "<dir>"),
    };
    results.commands.push(
      `${results.proxy.command}   # nginx, with <dir>/nginx.conf written by writeNginxConfig({ dir, listen: ${NGINX_PORT}, upstream: "${new URL(s.server.origin).host}" }) of scripts/nginx/config.ts`,
    );
    const share = replayed.share;
    log(
      `  nginx      ${int(replayed.responses)} answers (${replayed.perSecond.toFixed(0)}/s, p99 ${ms(replayed.p99)}): ${(share.share * 100).toFixed(1)}% answered by the proxy (${Object.entries(
        replayed.cacheStatuses,
      )
        .map(([k, v]) => `${k || "none"} ${v}`)
        .join(", ")}); ${PROXY_SHARE_RULE}`,
    );
    if (replayed.app)
      log(
        `  nginx      the tracker saw ${replayed.app.requests} of them (${replayed.app.notModified} revalidations answered 304, ${replayed.app.renders} renders): ${(replayed.app.shareUnseen * 100).toFixed(1)}% never reached it`,
      );
    log(
      `  nginx      a publication showed through the proxy after ${freshness.seconds === null ? `more than ${freshness.limitSeconds} s` : `${freshness.seconds.toFixed(1)} s`} (${freshness.seen})`,
    );
  } finally {
    await nginx.stop();
  }
}

/** The API against the bare floor on the same file, in turns, so that noise weighs on both alike. */
async function measureFloor(s: Scale, d: Durations): Promise<void> {
  const floor = await startFloor(s.database, String(s.result.commitments));
  try {
    const appUrl = `${s.server.origin}${s.result.paths.api}`;
    const floorUrl = `${floor.origin}${s.result.paths.api}`;
    const turn = { connections: d.connections, duration: Math.max(1, d.measure / d.rounds) };
    await warmup(floorUrl, { ...turn, duration: d.warmup });
    s.result.floorRounds = [];
    for (let round = 0; round < d.rounds; round++) {
      s.result.floorRounds.push({ app: await load(appUrl, turn), floor: await load(floorUrl, turn) });
    }
    const ratios = s.result.floorRounds.map((r) => r.app.rpsMean / r.floor.rpsMean);
    log(
      `  floor      ${String(s.result.commitments).padStart(6)}  app ÷ floor ${median(ratios).toFixed(2)} (${ratios.map((x) => x.toFixed(2)).join(", ")})`,
    );
  } finally {
    await floor.stop();
  }
}

async function measureLargest(
  s: Scale,
  snapshot: Snapshot,
  d: Durations,
  o: Options,
  results: RunResults,
): Promise<void> {
  const { commitments } = s.result;
  const search = await measureSearch(s.server.origin, s.database, SEARCH_TERMS, d.search, o.smoke ? 30 : 200);
  results.search = { ...search, commitments };
  log(
    `  search     http p50 ${search.http.p50} ms p99 ${search.http.p99} ms; in process p50 ${search.p50.toFixed(2)} ms p99 ${search.p99.toFixed(2)} ms`,
  );
  // Last: it writes, which empties every cache that depends on the data.
  const submit = await measureSubmissions({
    origin: s.server.origin,
    database: s.database,
    companySlug: s.result.samples.companySlug,
    clients: d.submitClients,
    seconds: d.submissions,
    // Accounts enough for the target with a quarter to spare; more is measured as "at least".
    capacityPerSecond: TARGETS.submissionsPerSecond * 1.25,
    routeBuilt: snapshot.routes.includes(SUBMIT_PATH),
  });
  results.submissions = { ...submit, commitments };
  log(
    submit.available
      ? `  submit     ${submit.perSecond.toFixed(1)}/s acknowledged, p99 ${submit.p99.toFixed(1)} ms, stored ${submit.stored}, lost ${submit.lost}`
      : `  submit     not available: ${submit.reason}`,
  );
}

async function main(): Promise<number> {
  const o = options();
  if (!o) {
    console.log(USAGE);
    return 0;
  }
  const d = o.smoke ? SMOKE : FULL;
  const scales: readonly number[] = o.scales ?? (o.smoke ? SMOKE_SCALES : SCALES);
  const largest = Math.max(...scales);
  const middle = scales.includes(10_000) ? 10_000 : largest;
  fs.mkdirSync(BENCH_DATA, { recursive: true });

  const started = new Date();
  if (o.build) {
    log("npm run build (next build, then the server bundle)");
    await build();
  }
  const snapshot = snapshotBuild();
  log(`build ${snapshot.buildId} copied to ${APP_SNAPSHOT}`);

  const results: RunResults = {
    mode: o.smoke ? "smoke" : "full",
    startedAt: started.toISOString(),
    finishedAt: "",
    machine: machine(),
    git: {
      head: git(["rev-parse", "--short", "HEAD"]),
      changedFiles: git(["status", "--porcelain"]).split("\n").filter(Boolean).length,
    },
    buildId: snapshot.buildId,
    settings: {
      connections: d.connections,
      warmupSeconds: d.warmup,
      measureSeconds: d.measure,
      rounds: d.rounds,
    },
    scales: [],
    commands: [
      `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}   # tsx --conditions=react-server scripts/bench/run.ts`,
      ...(o.build
        ? [
            `npm run build   # next build && node scripts/build-server.mjs; then .next (without its cache) is copied to ${APP_SNAPSHOT}`,
          ]
        : []),
      ...scales.map(
        (n) =>
          `DATABASE_URL=.bench-data/synthetic-${n}.db TRACKER_TODAY=${TODAY} npm run db:seed:synthetic -- --commitments ${n}   # once; reused while drizzle/*.sql and the generator are unchanged`,
      ),
      `DATABASE_URL=.bench-data/run-N-${CHECKOUT_TAG}.db TRACKER_TODAY=${TODAY} TRACKER_EXPOSE_METRICS=1 NEXT_TELEMETRY_DISABLED=1 node ${startArgs(snapshot.kind, scales.map((_, i) => APP_PORTS[i]).join("|")).join(" ")}   # npm start, one per scale, in the copy; run-N-${CHECKOUT_TAG}.db is a fresh copy of synthetic-N.db`,
      `DATABASE_URL=.bench-data/run-N-${CHECKOUT_TAG}.db PORT=${FLOOR_PORT} node --conditions=react-server --import tsx scripts/bench/floor-server.ts`,
    ],
  };

  let baseline: Baseline | null = null;
  if (o.baseline) {
    baseline = await prepareBaseline(o.baseline, log);
    log(
      `baseline ${o.baseline} (${baseline.sha.slice(0, 12)}): build ${baseline.snapshot.buildId}, ${baseline.reused ? "reused" : `made in ${baseline.buildSeconds.toFixed(0)} s`}, started with ${baseline.snapshot.kind === "tracker" ? "tracker-server.mjs" : "next start"}`,
    );
    results.commands.push(
      `git worktree add --detach .bench-data/baseline-${baseline.sha.slice(0, 12)} ${baseline.sha.slice(0, 12)} && cp -al node_modules .bench-data/baseline-${baseline.sha.slice(0, 12)}/ && (cd .bench-data/baseline-${baseline.sha.slice(0, 12)} && npx next build)   # the baseline (${o.baseline}), once; reused while .next/BUILD_ID is the one built`,
      `DATABASE_URL=.bench-data/baseline-${largest}-${CHECKOUT_TAG}.db TRACKER_TODAY=${TODAY} NEXT_TELEMETRY_DISABLED=1 node ${startArgs(baseline.snapshot.kind, BASELINE_PORT).join(" ")}   # in the baseline's checkout, on its own copy of synthetic-${largest}.db`,
    );
  }

  const running: Scale[] = [];
  let baselineScale: Scale | null = null;
  try {
    for (const [i, n] of scales.entries())
      running.push(await prepareScale(n, APP_PORTS[i] ?? APP_PORTS[0] + 2 * i, snapshot, o));
    if (baseline)
      baselineScale = await prepareScale(largest, BASELINE_PORT, baseline.snapshot, o, "baseline");
    // First, while the largest servers have served nothing but their readiness probe.
    await measureVisit(running.at(-1) as Scale, baselineScale, results);
    // The baseline takes its turns beside the new build's largest scale, so both see the same load.
    await measureEndpoints(baselineScale ? [...running, baselineScale] : running, d);
    await measureFirstRequestsAfterPublication(running.at(-1) as Scale, baselineScale, d, results);
    await measureProxy(running.at(-1) as Scale, d, results);
    for (const s of running) await measureFloor(s, d);

    const middleScale = running.find((s) => s.result.commitments === middle) as Scale;
    const pagePaths = [
      "/",
      "/commitments",
      middleScale.result.paths.commitment,
      "/companies",
      "/states",
      "/methodology",
    ];
    results.pageWeights = await measurePageWeights(middleScale.server.origin, pagePaths);
    results.pageWeightScale = middle;
    for (const p of results.pageWeights)
      log(
        `  JS ${p.path}: first load ${(p.firstLoadBytes / 1024).toFixed(1)} KB, charts ${(p.chartBytes / 1024).toFixed(1)} KB`,
      );
    if (!o.smoke) {
      results.lighthouse = await measureLighthouse(
        middleScale.server.origin,
        ["/", "/commitments", middleScale.result.paths.commitment],
        d.lighthouseRuns,
      );
      results.lighthouseScale = middle;
    }
    await measureLargest(running.at(-1) as Scale, snapshot, d, o, results);
  } finally {
    if (baselineScale && baseline) {
      const s = baselineScale;
      s.result.memory = { ...s.server.memory.peak(), atStart: s.result.memory.atStart };
      await s.server.stop();
      log(`  ${s.label}: server stopped; peak RSS ${(s.result.memory.hwmBytes / 1024 / 1024).toFixed(0)} MB`);
      results.baseline = {
        rev: baseline.rev,
        sha: baseline.sha,
        buildId: baseline.snapshot.buildId,
        kind: baseline.snapshot.kind,
        reused: baseline.reused,
        buildSeconds: baseline.buildSeconds,
        lockfileDiffers: baseline.lockfileDiffers,
        scale: s.result,
      };
    }
    for (const s of running) {
      s.result.memory = { ...s.server.memory.peak(), atStart: s.result.memory.atStart };
      await s.server.stop();
      log(
        `  ${s.result.commitments} commitments: server stopped; peak RSS ${(s.result.memory.hwmBytes / 1024 / 1024).toFixed(0)} MB`,
      );
      results.scales.push(s.result);
    }
  }
  results.finishedAt = new Date().toISOString();

  const json = path.join(BENCH_DATA, `results-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const section = renderSection(results);
  console.log(`\n${section}`);
  if (!o.smoke || o.write) {
    appendToBenchmarks(section);
    log("appended to BENCHMARKS.md");
  }
  log(
    `results: ${path.relative(ROOT, json)}; took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
