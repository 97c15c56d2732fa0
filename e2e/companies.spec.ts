import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe("company list", () => {
  test("lists the companies with their counts, and passes an accessibility check", async ({ page }) => {
    await page.goto("/companies");
    await expect(page.getByRole("heading", { level: 1, name: "Companies" })).toBeVisible();
    const table = page.getByRole("table", { name: /All companies/ });
    for (const name of ["Xiaomi", "Optiemus Electronics Limited", "Foxconn", "Tesla"]) {
      await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
    }
    const xiaomi = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Xiaomi", exact: true }) });
    await expect(xiaomi.getByRole("cell").nth(2)).toHaveText("2"); // commitments
    await expect(xiaomi.getByRole("cell").nth(4)).toHaveText("1"); // partnerships
    await expect(xiaomi).toContainText("Xiaomi to make wireless audio products in India");
    await expectNoSeriousA11yViolations(page);
  });

  test("search is a GET form: submitting it puts ?q= in the address and finds Optiemus", async ({
    browser,
  }) => {
    // No JavaScript at all: the form must work as plain HTML.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/companies");
    const search = page.getByRole("search");
    await search.getByLabel("Search companies by name").fill("optiemus");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/companies\?q=optiemus$/);
    await expect(page.getByLabel("Search companies by name")).toHaveValue("optiemus");
    await expect(page.getByText("1 company matches “optiemus”")).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2); // header and Optiemus
    await expect(rows.nth(1)).toContainText("Optiemus Electronics Limited");
    await context.close();
  });

  test("finds nothing for a wildcard, and says so", async ({ page }) => {
    await page.goto("/companies?q=%25");
    await expect(page.getByText("0 companies match “%”")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("is usable with the keyboard: the search field, then its button", async ({ page }) => {
    await page.goto("/companies");
    await page.getByLabel("Search companies by name").focus();
    await page.keyboard.type("xiao");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Search" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?q=xiao$/);
    await expect(page.getByRole("table").getByRole("link", { name: "Xiaomi", exact: true })).toBeVisible();
  });
});

test.describe("company page", () => {
  test("Xiaomi's page shows its overdue target and Optiemus as its partner, with sources", async ({
    page,
  }) => {
    await page.goto("/companies");
    await page.getByRole("link", { name: "Xiaomi", exact: true }).click();
    await expect(page).toHaveURL(/\/companies\/xiaomi$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xiaomi");

    const commitments = page.getByRole("table", { name: /Commitments of Xiaomi/ });
    const target = commitments.getByRole("row").filter({ hasText: "50 per cent increase" });
    await expect(target).toContainText("by 2025");
    await expect(target).toContainText("Overdue, unverified");
    await expect(target).toContainText("Announced");

    const partnerships = page.getByRole("table", { name: /Partnerships of Xiaomi/ });
    const row = partnerships.getByRole("row").filter({ hasText: "Wireless audio" });
    await expect(row.getByRole("link", { name: "Optiemus Electronics Limited" })).toHaveAttribute(
      "href",
      "/companies/optiemus-electronics",
    );
    await expect(row).toContainText("Optiemus Electronics factory, Noida, Uttar Pradesh");
    await expect(
      row.getByRole("link", {
        name: "Xiaomi partners with Optiemus to manufacture wireless audio products in India",
      }),
    ).toHaveAttribute("href", /^https:\/\/www\.businesstoday\.in\//);

    await expect(page.getByRole("heading", { level: 2, name: "Sources" })).toBeVisible();
    await expect(page.getByText("Reuters (republished by Nasdaq)").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("Optiemus's page shows Xiaomi as the brand, and the Noida facility in Uttar Pradesh", async ({
    page,
  }) => {
    await page.goto("/companies/optiemus-electronics");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Optiemus Electronics Limited");
    const partnerships = page.getByRole("table", { name: /Partnerships of Optiemus/ });
    await expect(partnerships.getByRole("link", { name: "Xiaomi", exact: true })).toHaveAttribute(
      "href",
      "/companies/xiaomi",
    );

    const facilities = page.getByRole("table", { name: /Facilities operated by Optiemus/ });
    const noida = facilities.getByRole("row").filter({ hasText: "Optiemus Electronics factory, Noida" });
    await expect(noida.getByRole("link", { name: "Uttar Pradesh" })).toHaveAttribute("href", "/states/IN-UP");
    await expect(noida).toContainText("Operational");
    await expect(page.getByText("No commitment is published for this company.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("Foxconn's land in Karnataka is shown in US dollars with Indian grouping, unlike Tesla's talks", async ({
    page,
  }) => {
    await page.goto("/companies/foxconn");
    const land = page
      .getByRole("table", { name: /Facilities operated by Foxconn/ })
      .getByRole("row")
      .filter({ hasText: "Bengaluru" });
    await expect(land.getByRole("link", { name: "Karnataka" })).toBeVisible();
    await expect(land).toContainText("Land acquired");
    // The facility name is the row header; the cells are city, state, stage, investment, announced.
    await expect(land.getByRole("cell").nth(3)).toHaveText("US$3,70,00,000 (US$3.7 crore)");
    await expect(page.getByRole("table", { name: /Commitments of Foxconn/ })).toContainText(
      "Agreement signed or land acquired",
    );

    await page.goto("/companies/tesla");
    await expect(page.getByRole("table", { name: /Commitments of Tesla/ })).toContainText("In talks");
    await expect(page.getByText("No facility operated by this company is published.")).toBeVisible();
  });

  test("an unknown or malformed slug is a 404 page", async ({ page }) => {
    for (const path of [
      "/companies/no-such-company",
      "/companies/Xiaomi",
      "/companies/a_b",
      `/companies/${"x".repeat(81)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});

test.describe("companies API", () => {
  test("lists companies with counts and pagination totals, and searches", async ({ request }) => {
    const response = await request.get("/api/v1/companies");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const body = await response.json();
    expect(body.pagination).toEqual({ page: 1, per_page: 25, total: 4, total_pages: 1 });
    const xiaomi = body.data.find((c: { slug: string }) => c.slug === "xiaomi");
    expect(xiaomi).toMatchObject({
      name: "Xiaomi",
      kind: "brand",
      hq_country: "CN",
      url: "/companies/xiaomi",
      withdrawn: null,
      counts: { commitments: 2, facilities: 0, partnerships: 1 },
    });
    expect(xiaomi.sources[0].url).toMatch(/^https:\/\//);

    const found = await (await request.get("/api/v1/companies?q=OPTIEMUS&per_page=1")).json();
    expect(found.data.map((c: { slug: string }) => c.slug)).toEqual(["optiemus-electronics"]);
    expect(found.links.self).toBe("/api/v1/companies?q=OPTIEMUS&page=1&per_page=1");
  });

  test("pages", async ({ request }) => {
    const first = await (await request.get("/api/v1/companies?per_page=3")).json();
    const second = await (await request.get(first.links.next)).json();
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(1);
    expect(second.links.next).toBeNull();
  });

  test("gives one company with commitments, partnerships from its side, facilities and sources", async ({
    request,
  }) => {
    const response = await request.get("/api/v1/companies/optiemus-electronics");
    expect(response.status()).toBe(200);
    const { data } = await response.json();
    expect(data.partnerships[0]).toMatchObject({
      role: "partner",
      counterpart: { slug: "xiaomi", name: "Xiaomi" },
      product_categories: ["Wireless audio"],
    });
    expect(data.facilities[0]).toMatchObject({
      name: "Optiemus Electronics factory, Noida",
      state: { code: "IN-UP", name: "Uttar Pradesh" },
      stage: "operational",
    });

    const xiaomi = (await (await request.get("/api/v1/companies/xiaomi")).json()).data;
    expect(xiaomi.commitments_pagination.total).toBe(2);
    const target = xiaomi.commitments.find((c: { target: { value: number } }) => c.target.value === 50);
    expect(target.status.code).toBe("overdue_unverified");
    expect(xiaomi.partnerships[0]).toMatchObject({
      role: "brand",
      counterpart: { slug: "optiemus-electronics" },
    });
  });

  test("an unknown slug is a 404 in JSON", async ({ request }) => {
    const response = await request.get("/api/v1/companies/no-such-company");
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });

  const badRequests: [string, string][] = [
    ["/api/v1/companies?page=0", "page"],
    ["/api/v1/companies?per_page=101", "per_page"],
    ["/api/v1/companies?per_page=abc", "per_page"],
    [`/api/v1/companies?q=${"x".repeat(101)}`, "q"],
    ["/api/v1/companies?sort=name", "sort"],
    ["/api/v1/companies/Xiaomi", "slug"],
    ["/api/v1/companies/xiaomi?page=-1", "page"],
    ["/api/v1/companies/xiaomi?include=all", "include"],
    ["/api/v1/companies.csv?page=1", "page"],
    ["/api/v1/facilities?state=IN-ZZ", "state"],
    ["/api/v1/facilities?state=UP", "state"],
    ["/api/v1/facilities?stage=built", "stage"],
    ["/api/v1/facilities?company=no-such-company", "company"],
    ["/api/v1/facilities?company=Bad%20Slug", "company"],
    ["/api/v1/facilities?operator=foxconn", "operator"],
    ["/api/v1/facilities.csv?per_page=5", "per_page"],
    ["/api/v1/facilities.csv?state=IN-ZZ", "state"],
    ["/api/v1/partnerships?company=no-such-company", "company"],
    ["/api/v1/partnerships?brand=xiaomi", "brand"],
    ["/api/v1/partnerships.csv?company=", "company"],
  ];
  for (const [path, parameter] of badRequests) {
    test(`a bad parameter is a 400 naming it: ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "invalid_parameter", parameter });
    });
  }
});

test.describe("facilities and partnerships API", () => {
  test("filters facilities by state, company and stage", async ({ request }) => {
    const all = await (await request.get("/api/v1/facilities")).json();
    expect(all.pagination.total).toBe(2);
    const up = await (await request.get("/api/v1/facilities?state=in-up&stage=operational")).json();
    expect(up.data.map((f: { name: string }) => f.name)).toEqual(["Optiemus Electronics factory, Noida"]);
    const foxconn = await (await request.get("/api/v1/facilities?company=foxconn")).json();
    expect(foxconn.data[0]).toMatchObject({
      operator: { slug: "foxconn" },
      state: { code: "IN-KA", name: "Karnataka" },
      investment: { amount: 37000000, currency: "USD", label: "US$3,70,00,000 (US$3.7 crore)" },
    });
    const none = await (await request.get("/api/v1/facilities?state=IN-TN")).json();
    expect(none.data).toEqual([]);
  });

  test("finds the partnership from either company", async ({ request }) => {
    for (const slug of ["xiaomi", "optiemus-electronics"]) {
      const body = await (await request.get(`/api/v1/partnerships?company=${slug}`)).json();
      expect(body.pagination.total, slug).toBe(1);
      expect(body.data[0]).toMatchObject({
        brand: { slug: "xiaomi" },
        partner: { slug: "optiemus-electronics" },
      });
    }
    const tesla = await (await request.get("/api/v1/partnerships?company=tesla")).json();
    expect(tesla.data).toEqual([]);
  });
});

test.describe("CSV exports", () => {
  const csvLines = async (response: { text(): Promise<string> }) => (await response.text()).split("\r\n");

  test("companies: content type, citation line, header and a row per company", async ({ request }) => {
    const response = await request.get("/api/v1/companies.csv?q=o");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="companies-2026-11-25.csv"');
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const lines = await csvLines(response);
    expect(lines[0]).toMatch(
      /^"Make in India localisation tracker, ""Companies"", http:\/\/[^,]+\/api\/v1\/companies\.csv\?q=o, retrieved 2026-11-25\. Licence: CC BY 4\.0/,
    );
    expect(lines[1]).toBe(
      "slug,name,kind,hq_country,website,commitments,facilities,partnerships,withdrawn_on,withdrawn_reason,source_urls",
    );
    // "o" is in Xiaomi, Optiemus, Foxconn; not in Tesla. All rows, then the final line end.
    expect(lines.slice(2, -1).map((l) => l.split(",")[0])).toEqual([
      "foxconn",
      "optiemus-electronics",
      "xiaomi",
    ]);
    expect(lines.at(-1)).toBe("");
  });

  test("facilities: every matching row, unpaginated, with the same filters as the JSON", async ({
    request,
  }) => {
    const all = await csvLines(await request.get("/api/v1/facilities.csv"));
    expect(all).toHaveLength(2 + 2 + 1);
    const ka = await csvLines(await request.get("/api/v1/facilities.csv?state=IN-KA"));
    expect(ka[0]).toContain("/api/v1/facilities.csv?state=IN-KA, retrieved 2026-11-25");
    expect(ka).toHaveLength(2 + 1 + 1);
    expect(ka[2]).toMatch(
      /,Foxconn land on the outskirts of Bengaluru,foxconn,Foxconn,Bengaluru,IN-KA,Karnataka,IN-KA,land_acquired,37000000,USD,/,
    );
  });

  test("partnerships: a row per partnership", async ({ request }) => {
    const response = await request.get("/api/v1/partnerships.csv?company=optiemus-electronics");
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = await csvLines(response);
    expect(lines[1]).toMatch(/^id,brand_slug,brand_name,partner_slug,partner_name,product_categories,/);
    expect(lines.slice(2, -1)).toHaveLength(1);
    expect(lines[2]).toContain(
      ",xiaomi,Xiaomi,optiemus-electronics,Optiemus Electronics Limited,Wireless audio,",
    );
  });
});
