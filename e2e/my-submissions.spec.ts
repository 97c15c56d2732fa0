import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createSubmission } from "@/db/mutations/create-submission";
import { decideSubmission } from "@/db/mutations/decide-submission";
import { createUser, e2eDb, signIn, type TestUser } from "./support/users";

// A contributor's list of what they proposed: each state in words, the reviewer's reason, a
// withdrawal that needs no confirm dialog, and "Edit and resubmit" that opens the form as sent.

const TODAY = "2026-11-25";

function companyProposal(name: string) {
  const slug = `test-${crypto.randomUUID().slice(0, 8)}`;
  return {
    slug,
    name,
    kind: "supplier",
    hq_country: "IN",
    website: "",
    description: "Makes printed circuit boards in Noida.",
    sources: [
      {
        url: `https://example.in/${slug}`,
        title: `${name} opens a plant`,
        publisher: "Example News",
        kind: "news",
        published_on: "2025-02-01",
        excerpt: `${name} has opened a plant in Noida.`,
      },
    ],
  };
}

function propose(user: TestUser, name: string): number {
  const result = createSubmission(e2eDb(), {
    userId: user.id,
    recordType: "company",
    action: "create",
    payload: companyProposal(name),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

async function decide(id: number, decision: "approve" | "reject" | "request_changes", reason?: string) {
  const reviewer = await createUser("reviewer");
  const result = decideSubmission(e2eDb(), { id, reviewerId: reviewer.id, decision, reason, today: TODAY });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

const item = (page: Page, title: string) => page.getByRole("article", { name: new RegExp(title) });

test.describe("your submissions", () => {
  test("each state is said in words, with the reviewer's reason and a link to what was published", async ({
    page,
  }) => {
    const user = await createUser("contributor");
    const tag = crypto.randomUUID().slice(0, 6);
    propose(user, `Pending Boards ${tag}`);
    const rejected = propose(user, `Rejected Boards ${tag}`);
    const approved = propose(user, `Approved Boards ${tag}`);
    await decide(rejected, "reject", "The source does not mention a plant.");
    await decide(approved, "approve");

    await signIn(page, user);
    await page.goto("/account/submissions");
    await expect(item(page, `Pending Boards ${tag}`)).toContainText("Pending: waiting for a reviewer");
    await expect(item(page, `Rejected Boards ${tag}`)).toContainText("Rejected");
    await expect(item(page, `Rejected Boards ${tag}`)).toContainText("The source does not mention a plant.");
    await expect(item(page, `Rejected Boards ${tag}`).getByRole("button", { name: /^Withdraw/ })).toHaveCount(
      0,
    );
    const published = item(page, `Approved Boards ${tag}`);
    await expect(published).toContainText("Approved and published");
    await published.getByRole("link", { name: "See the published company" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Approved Boards ${tag}`);

    // Newest first.
    await page.goto("/account/submissions");
    const headings = await page.getByRole("article").getByRole("heading", { level: 2 }).allTextContents();
    const at = (word: string) => headings.findIndex((h) => h.includes(`${word} Boards ${tag}`));
    expect(at("Approved")).toBeLessThan(at("Rejected"));
    expect(at("Rejected")).toBeLessThan(at("Pending"));
    expect(at("Pending")).toBeGreaterThanOrEqual(0);
  });

  test("a pending submission is withdrawn at once, and says what withdrawing does", async ({ page }) => {
    const user = await createUser("contributor");
    const title = `Withdrawn Boards ${crypto.randomUUID().slice(0, 6)}`;
    propose(user, title);
    await signIn(page, user);
    await page.goto("/account/submissions");
    const mine = item(page, title);
    const button = mine.getByRole("button", { name: /^Withdraw/ });
    await expect(button).toHaveAccessibleDescription(/takes this proposal out of review/);
    await button.click();

    await expect(page).toHaveURL(/\?withdrawn=\d+$/);
    await expect(page.getByRole("status").filter({ hasText: "is withdrawn" })).toContainText(title);
    await expect(mine).toContainText("Withdrawn by you");
    await expect(mine.getByRole("button", { name: /^Withdraw/ })).toHaveCount(0);
  });

  test("changes requested: the reviewer's comment is shown, and the form opens as sent to resubmit", async ({
    page,
  }) => {
    const user = await createUser("contributor");
    const title = `Resubmitted Boards ${crypto.randomUUID().slice(0, 6)}`;
    const id = propose(user, title);
    await decide(id, "request_changes", "Please say which city the plant is in.");

    await signIn(page, user);
    await page.goto("/account/submissions");
    const mine = item(page, title);
    await expect(mine).toContainText("Changes requested");
    await expect(mine).toContainText("Please say which city the plant is in.");
    await mine.getByRole("link", { name: /^Edit and resubmit/ }).click();

    await expect(page).toHaveURL(new RegExp(`/submit/company\\?resubmit=${id}$`));
    await expect(page.getByText("Please say which city the plant is in.")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Headquarters country")).toHaveValue("IN");
    await expect(page.locator("#sources-0-publisher")).toHaveValue("Example News");
    await page.getByLabel(/^Description/).fill("Makes printed circuit boards in Noida, Uttar Pradesh.");
    await page.getByRole("button", { name: "Send the changes for review" }).click();

    await expect(page).toHaveURL(new RegExp(`/account/submissions\\?submitted=${id}$`));
    await expect(item(page, title)).toContainText("Pending: waiting for a reviewer");
  });

  test("another person's submission cannot be opened for editing", async ({ page }) => {
    const owner = await createUser("contributor");
    const id = propose(owner, `Someone Else's Boards ${crypto.randomUUID().slice(0, 6)}`);
    await decide(id, "request_changes", "Add a source.");
    await signIn(page, await createUser("contributor"));
    await page.goto(`/submit/company?resubmit=${id}`);
    await expect(page.getByText("There is no such submission of yours.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Send/ })).toHaveCount(0);
  });
});

test.describe("your submissions without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("withdrawing works as a plain form", async ({ page }) => {
    const user = await createUser("contributor");
    const title = `No-script Boards ${crypto.randomUUID().slice(0, 6)}`;
    propose(user, title);
    await signIn(page, user);
    await page.goto("/account/submissions");
    await item(page, title)
      .getByRole("button", { name: /^Withdraw/ })
      .click();
    await expect(item(page, title)).toContainText("Withdrawn by you");
  });

  test("an anonymous visitor is sent to sign in", async ({ page }) => {
    await page.goto("/account/submissions");
    await expect(page).toHaveURL(/\/sign-in\?next=\/account\/submissions$/);
  });
});
