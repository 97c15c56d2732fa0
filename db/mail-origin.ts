import { DEFAULT_SITE_ORIGIN, parseSiteOrigin } from "@/lib/mail/origin";

/**
 * Where links in queued messages point: TRACKER_ORIGIN, else BETTER_AUTH_URL (the public address
 * sign-in already uses, so one setting serves both), else the default `npm start` address.
 * Read when a message is queued, since a message is rendered then; a malformed setting is
 * skipped rather than fail a reviewer's decision, and said once.
 */
let warned = false;
export function mailOrigin(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ["TRACKER_ORIGIN", "BETTER_AUTH_URL"] as const) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const parsed = parseSiteOrigin(raw);
    if (parsed) return parsed;
    if (!warned) console.warn(`${name} is not an http(s) address ("${raw}"); mail links skip it`);
    warned = true;
  }
  return DEFAULT_SITE_ORIGIN;
}
