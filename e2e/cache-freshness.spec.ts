import { expect, test, type Browser, type Page } from "@playwright/test";
import { createSubmission } from "@/db/mutations/create-submission";
import { commitmentPayload, read, sourceFor, uniqueWord, warm } from "./support/cache";
import { capturesTried, propose, publish } from "./support/publish";
import { createUser, e2eDb, signIn, type TestUser } from "./support/users";

// Freshness of the response cache (issue 11): after each kind of publication, made through the
// site's own pages, the very next anonymous request shows it, and so does the next request of the
// person who made it. Before each, the affected views are warmed until they are served from the
// cache, so the request after is one that a stale cache would have answered wrongly.
//
// Each test publishes records of its own (unique titles), so the views it reads are its own.

// Several sign-ins and page loads each: on a loaded 2-core machine they take longer than 30 s.
test.describe.configure({ timeout: 90_000 });

const publishedCommitment = (
  proposer: TestUser,
  approver: TestUser,
  word: string,
  over: Record<string, unknown> = {},
) => {
  const title = `Assemble smart meters ${word}`;
  return { id: publish(proposer, approver, "commitment", commitmentPayload("xiaomi", title, over)), title };
};

/** Who proposes, who approved the record earlier, and the reviewer who publishes in the test. */
const people = async () => ({
  contributor: await createUser("contributor"),
  approver: await createUser("reviewer"),
  reviewer: await createUser("reviewer"),
});

const json = (body: string) =>
  JSON.parse(body) as { data: Record<string, unknown> & { status: { code: string } } };

/** The status a commitment page's HTML shows. */
const statusShown = (html: string) =>
  /id="status-heading"[^>]*>Status: <span class="badge [^"]*">([^<]*)</.exec(html)?.[1];

/** The person's own next view of a public page: rendered for them, never from the shared cache. */
async function ownView(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.headers()["cache-control"], `${path} for a signed-in person`).toContain("private");
  expect(response?.headers()["x-tracker-cache"]).toBeUndefined();
  return response!;
}

async function anonymousPage(browser: Browser, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(path);
  expect(response?.headers()["cache-control"]).toMatch(/^public, /);
  return { page, response: response!, close: () => context.close() };
}

test("an approved proposal is in the explorer and the API at the next request", async ({ page, baseURL }) => {
  const contributor = await createUser("contributor");
  const reviewer = await createUser("reviewer");
  const word = uniqueWord("freshapproval");
  const title = `Make set-top boxes in Noida ${word}`;
  const submission = propose(contributor, "commitment", commitmentPayload("xiaomi", title));
  const explorer = `/commitments?q=${word}`;
  const api = `/api/v1/commitments?q=${word}`;
  expect((await warm(baseURL + explorer)).body).not.toContain(title);
  expect(json((await warm(baseURL + api)).body).data).toEqual([]);

  await signIn(page, reviewer);
  await page.goto(`/review/${submission}`);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "approved" })).toContainText(title);

  const explorerAfter = await read(baseURL + explorer);
  expect(explorerAfter.cache).toBe("MISS");
  expect(explorerAfter.body).toContain(title);
  const apiAfter = await read(baseURL + api);
  expect((json(apiAfter.body).data as unknown as { title: string }[]).map((c) => c.title)).toEqual([title]);

  await ownView(page, explorer);
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);
  const ownApi = await page.request.get(api);
  expect(((await ownApi.json()) as { data: { title: string }[] }).data.map((c) => c.title)).toEqual([title]);
});

test("an outcome recorded on a deadline is on the commitment, in the API and in the deadlines at the next request", async ({
  page,
  browser,
  baseURL,
}) => {
  const reviewer = await createUser("reviewer");
  const { id, title } = publishedCommitment(
    await createUser("contributor"),
    await createUser("reviewer"),
    uniqueWord("freshoutcome"),
    {
      deadline: "2025",
      baseline_date: "2023-06-01",
      announced_on: "2023-06-01",
      unit: "percent",
      metric: "local_production_increase",
      target_value: "50",
    },
  );
  const commitment = `/commitments/${id}`;
  const api = `/api/v1/commitments/${id}`;
  expect(statusShown((await warm(baseURL + commitment)).text)).toBe("Overdue, unverified");
  expect(json((await warm(baseURL + api)).body).data.status.code).toBe("overdue_unverified");
  expect((await warm(baseURL + "/deadlines")).body).toContain(title);

  await signIn(page, reviewer);
  await page.goto(`/deadlines/outcome?commitment=${id}`);
  await page.getByLabel("Date of the value").fill("2026-03-31");
  await page.getByLabel("Value", { exact: true }).fill("20");
  await page.getByLabel("Note").fill("Annual report 2025-26");
  await page.locator("#sources-0-url").fill(sourceFor("outcome").url);
  await page.locator("#sources-0-title").fill("Annual report 2025-26");
  await page.locator("#sources-0-publisher").fill("Example News");
  await page.locator("#sources-0-kind").selectOption("news");
  await page.locator("#sources-0-published_on").fill("2026-04-15");
  await page.locator("#sources-0-excerpt").fill("Local components rose 20 per cent by March 2026.");
  await page.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page).toHaveURL(`${commitment}?outcome=recorded`);

  const commitmentAfter = await read(baseURL + commitment);
  expect(commitmentAfter.cache).toBe("MISS");
  expect(statusShown(commitmentAfter.text)).toBe("Missed");
  expect(commitmentAfter.body).toContain("Annual report 2025-26");
  expect(json((await read(baseURL + api)).body).data.status.code).toBe("missed");
  const deadlines = await anonymousPage(browser, "/deadlines");
  const row = (region: RegExp) =>
    deadlines.page.getByRole("region", { name: region }).getByRole("row").filter({ hasText: title });
  await expect(row(/Recently missed/)).toHaveCount(1);
  await expect(row(/Overdue and unverified/)).toHaveCount(0);
  await deadlines.close();

  await ownView(page, commitment);
  await expect(page.getByRole("heading", { name: /^Status:/ })).toContainText("Missed");
  await ownView(page, "/deadlines");
  await expect(
    page
      .getByRole("region", { name: /Recently missed/ })
      .getByRole("row")
      .filter({ hasText: title }),
  ).toHaveCount(1);
});

test("a supersession is on both commitments and in the API at the next request", async ({
  page,
  baseURL,
}) => {
  const { contributor, approver, reviewer } = await people();
  const word = uniqueWord("freshsupersede");
  const old = publishedCommitment(contributor, approver, `${word} (2023 target)`);
  const restated = publishedCommitment(contributor, approver, `${word} (restated)`);
  const oldPage = `/commitments/${old.id}`;
  const newPage = `/commitments/${restated.id}`;
  const oldApi = `/api/v1/commitments/${old.id}`;
  expect((await warm(baseURL + oldPage)).text).not.toContain(`Superseded by commitment ${restated.id}`);
  expect((await warm(baseURL + newPage)).body).not.toContain(old.title);
  expect(json((await warm(baseURL + oldApi)).body).data.superseded_by_id).toBeNull();

  await signIn(page, reviewer);
  await page.goto(`${oldPage}/supersede`);
  await page.getByLabel("Number of the restated commitment").fill(String(restated.id));
  await page.getByRole("button", { name: "Mark as superseded" }).click();
  await expect(page).toHaveURL(`${oldPage}?superseded=${restated.id}`);

  const oldAfter = await read(baseURL + oldPage);
  expect(oldAfter.cache).toBe("MISS");
  expect(oldAfter.text).toContain(`Superseded by commitment ${restated.id}`);
  expect((await read(baseURL + newPage)).body).toContain(old.title);
  expect(json((await read(baseURL + oldApi)).body).data.superseded_by_id).toBe(restated.id);

  await ownView(page, oldPage);
  await expect(page.getByText(`Superseded by commitment ${restated.id}`)).toBeVisible();
  await ownView(page, newPage);
  await expect(page.getByRole("definition").getByRole("link", { name: old.title })).toBeVisible();
});

test("an approved withdrawal is on the commitment and in the API at the next request", async ({
  page,
  baseURL,
}) => {
  const { contributor, approver, reviewer } = await people();
  const { id } = publishedCommitment(contributor, approver, uniqueWord("freshwithdraw"));
  const reason = `The company dropped the plan (${uniqueWord("reason")}).`;
  const proposal = createSubmission(e2eDb(), {
    userId: contributor.id,
    recordType: "commitment",
    action: "withdraw",
    targetId: id,
    payload: { reason },
  });
  if (!proposal.ok) throw new Error(JSON.stringify(proposal));
  const commitment = `/commitments/${id}`;
  const api = `/api/v1/commitments/${id}`;
  expect((await warm(baseURL + commitment)).text).not.toContain(reason);
  expect(json((await warm(baseURL + api)).body).data.withdrawn).toBeNull();

  await signIn(page, reviewer);
  await page.goto(`/review/${proposal.id}`);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "approved" })).toBeVisible();

  const after = await read(baseURL + commitment);
  expect(after.cache).toBe("MISS");
  expect(after.text).toContain(`Withdrawn on 25 Nov 2026: ${reason}`);
  const apiAfter = json((await read(baseURL + api)).body).data;
  expect(apiAfter.withdrawn).toEqual({ on: "2026-11-25", reason });
  expect(apiAfter.status.code).toBe("withdrawn");

  await ownView(page, commitment);
  await expect(page.getByText(`Withdrawn on 25 Nov 2026: ${reason}`)).toBeVisible();
});

test("a role change renders cached views again, with the same ETag where their bytes are the same", async ({
  page,
  baseURL,
}) => {
  // No public view shows a role (only names, as "approved by"): what a role change must do is
  // move the publication version, so that nothing rendered before it is served after it.
  const admin = await createUser("admin");
  const target = await createUser("reviewer");
  const { id } = publishedCommitment(await createUser("contributor"), target, uniqueWord("freshrole"));
  // Its source's archived copy is fetched in the background; what the page says of it must not
  // change between the two reads below.
  await capturesTried(id);
  const views = [`/commitments/${id}`, `/api/v1/commitments/${id}`];
  const before = new Map<string, string>();
  for (const path of views) before.set(path, (await warm(baseURL + path)).etag);
  const version = () =>
    e2eDb().$client.prepare("select version from publication_version where id = 1").pluck().get() as number;
  const versionBefore = version();

  await signIn(page, admin);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: target.email });
  await row.getByLabel(`Role for ${target.name}`).selectOption("contributor");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to contributor.");
  expect(version()).toBeGreaterThan(versionBefore);

  for (const path of views) {
    const after = await read(baseURL + path);
    expect(after.cache, `${path} is rendered again`).toBe("MISS");
    expect(after.body).toContain(target.name);
    expect(after.etag, `${path}: the same bytes, so the same ETag`).toBe(before.get(path));
  }
  await ownView(page, views[0]!);
});
