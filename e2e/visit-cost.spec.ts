import { expect, test, type Request } from "@playwright/test";
import { startServer, type OwnServer } from "./support/server";

// What one reader's visit costs the server (issue 11): at most 3 renders for loading the
// explorer and idling 5 s, counted by the server itself on a server of its own with a cold cache.

const PORT = 3330;
const DB = ".e2e-data/visit-cost.db";

let server: OwnServer;

// One server for the file, so its tests must share one worker.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServer(PORT, DB, { TRACKER_EXPOSE_METRICS: "1" });
});

test.afterAll(async () => {
  await server?.stop();
});

type Metrics = { renders: number; hits: number; misses: number };
const metrics = async (): Promise<Metrics> =>
  (await (await fetch(`${server.url}/_tracker/metrics`)).json()) as Metrics;

test("loading the explorer and idling costs at most 3 renders, with no prefetch and no API call", async ({
  page,
}) => {
  // startServer waits on an API request: that render is the one before the visit.
  const before = await metrics();
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  const favicon = page.waitForResponse((r) => new URL(r.url()).pathname === "/favicon.ico", {
    timeout: 10_000,
  });

  await page.goto(`${server.url}/commitments`);
  // It must reach network idle: a request left open would keep it from ever idling.
  await page.waitForLoadState("networkidle", { timeout: 15_000 });
  await page.waitForTimeout(5_000);
  const after = await metrics();

  const paths = requests.map((r) => new URL(r.url()).pathname);
  expect(paths.filter((p) => p.startsWith("/api/"))).toEqual([]);
  const rsc = requests.filter((r) => r.headers()["rsc"] !== undefined || r.headers()["next-router-prefetch"]);
  expect(rsc.map((r) => r.url())).toEqual([]);
  expect((await favicon).status()).toBe(200);
  // Of what the browser asked the server for besides files, the page itself is all: no link
  // prefetches (decision 0018) and no fetch on load.
  const asked = requests.filter((r) => {
    const url = new URL(r.url());
    return (
      url.origin === server.url &&
      !url.pathname.startsWith("/_next/static/") &&
      ["document", "fetch"].includes(r.resourceType())
    );
  });
  expect(asked.map((r) => r.url())).toEqual([`${server.url}/commitments`]);

  const renders = after.renders - before.renders;
  console.log(`one visit to /commitments: ${requests.length} requests, ${renders} server renders`);
  expect(renders).toBeGreaterThanOrEqual(1); // the page itself, from a cold cache
  expect(renders).toBeLessThanOrEqual(3);
});

test("a second reader of the same page costs no render at all", async ({ page }) => {
  await page.goto(`${server.url}/commitments?status=overdue`);
  const before = await metrics();
  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  const response = await second.goto(`${server.url}/commitments?status=overdue`);
  await second.waitForLoadState("networkidle");
  expect(response?.headers()["x-tracker-cache"]).toBe("HIT");
  expect((await metrics()).renders - before.renders).toBe(0);
  await other.close();
});

test("a click still navigates within the app, without a full reload", async ({ page }) => {
  await page.goto(`${server.url}/commitments`);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Companies" }).click();
  await expect(page).toHaveURL(`${server.url}/companies`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});
