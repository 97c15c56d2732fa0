import { expect, test } from "@playwright/test";
import { commitmentPayload, companyPayload, read, sourceFor, uniqueWord, warm } from "./support/cache";
import { capturesTried, publish } from "./support/publish";
import { createUser, type TestUser } from "./support/users";

// The validators of cached public responses (issue 11): a strong ETag that changes exactly when
// the bytes do, answered with 304 to a conditional GET. Each test publishes a company of its own
// with one commitment, and reads only views filtered to that company, so that what other specs
// publish meanwhile cannot change them.

type Own = { contributor: TestUser; reviewer: TestUser; id: number; views: Record<string, string> };

async function ownCompany(): Promise<Own> {
  const [contributor, reviewer] = [await createUser("contributor"), await createUser("reviewer")];
  const slug = uniqueWord("etagproof");
  publish(contributor, reviewer, "company", companyPayload(slug));
  const id = publish(contributor, reviewer, "commitment", commitmentPayload(slug, `Make routers ${slug}`));
  // Each source's archived copy is fetched in the background and changes what the page says of
  // it; the comparisons below are of bytes that only the test's own steps change.
  await capturesTried(id);
  return {
    contributor,
    reviewer,
    id,
    views: {
      page: `/commitments/${id}`,
      API: `/api/v1/commitments/${id}`,
      "CSV export": `/api/v1/commitments.csv?company=${slug}`,
      "ICS feed": `/api/v1/deadlines.ics?company=${slug}`,
      "Atom feed": `/api/v1/changes.atom?company=${slug}`,
    },
  };
}

test("a conditional GET with the current ETag is answered 304 with no body; after a publication the old ETag gets the new view", async ({
  baseURL,
}) => {
  const own = await ownCompany();
  const etags = new Map<string, string>();
  for (const [view, path] of Object.entries(own.views)) {
    const first = await read(baseURL + path);
    expect(first.status, view).toBe(200);
    expect(first.etag, view).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get("cache-control"), view).toMatch(/^public, max-age=0, s-maxage=\d+/);
    const conditional = await read(baseURL + path, { "if-none-match": first.etag });
    expect(conditional.status, view).toBe(304);
    expect(conditional.body, view).toBe("");
    expect(conditional.etag, view).toBe(first.etag);
    expect(conditional.headers.get("cache-control"), view).toBe(first.headers.get("cache-control"));
    // A browser's weak comparison, and a list of tags, match too (RFC 9110 §13.1.2).
    const weak = await read(baseURL + path, { "if-none-match": `"other", W/${first.etag}` });
    expect(weak.status, view).toBe(304);
    etags.set(path, first.etag);
  }

  // A progress update on the commitment changes all five: its value, its status, a new change.
  publish(own.contributor, own.reviewer, "progress_update", {
    commitment_id: String(own.id),
    as_of: "2026-06-30",
    value: "5000",
    note: "First units shipped",
    sources: [sourceFor("routers-shipped")],
  });
  await capturesTried(own.id);

  for (const [view, path] of Object.entries(own.views)) {
    const old = etags.get(path)!;
    const after = await read(baseURL + path, { "if-none-match": old });
    expect(after.status, `${view} with the old ETag`).toBe(200);
    expect(after.etag, view).not.toBe(old);
    expect(after.body, view).not.toBe("");
    const current = await read(baseURL + path, { "if-none-match": after.etag });
    expect(current.status, `${view} with the new ETag`).toBe(304);
  }
  const api = await read(baseURL + own.views.API!);
  expect(JSON.parse(api.body).data.status.latest).toEqual({ as_of: "2026-06-30", value: 5000 });
});

test("a view rendered again after a publication that does not concern it keeps its bytes and its ETag", async ({
  baseURL,
}) => {
  const own = await ownCompany();
  // Not the calendar: its DTSTAMP is the time of the latest change anywhere in the tracker
  // (app/api/v1/deadlines.ics), so any publication changes its bytes, and its ETag with them.
  const { "ICS feed": _calendar, ...views } = own.views;
  const before = new Map<string, string>();
  for (const path of Object.values(views)) before.set(path, (await warm(baseURL + path)).etag);

  // Moves the publication version, so every cached response is rendered afresh.
  publish(own.contributor, own.reviewer, "commitment", commitmentPayload("xiaomi", uniqueWord("unrelated")));

  for (const [view, path] of Object.entries(views)) {
    const again = await read(baseURL + path);
    expect(again.cache, `${view} is rendered again`).toBe("MISS");
    expect(again.etag, `${view}: same bytes, same ETag`).toBe(before.get(path));
    const conditional = await read(baseURL + path, { "if-none-match": before.get(path)! });
    expect(conditional.status, view).toBe(304);
  }
});
