import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("dashboard", () => {
  test("shows the headline figures of the seed facts", async ({ page }) => {
    await page.goto("/");
    const figures = page.getByRole("list", { name: "Headline figures" });
    await expect(figures.getByRole("listitem").filter({ hasText: "commitments tracked" })).toContainText("4");
    await expect(
      figures.getByRole("listitem").filter({ hasText: "overdue with no outcome recorded" }),
    ).toContainText("1");
  });

  test("a bar of the deadlines chart opens the explorer filtered to it", async ({ page }) => {
    await page.goto("/");
    const chart = page.locator("#chart-deadlines .recharts-wrapper > svg.recharts-surface");
    await expect(chart).toBeVisible();
    await expect(chart).toContainText("2025");
    await page.locator("#chart-deadlines .recharts-bar-rectangle path").first().click();
    await expect(page).toHaveURL(/\/commitments\?/);
    const params = new URL(page.url()).searchParams;
    expect([params.get("due_from"), params.get("due_to"), params.get("status")]).toEqual([
      "2025",
      "2025",
      "overdue_unverified",
    ]);
    await expect(page.getByRole("table").first().locator("tbody tr")).toHaveCount(1);
    await expect(page.getByRole("table").first()).toContainText("50 per cent increase");
  });

  test("every chart has its table, its data as CSV and an image download", async ({ page, request }) => {
    await page.goto("/");
    const panel = page.getByRole("region", { name: "Deadlines per year" });
    await panel.getByText("Show the data as a table").click();
    const table = panel.getByRole("table", { name: "Deadlines per year by status" });
    await expect(table.getByRole("row").filter({ hasText: "2025" })).toContainText("1");
    const csvHref = await panel
      .getByRole("link", { name: "Data behind this chart (CSV)" })
      .getAttribute("href");
    const csv = await request.get(csvHref!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain("Deadlines per year by status");
    expect(text).toMatch(/\r\n2025,/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download image (SVG)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("chart-deadlines.svg");
    const svg = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(svg).toString()).toContain("<svg");
  });

  test("the dashboard and a commitment page have no serious accessibility violations", async ({ page }) => {
    for (const path of ["/", "/commitments/1", "/methodology"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
  });
});
