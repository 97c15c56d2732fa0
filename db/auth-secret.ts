import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "./connection";

/**
 * The server's secret: BETTER_AUTH_SECRET when set, otherwise one generated on first start and
 * kept beside the database (mode 0600), so the app runs from one command and sessions survive
 * restarts. better-auth signs session cookies with it (auth/better-auth.ts); digests sign their
 * unsubscribe links with it (lib/mail/unsubscribe.ts). Here rather than in auth/ because the
 * server process, which queues digests, does not load better-auth.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(
    path.dirname(path.resolve(/*turbopackIgnore: true*/ databasePath(env))),
    "auth-secret",
  );
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
