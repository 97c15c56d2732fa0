import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { commitments } from "@/db/schema";
import { hiddenActionFields, signInCookie } from "@/lib/testing/action-post";
import { publish as publishRecord } from "./support/publish";
import { createUser, e2eDb, signIn, type TestUser } from "./support/users";

// A reviewer links a restated commitment to the one it replaces. Each test publishes its own two
// commitments, so no other suite's records change.

function payload(title: string) {
  return {
    company: "xiaomi",
    title,
    metric: "local_production_increase",
    unit: "percent",
    direction: "increase",
    baseline_value: "0",
    baseline_date: "2026-01-15",
    target_value: "50",
    deadline_precision: "year",
    deadline: "2028",
    evidence_grade: "announced",
    announced_on: "2026-01-15",
    sources: [
      {
        url: `https://news.example.in/restated/${crypto.randomUUID()}`,
        title: "Xiaomi restates its sourcing target",
        publisher: "Example News",
        kind: "news",
        published_on: "2026-01-15",
        excerpt: "Xiaomi now aims to raise local sourcing by half by 2028.",
      },
    ],
  };
}

/** Publishes a commitment the way the site does: proposed, then approved by another person. */
function publish(proposer: TestUser, reviewer: TestUser, title: string): number {
  return publishRecord(proposer, reviewer, "commitment", payload(title));
}

const supersededBy = (id: number) =>
  e2eDb().select({ s: commitments.supersededById }).from(commitments).where(eq(commitments.id, id)).get()?.s;

async function pair() {
  const contributor = await createUser("contributor");
  const reviewer = await createUser("reviewer");
  const word = crypto.randomInt(1e9);
  const oldTitle = `Raise local sourcing ${word} (2023 target)`;
  const newTitle = `Raise local sourcing ${word} (restated)`;
  return {
    contributor,
    reviewer,
    oldTitle,
    newTitle,
    oldId: publish(contributor, reviewer, oldTitle),
    newId: publish(contributor, reviewer, newTitle),
  };
}

test.describe("superseded commitments", () => {
  test("a reviewer marks a commitment as superseded by its restatement; both pages link", async ({
    page,
  }) => {
    const { reviewer, oldId, newId, oldTitle, newTitle } = await pair();
    await signIn(page, reviewer);
    await page.goto(`/commitments/${oldId}`);
    await page.getByRole("link", { name: "Mark as superseded by…" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mark as superseded");

    // Its own number is refused, beside the field.
    await page.getByLabel("Number of the restated commitment").fill(String(oldId));
    await page.getByRole("button", { name: "Mark as superseded" }).click();
    await expect(page.getByText("A commitment cannot supersede itself").first()).toBeVisible();
    expect(supersededBy(oldId)).toBeNull();

    await page.getByLabel("Number of the restated commitment").fill(String(newId));
    await page.getByRole("button", { name: "Mark as superseded" }).click();
    await expect(page).toHaveURL(`/commitments/${oldId}?superseded=${newId}`);
    await expect(page.getByRole("status").filter({ hasText: "marked as superseded" })).toBeVisible();
    await expect(page.getByRole("link", { name: newTitle })).toBeVisible();
    await expect(page.getByText("Superseded by commitment " + newId)).toBeVisible();
    await expect(page.getByRole("link", { name: "Mark as superseded by…" })).toHaveCount(0);
    expect(supersededBy(oldId)).toBe(newId);

    await page.getByRole("link", { name: newTitle }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
    await expect(page.getByRole("definition").getByRole("link", { name: oldTitle })).toBeVisible();
  });

  test("a contributor gets no link, the page refuses them, and a direct post changes nothing", async ({
    page,
    baseURL,
  }) => {
    const { contributor, reviewer, oldId, newId } = await pair();
    await signIn(page, contributor);
    await page.goto(`/commitments/${oldId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mark as superseded by…" })).toHaveCount(0);
    await page.goto(`/commitments/${oldId}/supersede`);
    await expect(page.getByText("Your account does not have permission to do this.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as superseded" })).toHaveCount(0);

    const reviewerCookie = await signInCookie(baseURL!, reviewer.email, reviewer.password);
    const contributorCookie = await signInCookie(baseURL!, contributor.email, contributor.password);
    const html = await (
      await fetch(`${baseURL}/commitments/${oldId}/supersede`, { headers: { cookie: reviewerCookie } })
    ).text();
    const hidden = hiddenActionFields(html);
    expect(hidden.length).toBeGreaterThan(0);
    const form = new FormData();
    for (const [k, v] of hidden) form.append(k, v);
    form.append("old_id", String(oldId));
    form.append("new_id", String(newId));
    const r = await fetch(`${baseURL}/commitments/${oldId}/supersede`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { cookie: contributorCookie, origin: baseURL! },
    });
    expect(r.status).toBeLessThan(500);
    expect(r.headers.get("location")).toBeNull();
    expect(supersededBy(oldId)).toBeNull();
  });
});
