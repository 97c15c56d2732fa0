import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrl } from "./check-url";
import type { FetchPolicy } from "./fetch-policy";
import { page, redirect, startOriginServer, testPolicy, type OriginServer } from "./testing/origin-server";

const sha = (body: string) => createHash("sha256").update(body).digest("hex");

let server: OriginServer;
let version = 1;
let load = 0;

/** A news page whose every load differs in its ad, its script and its token, but not in its words. */
const dynamicPage = (n: number, story = "Assembly of phones begins in Noida.") =>
  `<!doctype html><html><head><script src="/app.js?cb=${n}"></script></head><body>` +
  `<div id="ad-${n}"><iframe src="/ads?slot=${n}">Advertisement</iframe></div>` +
  `<article><p>${story}</p></article><input type="hidden" name="csrf" value="token-${n}">` +
  `<script>window.loadedAt = ${n};</script></body></html>`;
let policy: FetchPolicy;

beforeAll(async () => {
  server = await startOriginServer({
    "/stable": page("the same words every time"),
    "/changing": (request, response) => page(`edition ${version}`)(request, response),
    "/moved": redirect("/stable", 301),
    "/dynamic": (request, response) => page(dynamicPage(++load))(request, response),
    "/report.pdf": page(Buffer.from("%PDF-1.7 a report"), "application/pdf"),
  });
  policy = testPolicy(server.port);
});
afterAll(() => server.close());

describe("checkUrl", () => {
  it("gives the same hash for an unchanged page, with the time checked", async () => {
    const now = () => new Date("2026-12-05T06:00:00.000Z");
    const first = await checkUrl(`${server.origin}/stable`, { ...policy, now });
    const second = await checkUrl(`${server.origin}/stable`, policy);
    expect(first).toEqual({
      ok: true,
      checkedAt: "2026-12-05T06:00:00.000Z",
      status: 200,
      finalUrl: `${server.origin}/stable`,
      sha256: sha("the same words every time"),
      textSha256: sha("the same words every time"),
    });
    expect(second.ok && second.sha256).toBe(sha("the same words every time"));
  });

  it("gives a different hash when the page changes", async () => {
    version = 1;
    const before = await checkUrl(`${server.origin}/changing`, policy);
    version = 2;
    const after = await checkUrl(`${server.origin}/changing`, policy);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(before.sha256).toBe(sha("edition 1"));
    expect(after.sha256).toBe(sha("edition 2"));
    expect(after.textSha256).not.toBe(before.textSha256);
  });

  it("gives the same text hash for a page whose ads, scripts and token change at every load", async () => {
    const first = await checkUrl(`${server.origin}/dynamic`, policy);
    const second = await checkUrl(`${server.origin}/dynamic`, policy);
    if (!first.ok || !second.ok) throw new Error("the page should have been fetched");
    expect(second.sha256).not.toBe(first.sha256);
    expect(second.textSha256).toBe(first.textSha256);
    expect(first.textSha256).toBe(sha("Assembly of phones begins in Noida."));
  });

  it("has no text hash for a file that is not text", async () => {
    expect(await checkUrl(`${server.origin}/report.pdf`, policy)).toMatchObject({
      ok: true,
      sha256: sha("%PDF-1.7 a report"),
      textSha256: null,
    });
  });

  it("follows a redirect and reports where it ended", async () => {
    expect(await checkUrl(`${server.origin}/moved`, policy)).toMatchObject({
      ok: true,
      finalUrl: `${server.origin}/stable`,
    });
  });

  it("reports a vanished page with its status, and a vanished server as a network failure", async () => {
    expect(await checkUrl(`${server.origin}/vanished`, policy)).toMatchObject({
      ok: false,
      code: "http_status",
      status: 404,
      finalUrl: `${server.origin}/vanished`,
    });
    const gone = await startOriginServer({});
    await gone.close();
    expect(await checkUrl(`${gone.origin}/`, { ...policy, allowLoopbackPorts: [gone.port] })).toMatchObject({
      ok: false,
      code: "network",
    });
  });
});
