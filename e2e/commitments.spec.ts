import { expect, test } from "@playwright/test";

test.describe("commitment page on a phone", () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test("loads the chart's code only when the chart comes near the screen", async ({ page }) => {
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.url());
    });
    await page.goto("/commitments/1");
    await page.waitForLoadState("networkidle");
    const chart = page.locator(".chart-box .recharts-wrapper > svg.recharts-surface");
    await expect(chart).toHaveCount(0);
    const before = scripts.length;

    await page.locator(".chart-box").scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    expect(scripts.length).toBeGreaterThan(before);
  });
});

test.describe("commitment list", () => {
  test("lists the seed commitments with company, target, deadline and status", async ({ page }) => {
    await page.goto("/commitments");
    await expect(page.getByRole("heading", { level: 1, name: "Commitments" })).toBeVisible();

    const xiaomiRow = page.getByRole("row").filter({ hasText: "locally sourced components" });
    await expect(xiaomiRow).toHaveCount(1);
    await expect(xiaomiRow.getByRole("cell").nth(0)).toHaveText("Xiaomi");
    await expect(xiaomiRow.getByRole("cell").nth(2)).toHaveText("50%");
    await expect(xiaomiRow.getByRole("cell").nth(3)).toHaveText("by 2025");
    await expect(xiaomiRow.getByRole("cell").nth(5)).toHaveText("Overdue, unverified");

    for (const company of ["Tesla", "Foxconn"]) {
      await expect(page.getByRole("row").filter({ hasText: company })).toHaveCount(1);
    }
    // Tesla's talks and Foxconn's land purchase must not read alike.
    await expect(page.getByRole("row").filter({ hasText: "Tesla" })).toContainText("In talks");
    await expect(page.getByRole("row").filter({ hasText: "Foxconn" })).toContainText(
      "Agreement signed or land acquired",
    );
  });

  test("a filter that cannot be used is named, and all commitments are shown", async ({ page }) => {
    await page.goto("/commitments?page=abc");
    await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toContainText("page");
    await expect(page.getByRole("row").filter({ hasText: "Xiaomi" }).first()).toBeVisible();
  });

  test("is usable with the keyboard: skip link, then the first commitment link", async ({ page }) => {
    await page.goto("/commitments");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe("commitment page", () => {
  test("shows Xiaomi's target as overdue and unverified, with its chart, table and sources", async ({
    page,
  }) => {
    await page.goto("/commitments");
    await page.getByRole("link", { name: /50 per cent increase/ }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "50 per cent increase in the production of locally sourced components by 2025",
    );
    const status = page.getByRole("region", { name: /Status/ });
    await expect(status).toContainText("Overdue, unverified");
    await expect(status).toContainText("passed 329 days ago");
    await expect(status).toContainText("falls due at the end of 31 Dec 2025");

    // The chart is drawn by Recharts in the browser, with the deadline and target marked, once it
    // is about to scroll into view.
    const chart = page.locator(".chart-box .recharts-wrapper > svg.recharts-surface");
    await page.locator(".chart-box").scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    await expect(chart).toContainText("Deadline");
    await expect(chart).toContainText("Target");
    // Its legend is HTML, drawn with the page.
    await expect(page.locator(".chart-box ul")).toContainText("Straight line to target");
    await expect(page.locator(".chart-box ul")).toContainText("Recorded progress");

    // Its text equivalent carries the same data.
    const table = page.getByRole("table", { name: "Data behind the chart" });
    await expect(table.getByRole("row").filter({ hasText: "31 Dec 2025" })).toContainText("50%");
    await expect(table.getByRole("row").filter({ hasText: "29 May 2023" })).toContainText("Baseline");

    const sources = page.getByRole("link", { name: "Xiaomi to make wireless audio products in India" });
    await expect(sources).toHaveAttribute("href", /^https:\/\//);
    await expect(page.getByText("Reuters (republished by Nasdaq)")).toBeVisible();
    await expect(page.getByText(/targeting a 50% increase in the production of components/)).toBeVisible();
  });

  test("an unknown or malformed id is a 404 page", async ({ page }) => {
    for (const path of ["/commitments/999999", "/commitments/abc", "/commitments/-1"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});
