import { describe, expect, it } from "vitest";
import { bareHost, checkTargetUrl, effectivePort } from "./target-url";

describe("checkTargetUrl", () => {
  it.each([
    ["file:///etc/passwd", "refused", "file:"],
    ["gopher://127.0.0.1:6379/_INFO", "refused", "gopher:"],
    ["data:text/html,<script>alert(1)</script>", "refused", "data:"],
    ["ftp://example.com/x", "refused", "ftp:"],
    ["javascript:alert(1)", "refused", "javascript:"],
    ["ws://example.com/", "refused", "ws:"],
    ["http://user:pass@example.com/", "refused", "user name or password"],
    ["http://user@example.com/", "refused", "user name or password"],
    ["not a url", "bad_url", "not a valid URL"],
    ["http://", "bad_url", "not a valid URL"],
    ["http://exa mple.com/", "bad_url", "not a valid URL"],
  ])("refuses %s", (raw, code, reason) => {
    const check = checkTargetUrl(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe(code);
      expect(check.reason).toContain(reason);
    }
  });

  // The WHATWG parser rewrites every IPv4 spelling to dotted form before the address check sees it.
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://0x7f.0.0.1/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://127.0.1/", "127.0.0.1"],
    ["http://0/", "0.0.0.0"],
    ["http://0xa9fea9fe/", "169.254.169.254"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[0:0:0:0:0:0:0:1]/", "::1"],
    ["http://LOCALHOST./", "localhost."],
    ["http://xn--80ak6aa92e.com/", "xn--80ak6aa92e.com"],
  ])("normalises the host of %s to %s", (raw, host) => {
    const check = checkTargetUrl(raw);
    expect(check.ok && bareHost(check.url)).toBe(host);
  });

  it("resolves a relative redirect against the current URL and drops the fragment", () => {
    const check = checkTargetUrl("../b?x=1#top", new URL("https://example.com/a/c"));
    expect(check.ok && check.url.href).toBe("https://example.com/b?x=1");
  });

  it.each([
    ["http://example.com/", 80],
    ["https://example.com/", 443],
    ["http://example.com:8080/", 8080],
  ])("the port of %s is %i", (raw, port) => {
    expect(effectivePort(new URL(raw))).toBe(port);
  });
});
