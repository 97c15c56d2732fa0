import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitmentIdByKey } from "@/db/queries/deadlines";
import { expectCommitmentKept, fillCommitment, type Commitment } from "./support/commitment-form";
import { createUser, e2eDb, signIn } from "./support/users";

// The submission forms, with and without JavaScript: a hostile source address is refused beside
// its field with everything else the person typed still there, and the fixed proposal reaches
// their list as pending.

const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components";

async function expectUnsafeUrlRefused(page: Page, c: Commitment) {
  const url = page.locator("#sources-0-url");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAttribute("aria-describedby", /sources-0-url-error/);
  await expect(page.locator("#sources-0-url-error")).toContainText("starting with http:// or https://");
  await expect(url).toHaveValue("javascript:alert(1)");
  await expect(
    page.getByRole("link", { name: /^Source 1: Source address must be a web address/ }),
  ).toBeVisible();
  await expectCommitmentKept(page, c);
}

async function expectPendingInList(page: Page, title: string) {
  await expect(page).toHaveURL(/\/account\/submissions\?submitted=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "your proposal was sent" })).toContainText(title);
  const item = page.getByRole("article", { name: new RegExp(title) });
  await expect(item).toContainText("Pending: waiting for a reviewer");
  await expect(item.getByRole("button", { name: /^Withdraw/ })).toBeVisible();
}

const newCommitment = (): Commitment => ({
  title: `Source 40 per cent of smartphone components locally ${crypto.randomUUID().slice(0, 8)}`,
  url: "javascript:alert(1)",
});

test.describe("proposing a commitment with JavaScript", () => {
  test("a javascript: source is refused beside its field, everything typed is kept, and the fix is sent", async ({
    page,
  }) => {
    const c = newCommitment();
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    await fillCommitment(page, c);
    await page.getByRole("button", { name: "Send for review" }).click();

    await expectUnsafeUrlRefused(page, c);
    await expect(page.locator(".error-summary")).toBeFocused();

    await page.locator("#sources-0-url").fill("https://www.business-today.in/xiaomi-local-sourcing");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expectPendingInList(page, c.title);
  });

  test("typing part of a company's name suggests it, and choosing puts its slug in the field", async ({
    page,
  }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    const company = page.getByRole("combobox", { name: "Company" });
    await company.pressSequentially("Xiao", { delay: 30 });
    const option = page.getByRole("option", { name: "Xiaomi (xiaomi)" });
    await expect(option).toBeVisible();
    await expect(company).toHaveAttribute("aria-expanded", "true");

    await company.press("ArrowDown");
    await expect(company).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    await company.press("Enter");
    await expect(company).toHaveValue("xiaomi");
    await expect(company).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByText("Chosen: Xiaomi (xiaomi)")).toBeVisible();
  });

  test("likely duplicates appear as the company, title and deadline are filled in", async ({ page }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    await page.locator("#company").fill("xiaomi");
    await page.getByLabel("Title", { exact: true }).fill(XIAOMI_TARGET);
    await page.getByLabel("How precise is the deadline?").selectOption("year");
    await page.locator("#deadline").fill("2025");

    const list = page.getByRole("list", { name: "Likely duplicates" });
    await expect(list.getByRole("link", { name: `${XIAOMI_TARGET} by 2025` })).toBeVisible();

    // Another year is another commitment.
    await page.locator("#deadline").fill("2030");
    await expect(page.getByText("No similar commitment found")).toBeVisible();
  });

  test("the commitment form with its errors shown has no serious accessibility problems", async ({
    page,
  }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    await page.locator("#sources-0-url").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator("#title")).toHaveAttribute("aria-invalid", "true");

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test.describe("the other forms", () => {
  test("a progress update opened from a commitment names it, and is sent with the number filled in", async ({
    page,
  }) => {
    const id = commitmentIdByKey(e2eDb(), "xiaomi", `${XIAOMI_TARGET} by 2025`);
    expect(id).not.toBeNull();
    await signIn(page, await createUser("contributor"));
    await page.goto(`/submit/progress?commitment=${id}`);
    await expect(page.getByLabel("Commitment number")).toHaveValue(String(id));
    await expect(page.getByRole("link", { name: `${XIAOMI_TARGET} by 2025` })).toBeVisible();

    await page.getByLabel("Date of the value").fill("2025-12-31");
    await page.getByLabel("Value", { exact: true }).fill("35");
    await page.locator("#sources-0-url").fill("https://example.in/xiaomi-2025-sourcing");
    await page.locator("#sources-0-title").fill("Xiaomi's local sourcing in 2025");
    await page.locator("#sources-0-publisher").fill("Example News");
    await page.locator("#sources-0-kind").selectOption("news");
    await page.locator("#sources-0-published_on").fill("2026-01-10");
    await page.locator("#sources-0-excerpt").fill("Local production of components rose 35 per cent.");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expectPendingInList(page, XIAOMI_TARGET);
  });

  for (const [kind, field] of [
    ["commitment", "Company"],
    ["progress", "Commitment number"],
    ["company", "Name"],
    ["facility", "Operating company"],
    ["partnership", "Brand"],
  ] as const) {
    test(`the ${kind} form sent empty lists its problems, each linking to its field`, async ({ page }) => {
      await signIn(page, await createUser("contributor"));
      await page.goto(`/submit/${kind}`);
      await page.getByRole("button", { name: "Send for review" }).click();
      const summary = page.locator(".error-summary");
      await expect(summary).toBeFocused();
      await expect(
        summary.getByRole("link", { name: /^Source 1: Source address is required/ }),
      ).toBeVisible();
      await summary.getByRole("link", { name: new RegExp(`^${field}: `) }).click();
      await expect(page.getByLabel(field, { exact: true })).toBeFocused();
      await expect(page.getByLabel(field, { exact: true })).toHaveAttribute("aria-invalid", "true");
    });
  }
});

test.describe("proposing a commitment without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same refusal, with everything kept, and the fix is sent", async ({ page }) => {
    const c = newCommitment();
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    // No combobox without JavaScript: a plain text input for the slug.
    await expect(page.getByRole("combobox", { name: "Company" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Company" })).toBeVisible();
    await fillCommitment(page, c);
    await page.getByRole("button", { name: "Send for review" }).click();

    await expectUnsafeUrlRefused(page, c);

    await page.locator("#sources-0-url").fill("https://www.business-today.in/xiaomi-local-sourcing");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expectPendingInList(page, c.title);
  });

  test("“Check for duplicates” lists the Xiaomi target, keeps the form, and the person can still send it", async ({
    page,
  }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit/commitment");
    await fillCommitment(page, { title: XIAOMI_TARGET, url: "https://www.business-today.in/xiaomi-50" });
    await page.locator("#deadline").fill("2025");
    await page.getByRole("button", { name: "Check for duplicates" }).click();

    const list = page.getByRole("list", { name: "Likely duplicates" });
    await expect(list.getByRole("link", { name: `${XIAOMI_TARGET} by 2025` })).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(XIAOMI_TARGET);
    await expect(page.locator("#deadline")).toHaveValue("2025");
    await expect(page.getByRole("checkbox", { name: "Karnataka" })).toBeChecked();
    await expect(page.locator("#sources-0-publisher")).toHaveValue("Business Today");

    await page.getByRole("button", { name: "Send for review" }).click();
    await expectPendingInList(page, XIAOMI_TARGET);
  });
});

test.describe("who may propose", () => {
  test("an anonymous visitor is sent to sign in, and comes back to the form", async ({ page }) => {
    await page.goto("/submit");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsubmit$/);

    await page.goto("/submit/progress?commitment=1");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsubmit%2Fprogress%3Fcommitment%3D1$/);
    const user = await createUser("contributor");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/submit\/progress\?commitment=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propose a progress update");
  });

  test("the list of kinds links to each form", async ({ page }) => {
    await signIn(page, await createUser("contributor"));
    await page.goto("/submit");
    for (const name of ["A commitment", "A progress update", "A partnership", "A facility", "A company"]) {
      await expect(page.getByRole("link", { name })).toBeVisible();
    }
    await page.getByRole("link", { name: "A facility" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propose a facility");
  });

  test("the duplicate check route answers only a signed-in person", async ({ request }) => {
    const response = await request.get("/submit/duplicates?company=xiaomi&title=anything");
    expect(response.status()).toBe(401);
  });
});
