import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/lib/cache/policy";
import { nginxConfig, SESSION_COOKIE_PATTERN, writeNginxConfig } from "./config";

const options = { dir: "/srv/nginx-test", listen: 3260, upstream: "127.0.0.1:3250", user: null };

describe("nginxConfig", () => {
  const conf = nginxConfig(options);

  it("keeps every file nginx writes in its directory", () => {
    for (const line of [
      "pid /srv/nginx-test/nginx.pid;",
      "error_log /srv/nginx-test/error.log warn;",
      "proxy_temp_path /srv/nginx-test/temp/proxy;",
      "client_body_temp_path /srv/nginx-test/temp/client;",
    ])
      expect(conf).toContain(line);
    expect(conf).toMatch(/proxy_cache_path \/srv\/nginx-test\/cache /);
    expect(conf).toContain("access_log off;");
  });

  it("caches by the tracker's own headers, and never with a session", () => {
    for (const line of [
      "listen 127.0.0.1:3260;",
      "server 127.0.0.1:3250;",
      "proxy_cache_key $scheme$host$request_uri;",
      "proxy_cache_revalidate on;",
      "proxy_cache_use_stale error timeout;",
      "proxy_cache_background_update on;",
      "proxy_cache_lock on;",
      "proxy_cache_bypass $tracker_session;",
      "proxy_no_cache $tracker_session;",
      "proxy_buffer_size 32k;",
      "add_header X-Proxy-Cache $upstream_cache_status always;",
    ])
      expect(conf).toContain(line);
    expect(conf).not.toMatch(/proxy_cache_valid|proxy_ignore_headers/);
  });

  it("runs its workers as the user asked for", () => {
    expect(conf).not.toMatch(/^user /m);
    expect(nginxConfig({ ...options, user: "root" })).toMatch(/^user root;$/m);
  });
});

describe("SESSION_COOKIE_PATTERN", () => {
  const pattern = new RegExp(SESSION_COOKIE_PATTERN);
  it.each([
    "better-auth.session_token=abc",
    "theme=dark; better-auth.session_token=abc",
    "theme=dark;better-auth.session_token=abc",
    "__Secure-better-auth.session_token=abc",
    "a=1; __Secure-better-auth.session_token=abc; b=2",
    "",
    "better-auth.session_data=abc",
    "my-better-auth.session_token=abc",
    "better-auth.session_token_x=abc",
  ])("agrees with the tracker's own rule on %j", (cookie) => {
    expect(pattern.test(cookie)).toBe(hasSessionCookie(cookie));
  });
});

describe("writeNginxConfig", () => {
  let dir = "";
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the configuration and says how to start it", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nginx-config-test-"));
    const setup = writeNginxConfig({ dir, listen: "127.0.0.1:3261", upstream: "127.0.0.1:3250" });
    expect(fs.readFileSync(setup.configFile, "utf8")).toContain("listen 127.0.0.1:3261;");
    expect(fs.existsSync(path.join(dir, "cache"))).toBe(true);
    expect(setup.args).toEqual([
      "-p",
      dir,
      "-c",
      setup.configFile,
      "-e",
      setup.errorLog,
      "-g",
      "daemon off;",
    ]);
    expect(setup.origin).toBe("http://127.0.0.1:3261");
  });
});
