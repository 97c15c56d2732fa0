import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveUrl, type FetchPolicy } from "./archive-url";
import { checkUrl } from "./check-url";
import { systemResolver, type ResolvedAddress, type Resolver } from "./fetch-policy";
import { page, startOriginServer, testPolicy, type OriginServer } from "./testing/origin-server";

// Every hostile URL is refused with its reason before any connection: loopback servers listen on
// the ports these URLs name, and count what reaches them.

let v4: OriginServer;
let v6: OriginServer;
let allowed: OriginServer;
let archiveDir: string;

const addresses = (...list: string[]): ResolvedAddress[] =>
  list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

/** A resolver for names the tests own (*.tracker.test); others, such as localhost, go to the system's. */
const testResolver: Resolver = async (hostname) => {
  const table: Record<string, ResolvedAddress[]> = {
    "loopback.tracker.test": addresses("127.0.0.1"),
    "metadata.tracker.test": addresses("169.254.169.254"),
    "intranet.tracker.test": addresses("10.20.30.40"),
    "mixed.tracker.test": addresses("93.184.215.14", "192.168.1.10"),
    "v6-private.tracker.test": addresses("fd12:3456::1"),
    "allowed.tracker.test": addresses("127.0.0.1"),
  };
  const found = table[hostname];
  if (found) return found;
  if (!hostname.endsWith(".tracker.test")) return systemResolver(hostname);
  throw Object.assign(new Error(`no such host ${hostname}`), { code: "ENOTFOUND" });
};

beforeAll(async () => {
  v4 = await startOriginServer({ "/": page("secret") });
  v6 = await startOriginServer({ "/": page("secret") }, "::1");
  allowed = await startOriginServer({ "/": page("public page") });
  archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-hostile-"));
});

afterAll(async () => {
  await Promise.all([v4.close(), v6.close(), allowed.close()]);
  fs.rmSync(archiveDir, { recursive: true, force: true });
});

const policy = (): FetchPolicy => ({ ...testPolicy(allowed.port), resolve: testResolver });

describe("hostile URLs", () => {
  // [URL (with {v4} and {v6} for the loopback servers' ports), code, words the reason contains]
  const table: [string, "refused" | "bad_url", string][] = [
    ["http://127.0.0.1:{v4}/", "refused", "127.0.0.1 is a loopback address (127.0.0.0/8)"],
    ["http://2130706433:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://0x7f000001:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://0x7f.0.0.1:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://017700000001:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://0177.0.0.01:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://127.1:{v4}/", "refused", "127.0.0.1 is a loopback address"],
    ["http://127.0.0.2:{v4}/", "refused", "loopback address"],
    ["http://0.0.0.0:{v4}/", "refused", "unspecified"],
    ["http://0:{v4}/", "refused", "unspecified"],
    ["http://[::]:{v4}/", "refused", "the unspecified address (::/128)"],
    ["http://[::1]:{v6}/", "refused", "::1 is a loopback address (::1/128)"],
    ["http://[0:0:0:0:0:0:0:1]:{v6}/", "refused", "loopback address"],
    [
      "http://[::ffff:127.0.0.1]:{v4}/",
      "refused",
      "IPv4-mapped IPv6 address (for 127.0.0.1, a loopback address)",
    ],
    ["http://[::ffff:7f00:1]:{v4}/", "refused", "IPv4-mapped"],
    ["http://[::127.0.0.1]:{v4}/", "refused", "IPv4-compatible"],
    ["http://[64:ff9b::127.0.0.1]:{v4}/", "refused", "NAT64 address wrapping 127.0.0.1"],
    ["http://[2002:7f00:1::]:{v4}/", "refused", "6to4 address wrapping 127.0.0.1"],
    ["http://localhost:{v4}/", "refused", "localhost resolves to 127.0.0.1, a loopback address"],
    ["http://LocalHost:{v4}/", "refused", "localhost resolves to 127.0.0.1"],
    ["http://loopback.tracker.test:{v4}/", "refused", "loopback.tracker.test resolves to 127.0.0.1"],
    ["http://10.0.0.1/", "refused", "private network address (10.0.0.0/8)"],
    ["http://172.16.5.4/", "refused", "private network address (172.16.0.0/12)"],
    ["http://192.168.0.1/", "refused", "private network address (192.168.0.0/16)"],
    ["http://100.64.0.1/", "refused", "carrier-grade NAT"],
    ["http://169.254.1.1/", "refused", "link-local address (169.254.0.0/16)"],
    ["http://169.254.169.254/latest/meta-data/", "refused", "cloud metadata address"],
    ["http://0xa9fea9fe/latest/meta-data/", "refused", "cloud metadata address"],
    ["http://2852039166/latest/meta-data/", "refused", "cloud metadata address"],
    ["http://[fd00:ec2::254]/latest/meta-data/", "refused", "cloud metadata address (fd00:ec2::254/128)"],
    ["http://[::ffff:169.254.169.254]/", "refused", "169.254.169.254, the cloud metadata address"],
    ["http://[64:ff9b::a9fe:a9fe]/", "refused", "wrapping 169.254.169.254"],
    ["http://metadata.tracker.test/", "refused", "resolves to 169.254.169.254, the cloud metadata address"],
    ["http://[fe80::1]/", "refused", "link-local address (fe80::/10)"],
    ["http://[fc00::1]/", "refused", "unique-local"],
    ["http://v6-private.tracker.test/", "refused", "unique-local"],
    ["http://intranet.tracker.test/", "refused", "resolves to 10.20.30.40, a private network address"],
    ["http://mixed.tracker.test/", "refused", "resolves to 192.168.1.10"],
    ["http://224.0.0.1/", "refused", "multicast"],
    ["http://[ff02::1]/", "refused", "multicast"],
    ["http://255.255.255.255/", "refused", "broadcast"],
    ["http://192.0.2.1/", "refused", "documentation"],
    ["http://[2001:db8::1]/", "refused", "documentation"],
    ["http://198.18.0.1/", "refused", "benchmarking"],
    ["file:///etc/passwd", "refused", "only http and https"],
    ["gopher://127.0.0.1:{v4}/_GET%20/", "refused", "gopher:"],
    ["data:text/html,<h1>x</h1>", "refused", "data:"],
    ["ftp://127.0.0.1:{v4}/", "refused", "ftp:"],
    ["javascript:alert(document.cookie)", "refused", "javascript:"],
    ["http://user:password@127.0.0.1:{v4}/", "refused", "user name or password"],
    ["http://user:password@{allowed}/", "refused", "user name or password"],
    ["http://[::1/", "bad_url", "not a valid URL"],
  ];

  it.each(table)("%s is refused (%s: %s)", async (template, code, reason) => {
    const url = template
      .replace("{v4}", String(v4.port))
      .replace("{v6}", String(v6.port))
      .replace("{allowed}", `127.0.0.1:${allowed.port}`);
    const before = allowed.connections();
    for (const outcome of [
      await checkUrl(url, policy()),
      await archiveUrl(url, { ...policy(), archiveDir }),
    ]) {
      expect(outcome).toMatchObject({ ok: false, code });
      if (!outcome.ok) expect(outcome.reason.toLowerCase()).toContain(reason.toLowerCase());
    }
    expect(v4.connections()).toBe(0);
    expect(v6.connections()).toBe(0);
    expect(allowed.connections()).toBe(before);
    expect(fs.readdirSync(archiveDir)).toEqual([]);
  });

  it("fetches loopback on an allowed port only, through the injected resolver at connect time too", async () => {
    const outcome = await checkUrl(`http://allowed.tracker.test:${allowed.port}/`, policy());
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(allowed.requests.at(-1)?.headers.host).toBe(`allowed.tracker.test:${allowed.port}`);
  });

  it("fetches IPv6 loopback on an allowed port", async () => {
    const open = await startOriginServer({ "/": page("public page") }, "::1");
    try {
      expect(await checkUrl(`${open.origin}/`, testPolicy(open.port))).toMatchObject({
        ok: true,
        status: 200,
      });
      expect(open.requests.map((r) => r.path)).toEqual(["/robots.txt", "/"]);
    } finally {
      await open.close();
    }
  });

  it("reports a name that does not resolve as a DNS failure", async () => {
    expect(await checkUrl("http://nowhere.tracker.test/", policy())).toMatchObject({
      ok: false,
      code: "dns",
    });
  });
});

describe("DNS rebinding", () => {
  it("refuses at connect time a name that resolved to a public address when checked", async () => {
    let calls = 0;
    // The first answer (the check) is public; every later one (the connection's own lookup) is loopback.
    const rebinding: Resolver = async () =>
      calls++ === 0 ? addresses("93.184.215.14") : addresses("127.0.0.1");
    const outcome = await checkUrl(`http://rebind.tracker.test:${v4.port}/`, {
      ...policy(),
      resolve: rebinding,
      respectRobots: false,
    });
    expect(calls).toBe(2);
    expect(outcome).toMatchObject({ ok: false, code: "refused" });
    if (!outcome.ok)
      expect(outcome.reason).toContain("rebind.tracker.test resolves to 127.0.0.1, a loopback address");
    expect(v4.connections()).toBe(0);
  });

  it("guards https connections the same way", async () => {
    let calls = 0;
    const rebinding: Resolver = async () =>
      calls++ === 0 ? addresses("93.184.215.14") : addresses("127.0.0.1");
    const outcome = await checkUrl(`https://rebind.tracker.test:${v4.port}/`, {
      ...policy(),
      resolve: rebinding,
      respectRobots: false,
    });
    expect(outcome).toMatchObject({ ok: false, code: "refused" });
    expect(v4.connections()).toBe(0);
  });

  it("refuses when any address of the connect-time answer is forbidden", async () => {
    let calls = 0;
    const rebinding: Resolver = async () =>
      calls++ === 0 ? addresses("93.184.215.14") : addresses("93.184.215.14", "127.0.0.1");
    const outcome = await checkUrl(`http://rebind.tracker.test:${v4.port}/`, {
      ...policy(),
      resolve: rebinding,
      respectRobots: false,
    });
    expect(outcome).toMatchObject({ ok: false, code: "refused" });
    expect(v4.connections()).toBe(0);
  });
});
