// The first check on a URL someone supplied, before any network work (docs/decisions/0028): it
// must parse as a WHATWG URL (which also rewrites decimal, octal and hex IPv4 hosts into dotted
// form, so the address checks see "127.0.0.1" whatever was typed), be http or https, and carry
// no credentials. Redirect targets pass through the same check.

export type TargetCheck = { ok: true; url: URL } | { ok: false; code: "bad_url" | "refused"; reason: string };

export function checkTargetUrl(raw: string, base?: URL): TargetCheck {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { ok: false, code: "bad_url", reason: "The address is not a valid URL." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return {
      ok: false,
      code: "refused",
      reason: `Only http and https addresses are fetched, and this one is ${url.protocol}.`,
    };
  if (url.username !== "" || url.password !== "")
    return {
      ok: false,
      code: "refused",
      reason: "Addresses with a user name or password in them are not fetched.",
    };
  if (url.hostname === "") return { ok: false, code: "bad_url", reason: "The address has no host." };
  // The fragment never leaves the browser; leaving it on would make the request line differ from it.
  url.hash = "";
  return { ok: true, url };
}

/** The host as DNS or an address check takes it: IPv6 literals without their brackets. */
export function bareHost(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** The port a URL connects to, with the scheme's default filled in. */
export function effectivePort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}
