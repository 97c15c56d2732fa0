import { describe, expect, test } from "vitest";
import {
  actionKind,
  bodyProblem,
  headerProblem,
  lastUsedArgument,
  originProblem,
  textBody,
} from "./action-request";

// Ids as Next makes them: bits 6..1 of the first byte flag the arguments used, the first
// argument's the highest (0x60: the first two, as a form action with a previous state; 0x00: none).
const ID = "6051a85a600dda3292567306f3720c4d0ce2aac892";
const USES_NONE = "004a6e663335f121268357215e5ce8d03bfac5a63d";

describe("lastUsedArgument", () => {
  test.each([
    [ID, 1],
    [ID.replace(/^60/, "40"), 0],
    [ID.replace(/^60/, "20"), 1],
    [ID.replace(/^60/, "7e"), 5],
    [USES_NONE, null],
    ["zz", null],
    ["", null],
  ])("%s → %s", (id, last) => expect(lastUsedArgument(id)).toBe(last));
});
const STATE = '[{"status":"idle","errors":{},"values":{}}]';

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("actionKind", () => {
  test.each([
    ["POST", "/sign-in", { "next-action": ID }, "fetch"],
    ["POST", "/sign-in", { "content-type": "multipart/form-data; boundary=x" }, "form"],
    ["POST", "/api/auth/sign-in/email", { "content-type": "multipart/form-data; boundary=x" }, null],
    ["POST", "/api/anything", { "next-action": ID }, "fetch"],
    ["POST", "/sign-in", { "content-type": "application/json" }, null],
    ["GET", "/sign-in", { "next-action": ID }, null],
    // A digest's one-click unsubscribe, posted by a mail client from another site.
    ["POST", "/unsubscribe", { "content-type": "multipart/form-data; boundary=x" }, null],
    ["POST", "/unsubscribe/x", { "content-type": "multipart/form-data; boundary=x" }, "form"],
  ])("%s %s %j → %s", (method, path, headers, kind) =>
    expect(actionKind(method, path, new Headers(headers))).toBe(kind),
  );
});

describe("originProblem", () => {
  test.each([
    [{ host: "t.example", origin: "http://t.example" }, null],
    [{ host: "t.example" }, null],
    [{ host: "t.example", origin: "https://evil.example" }, 403],
    [{ host: "t.example", origin: "null" }, 403],
    [{ host: "t.example", origin: "not a url" }, 403],
    [{ host: "internal:3000", "x-forwarded-host": "t.example", origin: "https://t.example" }, null],
  ])("%j → %s", (headers, status) =>
    expect(originProblem(new Headers(headers))?.status ?? null).toBe(status),
  );
});

describe("headerProblem", () => {
  const MB = 1024 * 1024;
  test.each<["fetch" | "form", Record<string, string>, number | null]>([
    ["form", { "content-type": "multipart/form-data; boundary=----abc" }, null],
    ["form", { "content-type": 'multipart/form-data; boundary="a b"' }, null],
    ["form", { "content-type": "multipart/form-data" }, 400],
    ["form", { "content-type": "multipart/form-data; boundary=" }, 400],
    ["form", { "content-type": "text/plain;charset=UTF-8" }, 415],
    ["fetch", { "content-type": "text/plain;charset=UTF-8" }, null],
    ["fetch", { "content-type": "text/plainly" }, 415],
    ["fetch", { "content-type": "application/json" }, 415],
    ["fetch", {}, 415],
    ["fetch", { "content-type": "multipart/form-data" }, 400],
    ["form", { "content-type": "multipart/form-data; boundary=x", "content-length": String(4 * MB) }, 413],
    ["fetch", { "content-type": "text/plain", "content-length": String(4 * MB) }, 413],
    ["form", { "content-type": "multipart/form-data; boundary=x", "content-length": String(2 * MB) }, null],
  ])("%s %j → %s", (kind, headers, status) =>
    expect(headerProblem(kind, new Headers(headers))?.status ?? null).toBe(status),
  );
});

describe("bodyProblem for arguments sent as text", () => {
  test.each([
    ['[{"status":"idle","errors":{},"values":{}},"$K1"]', null],
    ['[null,"$K1"]', null],
    ["garbage", 400],
    ["[1,2]", 400],
    ['["$1","$K2"]', 400],
  ])("%s → %s", (text, status) =>
    expect(bodyProblem("fetch", textBody(text), ID)?.status ?? null).toBe(status),
  );
});

describe("bodyProblem for a request sent by JavaScript", () => {
  test.each<[string, [string, string][], boolean]>([
    [
      "previous state and the form",
      [
        ["0", `[${STATE.slice(1, -1)},"$K1"]`],
        ["1_email", "a@b.in"],
      ],
      true,
    ],
    [
      "a state with escaped and tagged values",
      [["0", '[{"v":"$$5","u":"$undefined","n":"$NaN"},"$K1"]']],
      true,
    ],
    [
      "a state in its own part",
      [
        ["0", '["$1","$K2"]'],
        ["1", '{"a":"$2:x"}'],
        ["2", '{"x":1}'],
      ],
      true,
    ],
    ["no root part", [["1_email", "x"]], false],
    ["a root that is not JSON", [["0", "garbage"]], false],
    ["arguments that are not a form", [["0", "[1,2]"]], false],
    ["an empty argument list", [["0", "[]"]], false],
    ["the form where the previous state should be", [["0", '["$K1"]']], false],
    ["a reference to a missing part", [["0", '["$7","$K1"]']], false],
    [
      "a referenced part that is not JSON",
      [
        ["0", '["$1","$K2"]'],
        ["1", "nope"],
      ],
      false,
    ],
    [
      "a server reference",
      [
        ["0", '["$F1","$K2"]'],
        ["1", '{"id":"x","bound":null}'],
      ],
      false,
    ],
    [
      "a Map",
      [
        ["0", '["$Q1","$K2"]'],
        ["1", "[]"],
      ],
      false,
    ],
  ])("%s", (_, entries, ok) =>
    expect(bodyProblem("fetch", form(entries), ID)?.status ?? null).toBe(ok ? null : 400),
  );
});

test("an action that uses no arguments is sent none", () => {
  expect(bodyProblem("fetch", textBody("[]"), USES_NONE)).toBeNull();
  expect(bodyProblem("fetch", textBody("[]"), ID)?.status).toBe(400);
  expect(bodyProblem("fetch", textBody("{}"), USES_NONE)?.status).toBe(400);
});

describe("bodyProblem for a form posted without JavaScript", () => {
  const meta = (bound: string) => JSON.stringify({ id: ID, bound });
  test.each<[string, [string, string][], boolean]>([
    [
      "the fields React renders",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", STATE],
        ["$ACTION_KEY", "k1"],
        ["email", "x"],
      ],
      true,
    ],
    [
      "an action without state",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: ID, bound: null })],
      ],
      true,
    ],
    [
      "an action named by id alone (Next checks it)",
      [
        [`$ACTION_ID_${ID}`, ""],
        ["email", "x"],
      ],
      true,
    ],
    ["no action at all (not an action: Next renders the page)", [["email", "x"]], true],
    [
      "garbage in the action's name",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "garbage"],
      ],
      false,
    ],
    [
      "an id that is not hex",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: "<x>", bound: null })],
      ],
      false,
    ],
    ["a missing name", [["$ACTION_REF_1", ""]], false],
    [
      "a missing state",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
      ],
      false,
    ],
    [
      "a state that is not JSON",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", "notjson"],
      ],
      false,
    ],
    [
      "a state pointing elsewhere",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@9")],
        ["$ACTION_1:1", STATE],
      ],
      false,
    ],
    [
      "a state referring to a missing part",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", meta("$@1")],
        ["$ACTION_1:1", '["$@5"]'],
      ],
      false,
    ],
    [
      "a bound value that is not a reference",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: ID, bound: 5 })],
      ],
      false,
    ],
  ])("%s", (_, entries, ok) =>
    expect(bodyProblem("form", form(entries))?.status ?? null).toBe(ok ? null : 400),
  );
});
