import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { openDatabase } from "@/db/connection";
import { commitmentPayload, read, uniqueWord, warm } from "./support/cache";
import { publish } from "./support/publish";
import { portBesideSuite, startServer } from "./support/server";
import { createUser } from "./support/users";

// Statuses and days to deadline roll over at midnight in India without a restart (issue 11). A
// server of the test's own, with the day unpinned, runs under Debian's faketime (libfaketime,
// which .ci/run installs): its clock starts shortly before 18:30 UTC on 25 Nov 2026, midnight in
// India, and runs on. A commitment due on the 25th is "due today" before midnight and overdue
// after, and the cached page and API view must say so at the first request after midnight.

const PORT = portBesideSuite(11);
const DB = ".e2e-data/cache-midnight.db";
const MIDNIGHT_IN_INDIA = Date.parse("2026-11-25T18:30:00Z");
/** How long before midnight the server's clock starts: enough to start it and warm its cache. */
const LEAD_SECONDS = 30;

const statusShown = (html: string) =>
  /id="status-heading"[^>]*>Status: <span class="badge [^"]*">([^<]*)</.exec(html)?.[1];

test("statuses and days to deadline roll over at midnight in India, without a restart", async () => {
  test.setTimeout(120_000);
  const faketime = execFileSync("sh", ["-c", "command -v faketime || true"]).toString().trim();
  expect(faketime, "Debian's faketime is installed (apt-get install faketime; .ci/run does)").not.toBe("");

  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  const db = openDatabase(DB);
  const title = `Open a repair centre ${uniqueWord("midnight")}`;
  const id = publish(
    await createUser("contributor", undefined, db),
    await createUser("reviewer", undefined, db),
    "commitment",
    commitmentPayload("xiaomi", title, { deadline_precision: "day", deadline: "2026-11-25" }),
    db,
  );
  db.$client.close();

  const start = new Date(MIDNIGHT_IN_INDIA - LEAD_SECONDS * 1000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ");
  const server = await startServer(
    PORT,
    DB,
    // An empty TRACKER_TODAY leaves the day to the clock; TZ for faketime's reading of the start.
    { TRACKER_TODAY: "", TZ: "UTC" },
    { wrap: [faketime, "-m", "--exclude-monotonic", "-f", `@${start}`] },
  );
  try {
    const page = `${server.url}/commitments/${id}`;
    const api = `${server.url}/api/v1/commitments/${id}`;
    const serverClock = (r: { headers: Headers }) => Date.parse(r.headers.get("date") ?? "");

    const pageBefore = await warm(page);
    const apiBefore = await warm(api);
    const clockBefore = serverClock(apiBefore);
    expect(
      clockBefore,
      "the server's clock is still before midnight in India (did it take too long to start?)",
    ).toBeLessThan(MIDNIGHT_IN_INDIA);
    expect(clockBefore, "the server's clock follows faketime").toBeGreaterThan(MIDNIGHT_IN_INDIA - 120_000);
    expect(pageBefore.text).toContain("Computed for 25 Nov 2026");
    expect(pageBefore.text).toContain("due today.");
    expect(statusShown(pageBefore.text)).toBe("No data");
    expect(JSON.parse(apiBefore.body).data.status).toMatchObject({ code: "no_data", days_to_deadline: 0 });

    // The fake clock runs at the real rate: wait until it has passed midnight, with a margin.
    await new Promise((r) => setTimeout(r, MIDNIGHT_IN_INDIA - clockBefore + 2_000));

    const pageAfter = await read(page);
    expect(serverClock(pageAfter), "the server's clock has moved on past midnight").toBeGreaterThanOrEqual(
      MIDNIGHT_IN_INDIA,
    );
    expect(pageAfter.cache).toBe("MISS");
    expect(pageAfter.etag).not.toBe(pageBefore.etag);
    expect(pageAfter.text).toContain("Computed for 26 Nov 2026");
    expect(pageAfter.text).toContain("passed 1 day ago.");
    expect(statusShown(pageAfter.text)).toBe("Overdue, unverified");
    const apiAfter = await read(api);
    expect(apiAfter.cache).toBe("MISS");
    expect(apiAfter.etag).not.toBe(apiBefore.etag);
    expect(JSON.parse(apiAfter.body).data.status).toMatchObject({
      code: "overdue_unverified",
      days_to_deadline: -1,
    });
    // And the old day's copy is gone: a client holding its ETag gets the new day.
    expect((await read(page, { "if-none-match": pageBefore.etag })).status).toBe(200);
  } finally {
    await server.stop();
  }
});
