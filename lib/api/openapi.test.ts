import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Db } from "@/db/connection";
import { getCommitment } from "@/db/queries/commitments";
import { getCompany, listCompanies } from "@/db/queries/companies";
import { searchCommitments } from "@/db/queries/explorer";
import { listFacilities } from "@/db/queries/facilities";
import { listPartnerships } from "@/db/queries/partnerships";
import { commitmentArchiveStates, companyArchiveStates } from "@/db/queries/source-archives";
import {
  commitmentDetailJson,
  commitmentJson,
  commitmentListJson,
  companyCommitmentJson,
  sourceJson,
  sourceWithArchiveJson,
} from "@/lib/api/commitment-json";
import {
  companyDetailJson,
  companyJson,
  facilityJson,
  pageLinks,
  paginationJson,
  partnershipJson,
} from "@/lib/api/directory-json";
import { CORS_PREFLIGHT_HEADERS, OPTIONS } from "@/lib/api/cors";
import { ENDPOINTS, EXAMPLE_URL_KEY, getOpenApiDocument } from "@/lib/api/openapi";
import {
  CommitmentDetailSchema,
  CommitmentListItemSchema,
  CommitmentSchema,
  CompanyCommitmentSchema,
} from "@/lib/api/schemas/commitment";
import {
  PageLinksSchema,
  PaginationSchema,
  SourceSchema,
  SourceWithArchiveSchema,
} from "@/lib/api/schemas/common";
import {
  CompanyDetailSchema,
  CompanySchema,
  FacilitySchema,
  PartnershipSchema,
} from "@/lib/api/schemas/directory";
import { tempDatabase } from "@/lib/testing/temp-db";
import { ChangesParamsSchema } from "@/lib/validation/changes-params";
import { DEFAULT_EXPLORER_QUERY, EXPLORER_PARAMETERS } from "@/lib/validation/explorer-params";

// The type-level tie: each builder's return type and the type its schema infers must be
// assignable both ways. One way catches a field the schema wants and the builder lacks (or types
// differently); the other catches a field the builder adds that the document does not have. Either
// drift fails `tsc`, naming the key below.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const RESPONSE_TYPES_MATCH_SCHEMAS: {
  source: Same<ReturnType<typeof sourceJson>, z.output<typeof SourceSchema>>;
  sourceWithArchive: Same<ReturnType<typeof sourceWithArchiveJson>, z.output<typeof SourceWithArchiveSchema>>;
  commitment: Same<ReturnType<typeof commitmentJson>, z.output<typeof CommitmentSchema>>;
  companyCommitment: Same<ReturnType<typeof companyCommitmentJson>, z.output<typeof CompanyCommitmentSchema>>;
  commitmentListItem: Same<ReturnType<typeof commitmentListJson>, z.output<typeof CommitmentListItemSchema>>;
  commitmentDetail: Same<ReturnType<typeof commitmentDetailJson>, z.output<typeof CommitmentDetailSchema>>;
  company: Same<ReturnType<typeof companyJson>, z.output<typeof CompanySchema>>;
  companyDetail: Same<ReturnType<typeof companyDetailJson>, z.output<typeof CompanyDetailSchema>>;
  facility: Same<ReturnType<typeof facilityJson>, z.output<typeof FacilitySchema>>;
  partnership: Same<ReturnType<typeof partnershipJson>, z.output<typeof PartnershipSchema>>;
  pagination: Same<ReturnType<typeof paginationJson>, z.output<typeof PaginationSchema>>;
  pageLinks: Same<ReturnType<typeof pageLinks>, z.output<typeof PageLinksSchema>>;
} = {
  source: true,
  sourceWithArchive: true,
  commitment: true,
  companyCommitment: true,
  commitmentListItem: true,
  commitmentDetail: true,
  company: true,
  companyDetail: true,
  facility: true,
  partnership: true,
  pagination: true,
  pageLinks: true,
};

const TODAY = "2026-11-25";
const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Each route file under app/api/v1, as the OpenAPI path it serves: [id] becomes {id}. */
function routeFiles(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const segments = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean);
        const apiPath = segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
        found.push({ file: full, path: `/api/v1${apiPath ? `/${apiPath}` : ""}` });
      }
    }
  };
  walk(API_ROOT);
  return found;
}

describe("the OpenAPI document", () => {
  const doc = getOpenApiDocument();

  it("is OpenAPI 3.1 with its licence, citation guidance and a relative server", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toMatch(/Make in India localisation tracker/);
    expect(doc.info.version).toMatch(/^[0-9]+\.[0-9]+\.[0-9]+$/);
    expect(doc.info.license).toEqual({ name: "CC BY 4.0", identifier: "CC-BY-4.0" });
    expect(doc.info.description).toContain("CC BY 4.0");
    expect(doc.info.description).toMatch(/[Cc]ite the tracker/);
    expect(doc.servers).toEqual([{ url: "/", description: "This site." }]);
  });

  it("is generated once and cannot be changed by a caller", () => {
    expect(getOpenApiDocument()).toBe(doc);
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.paths)).toBe(true);
  });

  it("has a path for every route file under app/api/v1, and every route answers OPTIONS", () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const documented = Object.keys(doc.paths ?? {});
    for (const route of routes) {
      expect(documented, `${route.file} has no path in the document`).toContain(route.path);
      const source = fs.readFileSync(route.file, "utf8");
      expect(source, `${route.file} does not answer the CORS preflight`).toMatch(
        /export\s*\{\s*OPTIONS\s*\}\s*from\s*["']@\/lib\/api\/cors["']/,
      );
    }
    const served = new Set(routes.map((r) => r.path));
    const unserved = documented.filter((p) => !served.has(p));
    expect(unserved, "documented paths with no route file").toEqual([]);
  });

  it("describes every operation: an id, a tag, a summary, and an example URL for that path", () => {
    const ids = new Set<string>();
    for (const [apiPath, item] of Object.entries(doc.paths ?? {})) {
      const op = item.get;
      expect(op, apiPath).toBeDefined();
      expect(op?.operationId, apiPath).toBeTruthy();
      ids.add(op?.operationId ?? "");
      expect(op?.tags?.length, apiPath).toBe(1);
      expect(op?.summary, apiPath).toBeTruthy();
      const example = op?.[EXAMPLE_URL_KEY];
      expect(typeof example, apiPath).toBe("string");
      const pattern = new RegExp(`^${apiPath.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/?]+")}(\\?|$)`);
      expect(String(example), apiPath).toMatch(pattern);
    }
    expect(ids.size).toBe(ENDPOINTS.length);
  });

  it("documents the explorer's parameters exactly as the schema that parses them", () => {
    const names = (p: string) =>
      (doc.paths?.[p]?.get?.parameters ?? []).map((param) => ("name" in param ? param.name : param.$ref));
    expect(names("/api/v1/commitments")).toEqual(EXPLORER_PARAMETERS);
    const view = EXPLORER_PARAMETERS.filter((p) => p !== "page" && p !== "per_page");
    for (const p of ["/api/v1/commitments.csv", "/api/v1/commitments.json", "/api/v1/deadlines.ics"]) {
      expect(names(p), p).toEqual(view);
    }
    expect(names("/api/v1/changes.atom")).toEqual(Object.keys(ChangesParamsSchema.shape));
  });

  it("documents each error: 400 with the parameter, 404 without, both as JSON", () => {
    for (const [apiPath, item] of Object.entries(doc.paths ?? {})) {
      const responses = item.get?.responses ?? {};
      if (responses["400"]) {
        expect(responses["400"].content?.["application/json"]?.schema, apiPath).toEqual({
          $ref: "#/components/schemas/InvalidParameterError",
        });
      }
      if (responses["404"]) {
        expect(responses["404"].content?.["application/json"]?.schema, apiPath).toEqual({
          $ref: "#/components/schemas/NotFoundError",
        });
      }
      const hasParameters = (item.get?.parameters ?? []).length > 0;
      if (hasParameters && apiPath !== "/api/v1/stats/{name}")
        expect(responses["400"], apiPath).toBeDefined();
    }
    const errors = doc.components?.schemas ?? {};
    expect(errors.InvalidParameterError).toMatchObject({
      properties: { error: { required: ["code", "parameter", "message"] } },
    });
    expect(errors.NotFoundError).toMatchObject({ properties: { error: { required: ["code", "message"] } } });
  });

  it("gives sources their archived copies in single records only, so lists keep their contract", () => {
    const schemas = doc.components?.schemas ?? {};
    const sourcesRef = (name: string, ...path: string[]) => {
      let node: unknown = schemas[name];
      for (const key of ["properties", ...path, "items", "$ref"])
        node = (node as Record<string, unknown> | undefined)?.[key];
      return node;
    };
    const plain = "#/components/schemas/Source";
    const archived = "#/components/schemas/SourceWithArchive";
    for (const name of ["Commitment", "CommitmentListItem", "Company", "Facility", "Partnership"])
      expect(sourcesRef(name, "sources"), name).toBe(plain);
    for (const name of [
      "CommitmentDetail",
      "CompanyDetail",
      "CompanyCommitment",
      "CompanyFacility",
      "CompanyPartnership",
      "ProgressUpdate",
    ])
      expect(sourcesRef(name, "sources"), name).toBe(archived);
    expect(schemas.SourceWithArchive).toMatchObject({
      required: expect.arrayContaining(["id", "archive"]),
      properties: { archive: { $ref: "#/components/schemas/SourceArchive" } },
    });
    expect(schemas.SourceArchive).toMatchObject({
      required: ["archived", "not_archived_reason", "link"],
    });
    // Both may be null: the generator makes a nullable registered object its component.
    expect(schemas.ArchivedCopy).toMatchObject({ type: ["object", "null"] });
    expect(JSON.stringify(schemas.SourceLinkState)).toContain('{"type":"null"}');
  });

  it("gives the feeds their own media types", () => {
    const content = (p: string) => Object.keys(doc.paths?.[p]?.get?.responses?.["200"]?.content ?? {});
    expect(content("/api/v1/deadlines.ics")).toEqual(["text/calendar"]);
    expect(content("/api/v1/changes.atom")).toEqual(["application/atom+xml"]);
    expect(content("/api/v1/commitments.csv")).toEqual(["text/csv"]);
    expect(content("/api/v1/stats/{name}")).toEqual(["text/csv"]);
  });
});

describe("the response schemas against what the builders produce from the seed", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = tempDatabase());
  });
  afterAll(() => cleanup());

  // Every JSON Schema in the document, compiled as the contract test compiles it.
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    formats: {
      date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
      "date-time":
        /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/,
    },
  });
  // Only the components, under a name: `components` is no JSON Schema keyword, so strict mode
  // must be told to leave it alone; `example` is OpenAPI's own keyword.
  ajv.addVocabulary(["components", "example"]);
  ajv.addSchema({ $id: "urn:tracker:openapi", components: structuredClone(getOpenApiDocument().components) });
  const validator = (name: string) => {
    const validate = ajv.getSchema(`urn:tracker:openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`No component ${name}`);
    return (value: unknown) => {
      validate(value);
      return ajv.errorsText(validate.errors ?? []);
    };
  };

  /** The value parses, loses nothing (zod drops unknown keys) and meets the generated JSON Schema. */
  function check(schema: z.ZodType, component: string, value: unknown) {
    expect(schema.parse(value)).toEqual(value);
    expect(validator(component)(value)).toBe("No errors");
  }

  it("commitments, in a list and one by one", () => {
    const page = searchCommitments(db, { ...DEFAULT_EXPLORER_QUERY, includeSuperseded: true }, TODAY);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      check(CommitmentListItemSchema, "CommitmentListItem", commitmentListJson(item));
      const detail = getCommitment(db, item.id, TODAY);
      if (!detail) throw new Error(`No commitment ${item.id}`);
      const archives = commitmentArchiveStates(db, detail);
      check(CommitmentDetailSchema, "CommitmentDetail", commitmentDetailJson(detail, archives));
    }
  });

  it("companies, facilities and partnerships", () => {
    const companies = listCompanies(db, {}, { page: 1, perPage: 100 });
    expect(companies.items.length).toBeGreaterThan(0);
    check(PaginationSchema, "Pagination", paginationJson(companies));
    check(PageLinksSchema, "PageLinks", pageLinks("/api/v1/companies", { q: undefined }, companies));
    for (const c of companies.items) {
      check(CompanySchema, "Company", companyJson(c));
      const detail = getCompany(db, c.slug, { page: 1, perPage: 25, today: TODAY });
      if (!detail) throw new Error(`No company ${c.slug}`);
      const archives = companyArchiveStates(db, detail);
      check(CompanyDetailSchema, "CompanyDetail", companyDetailJson(detail, archives));
    }
    const facilities = listFacilities(db, {}, { page: 1, perPage: 100 }).items;
    expect(facilities.some((f) => f.investmentAmount !== null)).toBe(true);
    for (const f of facilities) check(FacilitySchema, "Facility", facilityJson(f));
    const partnerships = listPartnerships(db, {}, { page: 1, perPage: 100 }).items;
    expect(partnerships.length).toBeGreaterThan(0);
    for (const p of partnerships) check(PartnershipSchema, "Partnership", partnershipJson(p));
  });
});

describe("the CORS preflight", () => {
  it("allows any origin to GET, without credentials", () => {
    const response = OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(Object.keys(CORS_PREFLIGHT_HEADERS)).toContain("Access-Control-Allow-Headers");
  });
});
