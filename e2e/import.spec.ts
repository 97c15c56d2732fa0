import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { submissions } from "@/db/schema";
import { createUser, e2eDb, signIn } from "./support/users";

// Bulk import by a reviewer: a file with one bad row imports nothing and the report names the
// row and the column; the corrected file becomes submissions waiting for another reviewer.

const HEADER = [
  "id",
  "company",
  "company_name",
  "title",
  "metric",
  "unit",
  "direction",
  "baseline_value",
  "baseline_date",
  "target_value",
  "deadline_precision",
  "due_on",
  "evidence_grade",
  "categories",
  "states",
  "status",
  "source_urls",
  "source_publishers",
  "source_titles",
  "source_kinds",
  "source_published_on",
  "source_excerpts",
];

function row(title: string, over: Partial<Record<(typeof HEADER)[number], string>> = {}): string {
  const values: Record<string, string> = {
    id: "",
    company: "xiaomi",
    company_name: "Xiaomi",
    title,
    metric: "local_sourcing_share",
    unit: "percent",
    direction: "increase",
    baseline_value: "10",
    baseline_date: "2024-01-15",
    target_value: "35",
    deadline_precision: "quarter",
    due_on: "2027-06-30",
    evidence_grade: "announced",
    categories: "Smartphones | Components",
    states: "IN-UP | IN-KA",
    status: "no_data",
    source_urls: `https://news.example.in/import/${crypto.randomUUID()}`,
    source_publishers: "Example News",
    source_titles: "Xiaomi raises local sourcing, again",
    source_kinds: "news",
    source_published_on: "2024-01-15",
    source_excerpts: 'Xiaomi said, "35 per cent by mid-2027".',
    ...over,
  };
  return HEADER.map((h) => {
    const v = values[h] ?? "";
    return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(",");
}

const csv = (rows: string[]) =>
  Buffer.from(`\ufeff"Citation line, as in an export"\r\n${HEADER.join(",")}\r\n${rows.join("\r\n")}\r\n`);

test("a reviewer imports a CSV: a bad row stops everything, the corrected file waits for review", async ({
  page,
}) => {
  const reviewer = await createUser("reviewer");
  const tag = crypto.randomInt(1e9);
  const titles = [`Source 35 per cent of phone parts locally ${tag}`, `Assemble laptops in Noida ${tag}`];
  const countMine = () =>
    e2eDb().select().from(submissions).where(eq(submissions.submittedById, reviewer.id)).all();

  await signIn(page, reviewer);
  await page.goto("/review/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import commitments" })).toBeVisible();

  const file = page.getByLabel("CSV file");
  await file.setInputFiles({
    name: "commitments.csv",
    mimeType: "text/csv",
    buffer: csv([row(titles[0]!), row(titles[1]!, { due_on: "2027-05-31" })]),
  });
  await page.getByRole("button", { name: "Import for review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "nothing was imported" })).toContainText(
    "1 problem in 1 row",
  );
  const problem = page
    .getByRole("table", { name: /Problems, by row/ })
    .getByRole("row")
    .nth(1);
  await expect(problem.getByRole("cell").nth(0)).toHaveText("4");
  await expect(problem.getByRole("cell").nth(1)).toHaveText("due_on");
  await expect(problem.getByRole("cell").nth(2)).toContainText("last day of its quarter");
  expect(countMine()).toEqual([]);

  await file.setInputFiles({
    name: "commitments.csv",
    mimeType: "text/csv",
    buffer: csv([row(titles[0]!), row(titles[1]!)]),
  });
  await page.getByRole("button", { name: "Import for review" }).click();
  await expect(
    page.getByText("Imported 2 new commitments as submissions waiting for another reviewer."),
  ).toBeVisible();
  const mine = countMine();
  expect(mine.map((s) => [s.state, (s.payload as { title: string }).title]).sort()).toEqual(
    titles.map((t) => ["pending", t]).sort(),
  );
  expect((mine[0]!.payload as { due_on: string }).due_on).toBe("2027-06-30");

  await page.goto("/review?kind=commitment");
  for (const t of titles) await expect(page.getByRole("link", { name: t })).toBeVisible();
});

test("a file that is not CSV is refused beside the field", async ({ page }) => {
  await signIn(page, await createUser("admin"));
  await page.goto("/review/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "commitments.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("PK\u0003\u0004rest"),
  });
  await page.getByRole("button", { name: "Import and publish" }).click();
  await expect(page.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#file-error")).toContainText("not a CSV file");
});
