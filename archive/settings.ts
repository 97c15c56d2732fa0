import path from "node:path";
import { DEFAULT_SITE_ORIGIN, parseSiteOrigin } from "@/lib/mail/origin";

// The fetcher's settings, read from the environment once (docs/decisions/0028).

export type ArchiveSettings = {
  /** TRACKER_ARCHIVE_DIR, else `archive/` beside the database file. */
  archiveDir: string;
  /** Names the tracker and its public origin, so a site's operator can see who fetched and why. */
  userAgent: string;
  /** TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: test-only, honoured only for a loopback public origin. */
  allowLoopbackPorts: readonly number[];
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The crawler's name in robots.txt groups and in the User-Agent. */
export const CRAWLER_TOKEN = "MakeInIndiaTracker";

export function userAgentFor(origin: string): string {
  return `${CRAWLER_TOKEN}/1.0 (+${origin}; archives the sources cited by the Make in India localisation tracker)`;
}

/** The configured public origin and the setting it came from, or null when none is set. */
function configuredOrigin(env: NodeJS.ProcessEnv): { name: string; origin: string } | null {
  for (const name of ["TRACKER_ORIGIN", "BETTER_AUTH_URL"] as const) {
    const origin = parseSiteOrigin(env[name]);
    if (origin) return { name, origin };
  }
  return null;
}

/**
 * The loopback ports the e2e suite's origin server may be fetched on. The suite runs the
 * production build, so NODE_ENV cannot tell a test from a deployment; the public origin can: the
 * list is honoured only when TRACKER_ORIGIN (or BETTER_AUTH_URL) is explicitly an http origin on
 * localhost, 127.0.0.1 or [::1], which no deployment that others can reach has. Otherwise it is
 * refused loudly, at start, rather than ignored: a security setting that silently does nothing
 * hides a mistake.
 */
export function allowedLoopbackPorts(env: NodeJS.ProcessEnv): readonly number[] {
  const raw = env.TRACKER_FETCH_ALLOW_LOOPBACK_PORTS?.trim();
  if (!raw) return [];
  const ports = raw.split(",").map((part) => {
    const text = part.trim();
    const port = Number(text);
    if (!/^[0-9]+$/.test(text) || port < 1 || port > 65535)
      throw new Error(`TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: "${text}" is not a port number`);
    return port;
  });
  const configured = configuredOrigin(env);
  const url = configured ? new URL(configured.origin) : null;
  if (!url || url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname))
    throw new Error(
      "TRACKER_FETCH_ALLOW_LOOPBACK_PORTS is a test-only setting and is refused here: it is honoured only " +
        "when TRACKER_ORIGIN or BETTER_AUTH_URL is an http origin on localhost or 127.0.0.1 " +
        `(it is ${configured ? `${configured.name}=${configured.origin}` : "unset"}). Remove it.`,
    );
  return ports;
}

/** Reads the settings from `env`; each call reads afresh (tests pass their own env). */
export function readArchiveSettings(env: NodeJS.ProcessEnv): ArchiveSettings {
  // The database file follows the same rule as db/connection.ts databasePath(); the test checks
  // the two agree, since this folder may not import db/.
  const database = (env.DATABASE_URL?.trim() || "data/tracker.db").replace(/^file:/, "");
  return {
    archiveDir: env.TRACKER_ARCHIVE_DIR?.trim() || path.join(path.dirname(database), "archive"),
    userAgent: userAgentFor(configuredOrigin(env)?.origin ?? DEFAULT_SITE_ORIGIN),
    allowLoopbackPorts: allowedLoopbackPorts(env),
  };
}

let cached: ArchiveSettings | undefined;

/**
 * The process's settings, read once. Throws when the test-only loopback setting is present
 * outside a loopback origin, so call it when the server or command starts.
 */
export function archiveSettings(): ArchiveSettings {
  cached ??= readArchiveSettings(process.env);
  return cached;
}
