import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { WARCParser } from "warcio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { archiveUrl, HostSpacing, RobotsCache, type FetchPolicy } from "./archive-url";
import { readArchivedResponse } from "./read-archive";
import { page, redirect, startOriginServer, testPolicy, type OriginServer } from "./testing/origin-server";

const sha = (body: string | Buffer) => createHash("sha256").update(body).digest("hex");
const ARTICLE = "<!doctype html><title>Plant opens</title><p>Assembly of phones begins in Noida.</p>";

let origin: OriginServer;
let elsewhere: OriginServer;
let archiveDir: string;
let policy: FetchPolicy;

beforeAll(async () => {
  // A second loopback server that the policy does not allow: redirects to it must not connect.
  elsewhere = await startOriginServer({ "/": page("internal") });
  origin = await startOriginServer({
    "/article": page(ARTICLE),
    "/gzipped": (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" });
      response.end(zlib.gzipSync("compressed anyway"));
    },
    "/r1": redirect("/r2", 301),
    "/r2": redirect("/r3", 307),
    "/r3": (_request, response) => redirect(`${origin.origin}/article`, 302)(_request, response),
    "/loop": (request, response) => {
      const n = Number(new URL(request.url ?? "/", "http://x").searchParams.get("n") ?? 0);
      redirect(`/loop?n=${n + 1}`)(request, response);
    },
    "/to-elsewhere": (request, response) => redirect(`${elsewhere.origin}/`)(request, response),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-metadata-decimal": redirect("http://2852039166/latest/meta-data/"),
    "/to-file": redirect("file:///etc/passwd"),
    "/slow-headers": (_request, response) => {
      setTimeout(() => response.writeHead(200).end("late"), 2_000).unref();
    },
    "/slow-body": (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.write("first part, then nothing");
    },
    "/big-declared": page(Buffer.alloc(4_000, "a"), "text/plain", { "Content-Length": "4000" }),
    "/big-streamed": (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      for (let i = 0; i < 8; i++) response.write(Buffer.alloc(1_000, "b"));
      response.end();
    },
    "/gzip-bomb": (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" });
      response.end(zlib.gzipSync(Buffer.alloc(1_000_000, 0)));
    },
    "/gone": (_request, response) => response.writeHead(410, { "Content-Type": "text/plain" }).end("gone"),
    "/cookie": page("set", "text/plain", { "Set-Cookie": "session=abc; Path=/" }),
  });
  policy = testPolicy(origin.port);
});

afterAll(async () => {
  await origin.close();
  await elsewhere.close();
});

beforeAll(() => {
  archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-archive-"));
});
afterEach(() => {
  fs.rmSync(archiveDir, { recursive: true, force: true });
  fs.mkdirSync(archiveDir);
});

const filesIn = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());

describe("archiveUrl", () => {
  it("archives a page with its hash, status, final URL and content type, in a WARC that parses back", async () => {
    const outcome = await archiveUrl(`${origin.origin}/article`, {
      ...policy,
      archiveDir,
      now: () => new Date("2026-12-05T10:15:30.123Z"),
    });
    expect(outcome).toEqual({
      ok: true,
      fetchedAt: "2026-12-05T10:15:30.123Z",
      status: 200,
      finalUrl: `${origin.origin}/article`,
      contentType: "text/html; charset=utf-8",
      sha256: sha(ARTICLE),
      // The words a reader sees: the title is the tab's, not the page's.
      textSha256: sha("Assembly of phones begins in Noida."),
      bodyBytes: Buffer.byteLength(ARTICLE),
      warcFile: `2026/12/${sha(ARTICLE)}-20261205T101530123Z.warc.gz`,
    });
    if (!outcome.ok) return;
    expect(filesIn(archiveDir)).toEqual([outcome.warcFile]);

    const stored = await readArchivedResponse(archiveDir, outcome.warcFile);
    expect(stored.body.toString("utf8")).toBe(ARTICLE);
    expect(stored).toMatchObject({
      targetUri: `${origin.origin}/article`,
      date: "2026-12-05T10:15:30.123Z",
      status: 200,
      contentType: "text/html; charset=utf-8",
    });

    // The file itself: warcinfo, response, request, each its own gzip member, digests matching.
    const records: { type: string; digest: string | null | undefined; concurrent?: string[] }[] = [];
    const ids: Record<string, string | null | undefined> = {};
    for await (const record of new WARCParser(fs.createReadStream(path.join(archiveDir, outcome.warcFile)))) {
      await record.readFully(false);
      records.push({ type: record.warcType, digest: record.warcPayloadDigest });
      ids[record.warcType] = record.warcHeader("WARC-Record-ID");
      if (record.warcType === "request") {
        expect(record.httpHeaders?.statusline).toBe("GET /article HTTP/1.1");
        expect(record.warcHeader("WARC-Concurrent-To")).toBe(ids.response);
      }
      if (record.warcType === "response") expect(record.warcHeader("WARC-IP-Address")).toBe("127.0.0.1");
    }
    expect(records.map((r) => r.type)).toEqual(["warcinfo", "response", "request"]);
    expect(records[1]?.digest).toBe(`sha256:${sha(ARTICLE)}`);
    const gzipMembers =
      fs.readFileSync(path.join(archiveDir, outcome.warcFile)).toString("latin1").split("\x1f\x8b\x08")
        .length - 1;
    expect(gzipMembers).toBe(3);
  });

  it("sends who it is and no cookies or credentials, and asks for robots.txt first", async () => {
    const before = origin.requests.length;
    await archiveUrl(`${origin.origin}/cookie`, { ...policy, archiveDir });
    await archiveUrl(`${origin.origin}/cookie`, { ...policy, archiveDir });
    const sent = origin.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(["/robots.txt", "/cookie", "/robots.txt", "/cookie"]);
    for (const request of sent) {
      expect(request.headers["user-agent"]).toBe(policy.userAgent);
      expect(request.headers["accept-encoding"]).toBe("identity");
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it("never overwrites a capture, even of the same body in the same millisecond", async () => {
    const options = { ...policy, archiveDir, now: () => new Date("2026-12-05T10:15:30.123Z") };
    const first = await archiveUrl(`${origin.origin}/article`, options);
    const second = await archiveUrl(`${origin.origin}/article`, options);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.warcFile).not.toBe(first.warcFile);
    expect(filesIn(archiveDir).sort()).toEqual([first.warcFile, second.warcFile].sort());
    expect(filesIn(archiveDir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("hashes the content when a server compresses although asked not to, and stores it decoded", async () => {
    const outcome = await archiveUrl(`${origin.origin}/gzipped`, { ...policy, archiveDir });
    expect(outcome).toMatchObject({
      ok: true,
      sha256: sha("compressed anyway"),
      textSha256: sha("compressed anyway"),
      bodyBytes: 17,
    });
    if (!outcome.ok) return;
    const stored = await readArchivedResponse(archiveDir, outcome.warcFile);
    expect(stored.body.toString()).toBe("compressed anyway");
    // warcio reads header names back lower-cased.
    expect(stored.headers).toContainEqual(["x-archive-orig-content-encoding", "gzip"]);
    expect(stored.headers).toContainEqual(["content-length", "17"]);
  });

  it("follows a redirect chain to the final URL and records it", async () => {
    const outcome = await archiveUrl(`${origin.origin}/r1`, { ...policy, archiveDir });
    expect(outcome).toMatchObject({
      ok: true,
      status: 200,
      finalUrl: `${origin.origin}/article`,
      sha256: sha(ARTICLE),
    });
    if (!outcome.ok) return;
    const stored = await readArchivedResponse(archiveDir, outcome.warcFile);
    expect(stored.targetUri).toBe(`${origin.origin}/article`);
  });

  it("stops after the redirect cap", async () => {
    const outcome = await archiveUrl(`${origin.origin}/loop`, { ...policy, archiveDir, maxRedirects: 3 });
    expect(outcome).toMatchObject({ ok: false, code: "too_many_redirects", status: 302 });
    expect(filesIn(archiveDir)).toEqual([]);
  });

  it.each([
    ["/to-elsewhere", "loopback address"],
    ["/to-metadata", "the cloud metadata address (169.254.169.254/32)"],
    ["/to-metadata-decimal", "the cloud metadata address (169.254.169.254/32)"],
    ["/to-file", "only http and https"],
  ])("refuses the redirect %s without connecting", async (from, reason) => {
    const started = performance.now();
    const outcome = await archiveUrl(`${origin.origin}${from}`, { ...policy, archiveDir });
    expect(outcome).toMatchObject({ ok: false, code: "refused" });
    if (!outcome.ok) expect(outcome.reason).toContain(reason);
    expect(elsewhere.connections()).toBe(0);
    // Nothing was attempted at the metadata address: a connection there would hang until the timeout.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(filesIn(archiveDir)).toEqual([]);
  });

  it.each(["/slow-headers", "/slow-body"])("gives up on %s at the time limit", async (route) => {
    const started = performance.now();
    const outcome = await archiveUrl(`${origin.origin}${route}`, { ...policy, archiveDir, timeoutMs: 400 });
    expect(outcome).toMatchObject({ ok: false, code: "timeout" });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(filesIn(archiveDir)).toEqual([]);
  });

  it.each(["/big-declared", "/big-streamed", "/gzip-bomb"])(
    "refuses the oversized body %s",
    async (route) => {
      const outcome = await archiveUrl(`${origin.origin}${route}`, {
        ...policy,
        archiveDir,
        maxBytes: 3_000,
      });
      expect(outcome).toMatchObject({ ok: false, code: "too_large" });
      expect(filesIn(archiveDir)).toEqual([]);
    },
  );

  it.each([
    ["/missing", 404],
    ["/gone", 410],
  ])("records %s as an HTTP status failure and writes nothing", async (route, status) => {
    const outcome = await archiveUrl(`${origin.origin}${route}`, { ...policy, archiveDir });
    expect(outcome).toMatchObject({
      ok: false,
      code: "http_status",
      status,
      finalUrl: `${origin.origin}${route}`,
    });
    if (!outcome.ok) expect(outcome.reason).toContain(String(status));
    expect(filesIn(archiveDir)).toEqual([]);
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = await startOriginServer({});
    await closed.close();
    const outcome = await archiveUrl(`${closed.origin}/`, {
      ...policy,
      allowLoopbackPorts: [closed.port],
      archiveDir,
    });
    expect(outcome).toMatchObject({ ok: false, code: "network" });
    if (!outcome.ok) expect(outcome.reason).toContain("ECONNREFUSED");
  });

  it("refuses to read a file outside the archive folder", async () => {
    await expect(readArchivedResponse(archiveDir, "../../etc/passwd")).rejects.toThrow(/not a path inside/);
    await expect(readArchivedResponse(archiveDir, "/etc/passwd")).rejects.toThrow(/not a path inside/);
  });
});

describe("robots.txt and spacing", () => {
  let site: OriginServer;
  let robots = "";
  let robotsStatus = 200;
  beforeAll(async () => {
    site = await startOriginServer({
      "/robots.txt": (_request, response) =>
        response.writeHead(robotsStatus, { "Content-Type": "text/plain" }).end(robots),
      "/public/a": page("a"),
      "/private/b": page("b"),
    });
  });
  afterAll(() => site.close());
  const sitePolicy = () => ({ ...policy, allowLoopbackPorts: [site.port], archiveDir });

  it("does not fetch what robots.txt disallows for the tracker", async () => {
    robots = "User-agent: *\nDisallow: /\n\nUser-agent: MakeInIndiaTracker\nDisallow: /private/\n";
    robotsStatus = 200;
    const before = site.requests.length;
    const refused = await archiveUrl(`${site.origin}/private/b`, sitePolicy());
    expect(refused).toMatchObject({ ok: false, code: "robots" });
    if (!refused.ok) expect(refused.reason).toContain("/private/b");
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt"]);
    expect(await archiveUrl(`${site.origin}/public/a`, sitePolicy())).toMatchObject({ ok: true });
  });

  it("reads robots.txt once per run when given a cache", async () => {
    robots = "User-agent: *\nAllow: /\n";
    const robotsCache = new RobotsCache();
    const before = site.requests.length;
    await archiveUrl(`${site.origin}/public/a`, { ...sitePolicy(), robotsCache });
    await archiveUrl(`${site.origin}/public/a`, { ...sitePolicy(), robotsCache });
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt", "/public/a", "/public/a"]);
  });

  it("treats a robots.txt server error as closed, and a missing one as open", async () => {
    robotsStatus = 503;
    expect(await archiveUrl(`${site.origin}/public/a`, sitePolicy())).toMatchObject({
      ok: false,
      code: "robots",
    });
    robotsStatus = 404;
    expect(await archiveUrl(`${site.origin}/public/a`, sitePolicy())).toMatchObject({ ok: true });
  });

  it("can be told to ignore robots.txt", async () => {
    robots = "User-agent: *\nDisallow: /\n";
    robotsStatus = 200;
    const before = site.requests.length;
    expect(
      await archiveUrl(`${site.origin}/public/a`, { ...sitePolicy(), respectRobots: false }),
    ).toMatchObject({
      ok: true,
    });
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/public/a"]);
  });

  it("spaces requests to one host, robots.txt included", async () => {
    robots = "";
    robotsStatus = 200;
    const spacing = new HostSpacing(150);
    const before = site.requests.length;
    await archiveUrl(`${site.origin}/public/a`, { ...sitePolicy(), spacing });
    await archiveUrl(`${site.origin}/public/a`, { ...sitePolicy(), spacing, respectRobots: false });
    const times = site.requests.slice(before).map((r) => r.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(140);
  });
});
