import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { propose, publish } from "./support/publish";
import { createUser, signIn, type TestUser } from "./support/users";

// A contributor watches Xiaomi and one of its commitments; a reviewer publishes a progress update
// on that commitment; the contributor's watchlist shows it as new once, and only once. The
// commitment is the test's own (published here), so the seed's Xiaomi facts that other suites
// count on stay as they are. Other publishing suites may add Xiaomi records meanwhile, so the
// assertions name this test's records only.

const sourceFor = (topic: string) => ({
  url: `https://news.example.in/${topic}/${crypto.randomUUID()}`,
  title: `Report on ${topic}`,
  publisher: "Example News",
  kind: "news",
  published_on: "2026-06-01",
  excerpt: "Quoted from the report.",
});

/** A published Xiaomi commitment of the test's own. */
function publishedCommitment(proposer: TestUser, approver: TestUser): { id: number; title: string } {
  const title = `Assemble power banks in Noida ${crypto.randomUUID().slice(0, 8)}`;
  const id = publish(proposer, approver, "commitment", {
    company: "xiaomi",
    title,
    metric: "units_produced",
    unit: "count",
    direction: "increase",
    baseline_value: "0",
    baseline_date: "2026-01-01",
    target_value: "100000",
    deadline_precision: "year",
    deadline: "2028",
    evidence_grade: "announced",
    sources: [sourceFor("power-banks")],
  });
  return { id, title };
}

const proposeProgress = (user: TestUser, commitmentId: number) =>
  propose(user, "progress_update", {
    commitment_id: String(commitmentId),
    as_of: "2026-10-31",
    value: "12000",
    note: "First quarter of production",
    sources: [sourceFor("power-bank-output")],
  });

/** Presses Tab until the control named `name` has the focus: it must be reachable by keyboard. */
async function tabTo(page: Page, name: string): Promise<void> {
  const target = page.getByRole("button", { name, exact: true });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`"${name}" was not reached with the Tab key`);
}

const watched = (page: Page, title: string) =>
  page.getByRole("list", { name: "What you watch" }).getByRole("article", { name: title, exact: true });
const newChanges = (page: Page, title: string) =>
  watched(page, title)
    .getByRole("list", { name: `New changes to ${title}, newest first` })
    .getByRole("listitem");

async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe("watching", () => {
  test("a change to a watched company and commitment is new once, with a link; unwatching stops it", async ({
    page,
    browser,
  }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    const commitment = publishedCommitment(await createUser("contributor"), await createUser("reviewer"));
    await signIn(page, contributor);

    // Watch Xiaomi with the keyboard alone.
    await page.goto("/companies/xiaomi");
    await tabTo(page, "Watch Xiaomi");
    await page.keyboard.press("Enter");
    const stop = page.getByRole("button", { name: "Stop watching Xiaomi", exact: true });
    await expect(stop).toBeVisible();
    await expect(stop).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "You are watching this company" })).toBeVisible();

    // And the commitment; watching twice changes nothing.
    await page.goto(`/commitments/${commitment.id}`);
    await page.getByRole("button", { name: `Watch ${commitment.title}`, exact: true }).click();
    await expect(
      page.getByRole("button", { name: `Stop watching ${commitment.title}`, exact: true }),
    ).toBeVisible();

    await page.goto("/account/watching");
    await expect(page.getByRole("heading", { level: 1, name: "Watching" })).toBeVisible();
    await expect(newChanges(page, commitment.title)).toHaveCount(0);
    await expect(watched(page, "Xiaomi")).toContainText("since you began watching");

    // A reviewer publishes a progress update on the commitment, through the review page.
    const submissionId = proposeProgress(await createUser("contributor"), commitment.id);
    const reviewerContext = await browser.newContext();
    const reviewerPage = await reviewerContext.newPage();
    await signIn(reviewerPage, reviewer);
    await reviewerPage.goto(`/review/${submissionId}`);
    await reviewerPage.getByRole("button", { name: "Approve and publish" }).click();
    await expect(reviewerPage.getByRole("status").filter({ hasText: "approved" })).toBeVisible();
    await reviewerContext.close();

    // Neither a prefetch of the page (by the router, or by the browser, which renders it whole)
    // nor a visit that failed to render counts as seeing it.
    const prefetches: Record<string, string>[] = [
      { rsc: "1", "next-router-prefetch": "1" },
      { "sec-purpose": "prefetch" },
    ];
    for (const headers of prefetches) {
      const prefetch = await page.request.get("/account/watching", { headers });
      expect(prefetch.status()).toBe(200);
    }
    await page.goto("/account/watching?fail=render");
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();

    await page.goto("/account/watching");
    const progressTitle = `${commitment.title}, as of 31 Oct 2026`;
    for (const title of [commitment.title, "Xiaomi"]) {
      const item = newChanges(page, title).filter({ hasText: "Created progress update" });
      await expect(item).toHaveCount(1);
      await expect(item).toContainText("New");
      await expect(item).toContainText(`approved by ${reviewer.name}`);
      await expect(item.getByRole("link", { name: progressTitle })).toHaveAttribute(
        "href",
        `/commitments/${commitment.id}`,
      );
    }
    await expectNoA11yViolations(page);

    // On the next visit it is no longer new, but still listed among the earlier changes. (The visit
    // is recorded once the response has been sent, so the next load may have to wait a moment.)
    await expect(async () => {
      await page.reload();
      await expect(newChanges(page, commitment.title)).toHaveCount(0);
    }).toPass({ timeout: 10_000 });
    await expect(watched(page, commitment.title)).toContainText("since your last visit");
    const earlier = watched(page, commitment.title).getByRole("group");
    await earlier.getByText(/^Earlier changes/).click();
    await expect(earlier.getByRole("link", { name: progressTitle })).toBeVisible();

    // Stop watching the commitment from the watchlist, and Xiaomi from its page.
    await watched(page, commitment.title)
      .getByRole("button", { name: `Stop watching ${commitment.title}`, exact: true })
      .click();
    await expect(watched(page, commitment.title)).toHaveCount(0);
    await expect(watched(page, "Xiaomi")).toHaveCount(1);
    await page.goto("/companies/xiaomi");
    await page.getByRole("button", { name: "Stop watching Xiaomi", exact: true }).click();
    await expect(page.getByRole("button", { name: "Watch Xiaomi", exact: true })).toBeVisible();
    await page.goto("/account/watching");
    await expect(page.getByText("You are not watching anything yet.")).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("a visitor who is not signed in is asked to sign in, and comes back to the page", async ({ page }) => {
    const contributor = await createUser("contributor");
    await page.goto("/account/watching");
    await expect(page).toHaveURL("/sign-in?next=/account/watching");

    await page.goto("/companies/xiaomi");
    await expect(page.getByRole("button", { name: /Watch/ })).toHaveCount(0);
    await page.getByRole("link", { name: "Sign in to watch Xiaomi" }).click();
    await page.getByLabel("Email").fill(contributor.email);
    await page.getByLabel("Password").fill(contributor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/companies/xiaomi");
    await expect(page.getByRole("button", { name: "Watch Xiaomi", exact: true })).toBeVisible();
  });

  test("the watchlist is linked from the account page and the header", async ({ page }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/account");
    await page
      .getByRole("link", { name: /See what changed in the companies and commitments you watch/ })
      .click();
    await expect(page).toHaveURL("/account/watching");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Watching" }),
    ).toHaveAttribute("href", "/account/watching");
  });
});
