import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { progressUpdates } from "@/db/schema";
import { hiddenActionFields, signInThroughForm } from "@/lib/testing/action-post";
import { publish } from "./support/publish";
import { createUser, e2eDb, signIn } from "./support/users";

// A reviewer records the outcome of Xiaomi's overdue target from the deadline view. The server's
// TRACKER_TODAY is 2026-11-25 (playwright.config.ts), so "by 2025" is past and, with nothing
// recorded after it, overdue and unverified until the outcome is recorded.

const overdue = (page: Page) => page.getByRole("region", { name: /Overdue and unverified/ });

/**
 * Publishes a commitment of its own that fell due at the end of 2025 with nothing recorded since:
 * overdue and unverified, like Xiaomi's target, which other suites rely on staying as it is.
 */
async function overdueCommitment(): Promise<{ id: number; title: string }> {
  const proposer = await createUser("contributor");
  const approver = await createUser("reviewer");
  const title = `Local assembly of audio products ${crypto.randomUUID().slice(0, 8)}`;
  const id = publish(proposer, approver, "commitment", {
    company: "xiaomi",
    title,
    metric: "local_production_increase",
    unit: "percent",
    direction: "increase",
    baseline_value: "0",
    baseline_date: "2023-06-01",
    target_value: "50",
    deadline_precision: "year",
    deadline: "2025",
    evidence_grade: "announced",
    sources: [
      {
        url: `https://news.example.in/audio/${crypto.randomUUID()}`,
        title: "Audio assembly target",
        publisher: "Example News",
        kind: "news",
        published_on: "2023-06-01",
        excerpt: "The company aims to raise local audio assembly by half by 2025.",
      },
    ],
  });
  return { id, title };
}

test.describe("recording an outcome", () => {
  test("a reviewer records an overdue commitment's outcome from the deadlines: it becomes missed", async ({
    page,
  }) => {
    const { id: targetId, title: targetTitle } = await overdueCommitment();
    const targetRow = (p: Page) => overdue(p).getByRole("row").filter({ hasText: targetTitle });
    const sourceUrl = `https://news.example.in/outcome/${crypto.randomUUID()}`;
    const reviewer = await createUser("reviewer");
    await signIn(page, reviewer);
    {
      await page.goto("/deadlines");
      await expect(targetRow(page)).toContainText("Xiaomi");
      await expect(targetRow(page)).toContainText("Overdue");
      await targetRow(page)
        .getByRole("link", { name: `Record the outcome: ${targetTitle}` })
        .click();
      await expect(page).toHaveURL(`/deadlines/outcome?commitment=${targetId}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record the outcome");

      // Sent empty first: the progress form's schema answers, beside each field.
      await page.getByRole("button", { name: "Record the outcome" }).click();
      await expect(page.getByRole("link", { name: /^Value: / })).toBeVisible();

      await page.getByLabel("Date of the value").fill("2026-03-31");
      await page.getByLabel("Value", { exact: true }).fill("20");
      // The note carries the source's address so that the cleanup finds this value and no other.
      await page.getByLabel("Note").fill(`Annual report, ${sourceUrl}`);
      await page.locator("#sources-0-url").fill(sourceUrl);
      await page.locator("#sources-0-title").fill("Xiaomi India annual report 2025-26");
      await page.locator("#sources-0-publisher").fill("Example News");
      await page.locator("#sources-0-kind").selectOption("news");
      await page.locator("#sources-0-published_on").fill("2026-04-15");
      await page.locator("#sources-0-excerpt").fill("Local components rose 20 per cent by March 2026.");
      await page.getByRole("button", { name: "Record the outcome" }).click();

      await expect(page).toHaveURL(`/commitments/${targetId}?outcome=recorded`);
      await expect(page.getByRole("status").filter({ hasText: "The outcome was recorded" })).toBeVisible();
      await expect(page.getByRole("heading", { name: /^Status:/ })).toContainText("Missed");
      await expect(page.getByText(`Annual report, ${sourceUrl}`)).toBeVisible();

      await page.goto("/deadlines");
      await expect(targetRow(page)).toHaveCount(0);
      await expect(
        page
          .getByRole("region", { name: /Recently missed/ })
          .getByRole("row")
          .filter({ hasText: targetTitle }),
      ).toHaveCount(1);
    }
  });

  test("a contributor gets no link, the page refuses them, and a direct post publishes nothing", async ({
    page,
    baseURL,
  }) => {
    const { id: targetId, title: targetTitle } = await overdueCommitment();
    const targetRow = (p: Page) => overdue(p).getByRole("row").filter({ hasText: targetTitle });
    const contributor = await createUser("contributor");
    const reviewer = await createUser("reviewer");
    await signIn(page, contributor);
    await page.goto("/deadlines");
    await expect(targetRow(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Record the outcome/ })).toHaveCount(0);

    await page.goto(`/deadlines/outcome?commitment=${targetId}`);
    await expect(page.getByText("Your account does not have permission to do this.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Record the outcome" })).toHaveCount(0);

    // The action itself checks the role: post the reviewer's form with the contributor's session.
    const reviewerCookie = await signInThroughForm(baseURL!, reviewer.email, reviewer.password);
    const contributorCookie = await signInThroughForm(baseURL!, contributor.email, contributor.password);
    const html = await (
      await fetch(`${baseURL}/deadlines/outcome?commitment=${targetId}`, {
        headers: { cookie: reviewerCookie },
      })
    ).text();
    const hidden = hiddenActionFields(html);
    expect(hidden.length).toBeGreaterThan(0);
    const marker = `https://news.example.in/refused/${crypto.randomUUID()}`;
    const form = new FormData();
    for (const [k, v] of hidden) form.append(k, v);
    for (const [k, v] of Object.entries({
      commitment_id: String(targetId),
      as_of: "2026-03-31",
      value: "20",
      note: marker,
      "sources.0.url": marker,
      "sources.0.title": "Refused",
      "sources.0.publisher": "Example News",
      "sources.0.kind": "news",
    }))
      form.append(k, v);
    const r = await fetch(`${baseURL}/deadlines/outcome?commitment=${targetId}`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { cookie: contributorCookie, origin: baseURL! },
    });
    expect(r.status).toBeLessThan(500);
    expect(r.headers.get("location")).toBeNull();
    expect(await r.text()).toContain("Your account does not have permission to do this.");
    expect(
      e2eDb()
        .select({ id: progressUpdates.id })
        .from(progressUpdates)
        .where(eq(progressUpdates.note, marker))
        .all(),
    ).toHaveLength(0);
  });
});
