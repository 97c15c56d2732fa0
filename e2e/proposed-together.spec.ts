import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { propose } from "./support/publish";
import { createUser, signIn } from "./support/users";

// One news story, one sitting (issue 12): a contributor proposes a new company and, before any
// reviewer has looked, a commitment of that company. The reviewer sees the two together, must
// approve the company first, and a rejected company sends the commitment back with the reason.

function newCompany() {
  const slug = `acme-audio-${crypto.randomInt(1e9)}`;
  return {
    slug,
    name: `Acme Audio ${slug.slice(-9)}`,
    kind: "brand",
    hq_country: "IN",
    website: "",
    description: "",
    sources: [
      {
        url: `https://news.example.in/acme/${crypto.randomUUID()}`,
        title: "Acme Audio to make speakers in Noida",
        publisher: "Example News",
        kind: "news",
        published_on: "2026-01-15",
        excerpt: "Acme Audio, a new brand, will make speakers in Noida.",
      },
    ],
  };
}

async function proposeCommitmentInBrowser(page: Page, slug: string, title: string): Promise<number> {
  await page.goto("/submit/commitment");
  await page.locator("#company").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Evidence grade").selectOption("announced");
  await page.getByLabel("What is measured").selectOption("units_produced");
  await page.getByLabel("Unit").selectOption("count");
  await page.getByLabel("Direction").selectOption("increase");
  await page.getByLabel("Baseline value").fill("0");
  await page.getByLabel("Baseline date").fill("2026-01-15");
  await page.getByLabel("Target value").fill("100000");
  await page.getByLabel("How precise is the deadline?").selectOption("year");
  await page.locator("#deadline").fill("2028");
  await page.getByRole("checkbox", { name: "Uttar Pradesh" }).check();
  await page.locator("#sources-0-url").fill(`https://news.example.in/acme-plan/${crypto.randomUUID()}`);
  await page.locator("#sources-0-title").fill("Acme Audio plans a speaker plant");
  await page.locator("#sources-0-publisher").fill("Example News");
  await page.locator("#sources-0-kind").selectOption("news");
  await page.locator("#sources-0-published_on").fill("2026-01-15");
  await page.locator("#sources-0-excerpt").fill("It will make a lakh speakers a year by 2028.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page).toHaveURL(/\/account\/submissions\?submitted=\d+$/);
  return Number(new URL(page.url()).searchParams.get("submitted"));
}

test.describe("a new company and its commitment, proposed together", () => {
  test("the reviewer sees them together and approves the company first", async ({ browser }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    const company = newCompany();
    const title = `Make a lakh speakers a year in Noida ${crypto.randomInt(1e9)}`;
    const companyId = propose(contributor, "company", company);

    const contributing = await browser.newPage();
    await signIn(contributing, contributor);
    const commitmentId = await proposeCommitmentInBrowser(contributing, company.slug, title);
    await expect(contributing.getByRole("article", { name: new RegExp(title) })).toContainText(
      "Pending: waiting for a reviewer",
    );

    const page = await browser.newPage();
    await signIn(page, reviewer);
    await page.goto(`/review/${commitmentId}`);
    const together = page.getByRole("region", { name: "Proposed together" });
    await expect(together).toContainText("Decide on the company first");
    await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

    await together.getByRole("link", { name: `New company: ${company.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/review/${companyId}$`));
    await expect(
      page
        .getByRole("region", { name: "Proposed together" })
        .getByRole("link", { name: `New commitment: ${title}` }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Approve and publish" }).click();
    await expect(page.getByRole("status").filter({ hasText: "approved" })).toContainText(company.name);

    await page.goto(`/review/${commitmentId}`);
    await expect(page.getByRole("region", { name: "Proposed together" })).toHaveCount(0);
    await page.getByRole("button", { name: "Approve and publish" }).click();
    await expect(page.getByRole("status").filter({ hasText: "approved" })).toContainText(title);

    const reader = await browser.newPage();
    await reader.goto(`/companies/${company.slug}`);
    await expect(reader.getByRole("heading", { level: 1, name: company.name })).toBeVisible();
    await expect(reader.getByRole("link", { name: title })).toBeVisible();
  });

  test("rejecting the company sends the commitment back to the contributor with the reason", async ({
    browser,
  }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    const company = newCompany();
    const title = `Assemble soundbars in Noida ${crypto.randomInt(1e9)}`;
    const companyId = propose(contributor, "company", company);

    const contributing = await browser.newPage();
    await signIn(contributing, contributor);
    await proposeCommitmentInBrowser(contributing, company.slug, title);

    const page = await browser.newPage();
    await signIn(page, reviewer);
    await page.goto(`/review/${companyId}`);
    await page.getByLabel(/Reason or comment/).fill("Acme Audio is a brand of a company already tracked.");
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page).toHaveURL(new RegExp(`/review\\?decided=${companyId}&outcome=reject$`));

    await contributing.goto("/account/submissions");
    const mine = contributing.getByRole("article", { name: new RegExp(title) });
    await expect(mine).toContainText("Changes requested");
    await expect(mine).toContainText(
      `The company “${company.slug}” it names (submission ${companyId}) was rejected: Acme Audio is a brand of a company already tracked.`,
    );
    await expect(mine.getByRole("link", { name: /^Edit and resubmit/ })).toBeVisible();
  });
});
