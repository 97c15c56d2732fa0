import { describe, expect, test } from "vitest";
import { actionKind, bodyProblem, headerProblem, originProblem } from "./action-request";

const ID = "6051a85a600dda3292567306f3720c4d0ce2aac892";
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
  test.each([
    [{ "content-type": "multipart/form-data; boundary=----abc" }, null],
    [{ "content-type": 'multipart/form-data; boundary="a b"' }, null],
    [{ "content-type": "multipart/form-data" }, 400],
    [{ "content-type": "multipart/form-data; boundary=" }, 400],
    [{ "content-type": "text/plain;charset=UTF-8" }, 415],
    [{ "content-type": "application/json" }, 415],
    [{}, 415],
    [{ "content-type": "multipart/form-data; boundary=x", "content-length": String(4 * 1024 * 1024) }, 413],
    [{ "content-type": "multipart/form-data; boundary=x", "content-length": String(2 * 1024 * 1024) }, null],
  ])("%j → %s", (headers, status) =>
    expect(headerProblem(new Headers(headers))?.status ?? null).toBe(status),
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
    ["the form alone", [["0", '["$K1"]']], true],
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
    expect(bodyProblem("fetch", form(entries))?.status ?? null).toBe(ok ? null : 400),
  );
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
