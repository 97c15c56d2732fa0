import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The map of India on /states and the small one on the dashboard (docs/decisions/0026). The seed's
// figures: one commitment, in Karnataka; facilities in Uttar Pradesh and Karnataka; Foxconn's
// land in Karnataka at US$3,70,00,000. This spec publishes nothing, so they hold throughout.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const map = (page: Page) => page.locator("#india-map svg");
const shape = (page: Page, name: string) => map(page).getByRole("link", { name: new RegExp(`^${name}: `) });

test.describe("the map of India on /states", () => {
  test("draws one linked shape per place, named by the place and its figure", async ({ page }) => {
    await page.goto("/states");
    await expect(page.getByRole("heading", { level: 2, name: "Map" })).toBeVisible();
    await expect(map(page).getByRole("link")).toHaveCount(35);
    await expect(shape(page, "Karnataka")).toHaveAccessibleName("Karnataka: 1 commitment");
    await expect(shape(page, "Uttar Pradesh")).toHaveAccessibleName("Uttar Pradesh: no commitments");
    // Ladakh is drawn within Jammu and Kashmir: the shape names both, and the table lists each.
    const jk = map(page).getByRole("link", { name: /^Jammu and Kashmir and Ladakh, drawn as one shape: / });
    await expect(jk).toHaveAttribute("href", "/states/IN-JK");
    await expect(jk).toHaveAccessibleName(/\(Jammu and Kashmir 0, Ladakh 0\)/);
    const table = page.getByRole("table", { name: "Commitments by state or union territory, largest first" });
    await expect(table.getByRole("row")).toHaveCount(1 + 36);
    await expect(table.getByRole("row").nth(1)).toContainText("Karnataka");
    await expect(table.getByRole("link", { name: "Ladakh", exact: true })).toHaveAttribute(
      "href",
      "/states/IN-LA",
    );
    await expect(table.getByRole("link", { name: "Jammu and Kashmir", exact: true })).toHaveAttribute(
      "href",
      "/states/IN-JK",
    );
    await expect(page.locator("figcaption")).toContainText(
      "@svg-maps/india by Victor Cazanave, based on MapSVG, CC BY 4.0",
    );
    await expect(page.getByRole("link", { name: "CC BY 4.0" }).first()).toHaveAttribute(
      "href",
      "https://creativecommons.org/licenses/by/4.0/",
    );
  });

  test("a click on a shape lands on that state's page", async ({ page }) => {
    await page.goto("/states");
    await shape(page, "Karnataka").click();
    await expect(page).toHaveURL(/\/states\/IN-KA$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Karnataka");
  });

  test("a shape is reached, shown and followed with the keyboard, without JavaScript", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/states");
    const mp = shape(page, "Madhya Pradesh");
    await mp.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(mp).toBeFocused();
    // The focus shows: an outline, and the shape filled with the focus colour, whole.
    expect(await mp.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe("solid");
    expect(await mp.locator("use").evaluate((u) => getComputedStyle(u).fill)).toBe("rgb(249, 168, 37)");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/states\/IN-MP$/);
    await context.close();
  });

  test("a keyboard can skip the shapes to the map's table", async ({ page }) => {
    await page.goto("/states");
    await page.getByLabel("Shade each state by").focus();
    const skip = page.getByRole("link", { name: "Skip the map’s links, to its table" });
    // Past the picker's button, the skip link comes before the first shape.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("#india-map-table")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator("#india-map-table a").first()).toBeFocused();
  });

  test("picking a measure changes the figures and the address", async ({ page }) => {
    await page.goto("/states");
    await page.getByLabel("Shade each state by").selectOption("facilities");
    await expect(page).toHaveURL(/\/states\?measure=facilities$/);
    await expect(shape(page, "Uttar Pradesh")).toHaveAccessibleName("Uttar Pradesh: 1 facility");
    await expect(
      page.getByRole("table", { name: "Facilities by state or union territory, largest first" }),
    ).toBeVisible();

    await page.getByLabel("Shade each state by").selectOption("investment-usd");
    await expect(page).toHaveURL(/\/states\?measure=investment-usd$/);
    await expect(shape(page, "Karnataka")).toHaveAccessibleName(
      "Karnataka: US$3,70,00,000 (US$3.7 crore) announced",
    );
    await expect(shape(page, "Uttar Pradesh")).toHaveAccessibleName(
      "Uttar Pradesh: no investment announced in USD",
    );
    // The legend names the measure and says which states have none.
    await expect(page.getByRole("list", { name: "Announced investment (USD)" })).toContainText(
      "None announced",
    );

    // The address alone reproduces the view.
    await page.goto("/states?measure=investment-inr");
    await expect(shape(page, "Karnataka")).toHaveAccessibleName("Karnataka: no investment announced in INR");
    await expect(page.getByLabel("Shade each state by")).toHaveValue("investment-inr");
  });

  test("the picker works without JavaScript, one status at a time", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/states");
    await page.getByLabel("Shade each state by").selectOption("commitments-no_data");
    await page.getByRole("button", { name: "Show on the map" }).click();
    await expect(page).toHaveURL(/\/states\?measure=commitments-no_data$/);
    await expect(shape(page, "Karnataka")).toHaveAccessibleName(
      "Karnataka: 1 commitment with the status “No data”",
    );
    await context.close();
  });

  test("a measure it cannot draw is named, and commitments shown instead", async ({ page }) => {
    const response = await page.goto("/states?measure=population");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toContainText(
      '"population" is not a measure',
    );
    await expect(shape(page, "Karnataka")).toHaveAccessibleName("Karnataka: 1 commitment");
  });

  test("has no accessibility violations with the map", async ({ page }) => {
    for (const path of ["/states", "/states?measure=investment-usd"]) {
      await page.goto(path);
      await expect(map(page).getByRole("link")).toHaveCount(35);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(
        results.violations.map(
          (v) => `${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      ).toEqual([]);
    }
  });
});

test.describe("the map's files", () => {
  test("the outline the page draws is one SVG, public and the same for everyone", async ({ request }) => {
    const response = await request.get("/states/outline.svg");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<path id="IN-[A-Z]{2}"/g)).toHaveLength(35);
    console.log(`outline SVG: ${Buffer.byteLength(svg)} bytes`);
    // The page refers to it, and carries no path data of its own.
    const html = await (await request.get("/states")).text();
    expect(html).toContain('<use href="/states/outline.svg#IN-KA"');
    expect(html).not.toMatch(/<path d="m/);
  });

  test("the standalone map SVG has its title, legend, attribution and absolute links", async ({
    request,
    baseURL,
  }) => {
    const response = await request.get("/states/map.svg?measure=facilities");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    const svg = await response.text();
    expect(svg).toContain('<title id="india-map-title">Facilities by state or union territory</title>');
    expect(svg).toContain(`<a href="${baseURL}/states/IN-UP" aria-label="Uttar Pradesh: 1 facility">`);
    expect(svg).toContain("Map outline: @svg-maps/india by Victor Cazanave, based on MapSVG, CC BY 4.0");

    const bad = await request.get("/states/map.svg?measure=population");
    expect(bad.status()).toBe(400);
  });

  test("the dashboard's small map is an image of the SVG, linked to /states", async ({ page }) => {
    await page.goto("/");
    const link = page.getByRole("link", {
      name: /^Map of India: commitments by state or union territory, most in Karnataka \(1\)/,
    });
    await expect(link).toHaveAttribute("href", "/states");
    const image = link.getByRole("img");
    await expect(image).toHaveAttribute("src", "/states/map.svg?measure=commitments");
    // Loaded lazily: it comes when it nears the viewport.
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(640);
    await link.click();
    await expect(page).toHaveURL(/\/states$/);
  });
});
