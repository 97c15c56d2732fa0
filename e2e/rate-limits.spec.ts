import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import { submissions } from "@/db/schema";
import { hiddenActionFields, postActionForm } from "@/lib/testing/action-post";
import { startServer, type OwnServer } from "./support/server";

// Per-address limits key on the address the server can vouch for, not on an X-Forwarded-For the
// client wrote (docs/decisions/0013); and the per-person submission limit stops the proposal that
// exceeds it, telling the person when to try again, while keeping the ones before it.

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

// Not behind a proxy (the default), with a submission limit low enough to reach in a browser.
const DIRECT = { port: 3320, db: ".e2e-data/rate-direct.db", limit: 3 };
// Behind one trusted proxy: the rightmost X-Forwarded-For hop is the client.
const PROXIED = { port: 3321, db: ".e2e-data/rate-proxied.db" };

let direct: OwnServer;
let proxied: OwnServer;

const fresh = (file: string) => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return file;
};

test.beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startServer(DIRECT.port, fresh(DIRECT.db), { TRACKER_SUBMISSIONS_PER_10_MIN: String(DIRECT.limit) }),
    startServer(PROXIED.port, fresh(PROXIED.db), { TRACKER_TRUSTED_PROXY_HOPS: "1" }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

const forged = (i: number) => `198.51.100.${(i % 250) + 1}`;

async function apiSignIn(base: string, email: string, forwardedFor: string) {
  const r = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email, password: "not the password at all" }),
  });
  return { status: r.status, body: await r.text(), retryAfter: r.headers.get("x-retry-after") };
}

/** Posts the sign-in form without JavaScript and returns the message the page shows. */
async function formSignIn(base: string, email: string, forwardedFor: string): Promise<string> {
  const hidden = hiddenActionFields(await (await fetch(`${base}/sign-in`)).text());
  const r = await postActionForm(
    `${base}/sign-in`,
    hidden,
    [
      ["email", email],
      ["password", "not the password at all"],
    ],
    { "x-forwarded-for": forwardedFor },
  );
  expect(r.status).toBe(200);
  const html = await r.text();
  // The message in the page's alert (the same words also travel in the form's hidden state).
  const alert = /role="alert">([^<]*)</.exec(html)?.[1] ?? "";
  return alert.includes("is not right") ? "not right" : alert;
}

test("a forged X-Forwarded-For does not escape the sign-in form's limit", async ({ baseURL }) => {
  const email = `spoof-${crypto.randomUUID()}@example.in`;
  const answers: string[] = [];
  for (let i = 0; i < 12; i++) answers.push(await formSignIn(baseURL!, email, forged(i)));
  // The form allows ten tries a minute per address and email; each try claimed a new address.
  expect(answers.slice(0, 10)).toEqual(Array(10).fill("not right"));
  expect(answers[10]).toMatch(/^Too many attempts\. Please wait \d+ (seconds?|minutes?) and try again\.$/);
});

test("a forged X-Forwarded-For does not escape better-auth's limit: 429 with words", async () => {
  const email = `spoof-api-${crypto.randomUUID()}@example.in`;
  const answers = [];
  for (let i = 0; i < 12; i++) answers.push(await apiSignIn(direct.url, email, forged(i)));
  expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
  const limited = answers[10]!;
  expect(limited.status).toBe(429);
  expect(JSON.parse(limited.body).message).toBe("Too many requests. Please try again later.");
  expect(Number(limited.retryAfter)).toBeGreaterThan(0);
});

test("behind a trusted proxy, the addresses it supplies are limited separately", async () => {
  const email = `proxied-${crypto.randomUUID()}@example.in`;
  // The proxy appends the address it saw; whatever the client put to the left of it is ignored.
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++)
    statuses.push((await apiSignIn(proxied.url, email, `${forged(i)}, 203.0.113.7`)).status);
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  // Another client behind the same proxy has its own count.
  expect((await apiSignIn(proxied.url, email, "203.0.113.8")).status).toBe(401);
  expect((await apiSignIn(proxied.url, email, `203.0.113.7, 203.0.113.9`)).status).toBe(401);
  expect((await apiSignIn(proxied.url, email, "203.0.113.7")).status).toBe(429);

  // The sign-in form's own limit (per address and email) follows the same address.
  const formEmail = `proxied-form-${crypto.randomUUID()}@example.in`;
  const answers: string[] = [];
  for (let i = 0; i < 11; i++)
    answers.push(await formSignIn(proxied.url, formEmail, `${forged(i)}, 203.0.113.20`));
  expect(answers[10]).toMatch(/^Too many attempts/);
  expect(await formSignIn(proxied.url, formEmail, "203.0.113.21")).toBe("not right");
});

test("a proposal over the submission limit is refused in words, and not stored", async ({ page }) => {
  const db: Db = openDatabase(DIRECT.db, { migrate: false, seed: false });
  const email = `limited-${crypto.randomUUID()}@example.in`;
  const password = "rate limit passphrase for a contributor";
  const { id: userId } = await createUserWithPassword(db, {
    name: "Limited Contributor",
    email,
    password,
    role: "contributor",
  });
  try {
    await page.goto(`${direct.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "Account (Limited Contributor)" })).toBeVisible();

    const propose = async (value: number) => {
      await page.goto(`${direct.url}/submit/progress?commitment=1`);
      await page.getByLabel("Date of the value").fill("2026-03-31");
      await page.getByLabel("Value", { exact: true }).fill(String(value));
      await page.getByLabel("Note").fill(`Rate limit probe ${value}`);
      await page.locator("#sources-0-url").fill(`https://example.com/rate/${value}`);
      await page.locator("#sources-0-title").fill("Rate report");
      await page.locator("#sources-0-publisher").fill("Example News");
      await page.locator("#sources-0-kind").selectOption("news");
      await page.locator("#sources-0-published_on").fill("2026-04-01");
      await page.locator("#sources-0-excerpt").fill("A value was reported.");
      await page.getByRole("button", { name: "Send for review" }).click();
    };
    for (let n = 1; n <= DIRECT.limit; n++) {
      await propose(n);
      await expect(page).toHaveURL(/\/account\/submissions\?submitted=\d+$/);
    }
    await propose(99);
    const alert = page.getByRole("alert").filter({ hasText: "Too many attempts" });
    await expect(alert).toHaveText(
      /^Too many attempts\. Please wait (10 minutes|\d+ seconds?) and try again\.$/,
    );
    await expect(page).toHaveURL(/\/submit\/progress/);
    // What the person typed is still there, to send once the wait is over.
    await expect(page.getByLabel("Value", { exact: true })).toHaveValue("99");
    await expect(page.getByLabel("Note")).toHaveValue("Rate limit probe 99");

    const notes = db
      .select({ payload: submissions.payload })
      .from(submissions)
      .where(eq(submissions.submittedById, userId))
      .all()
      .map((s) => (s.payload as { note?: string }).note)
      .sort();
    expect(notes).toEqual(["Rate limit probe 1", "Rate limit probe 2", "Rate limit probe 3"]);
  } finally {
    db.$client.close();
  }
});
