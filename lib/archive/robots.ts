// robots.txt as RFC 9309 defines it, for the source fetcher (docs/decisions/0028): groups of
// user-agent lines and their allow/disallow rules; the group naming our product token, else the
// "*" group, else everything allowed; the longest matching rule decides, and allow wins a tie.
// Pure: the fetcher reads the file and passes the text in.

export type RobotsRule = { allow: boolean; pattern: string };
type Group = { agents: string[]; rules: RobotsRule[] };
export type Robots = { groups: Group[] };

/** RFC 9309 asks crawlers to parse at least 500 KiB; the fetcher reads no more than this. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/** The product token a robots.txt names a crawler by: the part of a User-Agent before the first "/". */
export function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? "";
}

export function parseRobots(text: string): Robots {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      // Consecutive user-agent lines share one group; one after a rule starts the next group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(productToken(value).toLowerCase() || value.toLowerCase());
      lastWasAgent = true;
    } else if (key === "allow" || key === "disallow") {
      lastWasAgent = false;
      // Rules before any user-agent line belong to no group; an empty rule allows everything.
      if (!current || value === "") continue;
      current.rules.push({ allow: key === "allow", pattern: normalisePattern(value) });
    } else {
      // Sitemap, crawl-delay and other records neither end nor start a group.
    }
  }
  return { groups };
}

function normalisePattern(value: string): string {
  const withSlash = value.startsWith("/") || value.startsWith("*") ? value : `/${value}`;
  return normaliseEncoding(withSlash);
}

/**
 * Percent-encodes what is not ASCII and upper-cases existing escapes, on both the rule and the
 * path, so "/café", "/caf%c3%a9" and "/caf%C3%A9" compare equal.
 */
function normaliseEncoding(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code > 0x7e || code < 0x21 ? encodeURIComponent(char) : char;
  }
  return out.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

/** Whether `path` (path and query, as sent) matches a rule pattern with `*` and a final `$`. */
export function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  // Greedy wildcard matching with one backtrack point: linear for ordinary patterns, and no
  // regular expression built from a stranger's file.
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < path.length) {
    if (p < body.length && body[p] !== "*" && body[p] === path[s]) {
      p++;
      s++;
    } else if (p < body.length && body[p] === "*") {
      star = p++;
      resume = s;
    } else if (p === body.length && !anchored) {
      return true;
    } else if (star >= 0) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < body.length && body[p] === "*") p++;
  return p === body.length;
}

/** Whether robots.txt lets the crawler named `token` fetch `path` (path and query). */
export function robotsAllows(robots: Robots, token: string, path: string): boolean {
  if (path === "/robots.txt") return true;
  const wanted = token.toLowerCase();
  const named = robots.groups.filter((group) => group.agents.includes(wanted));
  const applicable = named.length > 0 ? named : robots.groups.filter((group) => group.agents.includes("*"));
  const target = normaliseEncoding(path);
  let best: RobotsRule | null = null;
  for (const rule of applicable.flatMap((group) => group.rules)) {
    if (!patternMatches(rule.pattern, target)) continue;
    if (
      !best ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow)
    )
      best = rule;
  }
  return best?.allow ?? true;
}
