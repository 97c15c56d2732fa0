import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const resultRows = (page: Page) => page.getByRole("table").first().locator("tbody tr");

async function idsInTable(page: Page): Promise<number[]> {
  const hrefs = await resultRows(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => /^\/commitments\/\d+$/.test(h)).map((h) => Number(h.split("/").at(-1)));
}

function csvRows(csv: string): string[][] {
  // The tracker's CSV quotes fields with commas or quotes; this small reader is enough for it.
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && csv[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

test.describe("explorer", () => {
  test("a filter applies at once, lives in the address and survives a reload", async ({ page }) => {
    await page.goto("/commitments");
    await expect(resultRows(page)).toHaveCount(4);
    await page.getByRole("checkbox", { name: /Overdue, unverified/ }).check();
    await expect(page).toHaveURL(/status=overdue_unverified/);
    await expect(resultRows(page)).toHaveCount(1);
    await expect(resultRows(page).first()).toContainText("50 per cent increase");

    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Overdue, unverified/ })).toBeChecked();
    await expect(resultRows(page)).toHaveCount(1);
    await expect(page.getByRole("heading", { name: /1 commitment match/ })).toBeVisible();
  });

  test("search finds the commitments around the Optiemus partnership in Noida", async ({ page }) => {
    await page.goto("/commitments");
    await page.getByRole("searchbox", { name: /Search/ }).fill("Noida");
    await page.getByRole("searchbox", { name: /Search/ }).press("Enter");
    await expect(page).toHaveURL(/q=Noida/);
    await expect(resultRows(page).filter({ hasText: "50 per cent increase" })).toHaveCount(1);

    const api = await (await page.request.get("/api/v1/commitments?q=optiemus")).json();
    expect(api.data.map((c: { company: { slug: string } }) => c.company.slug)).toContain("xiaomi");
  });

  test("hostile search text gives an answer, not an error", async ({ page }) => {
    for (const q of ['"', "NEAR(", "a OR", "*", "'; drop table commitments; --", "नोएडा 🎧"]) {
      const response = await page.goto(`/commitments?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commitments");
    }
  });

  test("the CSV export holds exactly the rows of the filtered view, with a citation", async ({ page }) => {
    await page.goto("/commitments?evidence=announced");
    const shown = await idsInTable(page);
    expect(shown.length).toBe(2);
    const href = await page.getByRole("link", { name: "Download this view (CSV)" }).getAttribute("href");
    expect(href).toBe("/api/v1/commitments.csv?evidence=announced");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const rows = csvRows(await response.text());
    expect(rows[0]![0]).toMatch(
      /^Make in India localisation tracker, "Commitments", http:\/\/.*\/commitments\?evidence=announced, retrieved 2026-11-25\. Licence: CC BY 4\.0/,
    );
    expect(rows[1]![0]).toBe("id");
    expect(
      rows
        .slice(2)
        .map((r) => Number(r[0]))
        .sort(),
    ).toEqual([...shown].sort());

    const json = await (await page.request.get("/api/v1/commitments.json?evidence=announced")).json();
    expect(json.total).toBe(2);
    expect(json.citation).toContain("retrieved 2026-11-25");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the filters are a plain form that the Apply button submits", async ({ page }) => {
      await page.goto("/commitments");
      await page.getByRole("checkbox", { name: /In talks/ }).check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/evidence=in_talks/);
      await expect(resultRows(page)).toHaveCount(1);
      await expect(resultRows(page).first()).toContainText("Tesla");
    });
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await page.goto("/commitments?status=overdue_unverified");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
