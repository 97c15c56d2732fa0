import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { APP_SNAPSHOT, BENCH_DATA, ROOT, TODAY } from "./config";
import { run, sleep, startProcess, stopProcess, type Started } from "./processes";

// The production build, served by `next start` exactly as README's `npm start` serves it, on a
// synthetic database. The build is made once per run and copied out of the shared tree first.

const BUILD_ATTEMPTS = 3;
const BUILD_RETRY_MS = 60_000;

/** `npx next build`, retried a minute later when the shared tree is mid-edit. */
export async function build(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run("npx", ["next", "build"], {
        cwd: ROOT,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      return;
    } catch (error) {
      if (attempt >= BUILD_ATTEMPTS) throw error;
      console.warn(`next build failed (attempt ${attempt}); retrying in ${BUILD_RETRY_MS / 1000} s`);
      await sleep(BUILD_RETRY_MS);
    }
  }
}

export type Snapshot = { dir: string; buildId: string; routes: string[] };

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
  const manifest = JSON.parse(
    fs.readFileSync(path.join(into, ".next", "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return { dir: into, buildId, routes: Object.values(manifest) };
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

/**
 * `next start` on `database` at `port`, started directly (node, not npx), so that the pid is the
 * server's own and stopping it leaves nothing behind. With `cpuProfileDir`, the server writes a
 * V8 CPU profile there when it exits.
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
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const nodeArgs = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const p = startProcess(
    process.execPath,
    [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
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
