import { describe, expect, it } from "vitest";
import { parseChangesParams } from "./changes-params";

describe("parseChangesParams", () => {
  it.each<[string, { company: string[]; category: string[]; state: string[] }]>([
    ["", { company: [], category: [], state: [] }],
    ["company=xiaomi", { company: ["xiaomi"], category: [], state: [] }],
    ["company=Xiaomi,tesla&company=", { company: ["tesla", "xiaomi"], category: [], state: [] }],
    ["state=in-up&state=IN-TG", { company: [], category: [], state: ["IN-TS", "IN-UP"] }],
    ["category=Wireless%20audio", { company: [], category: ["Wireless audio"], state: [] }],
  ])("reads %j as the explorer does", (query, expected) => {
    expect(parseChangesParams(new URLSearchParams(query))).toEqual({ success: true, data: expected });
  });

  it.each<[string, string]>([
    ["status=behind", "status"],
    ["q=xiaomi", "q"],
    ["page=2", "page"],
    ["state=IN-XX", "state"],
    ["company=Not%20a%20slug", "company"],
  ])("refuses %j, naming %s", (query, parameter) => {
    const result = parseChangesParams(new URLSearchParams(query));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.parameter).toBe(parameter);
  });
});
