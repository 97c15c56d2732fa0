import { describe, expect, it } from "vitest";
import { ARCHIVED_COPY_CSP, isArchivedResponsePath } from "./csp";

// proxy.ts leaves exactly these paths without the page policy, so the archived copy's own
// sandboxing policy is the one sent (Next keeps the first Content-Security-Policy it is given).
describe("isArchivedResponsePath", () => {
  it.each([
    ["/sources/3/archive/7/content", true],
    ["/sources/3/archive/7/warc", true],
    ["/sources/3/archive/7", false],
    ["/sources/3/archive", false],
    ["/sources/3/archive/7/content/x", false],
    ["/sources/x/archive/7/content", false],
    ["/commitments/1", false],
    ["/sources/3/archive/7/contents", false],
  ])("%s → %s", (path, expected) => {
    expect(isArchivedResponsePath(path)).toBe(expected);
  });

  it("the copy's policy sandboxes it, allows no script and no request elsewhere", () => {
    const directives = ARCHIVED_COPY_CSP.split(";").map((d) => d.trim());
    expect(directives).toEqual([
      "sandbox",
      "default-src 'none'",
      "img-src data:",
      "style-src 'unsafe-inline'",
    ]);
  });
});
