import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/connection";
import { commitmentForm, propose } from "@/db/testing/records";
import { CommitmentDetailResponseSchema } from "@/lib/api/schemas/commitment";
import { portBesideSuite, startServer, type OwnServer } from "./support/server";
import { createUser, signInAt } from "./support/users";

// Sources that outlive their links (issue 15), end to end: a local origin server serves four
// pages; a reviewer approves a proposal citing them on a server of the test's own, which is
// allowed to fetch that one loopback port. The commitment page then shows each archived copy
// and its hash, the archived copy runs none of its scripts, the link checker flags the page
// that changes and the page that vanishes in the reviewers' queue, and the citation carries
// the hash.

const PORT = portBesideSuite(23);
const DB = ".e2e-data/source-archive.db";
const ARCHIVE_DIR = ".e2e-data/source-archive-warcs";

const PAGES = {
  stable: `<!doctype html><html><head><title>Stable page</title></head><body><p>Optiemus will make earbuds in Noida.</p></body></html>`,
  scripted: (port: number) =>
    `<!doctype html><html><head><title>Scripted page</title></head><body>` +
    `<p id="said">Xiaomi targets a 50 per cent increase by 2025.</p>` +
    `<script>document.title = "The script ran"; document.getElementById("said").textContent = "rewritten";</script>` +
    `<img alt="beacon" src="http://127.0.0.1:${port}/beacon.gif"></body></html>`,
  changingV1: `<!doctype html><html><head><title>Changing page</title></head><body><p>Version one.</p></body></html>`,
  changingV2: `<!doctype html><html><head><title>Changing page</title></head><body><p>Version two, edited.</p></body></html>`,
  vanishing: `<!doctype html><html><head><title>Vanishing page</title></head><body><p>Here today.</p></body></html>`,
};

const sha256 = (body: string) => createHash("sha256").update(body).digest("hex");

type Origin = {
  port: number;
  requests: string[];
  scripted: string;
  flip: () => void;
  close: () => Promise<void>;
};

/** The web the sources live on: until `flip`, every page is there; after it, one changed and one gone. */
async function startOrigin(): Promise<Origin> {
  let flipped = false;
  const requests: string[] = [];
  let scripted = "";
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    switch (req.url) {
      case "/stable":
        return html(PAGES.stable);
      case "/scripted":
        return html(scripted);
      case "/changing":
        return html(flipped ? PAGES.changingV2 : PAGES.changingV1);
      case "/vanishing":
        if (!flipped) return html(PAGES.vanishing);
        break;
    }
    // Anything else (robots.txt, the beacon) and the vanished page: not found.
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  scripted = PAGES.scripted(port);
  return {
    port,
    requests,
    scripted,
    flip: () => (flipped = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function freshDatabase(): Db {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DB}${suffix}`, { force: true });
  fs.rmSync(ARCHIVE_DIR, { recursive: true, force: true });
  const db = openDatabase(DB);
  // The seed's own sources are real addresses on the internet, which this test neither needs
  // nor may reach: their captures are set aside and their next check put far off, so the worker
  // and the checker spend their time on this test's pages.
  db.run(sql`update source_captures set state = 'failed', failure_code = 'network',
               failure_reason = 'not fetched in the e2e suite' where state = 'queued'`);
  db.run(sql`insert into source_checks (source_id, checked_at, outcome)
               select source_id, '2999-01-01T00:00:00.000Z', 'ok' from source_captures`);
  return db;
}

const source = (origin: Origin, path: string, title: string) => ({
  url: `http://127.0.0.1:${origin.port}${path}`,
  title,
  publisher: "Loopback News",
  kind: "news",
  published_on: "2026-11-01",
  excerpt: `What ${title} said.`,
});

let origin: Origin | undefined;
let server: OwnServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  await origin?.close();
  server = origin = undefined;
});

test("approving archives each source; the copy runs no script; the checker flags a changed and a vanished page", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  origin = await startOrigin();
  const db = freshDatabase();
  const contributor = await createUser("contributor", "Asha Contributor", db);
  const reviewer = await createUser("reviewer", "Ravi Reviewer", db);
  const sources = [
    source(origin, "/stable", "Stable story"),
    source(origin, "/scripted", "Scripted story"),
    source(origin, "/changing", "Changing story"),
    source(origin, "/vanishing", "Vanishing story"),
  ];
  const id = propose(
    db,
    contributor.id,
    "commitment",
    commitmentForm({ title: "Make wireless earbuds in Noida", sources }),
  );

  server = await startServer(PORT, DB, {
    // The loopback setting is honoured only for a server whose public origin is on loopback.
    TRACKER_ORIGIN: `http://127.0.0.1:${PORT}`,
    TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: String(origin.port),
    TRACKER_FETCH_HOST_GAP_MS: "100",
    TRACKER_ARCHIVE_DIR: ARCHIVE_DIR,
    TRACKER_ARCHIVE_INTERVAL_SECONDS: "1",
    TRACKER_LINK_CHECK_INTERVAL_SECONDS: "2",
  });

  // Approval answers at once, whatever the fetching does.
  await signInAt(page, server.url, reviewer);
  await page.goto(`${server.url}/review/${id}`);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?decided=${id}&outcome=approve$`));
  await page.getByRole("link", { name: "See the published record" }).click();
  await expect(page).toHaveURL(/\/commitments\/\d+$/);
  const commitmentUrl = page.url();

  // Each source shows its archived copy and hash once the worker has fetched it.
  const sourcesSection = page.locator("ul.source-list").last();
  await expect
    .poll(
      async () => {
        await page.reload();
        return sourcesSection.getByTestId("source-archive").filter({ hasText: "Archived on" }).count();
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(4);
  for (const body of [PAGES.stable, origin.scripted, PAGES.changingV1, PAGES.vanishing])
    await expect(sourcesSection.getByText(sha256(body).slice(0, 12), { exact: true })).toBeVisible();

  // The citation carries each archived source's full hash.
  await expect(page.locator("#cite-text")).toContainText(`SHA-256 ${sha256(origin.scripted)}`);
  await expect(page.locator("#cite-bibtex")).toContainText(`SHA-256 ${sha256(origin.scripted)}`);

  // The public API names the same copy (issue 15): an anonymous reader, served through the
  // response cache, gets the full hash the page shows and a WARC download that answers.
  const apiUrl = `${server.url}/api/v1${new URL(commitmentUrl).pathname}`;
  const readApi = async () => {
    const response = await request.get(apiUrl);
    expect(response.status()).toBe(200);
    return CommitmentDetailResponseSchema.parse(await response.json()).data;
  };
  const shownHash = await sourcesSection
    .locator("li")
    .filter({ hasText: "Stable story" })
    .getByTestId("source-archive")
    .locator("code")
    .getAttribute("title");
  expect(shownHash).toBe(sha256(PAGES.stable));
  const fromApi = (await readApi()).sources.find((s) => s.url === sources[0]!.url);
  expect(fromApi?.archive.archived?.sha256).toBe(shownHash);
  expect(fromApi?.archive.archived?.view_url).toMatch(/^\/sources\/\d+\/archive\/\d+$/);
  expect(fromApi?.archive.link).toBeNull();
  const warcFromApi = await request.get(`${server.url}${fromApi?.archive.archived?.warc_url ?? "/missing"}`);
  expect(warcFromApi.status()).toBe(200);
  expect(warcFromApi.headers()["content-type"]).toBe("application/warc");

  // The archived copy of the scripted page: a banner outside the frame, the page's words inside,
  // and its script never ran.
  await page.getByRole("link", { name: "View the archived copy of Scripted story" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Archived copy: Scripted story" })).toBeVisible();
  await expect(page.getByTestId("archived-sha256")).toHaveText(sha256(origin.scripted));
  await expect(page.getByText(`${sources[1]!.url}`, { exact: true })).toBeVisible();
  const frame = page.frameLocator('iframe[title="Archived copy of Scripted story"]');
  await expect(frame.getByText("Xiaomi targets a 50 per cent increase by 2025.")).toBeVisible();
  await expect(page).toHaveTitle(/Archived copy: Scripted story/);

  const contentUrl = await page.locator("iframe.archived-copy-frame").getAttribute("src");
  expect(contentUrl).toMatch(/^\/sources\/\d+\/archive\/\d+\/content$/);
  const response = await page.goto(`${server.url}${contentUrl}`);
  expect(response?.headers()["content-security-policy"]).toBe(
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  );
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
  expect(response?.headers()["cache-control"]).toContain("immutable");
  // Opened on its own, the copy is still script-free: the title and the words are the page's.
  await expect(page).toHaveTitle("Scripted page");
  await expect(page.locator("#said")).toHaveText("Xiaomi targets a 50 per cent increase by 2025.");
  // Its image points at the page's own server, which the policy (img-src data:) never lets it reach.
  // Neither in the frame above nor here.
  expect(origin.requests).not.toContain("/beacon.gif");

  const warc = await page.request.get(`${server.url}${contentUrl!.replace(/content$/, "warc")}`);
  expect(warc.status()).toBe(200);
  expect(warc.headers()["content-type"]).toBe("application/warc");
  expect(warc.headers()["content-disposition"]).toMatch(
    /^attachment; filename="source-\d+-capture-\d+\.warc(\.gz)?"$/,
  );

  // The web moves on: the checker (every 2 s here) flags the edited page and the vanished one.
  origin.flip();
  await page.goto(`${server.url}/review/sources`);
  await expect
    .poll(
      async () => {
        await page.reload();
        return [
          await page
            .getByRole("listitem")
            .filter({ hasText: "Vanishing story" })
            .getByText(/Link broken since/)
            .count(),
          await page
            .getByRole("listitem")
            .filter({ hasText: "Changing story" })
            .getByText(/changed since it was archived/)
            .count(),
        ];
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toEqual([1, 1]);
  const vanished = page.getByRole("listitem").filter({ hasText: "Vanishing story" });
  await expect(vanished.getByRole("link", { name: /commitment \d+/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Stable story" })).toHaveCount(0);

  // Readers are told too, and pointed to the copy.
  await page.goto(commitmentUrl);
  const vanishedSource = page
    .locator("ul.source-list")
    .last()
    .locator("li")
    .filter({ hasText: "Vanishing story" });
  await expect(vanishedSource.getByText(/Link broken since/)).toBeVisible();
  await expect(vanishedSource.getByRole("link", { name: "read the archived copy" })).toBeVisible();

  // So is the API, at once: the checks moved the publication version, and with it the cache key.
  const checked = await readApi();
  const linkOf = (n: number) => checked.sources.find((s) => s.url === sources[n]!.url)?.archive.link;
  expect(linkOf(3)).toMatchObject({ state: "broken" });
  expect(linkOf(2)).toMatchObject({ state: "changed" });
  expect(linkOf(0)).toBeNull();

  // A reviewer asks for a new copy of the changed page, and the queue says so.
  await page.goto(`${server.url}/review/sources`);
  await page.getByRole("button", { name: "Capture Changing story again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new capture of source" })).toBeVisible();
});
