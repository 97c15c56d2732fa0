import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createFront, type Rendered } from "./front";

// The front's rules on a real socket: what is answered from the cache, what reaches the
// renderer, and what a reader is told. The renderer here is a plain function standing in for Next,
// so each render can be counted; the e2e suite runs the real one (e2e/cache-*.spec.ts).

let server: http.Server;
let origin: string;
let version: number;
let day: string;
let renders: string[];
let passed: string[];
let front: ReturnType<typeof createFront>;

const html = (text: string) =>
  `<html><head><script>boot("${text}")</script></head><body>${text}<script src="/a.js"></script></body></html>`;

beforeEach(async () => {
  version = 1;
  day = "2026-11-25";
  renders = [];
  passed = [];
  front = createFront({
    handle: async (req, res) => {
      passed.push(req.url ?? "");
      res.writeHead(200, { "content-type": "text/plain", "cache-control": "private, no-store" });
      res.end(`next answered ${req.url}`);
    },
    render: async (url, headers): Promise<Rendered> => {
      renders.push(url);
      await new Promise((r) => setTimeout(r, 20));
      if (url.endsWith("/gone")) return { status: 500, headers: {}, body: Buffer.from("boom") };
      if (url.endsWith("/cookie"))
        return {
          status: 200,
          headers: { "set-cookie": ["a=1"], "content-type": "text/html" },
          body: Buffer.from(""),
        };
      const status = url.startsWith("/commitments/999") ? 404 : 200;
      const body = `v${version} ${day} ${url} rsc=${headers.rsc ?? "-"} ${"x".repeat(2000)}`;
      return {
        status,
        headers: { "content-type": "text/html; charset=utf-8", "set-cookie": undefined, vary: "rsc" },
        body: Buffer.from(html(body)),
      };
    },
    version: () => version,
    day: () => day,
    maxBytes: 1024 * 1024,
    policy: { sMaxAge: 10, staleWhileRevalidate: 20 },
  });
  server = http.createServer((req, res) => void front.listener(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
});

test("a public page is rendered once and then served from the cache, with validators", async () => {
  const first = await fetch(`${origin}/commitments?q=a`);
  const second = await fetch(`${origin}/commitments?q=a`);
  expect(renders).toEqual(["/commitments?q=a"]);
  expect(first.headers.get("x-tracker-cache")).toBe("MISS");
  expect(second.headers.get("x-tracker-cache")).toBe("HIT");
  expect(await second.text()).toBe(await first.text());
  expect(second.headers.get("cache-control")).toBe(
    "public, max-age=0, s-maxage=10, stale-while-revalidate=20",
  );
  expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  expect(second.headers.get("vary")).toBe("rsc, Accept-Encoding, Cookie");
  expect(second.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
});

test("a chart embed is cached like other public pages, and only it may be framed", async () => {
  const embed = await fetch(`${origin}/embed/dashboard/by-sector`);
  const again = await fetch(`${origin}/embed/dashboard/by-sector`);
  const page = await fetch(`${origin}/commitments`);
  expect(again.headers.get("x-tracker-cache")).toBe("HIT");
  expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
  expect(again.headers.get("content-security-policy")).toContain("frame-ancestors *");
  expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(renders).toEqual(["/embed/dashboard/by-sector", "/commitments"]);
});

test("a conditional request for the same bytes is answered 304 without a body", async () => {
  const first = await fetch(`${origin}/`);
  const etag = first.headers.get("etag")!;
  const again = await fetch(`${origin}/`, { headers: { "if-none-match": etag } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  expect(again.headers.get("etag")).toBe(etag);
  version++;
  const changed = await fetch(`${origin}/`, { headers: { "if-none-match": etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.get("etag")).not.toBe(etag);
});

test("a publication or a new day in India is seen by the very next request", async () => {
  expect(await (await fetch(`${origin}/deadlines`)).text()).toContain("v1 2026-11-25");
  version = 2;
  expect(await (await fetch(`${origin}/deadlines`)).text()).toContain("v2 2026-11-25");
  day = "2026-11-26";
  expect(await (await fetch(`${origin}/deadlines`)).text()).toContain("v2 2026-11-26");
  expect(renders).toHaveLength(3);
});

test("ten readers arriving together after a change cost one render", async () => {
  const bodies = await Promise.all(
    Array.from({ length: 10 }, () => fetch(`${origin}/`).then((r) => r.text())),
  );
  expect(new Set(bodies).size).toBe(1);
  expect(renders).toEqual(["/"]);
});

test("a signed-in reader, a write, or a private page goes to Next, never to the cache", async () => {
  await fetch(`${origin}/`, { headers: { cookie: "better-auth.session_token=abc" } });
  await fetch(`${origin}/account`);
  await fetch(`${origin}/commitments`, { method: "POST", body: "x" });
  expect(renders).toEqual([]);
  expect(passed).toEqual(["/", "/account", "/commitments"]);
});

test("the RSC payload of a page is kept apart from its HTML", async () => {
  const doc = await (await fetch(`${origin}/companies`)).text();
  const rsc = await (await fetch(`${origin}/companies`, { headers: { rsc: "1" } })).text();
  expect(doc).toContain("rsc=-");
  expect(rsc).toContain("rsc=1");
  expect(renders).toHaveLength(2);
});

test("not-found answers are kept; failures and cookies are not, and fall back to Next", async () => {
  expect((await fetch(`${origin}/commitments/999`)).status).toBe(404);
  expect((await fetch(`${origin}/commitments/999`)).headers.get("x-tracker-cache")).toBe("HIT");
  for (const path of ["/api/v1/gone", "/api/v1/cookie"]) {
    const answer = await fetch(`${origin}${path}`);
    expect(await answer.text()).toBe(`next answered ${path}`); // the stand-in for Next answered
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
  }
  expect(front.metrics().entries).toBe(1);
});

test("a client cannot pass itself off as one of the cache's own renders", async () => {
  let seen: string | undefined = "unset";
  const spy = createFront({
    handle: async (req, res) => {
      seen = req.headers["x-tracker-fill"] as string | undefined;
      res.end("ok");
    },
    render: async () => ({ status: 200, headers: {}, body: Buffer.from("") }),
    version: () => 1,
    day: () => "2026-11-25",
    maxBytes: 1024,
    policy: { sMaxAge: 1, staleWhileRevalidate: 1 },
  });
  const s = http.createServer((req, res) => void spy.listener(req, res));
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/account`, {
    headers: { "x-tracker-fill": "guess" },
  });
  await new Promise((r) => s.close(r));
  expect(seen).toBeUndefined();
});

test("gzip for those who accept it, with the same ETag", async () => {
  const plain = await new Promise<http.IncomingMessage>((resolve) =>
    http.get(`${origin}/methodology`, resolve),
  );
  const zipped = await new Promise<http.IncomingMessage>((resolve) =>
    http.get(`${origin}/methodology`, { headers: { "accept-encoding": "gzip, br" } }, resolve),
  );
  plain.resume();
  zipped.resume();
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(zipped.headers["content-encoding"]).toBe("gzip");
  expect(Number(zipped.headers["content-length"])).toBeLessThan(Number(plain.headers["content-length"]));
  expect(zipped.headers.etag).toBe(plain.headers.etag);
});

test("counts renders, hits and misses", async () => {
  await fetch(`${origin}/`);
  await fetch(`${origin}/`);
  await fetch(`${origin}/account`);
  expect(front.metrics()).toMatchObject({ renders: 2, hits: 1, misses: 1, bypassed: 1, entries: 1 });
});
