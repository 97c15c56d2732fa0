import { expect, type Page } from "@playwright/test";

// The commitment form filled in as a person would, and the check that everything typed is still
// there after the form came back: for the specs that propose through the browser.

export type Commitment = { title: string; url: string };

export async function fillCommitment(page: Page, { title, url }: Commitment) {
  await page.locator("#company").fill("xiaomi");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Evidence grade").selectOption("announced");
  await page.getByLabel("What is measured").selectOption("local_sourcing_share");
  await page.getByLabel("Unit").selectOption("percent");
  await page.getByLabel("Direction").selectOption("increase");
  await page.getByLabel("Baseline value").fill("10");
  await page.getByLabel("Baseline date").fill("2024-01-15");
  await page.getByLabel("Target value").fill("40");
  await page.getByLabel("How precise is the deadline?").selectOption("year");
  await page.locator("#deadline").fill("2027");
  await page.getByLabel(/^Product categories/).fill("Smartphones, Components");
  await page.getByRole("checkbox", { name: "Uttar Pradesh" }).check();
  await page.getByRole("checkbox", { name: "Karnataka" }).check();
  await page.locator("#sources-0-url").fill(url);
  await page.locator("#sources-0-title").fill("Xiaomi raises local sourcing");
  await page.locator("#sources-0-publisher").fill("Business Today");
  await page.locator("#sources-0-kind").selectOption("news");
  await page.locator("#sources-0-published_on").fill("2024-01-15");
  await page
    .locator("#sources-0-excerpt")
    .fill("Xiaomi said it would source 40 per cent of components locally.");
}

export async function expectCommitmentKept(page: Page, { title }: Commitment) {
  await expect(page.locator("#company")).toHaveValue("xiaomi");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Evidence grade")).toHaveValue("announced");
  await expect(page.getByLabel("Baseline value")).toHaveValue("10");
  await expect(page.getByLabel("Baseline date")).toHaveValue("2024-01-15");
  await expect(page.getByLabel("Target value")).toHaveValue("40");
  await expect(page.getByLabel("How precise is the deadline?")).toHaveValue("year");
  await expect(page.locator("#deadline")).toHaveValue("2027");
  await expect(page.getByLabel(/^Product categories/)).toHaveValue("Smartphones, Components");
  await expect(page.getByRole("checkbox", { name: "Uttar Pradesh" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Karnataka" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Kerala" })).not.toBeChecked();
  await expect(page.locator("#sources-0-title")).toHaveValue("Xiaomi raises local sourcing");
  await expect(page.locator("#sources-0-publisher")).toHaveValue("Business Today");
  await expect(page.locator("#sources-0-kind")).toHaveValue("news");
  await expect(page.locator("#sources-0-published_on")).toHaveValue("2024-01-15");
  await expect(page.locator("#sources-0-excerpt")).toHaveValue(
    "Xiaomi said it would source 40 per cent of components locally.",
  );
}
