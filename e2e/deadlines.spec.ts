import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The server's TRACKER_TODAY is 2026-11-25 (playwright.config.ts): Xiaomi's target, due "by 2025"
// (31 Dec 2025) with nothing recorded, is 329 days overdue and unverified.
const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

const overdue = (page: Page) => page.getByRole("region", { name: /Overdue and unverified/ });
const xiaomiRow = (page: Page) => overdue(page).getByRole("row").filter({ hasText: XIAOMI_TARGET });

test.describe("deadlines", () => {
  test("lists Xiaomi's target as overdue and unverified, with how long, its evidence and a link", async ({
    page,
  }) => {
    await page.goto("/deadlines");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadlines");
    const row = xiaomiRow(page);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Xiaomi");
    await expect(row).toContainText("by 2025");
    await expect(row).toContainText("329 days overdue");
    await expect(row).toContainText("Overdue, unverified");
    await expect(row).toContainText("Announced");

    await row.getByRole("link", { name: XIAOMI_TARGET }).click();
    await expect(page).toHaveURL(/\/commitments\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("50 per cent increase");
  });

  test("a company filter narrows the view, lives in the address, and carries over to the calendar", async ({
    page,
  }) => {
    await page.goto("/deadlines");
    await page.getByRole("checkbox", { name: "Tesla" }).check();
    await expect(page).toHaveURL(/company=tesla/);
    await expect(xiaomiRow(page)).toHaveCount(0);
    await expect(overdue(page)).toContainText("No commitment is in this group with these filters");

    await page.goto("/deadlines?company=xiaomi");
    await expect(page.getByRole("checkbox", { name: "Xiaomi" })).toBeChecked();
    await expect(xiaomiRow(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Subscribe in your calendar" })).toHaveAttribute(
      "href",
      "/api/v1/deadlines.ics?company=xiaomi",
    );
    await expect(page.getByRole("link", { name: /Follow published changes/ })).toHaveAttribute(
      "href",
      "/api/v1/changes.atom?company=xiaomi",
    );
  });

  test("a filter it has no field for is kept when another changes", async ({ page }) => {
    await page.goto("/deadlines?evidence=announced");
    await expect(xiaomiRow(page)).toHaveCount(1);
    await page.getByRole("checkbox", { name: "Xiaomi" }).check();
    await expect(page).toHaveURL(/evidence=announced/);
    await expect(page).toHaveURL(/company=xiaomi/);
    await expect(xiaomiRow(page)).toHaveCount(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the filters are a plain form that the Apply button submits", async ({ page }) => {
      await page.goto("/deadlines");
      await expect(xiaomiRow(page)).toHaveCount(1);
      await page.getByRole("checkbox", { name: "Tesla" }).check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/company=tesla/);
      await expect(xiaomiRow(page)).toHaveCount(0);

      await page.getByRole("checkbox", { name: "Tesla" }).uncheck();
      await page.getByRole("checkbox", { name: "Xiaomi" }).check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/company=xiaomi/);
      await expect(xiaomiRow(page)).toHaveCount(1);
      await expect(xiaomiRow(page)).toContainText("329 days overdue");
    });
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    for (const path of ["/deadlines", "/deadlines?company=tesla", "/methodology"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });

  test("the methodology works the Xiaomi example through from the published record", async ({ page }) => {
    await page.goto("/methodology");
    const example = page.locator("h2", { hasText: "A worked example" }).locator("xpath=following-sibling::*");
    await expect(
      example.getByRole("listitem").filter({ hasText: "Past the deadline? Yes: today is 329 days past it." }),
    ).toContainText("Nothing has been recorded since the deadline");
    await expect(page.getByText("Expected value today")).toBeVisible();
    await expect(page.locator("dd", { hasText: /^50%/ })).toHaveCount(1);
  });
});
