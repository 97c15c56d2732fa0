import { createHmac, timingSafeEqual } from "node:crypto";
import { DIGEST_KINDS, type DigestKind } from "@/lib/domain/digest-schedule";
import { siteLink } from "./origin";

// One-click unsubscribe from a digest (RFC 8058). The link carries who and which digest, signed
// with the server's secret (the one better-auth signs sessions with), so it needs no table, works
// without signing in, and cannot be made for anyone else. It never expires: a digest read months
// later must still stop the next one. It only ever turns a digest off (docs/decisions/0024).

const PURPOSE = "digest-unsubscribe:v1";

function mac(secret: string, userId: string, kind: DigestKind): string {
  return createHmac("sha256", secret).update(`${PURPOSE}\n${userId}\n${kind}`).digest("base64url");
}

const encode = (s: string) => Buffer.from(s, "utf8").toString("base64url");

/** `{user id, base64url}.{kind}.{HMAC-SHA256, base64url}`: URL-safe as it stands. */
export function unsubscribeToken(secret: string, userId: string, kind: DigestKind): string {
  return `${encode(userId)}.${kind}.${mac(secret, userId, kind)}`;
}

/** Who and which digest a token names, or null when it is malformed or not signed by `secret`. */
export function readUnsubscribeToken(
  secret: string,
  token: string | null | undefined,
): { userId: string; kind: DigestKind } | null {
  if (!token || token.length > 400) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [encodedUser, kind, given] = parts as [string, string, string];
  if (!(DIGEST_KINDS as readonly string[]).includes(kind) || !/^[A-Za-z0-9_-]+$/.test(encodedUser))
    return null;
  const userId = Buffer.from(encodedUser, "base64url").toString("utf8");
  if (!userId || encode(userId) !== encodedUser) return null;
  const expected = Buffer.from(mac(secret, userId, kind as DigestKind));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, kind: kind as DigestKind };
}

/** The address a digest's unsubscribe link and one-click POST go to. */
export function unsubscribeLink(origin: string, token: string): string {
  return siteLink(origin, `/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** RFC 8058 headers: the mail client POSTs `List-Unsubscribe=One-Click` to the link. */
export function unsubscribeHeaders(link: string): Record<string, string> {
  return { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
