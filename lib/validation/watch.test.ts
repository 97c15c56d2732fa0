import { describe, expect, it } from "vitest";
import { WatchFormSchema } from "./watch";

describe("WatchFormSchema", () => {
  it.each<[string, Record<string, string>, unknown]>([
    ["a company, back to its page", { kind: "company", id: "3" }, { kind: "company", id: 3, back: "record" }],
    [
      "a commitment, back to the watchlist",
      { kind: "commitment", id: "12", back: "watching" },
      { kind: "commitment", id: 12, back: "watching" },
    ],
    // Whose watch it is comes from the session, never from the form.
    [
      "a person named in the form is ignored",
      { kind: "company", id: "3", user_id: "someone-else" },
      { kind: "company", id: 3, back: "record" },
    ],
  ])("accepts %s", (_, input, expected) => {
    expect(WatchFormSchema.parse(input)).toEqual(expected);
  });

  it.each<[string, Record<string, string>]>([
    ["another kind of record", { kind: "facility", id: "3" }],
    ["an id that is not a positive whole number", { kind: "company", id: "0" }],
    ["an id with other characters", { kind: "company", id: "3 or 1=1" }],
    ["a path to go back to", { kind: "company", id: "3", back: "https://example.com/" }],
    ["no id", { kind: "company" }],
  ])("refuses %s", (_, input) => {
    expect(WatchFormSchema.safeParse(input).success).toBe(false);
  });
});
