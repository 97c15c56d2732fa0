import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { digestFrequencies } from "@/db/queries/digests";
import { addPeople, type People } from "@/db/testing/fixtures";
import { unsubscribeLink, unsubscribeToken } from "@/lib/mail/unsubscribe";
import { tempDatabase } from "@/lib/testing/temp-db";
import { GET, POST } from "./route";

// Issue 13: a digest's one-click unsubscribe works without a session (RFC 8058): a POST with the
// signed token turns that digest off and answers 200; opening the link changes nothing.

const SECRET = "route test secret";
const ORIGIN = "https://tracker.example.in";

let db: Db;
let cleanup: () => void;
let people: People;
const saved = { url: process.env.DATABASE_URL, secret: process.env.BETTER_AUTH_SECRET };
beforeAll(() => {
  let file: string;
  ({ db, file, cleanup } = tempDatabase());
  // The route opens the database and reads the secret as the server does.
  process.env.DATABASE_URL = file;
  process.env.BETTER_AUTH_SECRET = SECRET;
  people = addPeople(db);
});
afterAll(() => {
  process.env.DATABASE_URL = saved.url;
  process.env.BETTER_AUTH_SECRET = saved.secret;
  cleanup();
});

const linkFor = (userId: string, kind: "deadline_digest" | "watch_digest", secret = SECRET) =>
  unsubscribeLink(ORIGIN, unsubscribeToken(secret, userId, kind));

/** A mail client's one-click POST: no cookie, another site's origin, the RFC 8058 body. */
const oneClick = (link: string) =>
  new Request(link, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.com" },
    body: "List-Unsubscribe=One-Click",
  });

/** The link with its signature's last character changed: always changed, whatever it was. */
const tamper = (link: string) => link.replace(/.$/, (last) => (last === "A" ? "B" : "A"));

describe("/unsubscribe", () => {
  it("shows a button on GET, and unsubscribes nobody", async () => {
    const link = linkFor(people.reviewer, "deadline_digest");
    const response = GET(new Request(link));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain("<h1>Unsubscribe</h1>");
    expect(html).toContain("Stop sending you the digest of deadlines by email?");
    expect(html).toContain(`<form method="post" action="/unsubscribe?token=`);
    expect(html).toContain('<button type="submit">Unsubscribe</button>');
    expect(digestFrequencies(db, people.reviewer).deadline_digest).toBe("weekly");
  });

  it("turns the digest off on a POST without any session, and answers 200", async () => {
    const response = POST(oneClick(linkFor(people.reviewer, "deadline_digest")));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You will no longer receive the digest of deadlines.");
    // Only that digest, only that person.
    expect(digestFrequencies(db, people.reviewer)).toEqual({
      deadline_digest: "off",
      watch_digest: "weekly",
    });
    expect(digestFrequencies(db, people.admin).deadline_digest).toBe("weekly");
    // Again: still 200, still off.
    expect(POST(oneClick(linkFor(people.reviewer, "deadline_digest"))).status).toBe(200);
  });

  it.each([
    ["signed with another secret", () => linkFor(people.admin, "watch_digest", "another secret"), 400],
    ["without a token", () => `${ORIGIN}/unsubscribe`, 400],
    ["with a tampered token", () => tamper(linkFor(people.admin, "watch_digest")), 400],
    // Signed, so only the server could have made it; the page shows, the POST finds nobody.
    ["for nobody who exists", () => linkFor("no-such-person", "watch_digest"), 200],
  ])("refuses a link %s, changing nothing", async (_name, link, pageStatus) => {
    const response = POST(oneClick(link()));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This link does not work");
    expect(GET(new Request(link())).status).toBe(pageStatus);
    expect(digestFrequencies(db, people.admin).watch_digest).toBe("weekly");
  });
});
