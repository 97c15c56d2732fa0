import { describe, expect, it, vi } from "vitest";
import { mailOrigin } from "./mail-origin";

describe("mailOrigin", () => {
  it.each([
    [{}, "http://localhost:3000"],
    [{ TRACKER_ORIGIN: "https://tracker.example.in/" }, "https://tracker.example.in"],
    [{ BETTER_AUTH_URL: "https://auth.example.in" }, "https://auth.example.in"],
    [
      { TRACKER_ORIGIN: "https://tracker.example.in", BETTER_AUTH_URL: "https://auth.example.in" },
      "https://tracker.example.in",
    ],
    [{ TRACKER_ORIGIN: "not a url", BETTER_AUTH_URL: "https://auth.example.in" }, "https://auth.example.in"],
    [{ TRACKER_ORIGIN: "  " }, "http://localhost:3000"],
  ])("%j gives %s", (env, expected) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(mailOrigin(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
