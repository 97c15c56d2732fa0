import { describe, expect, it } from "vitest";
import { classifyCacheStatus, proxyShare } from "./proxy-share";

describe("classifyCacheStatus", () => {
  it.each(["HIT", "STALE", "UPDATING", "REVALIDATED", "hit", " STALE "])(
    "%s was answered by the proxy",
    (s) => expect(classifyCacheStatus(s)).toBe("proxy"),
  );

  it.each(["MISS", "EXPIRED", "BYPASS"])("%s was answered by the tracker", (s) =>
    expect(classifyCacheStatus(s)).toBe("upstream"),
  );

  it.each(["", null, undefined, "-", "SOMETHING"])("%s is not counted as the proxy's", (s) =>
    expect(classifyCacheStatus(s)).toBe("unknown"),
  );
});

describe("proxyShare", () => {
  it("divides what the proxy answered by everything", () => {
    expect(proxyShare({ HIT: 90, STALE: 4, REVALIDATED: 1, MISS: 3, EXPIRED: 1, "": 1 })).toEqual({
      total: 100,
      proxy: 95,
      upstream: 4,
      unknown: 1,
      share: 0.95,
    });
  });

  it("is NaN for nothing", () => {
    expect(proxyShare({}).share).toBeNaN();
  });
});
