import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./support/users";

test.describe("security headers", () => {
  test("a page rendered for one person carries a fresh nonce, and the protective headers", async ({
    page,
  }) => {
    await signIn(page, await createUser("contributor"));
    const first = await page.request.get("/commitments");
    const second = await page.request.get("/commitments");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(first.headers()["cache-control"]).toContain("private");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonceOf(csp)).not.toBe(nonceOf(second.headers()["content-security-policy"] ?? ""));
  });

  test("a page served from the cache names each inline script by hash, and the protective headers", async ({
    request,
  }) => {
    const response = await request.get("/commitments");
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/);
    expect(csp).not.toMatch(/script-src[^;]*(unsafe|nonce)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([^]*?)<\/script>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(inline.length).toBeGreaterThan(0);
    for (const text of inline)
      expect(csp).toContain(`'sha256-${createHash("sha256").update(text).digest("base64")}'`);

    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  for (const who of ["anonymous", "signed in"] as const) {
    test(`a page runs with no CSP violation, ${who}`, async ({ page }) => {
      if (who === "signed in") await signIn(page, await createUser("contributor"));
      const violations: string[] = [];
      page.on("console", (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      const response = await page.goto("/commitments/1");
      const csp = response?.headers()["content-security-policy"] ?? "";
      // The chart is drawn by client-side JavaScript, so it appears only if the scripts were allowed.
      await expect(page.locator(".chart-box .recharts-wrapper > svg.recharts-surface")).toBeVisible();
      const inlineNonces = await page
        .locator("script:not([src])")
        .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
      expect(inlineNonces.length).toBeGreaterThan(0);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      if (who === "signed in") for (const n of inlineNonces) expect(n).toBe(nonce);
      else expect(nonce).toBeUndefined();
      expect(violations).toEqual([]);
    });
  }

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
