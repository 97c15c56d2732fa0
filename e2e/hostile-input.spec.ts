import { expect, test, type APIRequestContext } from "@playwright/test";
import { HOSTILE_VALUES } from "@/lib/testing/hostile-corpus";

// Every hostile value of the corpus, sent to every parameter of every read endpoint and page:
// each must be answered with a 2xx, 3xx or 4xx (a clear 400 naming the parameter for the API),
// never a 5xx. Writes through forms are probed in the authorization and submission suites.

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

type Probe = { path: string; param: string };

const API_PROBES: Probe[] = [
  ...["q", "company", "category", "state", "scheme", "status", "evidence", "due_from", "due_to", "sort", "page", "per_page", "include_superseded"].map(
    (param) => ({ path: "/api/v1/commitments", param }),
  ),
  ...["q", "state", "status"].map((param) => ({ path: "/api/v1/commitments.csv", param })),
  ...["q", "page", "per_page"].map((param) => ({ path: "/api/v1/companies", param })),
  ...["state", "company", "stage"].map((param) => ({ path: "/api/v1/facilities", param })),
  { path: "/api/v1/partnerships", param: "company" },
];
const PATH_PROBES = ["/api/v1/commitments/", "/api/v1/companies/", "/api/v1/stats/"];
const PAGE_PROBES: Probe[] = [
  { path: "/commitments", param: "q" },
  { path: "/commitments", param: "status" },
  { path: "/commitments", param: "due_from" },
  { path: "/companies", param: "q" },
];

// A lone surrogate cannot be percent-encoded; browsers send U+FFFD in its place, and so do we.
const wellFormed = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function probeAll(request: APIRequestContext, urls: string[], concurrency: number) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  await inBatches(urls, concurrency, async (url) => {
    const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    const status = response.status();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${status} ${url.slice(0, 160)}`);
    else if (status === 400 && (response.headers()["content-type"] ?? "").includes("json")) {
      const body = await response.json();
      if (typeof body?.error?.parameter !== "string") failures.push(`400 without a named parameter: ${url.slice(0, 160)}`);
    }
  });
  return { failures, statuses };
}

test("the read API answers every hostile parameter without a server error", async ({ request }) => {
  const urls = [
    ...API_PROBES.flatMap(({ path, param }) =>
      HOSTILE_VALUES.map(({ value }) => `${path}?${new URLSearchParams({ [param]: value })}`),
    ),
    ...PATH_PROBES.flatMap((prefix) =>
      HOSTILE_VALUES.filter(({ value }) => value.length < 10_000).map(({ value }) => prefix + encodeURIComponent(wellFormed(value))),
    ),
  ];
  const { failures, statuses } = await probeAll(request, urls, 16);
  console.log(`hostile API requests: ${urls.length}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(urls.length).toBeGreaterThan(300 * 20);
  expect(failures).toEqual([]);
});

test("pages answer every hostile filter without a server error", async ({ request }) => {
  const urls = PAGE_PROBES.flatMap(({ path, param }) =>
    HOSTILE_VALUES.map(({ value }) => `${path}?${new URLSearchParams({ [param]: value })}`),
  );
  const { failures, statuses } = await probeAll(request, urls, 4);
  console.log(`hostile page requests: ${urls.length}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(failures).toEqual([]);
});

test("a hostile search is shown back escaped, never run", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const payload = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
  await page.goto(`/commitments?q=${encodeURIComponent(payload)}`);
  await expect(page.getByRole("searchbox", { name: /Search/ })).toHaveValue(payload);
  expect(await page.locator("img[src=x], main script").count()).toBe(0);
  expect(dialogs).toBe(0);
});
