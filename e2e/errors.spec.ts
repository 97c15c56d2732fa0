import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";

test.describe("errors", () => {
  test("a server error shows plain words and the request id, never a stack trace", async ({ page }) => {
    const response = await page.goto("/test-error");
    expect(response?.status()).toBe(500);
    const requestId = response?.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(page.locator("main")).toContainText(`Reference: ${requestId}`);
    await expect(page.locator("body")).not.toContainText("Deliberate failure");
    await expect(page.locator("body")).not.toContainText(/\bat .*\.(js|ts):\d+/);
  });

  test("an unknown address is a 404 page in plain words", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("server actions refuse forged origins", () => {
  // The sign-up action posted as React sends it without a form: its arguments as JSON text. The
  // only difference between the accepted and the refused requests is the Origin header.
  async function postSignUp(request: APIRequestContext, origin: string) {
    const html = await (await request.get("/sign-up")).text();
    const actionId = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
    expect(actionId).toBeTruthy();
    return request.post("/sign-up", {
      headers: { "next-action": actionId!, origin, "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ status: "idle", errors: {}, values: {} }, "$K1"]),
    });
  }

  for (const origin of ["null", "https://evil.example"]) {
    test(`an action posted with Origin: ${origin} is refused with 403`, async ({ request }) => {
      const response = await postSignUp(request, origin);
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain("sent from another site");
    });
  }

  test("the same request from the site's own origin reaches the action", async ({ request, baseURL }) => {
    const response = await postSignUp(request, new URL(baseURL!).origin);
    expect(response.status()).toBe(200);
    // The action ran and validated the (empty) form.
    expect(await response.text()).toContain("Email is required");
  });
});

test.describe("rate limits", () => {
  test("repeated failed sign-ins are answered with a message to wait", async ({ page }) => {
    const email = `someone-${crypto.randomUUID()}@example.in`;
    await page.goto("/sign-in");
    let sawLimit = false;
    for (let i = 0; i < 12 && !sawLimit; i++) {
      // React resets the form once an action's answer is rendered: wait for it before typing again.
      if (i > 0) await expect(page.getByLabel("Password")).toHaveValue("");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/sign-in")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      const alert = page.getByRole("alert").filter({ hasText: /Too many attempts|not right/ });
      await expect(alert).toBeVisible();
      sawLimit = /Too many attempts/.test((await alert.textContent()) ?? "");
    }
    expect(sawLimit).toBe(true);
    await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toContainText(
      /wait \d+ (seconds?|minutes?)/,
    );
  });

  test("the auth API answers 429 when sign-in is hammered", async ({ request }) => {
    const email = `api-${crypto.randomUUID()}@example.in`;
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const r = await request.post("/api/auth/sign-in/email", {
        data: { email, password: `wrong ${i}` },
        headers: { origin: new URL(test.info().project.use.baseURL!).origin },
      });
      statuses.push(r.status());
    }
    expect(statuses).toContain(429);
    expect(statuses.some((s) => s >= 500)).toBe(false);
  });
});
