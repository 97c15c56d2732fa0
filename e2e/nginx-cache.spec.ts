import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { openDatabase, type Db } from "@/db/connection";
import { decideSubmission } from "@/db/mutations/decide-submission";
import { signInThroughForm } from "@/lib/testing/action-post";
import { commitmentPayload, read, uniqueWord } from "./support/cache";
import { startNginxCache, type RunningNginx } from "./support/nginx";
import { E2E_TODAY, propose } from "./support/publish";
import { portBesideSuite, startServer, type OwnServer } from "./support/server";
import { createUser } from "./support/users";

// The tracker behind a real shared cache (issue 11): Debian's nginx with proxy_cache, configured
// by e2e/support/nginx.ts and started by each test on a port of its own, in front of the suite's
// server or of a server of the test's own.

const NGINX_DIR = ".e2e-data";
/** What nginx reports when it answered from its cache, without waiting for the app. */
const FROM_PROXY = new Set(["HIT", "STALE", "UPDATING", "REVALIDATED"]);

const MIX = [
  "/",
  "/commitments",
  "/commitments?company=xiaomi",
  "/commitments?status=overdue_unverified&sort=-deadline",
  "/commitments/1",
  "/companies",
  "/companies/xiaomi",
  "/states",
  "/deadlines",
  "/methodology",
  "/api/v1/commitments",
  "/api/v1/commitments/1",
  "/api/v1/commitments.csv?company=xiaomi",
  "/api/v1/deadlines.ics",
  "/api/v1/changes.atom",
];
const ROUNDS = 30;

test("a replayed mix of anonymous reads is answered mostly by the proxy", async ({ baseURL }) => {
  const nginx = await startNginxCache(NGINX_DIR, portBesideSuite(13), new URL(baseURL!).host);
  try {
    // Readers in parallel, four at a time, each round in a different order.
    const statuses: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...MIX].sort(() => crypto.randomInt(3) - 1);
      for (let i = 0; i < order.length; i += 4) {
        const batch = await Promise.all(order.slice(i, i + 4).map((path) => read(nginx.url + path)));
        for (const r of batch) {
          expect(r.status).toBe(200);
          statuses.push(r.headers.get("x-proxy-cache") ?? "none");
        }
      }
    }
    const counts = Object.fromEntries(
      [...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]),
    );
    const fromProxy = statuses.filter((s) => FROM_PROXY.has(s)).length;
    console.log(`nginx answered ${fromProxy} of ${statuses.length} reads itself: ${JSON.stringify(counts)}`);
    expect(fromProxy / statuses.length).toBeGreaterThanOrEqual(0.95);

    // nginx's own log agrees: only the reads it did not answer itself reached the app.
    const log = nginx.log();
    expect(log).toHaveLength(statuses.length);
    const reachedApp = log.filter((e) => e.upstream !== "").length;
    expect(reachedApp).toBe(statuses.length - fromProxy + statuses.filter((s) => s === "REVALIDATED").length);
    expect(reachedApp).toBeLessThanOrEqual(MIX.length * 2);
  } finally {
    await nginx.stop();
  }
});

test("a signed-in request through the proxy is never answered from it, and shows the person", async ({
  baseURL,
}) => {
  const nginx = await startNginxCache(NGINX_DIR, portBesideSuite(14), new URL(baseURL!).host);
  try {
    const person = await createUser("reviewer", `Kavya Krishnan ${crypto.randomInt(1e6)}`);
    // Through the sign-in form: the auth API's per-address limit is hammered by errors.spec.ts meanwhile.
    const cookie = await signInThroughForm(baseURL!, person.email, person.password);
    for (const path of ["/", "/commitments/1", "/deadlines"]) {
      // Anonymous readers first, so that the proxy holds a copy it could wrongly serve.
      for (let i = 0; i < 2; i++) expect((await read(nginx.url + path)).status).toBe(200);
      expect((await read(nginx.url + path)).headers.get("x-proxy-cache")).toBe("HIT");
      for (let i = 0; i < 2; i++) {
        const signedIn = await read(nginx.url + path, { cookie });
        expect(signedIn.headers.get("x-proxy-cache"), path).toBe("BYPASS");
        expect(signedIn.headers.get("cache-control"), path).toMatch(/^private\b/);
        expect(signedIn.text, path).toContain(`Account (${person.name})`);
      }
      const anonymous = await read(nginx.url + path);
      expect(anonymous.headers.get("x-proxy-cache"), path).toBe("HIT");
      expect(anonymous.body, path).not.toContain(person.name);
    }
    // The cookie's name decides, with or without the prefix it takes over https, and whatever
    // comes before it; another cookie alone does not.
    for (const other of [
      "__Secure-better-auth.session_token=forged",
      "theme=dark; better-auth.session_token=expired",
    ])
      expect((await read(nginx.url + "/", { cookie: other })).headers.get("x-proxy-cache"), other).toBe(
        "BYPASS",
      );
    expect((await read(nginx.url + "/", { cookie: "theme=dark" })).headers.get("x-proxy-cache")).not.toBe(
      "BYPASS",
    );
    // nginx stored none of the signed-in answers.
    for (const entry of nginx.log().filter((e) => e.session === "1")) expect(entry.cache).toBe("BYPASS");
  } finally {
    await nginx.stop();
  }
});

test.describe("an approval seen through the proxy", () => {
  const S_MAXAGE = 2;
  const STALE = 2;
  const DB = ".e2e-data/nginx-cache.db";
  let server: OwnServer;
  let nginx: RunningNginx;
  let db: Db;

  test.beforeAll(async () => {
    server = await startServer(portBesideSuite(12), DB, {
      TRACKER_SHARED_MAX_AGE: String(S_MAXAGE),
      TRACKER_SHARED_STALE: String(STALE),
      TRACKER_EXPOSE_METRICS: "1",
    });
    nginx = await startNginxCache(NGINX_DIR, portBesideSuite(15), new URL(server.url).host);
    db = openDatabase(DB, { migrate: false, seed: false });
  });

  test.afterAll(async () => {
    db?.$client.close();
    await nginx?.stop();
    await server?.stop();
  });

  test("is visible within s-maxage + stale-while-revalidate, whether readers keep asking or not", async () => {
    const reviewer = await createUser("reviewer", undefined, db);
    const word = uniqueWord("throughproxy");
    const title = `Make power tools in Hosur ${word}`;
    const submission = propose(
      await createUser("contributor", undefined, db),
      "commitment",
      commitmentPayload("xiaomi", title),
      db,
    );
    // Read again and again: the explorer. Read once, after a quiet spell: the API's search.
    const polled = `/commitments?q=${word}`;
    const quiet = `/api/v1/commitments?q=${word}`;
    for (const path of [polled, quiet]) {
      await expect(async () => {
        const r = await read(nginx.url + path);
        expect(r.headers.get("x-proxy-cache")).toBe("HIT");
        expect(r.body).not.toContain(title);
      }).toPass({ timeout: 10_000 });
    }
    const metricsBefore = await appMetrics(server);
    const logBefore = nginx.log().length;

    const approved = decideSubmission(db, {
      id: submission,
      reviewerId: reviewer.id,
      decision: "approve",
      today: E2E_TODAY,
    });
    expect(approved.ok).toBe(true);
    const publishedAt = Date.now();
    const maximum = (S_MAXAGE + STALE) * 1000;
    // nginx counts ages in whole seconds, so a copy may outlive the bound by up to one more.
    const margin = 1_500;

    // At the app, at once.
    expect((await read(server.url + polled)).body).toContain(title);
    // Through the proxy, a copy kept from before may still be served for a while: not asserted.
    const first = await read(nginx.url + polled);
    console.log(
      `through nginx right after the approval: ${first.headers.get("x-proxy-cache")}, ${first.body.includes(title) ? "new" : "old"} page`,
    );

    const seen: string[] = [];
    let visibleAfter = Infinity;
    while (Date.now() - publishedAt < maximum + margin) {
      const r = await read(nginx.url + polled);
      seen.push(r.headers.get("x-proxy-cache") ?? "none");
      if (r.body.includes(title)) {
        visibleAfter = Date.now() - publishedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`visible through nginx after ${visibleAfter} ms (polled: ${seen.join(" ")})`);
    expect(visibleAfter).toBeLessThanOrEqual(maximum + margin);

    // The API view was not asked for since the approval: the first read after the bound shows it.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, publishedAt + maximum + margin - Date.now())),
    );
    const quietRead = await read(nginx.url + quiet);
    expect(quietRead.headers.get("x-proxy-cache")).not.toBe("BYPASS");
    expect(JSON.parse(quietRead.body).data.map((c: { title: string }) => c.title)).toEqual([title]);

    // Every request the app received is one nginx sent it: a read it did not answer itself, or a
    // background update after serving a stale copy (which nginx does not log).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const metricsAfter = await appMetrics(server);
    const log = nginx.log().slice(logBefore);
    const received = metricsAfter.requests - metricsBefore.requests - 1; // the direct read
    const sentUpstream = log.filter((e) => e.upstream !== "").length;
    const backgroundUpdates = log.filter((e) => e.cache === "STALE" || e.cache === "UPDATING").length;
    expect(received).toBeGreaterThanOrEqual(sentUpstream);
    expect(received).toBeLessThanOrEqual(sentUpstream + backgroundUpdates);
    expect(received).toBeLessThan(log.length);
  });
});

type Metrics = { renders: number; hits: number; misses: number; bypassed: number };

async function appMetrics(server: OwnServer): Promise<{ requests: number }> {
  const m = (await (await fetch(`${server.url}/_tracker/metrics`)).json()) as Metrics;
  return { requests: m.hits + m.misses + m.bypassed };
}
