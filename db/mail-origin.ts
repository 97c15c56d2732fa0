import { DEFAULT_SITE_ORIGIN, parseSiteOrigin } from "@/lib/mail/origin";

/**
 * Where links in queued messages point: TRACKER_ORIGIN (the public address, e.g.
 * https://tracker.example.in), else the default `npm start` address. Read when a message is
 * queued, since a message is rendered then; a malformed setting falls back to the default
 * rather than fail a reviewer's decision, and says so once.
 */
let warned = false;
export function mailOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = parseSiteOrigin(env.TRACKER_ORIGIN);
  if (!parsed && env.TRACKER_ORIGIN?.trim() && !warned) {
    warned = true;
    console.warn(
      `TRACKER_ORIGIN is not an http(s) address ("${env.TRACKER_ORIGIN}"); links use ${DEFAULT_SITE_ORIGIN}`,
    );
  }
  return parsed ?? DEFAULT_SITE_ORIGIN;
}
