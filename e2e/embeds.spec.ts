import AxeBuilder from "@axe-core/playwright";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";

// Issue 14: a chart's embed shows inside an <iframe> on a page from another origin, while a normal
// page refuses to be framed; each embed weighs at most 30 KB of HTML and carries no script; a
// commitment page names its title and a chart image in its Open Graph tags, and the image is a PNG.

const EMBED_BUDGET = 30 * 1024;
const DASHBOARD_H1 = "What companies have committed to make and source in India";
const XIAOMI_TARGET = "50 per cent increase in the production of locally sourced components by 2025";
const EMBED_FIELD = "Code to paste into your own page";

/**
 * The <iframe> codes a page offers, read from their fields. Each field sits in a closed
 * <details>, hidden until opened, which role queries leave out; a CSS selector does not.
 */
async function embedCodes(page: Page): Promise<string[]> {
  return page
    .locator("details textarea[readonly]")
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));
}

const srcOf = (code: string) => {
  const src = /<iframe src="([^"]+)"/.exec(code)?.[1];
  if (!src) throw new Error(`no src in ${code}`);
  return src;
};

async function xiaomiCommitment(page: Page): Promise<string> {
  await page.goto("/commitments");
  await page.getByRole("link", { name: XIAOMI_TARGET }).click();
  await expect(page).toHaveURL(/\/commitments\/\d+$/);
  return new URL(page.url()).pathname;
}

test.describe("embeds", () => {
  let other: http.Server;
  let otherOrigin: string;
  let framed = "";

  test.beforeAll(async () => {
    // Another origin: another host name and port than the suite's server (127.0.0.1).
    other = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(framed);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => other.close(resolve));
  });

  test("an embed shows inside a frame on another origin, and a normal page refuses to", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto("/");
    const codes = await embedCodes(page);
    const bySector = codes.find((c) => c.includes("/embed/dashboard/by-sector"));
    expect(bySector).toBeDefined();
    // The code names the site's absolute address, a title and a height.
    expect(bySector).toMatch(
      new RegExp(
        `^<iframe src="${baseURL!.replace(/[.]/g, "\\.")}/embed/dashboard/by-sector" title="Status by sector" width="600" height="\\d+"`,
      ),
    );
    framed = `<!doctype html><html lang="en"><head><title>Someone else's article</title></head><body>
      <h1>An article</h1>
      ${bySector!.replace("<iframe ", '<iframe id="embed" ')}
      <iframe id="normal" title="The dashboard" src="${baseURL}/" width="600" height="400"></iframe>
    </body></html>`;

    const embedResponse = page.waitForResponse((r) => r.url() === `${baseURL}/embed/dashboard/by-sector`);
    await page.goto(`${otherOrigin}/article`, { waitUntil: "load" });

    const embedHeaders = (await embedResponse).headers();
    expect(embedHeaders["content-security-policy"]).toContain("frame-ancestors *");
    expect(embedHeaders["x-frame-options"]).toBeUndefined();
    const embed = page.frameLocator("#embed");
    await expect(embed.getByRole("heading", { name: "Status by sector" })).toBeVisible();
    await expect(embed.getByRole("link", { name: "CC BY 4.0" })).toBeVisible();
    const back = embed.getByRole("link", { name: "See the full page, the data and the sources" });
    await expect(back).toHaveAttribute("href", "/#chart-by-sector");

    // The normal page is sent refusing every ancestor, and the browser drew none of it in the frame.
    const normalHeaders = (await request.get("/")).headers();
    expect(normalHeaders["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(normalHeaders["x-frame-options"]).toBe("DENY");
    await expect(page.frameLocator("#normal").getByRole("heading", { name: DASHBOARD_H1 })).toHaveCount(0);
    // Chromium replaces a refused frame's document with its own error page.
    const normalFrame = await (await page.locator("#normal").elementHandle())!.contentFrame();
    expect(normalFrame!.url()).toMatch(/^chrome-error:/);

    // The link back opens the chart's page in the reader's window, not inside the frame.
    await back.click();
    await expect(page).toHaveURL(`${baseURL}/#chart-by-sector`);
  });

  test("every embed is under 30 KB of HTML and carries no script", async ({ page, request }) => {
    await page.goto("/");
    const sources = (await embedCodes(page)).map(srcOf);
    await xiaomiCommitment(page);
    const progress = (await embedCodes(page)).map(srcOf);
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatch(/\/embed\/commitments\/\d+\/progress$/);
    await page.goto("/states?measure=investment-usd");
    const map = (await embedCodes(page)).map(srcOf);
    expect(map).toEqual([expect.stringMatching(/\/embed\/states\/map\/investment-usd$/)]);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const src of [...sources, ...progress, ...map]) {
      const response = await request.get(src, { headers: { "accept-encoding": "identity" } });
      expect(response.status(), src).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/html; charset=utf-8");
      const body = await response.body();
      console.log(`${new URL(src).pathname}: ${body.length} bytes of HTML`);
      expect(body.length, src).toBeLessThanOrEqual(EMBED_BUDGET);
      expect(body.toString("utf8")).not.toMatch(/<script/i);
    }
  });

  test("an unknown chart, or an address beside /embed/, is not framable", async ({ request }) => {
    const missing = await request.get("/embed/dashboard/no-such-chart");
    expect(missing.status()).toBe(404);
    const beside = await request.get("/embedded");
    expect(beside.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("an embed and the embed codes pass axe's WCAG A and AA rules", async ({ page }) => {
    const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    for (const path of [
      "/embed/dashboard/by-sector",
      "/embed/dashboard/deadlines",
      "/embed/states/map/commitments",
    ]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
    }
    await page.goto("/");
    for (const summary of await page.getByText("Embed this chart").all()) await summary.click();
    const results = await new AxeBuilder({ page }).include(".chart-panel details").withTags(wcag).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test("the embed code opens and can be read without JavaScript, by keyboard", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    const panel = page.getByRole("region", { name: "Status by sector" });
    const summary = panel.getByText("Embed this chart");
    await summary.focus();
    await page.keyboard.press("Enter");
    const field = panel.getByRole("textbox", { name: EMBED_FIELD });
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute("readonly", "");
    await expect(field).toHaveValue(/^<iframe src="http[^"]+\/embed\/dashboard\/by-sector"/);
    await context.close();
  });
});

test.describe("images and share previews", () => {
  test("each dashboard chart and the progress chart offer a PNG that is one", async ({ page, request }) => {
    await page.goto("/");
    const links = page.getByRole("link", { name: "Download image (PNG)" });
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href") ?? ""));
    await xiaomiCommitment(page);
    hrefs.push((await page.getByRole("link", { name: "Download image (PNG)" }).getAttribute("href")) ?? "");
    for (const href of hrefs) {
      expect(href).toMatch(/^\/charts\/.+\.png$/);
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = await response.body();
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // Twice the chart's 560 units.
      expect(png.readUInt32BE(16)).toBe(1120);
    }
  });

  test("a commitment page names its title and a chart image, which is a 1200×630 PNG", async ({
    page,
    request,
    baseURL,
  }) => {
    const path = await xiaomiCommitment(page);
    const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute("content");
    expect(await meta('property="og:title"')).toBe(`Xiaomi: ${XIAOMI_TARGET}`);
    expect(await meta('property="og:url"')).toBe(`${baseURL}${path}`);
    expect(await meta('property="og:description"')).toBeTruthy();
    const image = await meta('property="og:image"');
    expect(image).toBe(`${baseURL}/charts${path}/progress.card.png`);
    expect(await meta('property="og:image:width"')).toBe("1200");
    expect(await meta('property="og:image:height"')).toBe("630");
    expect(await meta('name="twitter:card"')).toBe("summary_large_image");
    expect(await meta('name="twitter:image"')).toBe(image);

    const response = await request.get(image!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test("the dashboard, a company and a state are shared with a chart image too", async ({
    page,
    request,
  }) => {
    for (const path of ["/", "/companies/xiaomi", "/states/IN-UP"]) {
      await page.goto(path);
      const image = await page.locator('head meta[property="og:image"]').getAttribute("content");
      expect(image, path).toMatch(/^http:\/\/[^/]+\/charts\/.+\.card\.png$/);
      const response = await request.get(image!);
      expect(response.status(), image!).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
  });
});
