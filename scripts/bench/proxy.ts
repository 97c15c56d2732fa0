import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { writeNginxConfig, type NginxSetup } from "../nginx/config";
import { cacheMetrics, type CacheMetrics } from "./app-server";
import { BENCH_DATA, EXPLORER_FILTERS } from "./config";
import { sleep, startProcess, stopProcess } from "./processes";
import { openWriter, publishDescription } from "./publication";
import { proxyShare, type ProxyShare } from "./proxy-share";
import { percentile } from "./stats";

// Through a shared cache (issue 11: at least 95% of a replayed read mix answered by the proxy).
// The benchmark starts Debian's nginx with the configuration of scripts/nginx/config.ts in front of
// the new build, replays a mix of reads at 10 connections for a while longer than s-maxage (so
// that entries go stale and are revalidated in the background), counts nginx's X-Proxy-Cache
// answers, and checks them against the tracker's own counters. Then it publishes once and times
// how long the change takes to show through the proxy.

export type Nginx = { setup: NginxSetup; stop: () => Promise<void> };

async function waitForPort(port: number, timeoutMs: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error("nginx exited before listening");
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`nginx did not listen on ${port} within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** nginx in front of `upstream` ("host:port"), listening on `port`, in a directory of its own under the system's temp. */
export async function startNginx(upstream: string, port: number): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-bench-nginx-"));
  const setup = writeNginxConfig({ dir, listen: port, upstream });
  const logDir = path.join(BENCH_DATA, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const p = startProcess(setup.command, setup.args, {}, path.join(logDir, "nginx.log"));
  try {
    await waitForPort(port, 10_000, () => p.child.exitCode !== null);
  } catch (error) {
    await stopProcess(p);
    const log = fs.existsSync(setup.errorLog) ? fs.readFileSync(setup.errorLog, "utf8") : "";
    throw new Error(`${String(error)}\n${log}`);
  }
  return {
    setup,
    stop: async () => {
      await stopProcess(p);
      const errors = fs.existsSync(setup.errorLog) ? fs.readFileSync(setup.errorLog, "utf8") : "";
      if (/\[(emerg|alert|crit|error)\]/.test(errors))
        fs.copyFileSync(setup.errorLog, path.join(logDir, "nginx-error.log"));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A browsing mix over one database, chosen by rule: the dashboard, the deadlines, six explorer
 * views (filters, a search, a second page), five commitment pages, three company pages and two
 * API views.
 */
export function replayMix(database: string, commitments: number): string[] {
  const db = new Database(database, { readonly: true });
  try {
    const ids = [0.1, 0.3, 0.5, 0.7, 0.9].map(
      (f) =>
        db
          .prepare<[number], { id: number }>(
            "select commitment_id as id from commitment_status where is_current = 1 and commitment_id >= ? order by commitment_id limit 1",
          )
          .get(Math.floor(commitments * f))?.id,
    );
    const slugs = db
      .prepare<[], { slug: string }>(
        "select slug from companies where id in (select company_id from commitments) order by id limit 3",
      )
      .all()
      .map((r) => r.slug);
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    return [
      "/",
      "/deadlines",
      "/commitments",
      `/commitments?${q(EXPLORER_FILTERS)}`,
      `/commitments?${q({ status: "behind" })}`,
      `/commitments?${q({ state: "IN-KA", status: "on_track" })}`,
      `/commitments?${q({ q: "noida" })}`,
      `/commitments?${q({ scheme: "pli_electronics", page: "2" })}`,
      ...ids.filter((id): id is number => id !== undefined).map((id) => `/commitments/${id}`),
      ...slugs.map((slug) => `/companies/${slug}`),
      `/api/v1/commitments?${q(EXPLORER_FILTERS)}`,
      `/api/v1/commitments?${q({ status: "missed" })}`,
    ];
  } finally {
    db.close();
  }
}

export type ReplayResult = {
  seconds: number;
  connections: number;
  paths: string[];
  responses: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Answers by X-Proxy-Cache value ("" for none). */
  cacheStatuses: Record<string, number>;
  share: ProxyShare;
  /** The tracker's counters over the replay (null without them). */
  app: {
    /** Requests that reached the tracker: its hits, misses, 304s and requests it did not cache. */
    requests: number;
    renders: number;
    notModified: number;
    /** 1 − requests ÷ responses: the share the tracker never saw, a cross-check on `share`. */
    shareUnseen: number;
  } | null;
  errors: number;
};

/** One GET, its body read and dropped. */
function get(agent: http.Agent, url: URL): Promise<{ status: number; cache: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        agent,
        headers: {
          accept: "text/html,application/json;q=0.9,*/*;q=0.8",
          "accept-encoding": "gzip",
          "user-agent": "tracker-bench-replay",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            cache: String(res.headers["x-proxy-cache"] ?? ""),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

const count = (m: Record<string, number>, key: string) => {
  m[key] = (m[key] ?? 0) + 1;
};

/** Replays `paths` for `seconds` at `connections`, each connection going through the mix from its own place in it. */
export async function replay(options: {
  proxyOrigin: string;
  appOrigin: string;
  paths: string[];
  seconds: number;
  connections: number;
}): Promise<ReplayResult> {
  const { paths, connections } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const before = await cacheMetrics(options.appOrigin);
  const statuses: Record<string, number> = {};
  const cacheStatuses: Record<string, number> = {};
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = Math.floor((c * paths.length) / connections); performance.now() < deadline; i++) {
        try {
          const r = await get(agent, new URL(paths[i % paths.length] as string, options.proxyOrigin));
          count(statuses, String(r.status));
          count(cacheStatuses, r.cache);
          latencies.push(r.ms);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const after = await cacheMetrics(options.appOrigin);
  const share = proxyShare(cacheStatuses);
  const d = (key: keyof CacheMetrics) => (after && before ? after[key] - before[key] : 0);
  const appRequests = d("hits") + d("misses") + d("notModified") + d("bypassed");
  return {
    seconds,
    connections,
    paths,
    responses: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    cacheStatuses,
    share,
    app:
      before && after
        ? {
            requests: appRequests,
            renders: d("renders"),
            notModified: d("notModified"),
            shareUnseen: latencies.length ? 1 - appRequests / latencies.length : Number.NaN,
          }
        : null,
    errors,
  };
}

export type ProxyFreshness = {
  /** Seconds from the publication until the proxy answered with the new text (null: not within the limit). */
  seconds: number | null;
  limitSeconds: number;
  /** Cache statuses seen while waiting, in order, run-length encoded ("HIT×40, STALE, HIT"). */
  seen: string;
};

/**
 * Publishes a new description of `commitmentId` and asks the proxy for its page every 200 ms until
 * the page shows it: the delay a reader behind the proxy sees (documented: within s-maxage +
 * stale-while-revalidate, 30 s by default).
 */
export async function proxyFreshness(options: {
  proxyOrigin: string;
  database: string;
  commitmentId: number;
  limitSeconds: number;
}): Promise<ProxyFreshness> {
  const url = new URL(`/commitments/${options.commitmentId}`, options.proxyOrigin);
  // The page in the proxy's cache first, as a reader would have left it.
  await fetch(url).then((r) => r.arrayBuffer());
  const db = openWriter(options.database);
  let description: string;
  try {
    description = publishDescription(db, options.commitmentId, `proxy-${Date.now().toString(36)}`);
  } finally {
    db.close();
  }
  const started = performance.now();
  const seen: string[] = [];
  while ((performance.now() - started) / 1000 < options.limitSeconds) {
    const response = await fetch(url);
    const body = await response.text();
    seen.push(response.headers.get("x-proxy-cache") ?? "none");
    if (body.includes(description))
      return {
        seconds: (performance.now() - started) / 1000,
        limitSeconds: options.limitSeconds,
        seen: runs(seen),
      };
    await sleep(200);
  }
  return { seconds: null, limitSeconds: options.limitSeconds, seen: runs(seen) };
}

function runs(values: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (values[j] === values[i]) j++;
    out.push(j - i > 1 ? `${values[i]}×${j - i}` : String(values[i]));
    i = j;
  }
  return out.join(", ");
}
