import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Debian's nginx as a shared cache in front of the tracker (issue 11), started by a test itself:
// everything it writes (config, pid, logs, temporary files, the cache) is in a directory of the
// caller's own, and it listens on a port of its own. The cache is keyed on the address, honours
// the app's Cache-Control (s-maxage, stale-while-revalidate), Vary and ETag, and is bypassed by a
// request carrying a better-auth session cookie, whose answer it never stores.

export type NginxCacheOptions = {
  /** An empty directory of the caller's: the config and everything nginx writes go in it. */
  dir: string;
  /** The port nginx listens on, on 127.0.0.1. */
  port: number;
  /** The app behind it, as host:port. */
  upstream: string;
};

export type SpawnArgs = { command: string; args: string[] };

export const NGINX = "/usr/sbin/nginx";

/** The access log, one JSON object a line: what the cache did with each request. */
export const ACCESS_LOG = "access.log";

/** Answers 204 from nginx itself, without the app: for knowing that nginx is up. */
export const READY_PATH = "/_nginx/ready";

/** Writes nginx.conf into `dir`; returns how to start nginx on it, in the foreground. */
export function writeNginxCacheConfig({ dir, port, upstream }: NginxCacheOptions): SpawnArgs {
  const at = (name: string) => path.join(dir, name);
  for (const sub of ["cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    fs.mkdirSync(at(sub), { recursive: true });
  // Master and workers run as root only when started by root; otherwise nginx keeps the caller.
  const user = process.getuid?.() === 0 ? "user root;" : "";
  const conf = `
${user}
worker_processes 1;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;
events { worker_connections 512; }
http {
  log_format cache escape=json '{"uri":"$request_uri","status":$status,"cache":"$upstream_cache_status",'
    '"upstream":"$upstream_addr","session":"$tracker_session"}';
  access_log ${at(ACCESS_LOG)} cache;
  client_body_temp_path ${at("client_body")};
  proxy_temp_path ${at("proxy")};
  fastcgi_temp_path ${at("fastcgi")};
  uwsgi_temp_path ${at("uwsgi")};
  scgi_temp_path ${at("scgi")};

  proxy_cache_path ${at("cache")} levels=1:2 keys_zone=tracker:10m max_size=256m inactive=10m use_temp_path=off;

  # better-auth's session cookie, with the __Secure- prefix it takes over https: such a request
  # may be answered for one person, so it is neither served from the cache nor stored in it.
  map $http_cookie $tracker_session {
    default 0;
    "~(^|;)\\s*(__Secure-)?better-auth\\.session_token=" 1;
  }

  upstream tracker {
    server ${upstream};
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${port};

    location = ${READY_PATH} {
      access_log off;
      return 204;
    }

    location / {
      proxy_pass http://tracker;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      # The app's headers are large (a CSP naming every inline script by hash).
      proxy_buffer_size 32k;
      proxy_buffers 8 32k;

      proxy_cache tracker;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_revalidate on;
      # Not "updating": with it nginx serves a stale copy while it updates however old the copy
      # is, ignoring the app's stale-while-revalidate, so a page read once after a quiet hour
      # would be an hour old. Without it the app's stale-while-revalidate bounds the staleness,
      # and a publication shows through within s-maxage + stale-while-revalidate.
      proxy_cache_use_stale error timeout;
      proxy_cache_background_update on;
      proxy_cache_lock on;
      proxy_cache_bypass $tracker_session;
      proxy_no_cache $tracker_session;
      add_header X-Proxy-Cache $upstream_cache_status always;
    }
  }
}
`;
  const file = at("nginx.conf");
  fs.writeFileSync(file, conf);
  return { command: NGINX, args: ["-p", dir, "-e", at("error.log"), "-c", file, "-g", "daemon off;"] };
}

export type CacheLogEntry = { uri: string; status: number; cache: string; upstream: string; session: string };

export type RunningNginx = {
  url: string;
  /** The access log so far. */
  log: () => CacheLogEntry[];
  stop: () => Promise<void>;
};

/** Starts nginx as a cache in front of `upstream`, in a fresh directory under `parent`. */
export async function startNginxCache(parent: string, port: number, upstream: string): Promise<RunningNginx> {
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(path.resolve(parent), "nginx-"));
  const { command, args } = writeNginxCacheConfig({ dir, port, upstream });
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise((r) => child.once("exit", r));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await fetch(url + READY_PATH).then(
      (r) => r.status === 204,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const errors = fs.existsSync(path.join(dir, "error.log"))
        ? fs.readFileSync(path.join(dir, "error.log"), "utf8")
        : "";
      throw new Error(`nginx on ${port} did not start:\n${output}\n${errors}`.slice(-3000));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () =>
      fs
        .readFileSync(path.join(dir, ACCESS_LOG), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as CacheLogEntry),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
