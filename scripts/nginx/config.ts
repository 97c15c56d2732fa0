import fs from "node:fs";
import path from "node:path";

// nginx as a shared cache in front of the tracker (issue 11), for the benchmark and the e2e suite,
// and the model of the production configuration in docs/operations.md. Everything nginx writes
// (pid, logs, temporary files, the cache) goes in one directory of the caller's, so that it runs
// unprivileged of the system's nginx and leaves nothing behind:
//
//   const setup = writeNginxConfig({ dir, listen: 3260, upstream: "127.0.0.1:3250" });
//   spawn(setup.command, setup.args);   // nginx -p <dir> -c <dir>/nginx.conf -e … -g 'daemon off;'
//
// What it does: caches what the tracker marks `public` (anonymous reads, for their s-maxage and
// then stale while it revalidates with the ETag), one request at a time per key, and never a
// request that carries a better-auth session cookie, which goes through uncached both ways.
// `X-Proxy-Cache` tells what nginx did ($upstream_cache_status).

export type NginxOptions = {
  /** The directory of this nginx: its configuration, pid, logs, temporary files and cache. Made if missing. */
  dir: string;
  /** Where nginx listens: a port (on 127.0.0.1) or an address "host:port". */
  listen: number | string;
  /** The tracker's server, "host:port". */
  upstream: string;
  /** The cache's largest size on disk (proxy_cache_path max_size). */
  cacheMaxSize?: string;
  /** Log every request with its cache status in <dir>/access.log (off by default: it costs at high rates). */
  accessLog?: boolean;
  /** The nginx binary (Debian's by default). */
  nginx?: string;
  /**
   * The user of the worker processes. nginx started as root would run them as `nobody`, who may
   * not write in `dir`: by default they run as root when nginx is started as root.
   */
  user?: string | null;
  /** Requests kept in flight at most at once, per worker. */
  workerConnections?: number;
};

export type NginxSetup = {
  dir: string;
  configFile: string;
  /** The program and arguments that start this nginx in the foreground (stop it with SIGTERM, or SIGQUIT to drain). */
  command: string;
  args: string[];
  /** The same, as one shell line. */
  commandLine: string;
  pidFile: string;
  errorLog: string;
  accessLog: string | null;
  cacheDir: string;
  /** http://host:port of the proxy. */
  origin: string;
};

/**
 * A better-auth session cookie, with or without the __Secure- prefix it takes over https, as a
 * PCRE for nginx's `map $http_cookie`: `$cookie_better-auth.session_token` is no variable nginx can
 * parse (the dot). The same rule as hasSessionCookie in lib/cache/policy.ts.
 */
export const SESSION_COOKIE_PATTERN = String.raw`(?:^|;)\s*(?:__Secure-)?better-auth\.session_token=`;

/**
 * The cache key: scheme, host and path with its query. The tracker's responses also differ by
 * Next's router headers and by Accept-Encoding, which it names in Vary; nginx keys variants by Vary
 * itself.
 */
export const CACHE_KEY = "$scheme$host$request_uri";

const listenAddress = (listen: number | string) =>
  typeof listen === "number" ? `127.0.0.1:${listen}` : listen;

function defaultUser(): string | null {
  return process.getuid?.() === 0 ? "root" : null;
}

/** The text of nginx.conf for `options` (paths made absolute under `dir`). Pure. */
export function nginxConfig(options: NginxOptions): string {
  const dir = path.resolve(options.dir);
  const at = (name: string) => path.join(dir, name);
  const user = options.user === undefined ? defaultUser() : options.user;
  return `# Written by scripts/nginx/config.ts. The production form of it is in docs/operations.md.
${user ? `user ${user};\n` : ""}worker_processes 1;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;

events {
  worker_connections ${options.workerConnections ?? 1024};
}

http {
  log_format tracker_cache '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                           'cache=$upstream_cache_status upstream=$upstream_status $request_time';
  access_log ${options.accessLog ? `${at("access.log")} tracker_cache` : "off"};

  client_body_temp_path ${at("temp/client")};
  proxy_temp_path ${at("temp/proxy")};
  fastcgi_temp_path ${at("temp/fastcgi")};
  uwsgi_temp_path ${at("temp/uwsgi")};
  scgi_temp_path ${at("temp/scgi")};

  proxy_cache_path ${at("cache")} levels=1:2 keys_zone=tracker:10m max_size=${options.cacheMaxSize ?? "256m"} inactive=10m use_temp_path=off;

  # 1 when the request carries a better-auth session cookie: then nothing is served from the
  # cache, and nothing it answers is kept.
  map $http_cookie $tracker_session {
    default 0;
    "~${SESSION_COOKIE_PATTERN}" 1;
  }

  upstream tracker {
    server ${options.upstream};
    keepalive 16;
  }

  server {
    listen ${listenAddress(options.listen)};

    location / {
      proxy_pass http://tracker;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # The port included: the tracker checks a form's Origin against it and prints absolute links.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # The Content-Security-Policy of a cached page lists the hash of each inline script.
      proxy_buffer_size 32k;
      proxy_buffers 16 32k;
      proxy_busy_buffers_size 64k;

      proxy_cache tracker;
      proxy_cache_key ${CACHE_KEY};
      # For as long as the tracker says (Cache-Control: s-maxage, then stale-while-revalidate),
      # revalidated with If-None-Match, in the background, one request per key at a time. Not
      # 'updating' in use_stale: it serves a stale copy however old, past stale-while-revalidate.
      proxy_cache_revalidate on;
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
}

/** Writes <dir>/nginx.conf (and the directories nginx writes in), and says how to start it. */
export function writeNginxConfig(options: NginxOptions): NginxSetup {
  const dir = path.resolve(options.dir);
  for (const sub of ["temp", "cache"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const configFile = path.join(dir, "nginx.conf");
  fs.writeFileSync(configFile, nginxConfig(options));
  const errorLog = path.join(dir, "error.log");
  const command = options.nginx ?? "/usr/sbin/nginx";
  // -e: the error log before the configuration is read, which would otherwise be the system's.
  const args = ["-p", dir, "-c", configFile, "-e", errorLog, "-g", "daemon off;"];
  return {
    dir,
    configFile,
    command,
    args,
    commandLine: `${command} -p ${dir} -c ${configFile} -e ${errorLog} -g 'daemon off;'`,
    pidFile: path.join(dir, "nginx.pid"),
    errorLog,
    accessLog: options.accessLog ? path.join(dir, "access.log") : null,
    cacheDir: path.join(dir, "cache"),
    origin: `http://${listenAddress(options.listen)}`,
  };
}
