import { expect, test } from "@playwright/test";
import { commitmentPayload, companyPayload, read, uniqueWord, warm } from "./support/cache";
import { publish } from "./support/publish";
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
