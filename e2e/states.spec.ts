import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe("states and union territories", () => {
  test("lists all 36, with zeros, and passes an accessibility check", async ({ page }) => {
    await page.goto("/states");
    await expect(page.getByRole("heading", { level: 1, name: "States and union territories" })).toBeVisible();
    const table = page.getByRole("table", { name: /36 states and union territories/ });
    await expect(table.getByRole("row")).toHaveCount(1 + 36);

    const up = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Uttar Pradesh" }) });
    // Other tests may publish commitments here; the seed's facility counts are fixed.
    await expect(up.getByRole("cell")).toHaveText(["State", "IN-UP", "1", /^\d+$/]);
    const ka = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Karnataka" }) });
    await expect(ka.getByRole("cell")).toHaveText(["State", "IN-KA", "1", "1"]);
    const telangana = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Telangana" }) });
    await expect(telangana.getByRole("cell")).toHaveText(["State", "IN-TS", "0", "0"]);
    const delhi = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Delhi" }) });
    await expect(delhi.getByRole("cell").first()).toHaveText("Union territory");
    await expect(page.getByRole("link", { name: "ISO 3166-2:IN" })).toHaveAttribute("href", /iso\.org/);
    await expectNoSeriousA11yViolations(page);
  });

  test("Uttar Pradesh lists the Noida facility, its operator and its sources", async ({ page }) => {
    await page.goto("/states");
    // The map and its table link to the state too; this is the list of every state.
    await page
      .getByRole("table", { name: /36 states and union territories/ })
      .getByRole("link", { name: "Uttar Pradesh" })
      .click();
    await expect(page).toHaveURL(/\/states\/IN-UP$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uttar Pradesh");
    const facilities = page.getByRole("table", { name: /Facilities in Uttar Pradesh/ });
    const noida = facilities.getByRole("row").filter({ hasText: "Optiemus Electronics factory, Noida" });
    await expect(noida.getByRole("link", { name: "Optiemus Electronics Limited" })).toHaveAttribute(
      "href",
      "/companies/optiemus-electronics",
    );
    await expect(noida).toContainText("Noida");
    await expect(noida).toContainText("Operational");
    await expect(
      noida.getByRole("link", { name: "Xiaomi to make wireless audio products in India" }),
    ).toHaveAttribute("href", /^https:\/\//);
    await expectNoSeriousA11yViolations(page);
  });

  test("Karnataka shows Foxconn's land in US dollars and its commitment's status", async ({ page }) => {
    await page.goto("/states/IN-KA");
    const land = page
      .getByRole("table", { name: /Facilities in Karnataka/ })
      .getByRole("row")
      .filter({ hasText: "Bengaluru" });
    await expect(land).toContainText("Land acquired");
    await expect(land).toContainText("US$3,70,00,000");
    const commitment = page
      .getByRole("table", { name: /Commitments that name Karnataka/ })
      .getByRole("row")
      .filter({ hasText: "Foxconn" });
    await expect(commitment).toContainText("Agreement signed or land acquired");
    await expect(commitment).toContainText("No data");
  });

  test("a lower-case or former code redirects to the current code", async ({ page, request }) => {
    const lower = await request.get("/states/in-up", { maxRedirects: 0 });
    expect(lower.status()).toBe(308);
    expect(lower.headers()["location"]).toMatch(/\/states\/IN-UP$/);

    const former = await request.get("/states/IN-TG?facilities_page=2", { maxRedirects: 0 });
    expect(former.status()).toBe(308);
    expect(former.headers()["location"]).toMatch(/\/states\/IN-TS\?facilities_page=2$/);

    await page.goto("/states/in-ka");
    await expect(page).toHaveURL(/\/states\/IN-KA$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karnataka");
  });

  test("an unknown code is a 404 page", async ({ page }) => {
    for (const path of ["/states/IN-ZZ", "/states/UP", "/states/uttar-pradesh"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("a state with nothing recorded says so", async ({ page }) => {
    await page.goto("/states/IN-LD");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lakshadweep");
    await expect(page.getByText("No facility in Lakshadweep is published.")).toBeVisible();
    await expect(page.getByText("No published commitment names Lakshadweep.")).toBeVisible();
  });
});
