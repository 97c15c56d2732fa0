import { describe, expect, it } from "vitest";
import { passwordProblem } from "./passwords";

describe("passwordProblem", () => {
  it.each([
    ["short", undefined, "too_short"],
    ["1234567", undefined, "too_short"],
    ["x".repeat(129), undefined, "too_long"],
    ["password", undefined, "common"],
    ["PassWord1", undefined, "common"],
    ["12345678", undefined, "common"],
    ["meera.iyer@example.in", "meera.iyer@example.in", "matches_email"],
    ["meera.iyer", "meera.iyer@example.in", "matches_email"],
    ["correct horse battery", undefined, null],
    ["alllowercaseisfine", undefined, null],
    ["नमस्ते दुनिया", undefined, null],
    ["🎧🎧🎧🎧🎧🎧🎧🎧", undefined, null],
    ["🎧🎧🎧🎧🎧🎧🎧", undefined, "too_short"],
  ] as const)("%j (email %j) is %j", (password, email, expected) => {
    expect(passwordProblem(password, email)).toBe(expected);
  });
});
