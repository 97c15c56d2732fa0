import http from "node:http";
import type { AddressInfo } from "node:net";
import Ajv2020 from "ajv/dist/2020";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

// The public API against its own OpenAPI document: each response's status must be documented for
// its path, its media type must be the documented one, and a JSON body must meet the documented
// schema. The document leaves objects open (adding a field is not a breaking change), but here
// every object is closed, so a field the server sends and the document does not describe fails.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DOC_ID = "urn:tracker:openapi";

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function at(value: Json | undefined, ...keys: string[]): Json | undefined {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** Closes every object schema that does not say otherwise, recursing through subschemas only. */
function closeObjects(schema: Json | undefined): void {
  if (!isObject(schema)) return;
  const properties = schema.properties;
  if (isObject(properties)) {
    if (!("additionalProperties" in schema)) schema.additionalProperties = false;
    for (const child of Object.values(properties)) closeObjects(child);
  }
  closeObjects(schema.items);
  if (isObject(schema.additionalProperties)) closeObjects(schema.additionalProperties);
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const child of list) closeObjects(child);
  }
}

// The two formats the document uses, checked as ajv-formats would: a real calendar date, and an
// RFC 3339 instant.
function isDate(text: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
function isDateTime(text: string): boolean {
  const m =
    /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/i.exec(
      text,
    );
  return m !== null && isDate(m[1] ?? "");
}

/** A JSON Pointer segment inside a URI fragment. */
function segment(text: string): string {
  return encodeURIComponent(text.replaceAll("~", "~0").replaceAll("/", "~1"));
}

type Contract = {
  doc: JsonObject;
  /** The documented path that a request's path matches: literal paths before templates. */
  pathFor(pathname: string): string | undefined;
  responseFor(path: string, status: number): JsonObject | undefined;
  /** The errors of a body against the documented schema; empty when it meets it. */
  errors(path: string, status: number, mediaType: string, body: Json): string[];
};

async function buildContract(request: APIRequestContext): Promise<Contract> {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc: JsonObject = await response.json();
  const paths = at(doc, "paths");
  if (!isObject(paths)) throw new Error("The document has no paths");

  const components = structuredClone(at(doc, "components") ?? {});
  for (const schema of Object.values(at(components, "schemas") ?? {})) closeObjects(schema);
  const closedPaths = structuredClone(paths);
  for (const item of Object.values(closedPaths)) {
    for (const res of Object.values(at(item, "get", "responses") ?? {})) {
      for (const media of Object.values(at(res, "content") ?? {})) closeObjects(at(media, "schema"));
    }
  }

  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    formats: { date: isDate, "date-time": isDateTime },
  });
  // `components` and `paths` are where the schemas live, not JSON Schema keywords; `example` is
  // OpenAPI's own keyword. Anything else unknown is an error (strict mode).
  ajv.addVocabulary(["components", "paths", "example"]);
  ajv.addSchema({ $id: DOC_ID, components, paths: closedPaths });

  const templates = Object.keys(paths).sort((a, b) => Number(a.includes("{")) - Number(b.includes("{")));
  const matchers = templates.map((t) => ({
    path: t,
    pattern: new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
  }));

  return {
    doc,
    pathFor: (pathname) => matchers.find((m) => m.pattern.test(pathname))?.path,
    responseFor(path, status) {
      const res = at(paths, path, "get", "responses", String(status));
      return isObject(res) ? res : undefined;
    },
    errors(path, status, mediaType, body) {
      const pointer = ["paths", path, "get", "responses", String(status), "content", mediaType, "schema"];
      const validate = ajv.getSchema(`${DOC_ID}#/${pointer.map(segment).join("/")}`);
      if (!validate) return [`no schema for ${status} ${mediaType} at ${path}`];
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message ?? ""}`);
    },
  };
}

let contract: Promise<Contract> | undefined;
function loadContract(request: APIRequestContext): Promise<Contract> {
  contract ??= buildContract(request);
  return contract;
}

function mediaTypeOf(response: APIResponse): string {
  return (response.headers()["content-type"] ?? "").split(";")[0]?.trim() ?? "";
}

/**
 * Requests `url` and checks the response against the document: a documented status for the path,
 * the documented media type, CORS for any origin, and for JSON a body that meets the schema.
 */
async function checkAgainstDocument(
  request: APIRequestContext,
  url: string,
  expectedStatus: number,
): Promise<{ response: APIResponse; body: Json }> {
  const c = await loadContract(request);
  const pathname = new URL(url, "http://x").pathname;
  const path = c.pathFor(pathname);
  expect(path, `${pathname} is not in the document`).toBeDefined();
  const response = await request.get(url);
  expect(response.status(), url).toBe(expectedStatus);
  const documented = c.responseFor(path ?? "", expectedStatus);
  expect(documented, `${expectedStatus} is not documented for ${path}`).toBeDefined();
  const mediaType = mediaTypeOf(response);
  expect(Object.keys(at(documented, "content") ?? {}), url).toContain(mediaType);
  expect(response.headers()["access-control-allow-origin"], url).toBe("*");
  if (mediaType !== "application/json") return { response, body: await response.text() };
  const body: Json = await response.json();
  expect(c.errors(path ?? "", expectedStatus, mediaType, body), url).toEqual([]);
  return { response, body };
}

test.describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1, names every schema it refers to, and each compiles as JSON Schema 2020-12", async ({
    request,
  }) => {
    const { doc, errors } = await loadContract(request);
    expect(String(doc.openapi)).toMatch(/^3\.1\.[0-9]+$/);
    expect(typeof at(doc, "info", "title")).toBe("string");
    expect(typeof at(doc, "info", "version")).toBe("string");
    expect(at(doc, "info", "license", "identifier")).toBe("CC-BY-4.0");
    expect(at(doc, "servers")).toEqual([{ url: "/", description: "This site." }]);

    const paths = at(doc, "paths");
    if (!isObject(paths)) throw new Error("no paths");
    expect(Object.keys(paths).length).toBeGreaterThanOrEqual(15);
    const refs = new Set<string>();
    const collect = (value: Json | undefined) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (isObject(value)) {
        if (typeof value.$ref === "string") refs.add(value.$ref);
        Object.values(value).forEach(collect);
      }
    };
    collect(doc);
    for (const ref of refs) expect(ref, "a dangling $ref").toMatch(/^#\/components\/schemas\/\w+$/);
    const names = Object.keys(at(doc, "components", "schemas") ?? {});
    for (const ref of refs) expect(names).toContain(ref.split("/").pop());

    for (const [path, item] of Object.entries(paths)) {
      expect(path).toMatch(/^\/api\/v1\//);
      const responses = at(item, "get", "responses");
      expect(isObject(responses), path).toBe(true);
      for (const [status, res] of Object.entries(isObject(responses) ? responses : {})) {
        for (const mediaType of Object.keys(at(res, "content") ?? {})) {
          // Compiling every documented schema catches a keyword or format ajv does not know.
          if (mediaType === "application/json") {
            expect(errors(path, Number(status), mediaType, null).join()).not.toContain("no schema");
          }
        }
      }
    }
  });

  test("its example URL for each operation answers 200 as documented", async ({ request }) => {
    const { doc } = await loadContract(request);
    for (const [path, item] of Object.entries(at(doc, "paths") ?? {})) {
      const example = at(item, "get", "x-example-url");
      expect(typeof example, path).toBe("string");
      const { body } = await checkAgainstDocument(request, String(example), 200);
      if (typeof body === "string") {
        if (path.endsWith(".ics")) expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
        else if (path.endsWith(".atom")) expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
        else expect(body, path).toMatch(/^"?Make in India localisation tracker, /);
      }
    }
  });
});

test.describe("the contract check itself", () => {
  test("refuses an undocumented field, a missing one, a wrong value and a wrong type", async ({
    request,
  }) => {
    const c = await loadContract(request);
    const path = "/api/v1/commitments/{id}";
    const { body } = await checkAgainstDocument(request, "/api/v1/commitments/1", 200);
    const mutated = (change: (data: JsonObject) => void): Json => {
      const copy = structuredClone(body);
      const data = at(copy, "data");
      if (!isObject(data)) throw new Error("no data");
      change(data);
      return copy;
    };
    expect(c.errors(path, 200, "application/json", body)).toEqual([]);
    const wrong: [string, Json][] = [
      ["an undocumented field", mutated((d) => (d.extra = 1))],
      ["an undocumented nested field", mutated((d) => isObject(d.status) && (d.status.extra = 1))],
      ["a missing field", mutated((d) => delete d.sources)],
      ["a value outside the enum", mutated((d) => isObject(d.status) && (d.status.code = "bogus"))],
      ["an impossible date", mutated((d) => (d.announced_on = "2023-02-30"))],
      ["a string for a number", mutated((d) => (d.id = "1"))],
    ];
    for (const [what, value] of wrong)
      expect(c.errors(path, 200, "application/json", value), what).not.toEqual([]);
  });

  test("covers each source's archive in every state, though the suite's sources are not archived", async ({
    request,
  }) => {
    const c = await loadContract(request);
    const path = "/api/v1/commitments/{id}";
    const { body } = await checkAgainstDocument(request, "/api/v1/commitments/1", 200);
    /** The response with its first source's archive replaced. */
    const withArchive = (archive: Json): Json => {
      const copy = structuredClone(body);
      const first = list(at(copy, "data", "sources"))[0];
      if (!isObject(first)) throw new Error("no source");
      first.archive = archive;
      return copy;
    };
    const copy = {
      at: "2026-11-20T06:00:00.000Z",
      sha256: "a".repeat(64),
      view_url: "/sources/1/archive/3",
      warc_url: "/sources/1/archive/3/warc",
    };
    const since = "2026-11-24T06:00:00.000Z";
    const valid: [string, Json][] = [
      ["archived", { archived: copy, not_archived_reason: null, link: null }],
      ["not archived, with the reason", { archived: null, not_archived_reason: "No address.", link: null }],
      [
        "broken",
        { archived: copy, not_archived_reason: null, link: { state: "broken", since, reason: null } },
      ],
      ["changed", { archived: copy, not_archived_reason: null, link: { state: "changed", since } }],
    ];
    for (const [what, archive] of valid)
      expect(c.errors(path, 200, "application/json", withArchive(archive)), what).toEqual([]);
    const invalid: [string, Json][] = [
      [
        "an undocumented field in the copy",
        { archived: { ...copy, size: 1 }, not_archived_reason: null, link: null },
      ],
      ["a short hash", { archived: { ...copy, sha256: "abc" }, not_archived_reason: null, link: null }],
      [
        "an absolute viewer address",
        { archived: { ...copy, view_url: "https://x.example/a" }, not_archived_reason: null, link: null },
      ],
      [
        "an unknown link state",
        { archived: copy, not_archived_reason: null, link: { state: "gone", since } },
      ],
      [
        "a changed link with a reason",
        { archived: copy, not_archived_reason: null, link: { state: "changed", since, reason: "x" } },
      ],
      ["no link field", { archived: copy, not_archived_reason: null }],
    ];
    for (const [what, archive] of invalid)
      expect(c.errors(path, 200, "application/json", withArchive(archive)), what).not.toEqual([]);
  });
});

test.describe("JSON responses meet the documented schemas", () => {
  const lists = [
    "/api/v1/commitments",
    "/api/v1/commitments?include_superseded=true&sort=-announced",
    "/api/v1/commitments?company=xiaomi&status=overdue_unverified",
    "/api/v1/commitments?q=noida",
    "/api/v1/commitments?state=IN-UP,IN-KA&per_page=1&page=2",
    "/api/v1/commitments?due_from=2090",
    "/api/v1/commitments.json",
    "/api/v1/commitments.json?company=xiaomi&evidence=announced",
    "/api/v1/companies",
    "/api/v1/companies?q=xiao",
    "/api/v1/companies?per_page=1&page=2",
    "/api/v1/companies/xiaomi?per_page=1&page=2",
    "/api/v1/facilities",
    "/api/v1/facilities?state=IN-KA",
    "/api/v1/facilities?company=foxconn&stage=land_acquired",
    "/api/v1/partnerships",
    "/api/v1/partnerships?company=optiemus-electronics",
    "/api/v1/openapi.json",
  ];
  for (const url of lists) {
    test(`200 ${url}`, async ({ request }) => {
      await checkAgainstDocument(request, url, 200);
    });
  }

  test("every commitment by id, and every company by slug", async ({ request }) => {
    const { body: commitments } = await checkAgainstDocument(
      request,
      "/api/v1/commitments?include_superseded=true&per_page=100",
      200,
    );
    const ids = list(at(commitments, "data")).map((c) => at(c, "id"));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) await checkAgainstDocument(request, `/api/v1/commitments/${String(id)}`, 200);

    const { body: companies } = await checkAgainstDocument(request, "/api/v1/companies?per_page=100", 200);
    const slugs = list(at(companies, "data")).map((c) => at(c, "slug"));
    expect(slugs).toEqual(expect.arrayContaining(["xiaomi", "optiemus-electronics", "foxconn", "tesla"]));
    for (const slug of slugs) await checkAgainstDocument(request, `/api/v1/companies/${String(slug)}`, 200);
  });

  const errors: [number, string, string | null][] = [
    [400, "/api/v1/commitments?bogus=1", "bogus"],
    [400, "/api/v1/commitments?status=bogus", "status"],
    [400, "/api/v1/commitments/abc", "id"],
    [400, "/api/v1/commitments.csv?status=bogus", "status"],
    [400, "/api/v1/commitments.json?due_from=2025-02-30", "due_from"],
    [400, "/api/v1/companies?per_page=0", "per_page"],
    [400, "/api/v1/companies/Not_A_Slug", "slug"],
    [400, "/api/v1/companies/xiaomi?page=abc", "page"],
    [400, `/api/v1/companies.csv?q=${"x".repeat(101)}`, "q"],
    [400, "/api/v1/facilities?company=nobody", "company"],
    [400, "/api/v1/facilities?stage=demolished", "stage"],
    [400, "/api/v1/facilities.csv?state=IN-ZZ", "state"],
    [400, "/api/v1/partnerships?company=nobody", "company"],
    [400, "/api/v1/partnerships.csv?bogus=1", "bogus"],
    [400, "/api/v1/deadlines.ics?status=bogus", "status"],
    [400, "/api/v1/changes.atom?status=behind", "status"],
    [404, "/api/v1/commitments/999999", null],
    [404, "/api/v1/companies/no-such-company", null],
    [404, "/api/v1/stats/nope.csv", null],
  ];
  for (const [status, url, parameter] of errors) {
    test(`${status} ${url.slice(0, 80)}`, async ({ request }) => {
      const { body } = await checkAgainstDocument(request, url, status);
      expect(at(body, "error", "code")).toBe(status === 400 ? "invalid_parameter" : "not_found");
      if (parameter) expect(at(body, "error", "parameter")).toBe(parameter);
    });
  }
});

test.describe("CSV, calendar and feed responses", () => {
  test("each export is CSV with its citation first, as an attachment", async ({ request }) => {
    for (const url of [
      "/api/v1/commitments.csv",
      "/api/v1/commitments.csv?company=xiaomi",
      "/api/v1/companies.csv?q=xiao",
      "/api/v1/facilities.csv?state=IN-KA",
      "/api/v1/partnerships.csv?company=xiaomi",
    ]) {
      const { response, body } = await checkAgainstDocument(request, url, 200);
      expect(response.headers()["content-type"], url).toBe("text/csv; charset=utf-8");
      expect(response.headers()["content-disposition"], url).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
      expect(String(body).split("\r\n")[0], url).toContain("Licence: CC BY 4.0");
    }
  });

  test("every statistics table the document names is CSV", async ({ request }) => {
    const { doc } = await loadContract(request);
    const parameters = at(doc, "paths", "/api/v1/stats/{name}", "get", "parameters");
    const names = list(at(list(parameters)[0], "schema", "enum"));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const { response } = await checkAgainstDocument(request, `/api/v1/stats/${String(name)}`, 200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    }
  });
});

test.describe("CORS", () => {
  test("every path answers a preflight for GET from any origin, without credentials", async ({ request }) => {
    const { doc } = await loadContract(request);
    for (const [path, item] of Object.entries(at(doc, "paths") ?? {})) {
      const url = String(at(item, "get", "x-example-url"));
      const response = await request.fetch(url, {
        method: "OPTIONS",
        headers: {
          Origin: "https://researcher.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "cache-control, if-none-match",
        },
      });
      expect(response.status(), path).toBe(204);
      const headers = response.headers();
      expect(headers["access-control-allow-origin"], path).toBe("*");
      expect(headers["access-control-allow-methods"], path).toBe("GET, HEAD, OPTIONS");
      expect(headers["access-control-allow-headers"]?.toLowerCase(), path).toContain("cache-control");
      expect(headers["access-control-allow-headers"]?.toLowerCase(), path).toContain("if-none-match");
      expect(headers["access-control-allow-credentials"], path).toBeUndefined();
    }
  });

  test("a script on another origin reads the API, even with a header that needs a preflight", async ({
    page,
    baseURL,
  }) => {
    // Another origin (another port): a blank page that a real browser treats as foreign.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><html lang=en><title>Another site</title></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      const target = new URL("/api/v1/commitments?per_page=1", baseURL).toString();
      const result = await page.evaluate(async (url) => {
        const plain = await fetch(url, { headers: { "Cache-Control": "no-cache" } });
        const total: number = (await plain.json()).pagination.total;
        let credentialed = "allowed";
        try {
          await fetch(url, { credentials: "include" });
        } catch {
          credentialed = "refused";
        }
        return { status: plain.status, total, credentialed };
      }, target);
      expect(result.status).toBe(200);
      expect(result.total).toBeGreaterThanOrEqual(4);
      // With Access-Control-Allow-Origin: * a browser never sends cookies along: nothing to steal.
      expect(result.credentialed).toBe("refused");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

test.describe("the API page", () => {
  test("lists each endpoint with its parameters, responses and an example", async ({ page }) => {
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: "Public API" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "GET /api/v1/commitments/{id}" })).toBeVisible();
    const parameters = page.getByRole("table", {
      name: "Parameters of GET /api/v1/commitments",
      exact: true,
    });
    await expect(parameters.getByRole("rowheader", { name: "due_from" })).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: "Responses of GET /api/v1/companies/{slug}", exact: true })
        .getByRole("row"),
    ).toHaveCount(4); // the header, 200, 400 and 404
    await expect(page.getByRole("table", { name: "Fields of CommitmentStatus" })).toContainText(
      "days_to_deadline",
    );
    await expect(page.getByRole("link", { name: "the OpenAPI 3.1.0 document" })).toHaveAttribute(
      "href",
      "/api/v1/openapi.json",
    );
    await page.getByRole("link", { name: "/api/v1/companies/xiaomi", exact: true }).click();
    await expect(page).toHaveURL(/\/api\/v1\/companies\/xiaomi$/);
  });

  test("passes an accessibility check", async ({ page }) => {
    // axe walks every node of the whole documented schema: 15 s on an idle 2-core machine.
    test.setTimeout(60_000);
    await page.goto("/api-docs");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});
