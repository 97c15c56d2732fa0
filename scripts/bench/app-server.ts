import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FrontMetrics } from "@/server/front";
import { APP_SNAPSHOT, BENCH_DATA, ROOT, TODAY } from "./config";
import { run, sleep, startProcess, stopProcess, type Started } from "./processes";

// The production build, served exactly as the checkout's own `npm start` serves it, on a
// synthetic database: since issue 11 that is the tracker's server (`node .next/tracker-server.mjs`,
// Next behind the response cache); before it, `next start`. The build is made once per run and
// copied out of the shared tree first.

const BUILD_ATTEMPTS = 3;
const BUILD_RETRY_MS = 60_000;

/** How a checkout is started: its own server bundle, or `next start` (builds before issue 11). */
export type ServerKind = "tracker" | "next";

/** What the checkout's package.json `start` script runs. */
export function serverKindOf(dir: string): ServerKind {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return /tracker-server\.mjs/.test(pkg.scripts?.start ?? "") ? "tracker" : "next";
}

/**
 * The checkout's `npm run build`: `npx next build`, then the server bundle when the checkout has
 * one; retried a minute later when the shared tree is mid-edit.
 */
export async function build(dir: string = ROOT): Promise<void> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (let attempt = 1; ; attempt++) {
    try {
      await run("npx", ["next", "build"], { cwd: dir, env });
      if (serverKindOf(dir) === "tracker")
        await run(process.execPath, ["scripts/build-server.mjs"], { cwd: dir, env });
      return;
    } catch (error) {
      if (attempt >= BUILD_ATTEMPTS) throw error;
      console.warn(`next build failed (attempt ${attempt}); retrying in ${BUILD_RETRY_MS / 1000} s`);
      await sleep(BUILD_RETRY_MS);
    }
  }
}

export type Snapshot = { dir: string; buildId: string; routes: string[]; kind: ServerKind };

/**
 * Copies .next (without its cache) and what `next start` reads beside it into `into` (APP_SNAPSHOT);
 * node_modules is linked, not copied. Refuses a build that changed while it was being copied.
 */
export function snapshotBuild(into: string = APP_SNAPSHOT): Snapshot {
  const source = path.join(ROOT, ".next");
  const buildIdOf = (dir: string) => fs.readFileSync(path.join(dir, "BUILD_ID"), "utf8").trim();
  const buildId = buildIdOf(source);
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  fs.cpSync(source, path.join(into, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => {
      const rel = path.relative(source, src);
      return (
        rel !== "cache" &&
        rel !== "dev" &&
        !rel.startsWith(`cache${path.sep}`) &&
        !rel.startsWith(`dev${path.sep}`)
      );
    },
  });
  if (buildIdOf(source) !== buildId || buildIdOf(path.join(into, ".next")) !== buildId) {
    throw new Error(
      "The build changed while it was being copied (another build ran); run the benchmark again",
    );
  }
  for (const name of ["package.json", "next.config.mjs", "drizzle", "public"]) {
    const from = path.join(ROOT, name);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(into, name), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(into, "node_modules"));
  const snapshot = describeBuild(into);
  if (snapshot.kind === "tracker" && !fs.existsSync(path.join(into, TRACKER_SERVER)))
    throw new Error(
      `${TRACKER_SERVER} is missing: run the whole build (npm run build), not next build alone`,
    );
  return snapshot;
}

/** The server bundle `npm start` runs since issue 11 (scripts/build-server.mjs). */
const TRACKER_SERVER = path.join(".next", "tracker-server.mjs");

/** A build in place (the baseline's, which nothing else touches), described without copying. */
export function describeBuild(dir: string): Snapshot {
  const buildId = fs.readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8").trim();
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dir, ".next", "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return { dir, buildId, routes: Object.values(manifest), kind: serverKindOf(dir) };
}

export type MemorySample = { rssBytes: number; hwmBytes: number };

/** VmRSS and VmHWM (the kernel's peak resident size) of a process, from /proc. */
export function memoryOf(pid: number): MemorySample | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    return { rssBytes: kb("VmRSS"), hwmBytes: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** Samples a process's memory every `intervalMs`; `peak()` is the highest seen, VmHWM included. */
export function memorySampler(pid: number, intervalMs = 200) {
  let peakRss = 0;
  let peakHwm = 0;
  const sample = () => {
    const m = memoryOf(pid);
    if (m) {
      peakRss = Math.max(peakRss, m.rssBytes);
      peakHwm = Math.max(peakHwm, m.hwmBytes);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peak: () => {
      sample();
      return { sampledRssBytes: peakRss, hwmBytes: peakHwm };
    },
    stop: () => clearInterval(timer),
  };
}

export type AppServer = {
  origin: string;
  pid: number;
  process: Started;
  memory: ReturnType<typeof memorySampler>;
  logFile: string;
  stop: () => Promise<void>;
};

async function waitUntilServing(url: string, p: Started, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (p.child.exitCode !== null)
      throw new Error(`The server exited with ${p.child.exitCode} before serving`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** The command line of `npm start` for a build, with node and the options spelled out. */
export function startArgs(kind: ServerKind, port: number | string): string[] {
  const listen = ["-p", String(port), "-H", "127.0.0.1"];
  return kind === "tracker"
    ? ["--enable-source-maps", TRACKER_SERVER, ...listen]
    : [path.join("node_modules", "next", "dist", "bin", "next"), "start", ...listen];
}

/**
 * The build's own `npm start` on `database` at `port`, started directly (node, not npm or npx),
 * so that the pid is the server's own and stopping it leaves nothing behind. The tracker's server
 * exposes its cache counters (`/_tracker/metrics`). With `cpuProfileDir`, the server writes a V8
 * CPU profile there when it exits.
 */
export async function startApp(
  snapshot: Snapshot,
  database: string,
  port: number,
  label: string,
  cpuProfileDir?: string,
): Promise<AppServer> {
  const logDir = path.join(BENCH_DATA, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `server-${label}.log`);
  fs.writeFileSync(logFile, "");
  const origin = `http://127.0.0.1:${port}`;
  const nodeArgs = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const p = startProcess(
    process.execPath,
    [...nodeArgs, ...startArgs(snapshot.kind, port)],
    {
      cwd: snapshot.dir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database,
        TRACKER_TODAY: TODAY,
        NEXT_TELEMETRY_DISABLED: "1",
        BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        BETTER_AUTH_URL: origin,
        // The load generator stands in for a proxy in front of many people: it names each
        // contributor's address in X-Forwarded-For, which the app believes only when told that
        // one trusted hop precedes it (docs/decisions/0013).
        TRACKER_TRUSTED_PROXY_HOPS: "1",
        // GET /_tracker/metrics: renders, hits and misses, counted by the server (issue 11).
        TRACKER_EXPOSE_METRICS: "1",
      },
    },
    logFile,
  );
  const memory = memorySampler(p.pid);
  try {
    await waitUntilServing(`${origin}/api/v1/commitments?per_page=1`, p, 120_000);
  } catch (error) {
    memory.stop();
    await stopProcess(p);
    throw error;
  }
  return {
    origin,
    pid: p.pid,
    process: p,
    memory,
    logFile,
    stop: async () => {
      memory.stop();
      await stopProcess(p);
    },
  };
}

/** The counters of the tracker's response cache (server/front.ts). */
export type CacheMetrics = FrontMetrics;

/** GET /_tracker/metrics, or null when the build has no such counters (before issue 11). */
export async function cacheMetrics(origin: string): Promise<CacheMetrics | null> {
  try {
    const response = await fetch(`${origin}/_tracker/metrics`);
    if (!response.ok || !/json/.test(response.headers.get("content-type") ?? "")) {
      await response.arrayBuffer();
      return null;
    }
    return (await response.json()) as CacheMetrics;
  } catch {
    return null;
  }
}

/** Requests each path `times` times, in order, and fails on any answer but 200. */
export async function warm(origin: string, paths: readonly string[], times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    for (const p of paths) {
      const response = await fetch(`${origin}${p}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`Warm-up: ${p} answered ${response.status}`);
    }
  }
}
