import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./support/users";

test.describe("accounts", () => {
  test("a person signs up; a common password is refused with the rest of the form kept", async ({ page }) => {
    const email = `meera-${crypto.randomUUID()}@example.in`;
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Meera Iyer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();

    const password = page.getByLabel("Password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#password-error")).toContainText("most commonly used");
    await expect(page.getByLabel("Name")).toHaveValue("Meera Iyer");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByRole("link", { name: /Password: This password/ })).toBeVisible();

    await password.fill("monsoon mangoes in noida");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(/Contributor: you can propose records/)).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("a wrong password is refused in words that do not reveal whether the account exists", async ({
    page,
  }) => {
    const user = await createUser("contributor");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email or password is not right" })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
  });

  test("a contributor cannot manage roles; an admin can", async ({ page, browser }) => {
    const contributor = await createUser("contributor");
    const admin = await createUser("admin");
    await signIn(page, contributor);
    await page.goto("/admin/users");
    await expect(page.getByText("does not have permission")).toBeVisible();
    await expect(page.getByRole("combobox")).toHaveCount(0);

    const adminPage = await (await browser.newContext()).newPage();
    await signIn(adminPage, admin);
    await adminPage.goto("/admin/users");
    await adminPage.getByLabel(`Role for ${contributor.name}`).selectOption("reviewer");
    await adminPage
      .getByRole("row")
      .filter({ hasText: contributor.email })
      .getByRole("button", { name: "Change role" })
      .click();
    await expect(adminPage.getByRole("status").filter({ hasText: "Role changed to reviewer" })).toBeVisible();

    // The new role applies at once, without signing in again.
    await page.goto("/account");
    await expect(page.getByText(/Reviewer: you decide what is published/)).toBeVisible();
  });
});
