import { expect, test } from "@playwright/test";

// A researcher quoting Xiaomi's target copies a reference that names the record, the revision they
// read, the date (the server's TRACKER_TODAY, 2026-11-25) and the licence.

const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";

test.describe("citing a commitment", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("gives a text and a BibTeX citation with the page's address, and copies them", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/commitments");
    await page.getByRole("link", { name: XIAOMI_TARGET }).click();
    await expect(page).toHaveURL(/\/commitments\/\d+$/);
    const id = new URL(page.url()).pathname.split("/").pop();

    const cite = page.getByRole("region", { name: "Cite this commitment" });
    const text = cite.getByRole("figure", { name: "As text" }).locator("pre");
    await expect(text).toHaveText(
      new RegExp(
        `^Make in India localisation tracker, "Xiaomi: ${XIAOMI_TARGET}" \\(commitment ${id}, as revised on \\d{1,2} \\w{3} \\d{4}\\), ` +
          `${baseURL!.replace(/[.]/g, "\\.")}/commitments/${id}, retrieved 25 Nov 2026\\. Licence: CC BY 4\\.0`,
      ),
    );
    const bibtex = cite.getByRole("figure", { name: "As BibTeX" }).locator("pre");
    await expect(bibtex).toContainText(`@misc{mii-tracker-commitment-${id},`);
    await expect(bibtex).toContainText(`howpublished = {\\url{${baseURL}/commitments/${id}}}`);

    await cite.getByRole("button", { name: "Copy the citation as BibTeX" }).click();
    await expect(cite.getByRole("figure", { name: "As BibTeX" })).toContainText("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await bibtex.textContent());
  });

  test("without JavaScript the citation is still there to select, and no dead button is shown", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/commitments/1");
    const cite = page.getByRole("region", { name: "Cite this commitment" });
    await expect(cite.locator("pre")).toHaveCount(2);
    await expect(cite.getByRole("button")).toHaveCount(0);
    await context.close();
  });
});
