import { expect, test, type APIRequestContext } from "@playwright/test";
import { hiddenActionFields } from "@/lib/testing/action-post";
import { HOSTILE_VALUES } from "@/lib/testing/hostile-corpus";

// Every hostile value of the corpus, sent to every parameter of every read endpoint and page:
// each must be answered with a 2xx, 3xx or 4xx (a clear 400 naming the parameter for the API),
// never a 5xx. Writes through forms are probed in the authorization and submission suites.

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

type Probe = { path: string; param: string };

const API_PROBES: Probe[] = [
  ...[
    "q",
    "company",
    "category",
    "state",
    "scheme",
    "status",
    "evidence",
    "due_from",
    "due_to",
    "sort",
    "page",
    "per_page",
    "include_superseded",
  ].map((param) => ({ path: "/api/v1/commitments", param })),
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
const wellFormed = (v: string) =>
  v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Node's default --max-http-header-size: 16 KiB for the request line and headers together. */
const NODE_HEADER_LIMIT = 16 * 1024;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function probeAll(request: APIRequestContext, urls: string[], concurrency: number) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  await inBatches(urls, concurrency, async (url) => {
    let response;
    try {
      response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    } catch (error) {
      // Node refuses a request line longer than its header limit with 431 and closes the
      // connection at once; whether the client reads the 431 or sees the reset while still
      // writing is a race. Either is a refusal, and only for such oversized requests.
      if (url.length > NODE_HEADER_LIMIT && /ECONNRESET|EPIPE|socket hang up/.test(String(error))) {
        statuses.set(431, (statuses.get(431) ?? 0) + 1);
        return;
      }
      throw error;
    }
    const status = response.status();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${status} ${url.slice(0, 160)}`);
    else if (status === 400 && (response.headers()["content-type"] ?? "").includes("json")) {
      const body = await response.json();
      if (typeof body?.error?.parameter !== "string")
        failures.push(`400 without a named parameter: ${url.slice(0, 160)}`);
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
      HOSTILE_VALUES.filter(({ value }) => value.length < 10_000).map(
        ({ value }) => prefix + encodeURIComponent(wellFormed(value)),
      ),
    ),
  ];
  const { failures, statuses } = await probeAll(request, urls, 16);
  console.log(
    `hostile API requests: ${urls.length}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  expect(urls.length).toBeGreaterThan(300 * 20);
  expect(failures).toEqual([]);
});

test("pages answer every hostile filter without a server error", async ({ request }) => {
  const urls = PAGE_PROBES.flatMap(({ path, param }) =>
    HOSTILE_VALUES.map(({ value }) => `${path}?${new URLSearchParams({ [param]: value })}`),
  );
  const { failures, statuses } = await probeAll(request, urls, 4);
  console.log(
    `hostile page requests: ${urls.length}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
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

test("malformed server-action requests are refused with a 4xx, never a 500", async ({ baseURL }) => {
  const page = `${baseURL}/sign-up`;
  const hidden = hiddenActionFields(await (await fetch(page)).text());
  const meta = hidden.find(([k]) => k === "$ACTION_1:0")![1];
  const id = (JSON.parse(meta) as { id: string }).id;
  const multipart = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };
  const state = hidden.find(([k]) => k === "$ACTION_1:1")![1];
  const cases: { name: string; headers?: Record<string, string>; body: BodyInit; status: number }[] = [
    {
      name: "an unknown action id",
      headers: { "next-action": "00".repeat(21) },
      body: multipart([["0", '["$K1"]']]),
      status: 409,
    },
    {
      name: "an action id that is not hex",
      headers: { "next-action": "<script>" },
      body: multipart([["0", '["$K1"]']]),
      status: 400,
    },
    {
      name: "arguments as text that is not JSON",
      headers: { "next-action": id, "content-type": "text/plain" },
      body: "garbage",
      status: 400,
    },
    {
      name: "JSON",
      headers: { "next-action": id, "content-type": "application/json" },
      body: '{"a":1}',
      status: 415,
    },
    {
      name: "multipart without a boundary",
      headers: { "next-action": id, "content-type": "multipart/form-data" },
      body: "a=1",
      status: 400,
    },
    {
      name: "a truncated multipart body",
      headers: { "content-type": "multipart/form-data; boundary=XX" },
      body: '--XX\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\nvalue',
      status: 400,
    },
    {
      name: "arguments that are not a form",
      headers: { "next-action": id },
      body: multipart([["0", "[1,2]"]]),
      status: 400,
    },
    {
      name: "garbage naming the action",
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "garbage"],
      ]),
      status: 400,
    },
    {
      name: "a saved state that is not JSON",
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta],
        ["$ACTION_1:1", "notjson"],
      ]),
      status: 400,
    },
    {
      name: "a missing saved state",
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta],
      ]),
      status: 400,
    },
    {
      name: "a dangling reference",
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta],
        ["$ACTION_1:1", '["$@7"]'],
      ]),
      status: 400,
    },
    {
      name: "a body over 3 MB",
      body: multipart([...hidden, ["name", "x".repeat(3.5 * 1024 * 1024)]]),
      status: 413,
    },
    {
      name: "a foreign origin on a form posted without JavaScript",
      headers: { origin: "https://evil.example" },
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta],
        ["$ACTION_1:1", state],
      ]),
      status: 403,
    },
    {
      name: "a foreign action posing as a prefetch",
      headers: { origin: "https://evil.example", "next-action": id, "next-router-prefetch": "1" },
      body: multipart([["0", '["$K1"]']]),
      status: 403,
    },
  ];
  const answers: Record<string, number> = {};
  for (const c of cases) {
    const r = await fetch(page, {
      method: "POST",
      body: c.body,
      headers: { origin: baseURL!, ...c.headers },
      redirect: "manual",
    });
    answers[c.name] = r.status;
  }
  expect(answers).toEqual(Object.fromEntries(cases.map((c) => [c.name, c.status])));
  // The well-formed request still reaches the action.
  const ok = await fetch(page, {
    method: "POST",
    body: multipart([...hidden, ["email", "x"]]),
    headers: { origin: baseURL! },
  });
  expect(ok.status).toBe(200);
  expect(await ok.text()).toContain("Email");
});
