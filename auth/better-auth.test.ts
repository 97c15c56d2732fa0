import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// better-auth's verification flow as configured in ./better-auth.ts, on a real SQLite file: what
// a sign-up queues, what a sign-up with a taken address answers, and where the link leads.
// getAuth() and getDb() read their settings on first use, so they are set before the import.

const SITE = "http://127.0.0.1:3000";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-auth-"));
process.env.DATABASE_URL = path.join(dir, "auth.db");
process.env.BETTER_AUTH_URL = SITE;
process.env.TRACKER_ORIGIN = "https://tracker.example.in";

const { getAuth } = await import("./better-auth");
const { getDb } = await import("@/db");
const { outbox, users } = await import("@/db/schema");

const PASSWORD = "monsoon kite paper lantern";
const request = (pathAndQuery: string, init: RequestInit = {}) =>
  getAuth().handler(new Request(`${SITE}${pathAndQuery}`, init));
const verificationMail = () =>
  getDb().select().from(outbox).where(eq(outbox.kind, "email_verification")).all();
const signUp = (name: string, email: string, password = PASSWORD) =>
  getAuth().api.signUpEmail({ body: { name, email, password }, headers: new Headers() });

beforeAll(async () => {
  await signUp("Asha <b>New</b>", "asha@example.in");
});
afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sign-up and the confirmation link", () => {
  it("queues one message with an absolute link to better-auth's endpoint, landing on our page", () => {
    const [mail] = verificationMail();
    expect(mail).toMatchObject({ recipient: "asha@example.in", subject: "Confirm your email address" });
    expect(mail?.textBody).toMatch(
      /Confirm your email address: https:\/\/tracker\.example\.in\/api\/auth\/verify-email\?token=[\w.-]+&callbackURL=%2Femail-verified\n/,
    );
    expect(mail?.htmlBody).toContain("<bdi>Asha &lt;b&gt;New&lt;/b&gt;</bdi>");
  });

  it("answers a sign-up with a taken address like a new one, without a session or a message", async () => {
    const fresh = await signUp("Ravi", "ravi@example.in");
    const taken = await signUp("Someone Else", "asha@example.in", "another long passphrase");
    for (const answer of [fresh, taken]) {
      expect(answer.token).toBeNull();
      expect(Object.keys(answer.user).sort()).toEqual(Object.keys(fresh.user).sort());
      expect(answer.user.emailVerified).toBe(false);
    }
    expect(verificationMail().map((m) => m.recipient)).toEqual(["asha@example.in", "ravi@example.in"]);
    expect(getDb().select().from(users).where(eq(users.email, "asha@example.in")).all()).toHaveLength(1);
  });

  it("lets an unconfirmed person sign in", async () => {
    const res = await getAuth().api.signInEmail({
      body: { email: "asha@example.in", password: PASSWORD },
      headers: new Headers(),
    });
    expect(res.user.emailVerified).toBe(false);
  });

  it("confirms the address and signs the person in through the link, then sends them to /email-verified", async () => {
    const link = new URL(verificationMail()[0]!.textBody.match(/https:\/\/\S+verify-email\S+/)![0]);
    const res = await request(`${link.pathname}${link.search}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/email-verified");
    expect(res.headers.get("set-cookie")).toMatch(/better-auth\.session_token=/);
    const row = getDb().select().from(users).where(eq(users.email, "asha@example.in")).get();
    expect(row?.emailVerified).toBe(true);
  });

  it("sends a link that is not valid back to our page with the reason", async () => {
    const res = await request("/api/auth/verify-email?token=not-a-token&callbackURL=%2Femail-verified");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/email-verified?error=INVALID_TOKEN");
  });

  it("sends the link again to a signed-in person whose address is not confirmed", async () => {
    const signIn = await request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: SITE },
      body: JSON.stringify({ email: "ravi@example.in", password: PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    // A token is signed to the second: a request in the second of the sign-up would repeat it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = verificationMail().length;
    await getAuth().api.sendVerificationEmail({
      body: { email: "ravi@example.in", callbackURL: "/email-verified" },
      headers: new Headers({ cookie }),
    });
    expect(
      verificationMail()
        .map((m) => m.recipient)
        .slice(before),
    ).toEqual(["ravi@example.in"]);
  });
});
