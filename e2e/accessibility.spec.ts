import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createUser, signIn } from "./support/users";

// Every page, as each kind of person reaches it, checked by axe for all WCAG 2.x A and AA rules
// (not only serious ones), and the forms checked again in their error state, because that is where
// labels, descriptions and the error summary must hold together. Pages with their own specs also
// check their own states; this sweep makes sure no page is forgotten.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map(
    (v) => `${label} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

async function sweep(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    found.push(...(await violations(page, path)));
  }
  return found;
}

const PUBLIC_PAGES = [
  "/",
  "/commitments",
  "/commitments?q=smartphones&status=overdue_unverified",
  "/commitments/1",
  "/companies",
  "/companies/xiaomi",
  "/states",
  "/states/IN-UP",
  "/deadlines",
  "/methodology",
  "/api-docs",
  "/sign-in",
  "/sign-up",
  "/email-verified",
  "/email-verified?error=TOKEN_EXPIRED",
  "/no-such-page",
  "/commitments/999999",
];

const SIGNED_IN_PAGES = [
  "/account",
  "/account/submissions",
  "/submit",
  "/submit/commitment",
  "/submit/company",
  "/submit/facility",
  "/submit/partnership",
  "/submit/progress?commitment=1",
];

const ADMIN_PAGES = [
  "/review",
  "/review/import",
  "/admin/users",
  "/admin/mail",
  "/deadlines/outcome?commitment=1",
  "/commitments/1/supersede",
];

test.describe("accessibility of every page", () => {
  // One test a page, so a slow page cannot use up another's time and a failure names its page.
  for (const path of PUBLIC_PAGES) {
    test(`signed out: ${path}`, async ({ page }) => {
      // axe over the whole documented API schema takes 15 s on an idle 2-core machine.
      if (path === "/api-docs") test.slow();
      expect(await sweep(page, [path])).toEqual([]);
    });
  }

  test("contributors' pages", async ({ page }) => {
    test.slow();
    await signIn(page, await createUser("contributor"));
    expect(await sweep(page, SIGNED_IN_PAGES)).toEqual([]);
  });

  for (const kind of ["commitment", "company", "facility", "partnership"]) {
    test(`the ${kind} form with its errors showing`, async ({ page }) => {
      await signIn(page, await createUser("contributor"));
      await page.goto(`/submit/${kind}`);
      await page.getByRole("button", { name: "Send for review" }).click();
      // The summary takes focus so that a screen reader announces it first.
      await expect(page.locator(".error-summary")).toBeFocused();
      expect(await violations(page, `/submit/${kind} with errors`)).toEqual([]);
    });
  }

  test("reviewers' and admins' pages", async ({ page }) => {
    test.slow();
    await signIn(page, await createUser("admin"));
    expect(await sweep(page, ADMIN_PAGES)).toEqual([]);
  });

  test("the keyboard reaches the skip link first, and it moves focus to the content", async ({ page }) => {
    for (const path of ["/", "/commitments", "/deadlines"]) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.locator("main#main")).toBeFocused();
      // The next Tab lands inside the content, not back in the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    }
  });
});

// WCAG 1.4.10 (reflow): at 320 CSS pixels wide nothing may need scrolling sideways, except inside
// a data table's own scrolling box.
test.describe("reflow on a narrow screen", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of [
    "/",
    "/commitments",
    "/commitments/1",
    "/deadlines",
    "/companies/xiaomi",
    "/states",
    "/methodology",
    "/api-docs",
    "/sign-in",
  ]) {
    test(`${path} fits 320 pixels`, async ({ page }) => {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });
  }
});
