import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startWatching } from "@/db/mutations/watches";
import { commitmentPayload, read, uniqueWord } from "./support/cache";
import { publish } from "./support/publish";
import { createUser, e2eDb, signIn } from "./support/users";

// Nothing personal is cached for someone else (issue 11). A reviewer who watches a commitment
// visits public pages first, so that anything of theirs the cache kept would be what it serves
// next; then a reader with no cookies reads the same addresses and must find no trace of them.
// The commitment is published by the test, which empties the cache (and so the spec publishes).

// Several sign-ins and page loads each: on a loaded 2-core machine they take longer than 30 s.
test.describe.configure({ timeout: 90_000 });

test("after a reviewer's visit, an anonymous reader of the same pages sees no trace of them", async ({
  page,
  browser,
  baseURL,
}) => {
  const reviewer = await createUser("reviewer", `Priya Pillai ${crypto.randomInt(1e6)}`);
  const title = `Assemble hearing aids ${uniqueWord("privacy")}`;
  const id = publish(
    await createUser("contributor"),
    await createUser("reviewer"),
    "commitment",
    commitmentPayload("xiaomi", title),
  );
  startWatching(e2eDb(), { userId: reviewer.id, target: { kind: "commitment", id } });
  const paths = ["/", `/commitments/${id}`, "/deadlines"];

  await signIn(page, reviewer);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.headers()["cache-control"], path).toMatch(/^private\b/);
    expect(response?.headers()["x-tracker-cache"], path).toBeUndefined();
    await expectSignedIn(page, reviewer.name);
    // The router's own requests for the page, with the session, are personal too.
    const rsc = await page.request.get(path, { headers: { rsc: "1" } });
    expect(rsc.headers()["x-tracker-cache"], `${path} as RSC`).toBeUndefined();
    expect(await rsc.text()).toContain(reviewer.name);
  }
  await page.goto(`/commitments/${id}`);
  await expect(page.getByRole("button", { name: `Stop watching ${title}`, exact: true })).toBeVisible();

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  const traces = [
    reviewer.name,
    reviewer.email,
    reviewer.id,
    "Sign out",
    "Account (",
    "Stop watching",
    "You are watching",
  ];
  for (const path of paths) {
    const response = await reader.goto(path);
    expect(response?.headers()["cache-control"], path).toMatch(/^public, /);
    expect(["HIT", "MISS"], path).toContain(response?.headers()["x-tracker-cache"]);
    const html = await response!.text();
    for (const trace of traces) expect(html, `${path} mentions "${trace}"`).not.toContain(trace);
    const nav = reader.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Create account" })).toHaveAttribute("href", "/sign-up");
    for (const personal of ["Review", "Watching", "Submit", /^Account/])
      await expect(nav.getByRole("link", { name: personal }), `${path}: ${personal}`).toHaveCount(0);
    await expect(reader.getByRole("button", { name: /watch/i })).toHaveCount(0);

    // What the router fetches for the page, and the page itself, read with no browser at all.
    const variants: Record<string, string>[] = [{}, { rsc: "1" }];
    for (const headers of variants) {
      const bare = await read(baseURL + path, headers);
      for (const trace of traces)
        expect(bare.body, `${path} ${JSON.stringify(headers)}`).not.toContain(trace);
    }
  }
  await reader.goto(`/commitments/${id}`);
  await expect(reader.getByRole("link", { name: `Sign in to watch ${title}` })).toBeVisible();
  await anonymous.close();
});

async function expectSignedIn(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: `Account (${name})` })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Review" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Watching" })).toBeVisible();
}
