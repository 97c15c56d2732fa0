import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  test("pages carry a nonce-based CSP and the protective headers, and no X-Powered-By", async ({
    request,
  }) => {
    const first = await request.get("/commitments");
    const second = await request.get("/commitments");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonceOf(csp)).not.toBe(nonceOf(second.headers()["content-security-policy"] ?? ""));

    const headers = first.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("every script on a page carries the nonce, and the page runs with no CSP violation", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    const response = await page.goto("/commitments/1");
    const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    // The chart is drawn by client-side JavaScript, so it appears only if the scripts were allowed.
    await expect(page.locator(".chart-box .recharts-wrapper > svg.recharts-surface")).toBeVisible();
    const inlineScripts = await page
      .locator("script:not([src])")
      .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const n of inlineScripts) expect(n).toBe(nonce);
    expect(violations).toEqual([]);
  });

  test("an upstream request id is kept only when it is a plain token", async ({ request }) => {
    const kept = await request.get("/commitments", { headers: { "x-request-id": "abc12345-trace" } });
    expect(kept.headers()["x-request-id"]).toBe("abc12345-trace");
    const replaced = await request.get("/commitments", { headers: { "x-request-id": "bad id <script>" } });
    expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a malformed percent-encoding in the address is a 400, not a 500", async ({ request }) => {
    for (const path of [
      "/commitments/%E0%A4",
      "/api/v1/commitments/%E0%A4",
      "/companies/%E0%A4",
      "/states/%E0%A4",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
    }
  });
});
