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

  const overdue2025 = "2025, Overdue, unverified: 1 commitment";

  test("the charts come drawn in the page, with no chart script", async ({ request }) => {
    const html = await (await request.get("/")).text();
    // A link in the server's SVG, named by its <title>.
    expect(html).toContain(`<title>${overdue2025}</title>`);
    expect(html).toMatch(/<a href="\/commitments\?[^"]*"[^>]*><title>2025, Overdue, unverified/);
    expect(html).not.toMatch(/recharts/i);
  });

  test("the page carries each chart once: as markup, not again in the RSC payload", async ({ request }) => {
    const html = await (await request.get("/")).text();
    // A bar's name is computed where the SVG is drawn; the payload carries the data it comes from.
    expect(html.split(overdue2025).length - 1).toBe(1);
    // The SVG title's id, and the reference to it.
    expect(html.split("chart-deadlines-svg-title").length - 1).toBe(2);
    const payload = [...html.matchAll(/<script\b[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join("");
    expect(payload).toContain("chart-deadlines");
    // No chart or table element, neither as markup nor as a React element.
    expect(payload).not.toMatch(/(<|\\u003c)(svg|rect|table|tr)\b|\\"\$\\",\\"(svg|rect|table|tr)\\"/);
  });

  test("a bar of the deadlines chart opens the explorer filtered to it", async ({ page }) => {
    await page.goto("/");
    const chart = page.locator("#chart-deadlines svg");
    await expect(chart).toBeVisible();
    await expect(chart).toContainText("2025");
    await chart.getByRole("link", { name: overdue2025 }).click();
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

  test("a bar is reached and followed with the keyboard, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const bar = page.locator("#chart-deadlines svg").getByRole("link", { name: overdue2025 });
    await bar.focus();
    // Back and forth by keyboard, so that the focus is a keyboard focus.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(bar).toBeFocused();
    // The focus shows: an outline around the bar and a dark edge on it.
    expect(await bar.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe("solid");
    expect(await bar.locator("rect").evaluate((r) => getComputedStyle(r).strokeWidth)).toBe("3px");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/commitments\?.*status=overdue_unverified/);
    await context.close();
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
    const file = Buffer.concat(svg).toString();
    expect(file).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(file).toContain("<title");
    expect(file).toContain(overdue2025);
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
