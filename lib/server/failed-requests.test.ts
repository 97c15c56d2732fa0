import { describe, expect, it } from "vitest";
import { noteFailedRequest, requestFailed } from "./failed-requests";

describe("failed requests", () => {
  it("remembers the ids noted, and forgets the oldest beyond a thousand", () => {
    expect(requestFailed("r-0")).toBe(false);
    for (let i = 0; i <= 1000; i++) noteFailedRequest(`r-${i}`);
    expect(requestFailed("r-0")).toBe(false);
    expect(requestFailed("r-1")).toBe(true);
    expect(requestFailed("r-1000")).toBe(true);
    expect(requestFailed("r-1001")).toBe(false);
  });
});
