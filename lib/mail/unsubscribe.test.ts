import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeHeaders, unsubscribeLink, unsubscribeToken } from "./unsubscribe";

const SECRET = "test-secret-of-thirty-two-characters";

describe("unsubscribe tokens", () => {
  const token = unsubscribeToken(SECRET, "user-1", "deadline_digest");

  it("reads back who and which digest", () => {
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: "user-1", kind: "deadline_digest" });
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, "ü/ser.2", "watch_digest"))).toEqual({
      userId: "ü/ser.2",
      kind: "watch_digest",
    });
  });

  const [user, kind, mac] = token.split(".") as [string, string, string];
  const other = unsubscribeToken(SECRET, "user-2", "deadline_digest").split(".")[0]!;
  it.each([
    ["another secret", unsubscribeToken("another secret", "user-1", "deadline_digest")],
    ["another person with this signature", `${other}.${kind}.${mac}`],
    ["the other digest with this signature", `${user}.watch_digest.${mac}`],
    ["an unknown kind", `${user}.password_reset.${mac}`],
    ["a cut signature", `${user}.${kind}.${mac.slice(0, -1)}`],
    ["no signature", `${user}.${kind}.`],
    ["too few parts", `${user}.${kind}`],
    ["too many parts", `${token}.x`],
    ["padding in the user part", `${user}=.${kind}.${mac}`],
    ["empty", ""],
    ["nothing", null],
    ["huge", "a".repeat(5000)],
  ])("refuses %s", (_name, forged) => {
    expect(readUnsubscribeToken(SECRET, forged)).toBeNull();
  });

  it("makes RFC 8058 headers around an absolute link", () => {
    const link = unsubscribeLink("https://tracker.example.in", token);
    expect(link).toBe(`https://tracker.example.in/unsubscribe?token=${token}`);
    expect(unsubscribeHeaders(link)).toEqual({
      "List-Unsubscribe": `<${link}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
