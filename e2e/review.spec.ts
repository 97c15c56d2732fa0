import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createSubmission } from "@/db/mutations/create-submission";
import { decideSubmission } from "@/db/mutations/decide-submission";
import { recordSnapshot } from "@/db/queries/records";
import { submissions } from "@/db/schema";
import { createUser, e2eDb, signIn, type TestUser } from "./support/users";

// The review queue: each test makes its own people and proposals directly in the server's
// database, then a reviewer decides through the pages.

const TODAY = "2026-11-25";

/** A title that no other test uses, with a word the explorer's search finds it by. */
function uniqueTitle(): { title: string; word: string } {
  const word = `earbudz${crypto.randomInt(1e9)}`;
  return { title: `Make wireless earbuds in Noida ${word}`, word };
}

function commitmentPayload(title: string) {
  return {
    company: "xiaomi",
    title,
    description: "Xiaomi said its partner would make earbuds at the Noida factory.",
    metric: "units_produced",
    unit: "count",
    direction: "increase",
    baseline_value: "0",
    baseline_date: "2026-01-15",
    target_value: "5,00,000",
    deadline_precision: "year",
    deadline: "2027",
    scheme: "make_in_india",
    evidence_grade: "announced",
    announced_on: "2026-01-15",
    categories: "Wireless audio",
    states: ["IN-UP"],
    sources: [
      {
        url: `https://news.example.in/earbuds/${crypto.randomUUID()}`,
        title: "Xiaomi to make earbuds in Noida",
        publisher: "Example News",
        kind: "news",
        published_on: "2026-01-15",
        excerpt: "The company will make earbuds at Optiemus's Noida factory.",
      },
    ],
  };
}

function propose(user: TestUser, title: string): number {
  const r = createSubmission(e2eDb(), {
    userId: user.id,
    recordType: "commitment",
    action: "create",
    payload: commitmentPayload(title),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

const stateOf = (id: number) => e2eDb().select().from(submissions).where(eq(submissions.id, id)).get();

async function openFromQueue(page: Page, title: string) {
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`New commitment: ${title}`);
}

test.describe("review", () => {
  test("a reviewer rejects a proposal, and must say why", async ({ page }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    const { title } = uniqueTitle();
    const id = propose(contributor, title);

    await signIn(page, reviewer);
    await openFromQueue(page, title);
    await expect(page.getByRole("link", { name: "Xiaomi to make earbuds in Noida" })).toHaveAttribute(
      "href",
      /^https:\/\/news\.example\.in\/earbuds\//,
    );
    await page.getByRole("button", { name: "Reject" }).click();
    const reason = page.getByLabel(/Reason or comment/);
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#reason-error")).toContainText("Say why the submission is rejected");
    expect(stateOf(id)?.state).toBe("pending");

    await reason.fill("The report is about a rumour, not a company statement.");
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page).toHaveURL(new RegExp(`/review\\?decided=${id}&outcome=reject$`));
    await expect(page.getByRole("status").filter({ hasText: `Submission ${id}` })).toContainText("rejected");
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    expect(stateOf(id)).toMatchObject({
      state: "rejected",
      reviewerId: reviewer.id,
      decisionReason: "The report is about a rumour, not a company statement.",
    });
  });

  test("an approved commitment is published, with the revision naming its reviewer", async ({ page }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer", `Ravi Reviewer ${crypto.randomInt(1e6)}`);
    const { title, word } = uniqueTitle();
    propose(contributor, title);

    await signIn(page, reviewer);
    await openFromQueue(page, title);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);

    await page.getByRole("button", { name: "Approve and publish" }).click();
    const status = page.getByRole("status").filter({ hasText: "approved" });
    await expect(status).toContainText(title);
    await status.getByRole("link", { name: "See the published record" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`Created commitment (approved by ${reviewer.name})`)).toBeVisible();

    await page.goto(`/commitments?q=${word}`);
    await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);
  });

  test("a reviewer sends a proposal back with a comment", async ({ page }) => {
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    const { title } = uniqueTitle();
    const id = propose(contributor, title);

    await signIn(page, reviewer);
    await openFromQueue(page, title);
    await page.getByRole("button", { name: "Request changes" }).click();
    await expect(page.locator("#reason-error")).toContainText("Say what needs to change");
    await page.getByLabel(/Reason or comment/).fill("Which financial year is the target for?");
    await page.getByRole("button", { name: "Request changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Submission ${id}` })).toContainText(
      "sent back for changes",
    );
    expect(stateOf(id)).toMatchObject({
      state: "changes_requested",
      decisionReason: "Which financial year is the target for?",
    });

    await page.goto(`/review/${id}`);
    await expect(page.getByText("there is nothing to decide")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Changes requested by" })).toContainText(
      "Which financial year is the target for?",
    );
  });

  test("a reviewer cannot approve their own proposal", async ({ page }) => {
    const reviewer = await createUser("reviewer");
    const { title } = uniqueTitle();
    const id = propose(reviewer, title);

    await signIn(page, reviewer);
    await openFromQueue(page, title);
    await expect(
      page.getByText("You submitted this yourself, so another reviewer must decide on it."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
    expect(
      decideSubmission(e2eDb(), { id, reviewerId: reviewer.id, decision: "approve", today: TODAY }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  test("a change to a record edited since is shown as a conflict and cannot be approved", async ({
    page,
  }) => {
    const db = e2eDb();
    const [alice, bala, reviewer, other] = await Promise.all([
      createUser("contributor"),
      createUser("contributor"),
      createUser("reviewer"),
      createUser("reviewer"),
    ]);
    const { title } = uniqueTitle();
    const created = decideSubmission(db, {
      id: propose(alice, title),
      reviewerId: other.id,
      decision: "approve",
      today: TODAY,
    });
    if (!created.ok || created.recordId === undefined) throw new Error("setup");
    const published = recordSnapshot(db, "commitment", created.recordId)!.payload;
    const change = (userId: string, over: Record<string, unknown>) => {
      const r = createSubmission(db, {
        userId,
        recordType: "commitment",
        action: "change",
        targetId: created.recordId,
        payload: { ...published, ...over },
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.id;
    };
    const first = change(alice.id, { target_value: 600000 });
    const second = change(bala.id, { evidence_grade: "regulatory_filing" });
    expect(
      decideSubmission(db, { id: first, reviewerId: other.id, decision: "approve", today: TODAY }).ok,
    ).toBe(true);

    await signIn(page, reviewer);
    await page.goto(`/review/${second}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Change to commitment: ${title}`);
    const conflict = page.getByRole("region", {
      name: "The published record has changed since this was proposed",
    });
    await expect(conflict).toContainText("Changed target value from 5,00,000 to 6,00,000");
    await expect(page.getByRole("row").filter({ hasText: "Evidence grade" })).toContainText(
      "Regulatory filing",
    );
    await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Request changes" })).toBeVisible();
  });

  test("contributors cannot use the queue, and people signed out are asked to sign in", async ({ page }) => {
    await page.goto("/review");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Freview$/);

    const contributor = await createUser("contributor");
    const { title } = uniqueTitle();
    const id = propose(contributor, title);
    await signIn(page, contributor);
    for (const path of ["/review", `/review/${id}`, "/review/import"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expect(page.getByText("does not have permission")).toBeVisible();
      await expect(page.getByText(title)).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Import for review" })).toHaveCount(0);
    }
  });
});
