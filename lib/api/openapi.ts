import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { DASHBOARD_TABLES, type DashboardTableName } from "@/lib/api/dashboard-csv";
import {
  CommitmentDetailResponseSchema,
  CommitmentExportResponseSchema,
  CommitmentListResponseSchema,
  CommitmentSchema,
} from "@/lib/api/schemas/commitment";
import { InvalidParameterErrorSchema, NotFoundErrorSchema } from "@/lib/api/schemas/common";
import {
  CompanyDetailResponseSchema,
  CompanyListResponseSchema,
  FacilityListResponseSchema,
  PartnershipListResponseSchema,
} from "@/lib/api/schemas/directory";
import { citation, DATA_LICENCE, TRACKER_NAME } from "@/lib/export/csv";
import { RecordIdSchema } from "@/lib/validation/api-params";
import {
  CompaniesCsvParamsSchema,
  CompaniesParamsSchema,
  CompanyParamsSchema,
  CompanySlugSchema,
  FacilitiesCsvParamsSchema,
  FacilitiesParamsSchema,
  PartnershipsCsvParamsSchema,
  PartnershipsParamsSchema,
} from "@/lib/validation/directory-params";
import { ExplorerParamsShapeSchema } from "@/lib/validation/explorer-params";
// The feed's own schema, where its route keeps it, so the document follows any change to it.
import { ChangesParamsSchema } from "@/lib/validation/changes-params";

// The public API's OpenAPI 3.1 document, generated from the zod schemas that validate each
// route's parameters and from those that describe each response (lib/api/schemas), so the
// document cannot promise a parameter or a field the code does not have. /api/v1/openapi.json
// serves it and /api-docs renders it. Every route under app/api/v1 must have a path here;
// lib/api/openapi.test.ts reads that folder to check it.

// Metadata the shared schemas lack (parameter examples, the id's description) is added here with
// zod's own `.meta()`, which the generator reads like `.openapi()`. extendZodWithOpenApi would not
// do: zod 4 copies methods onto each schema when it is built, so schemas that the parameter
// modules built before the extension ran never get `.openapi()`.

export const API_VERSION = "1.0.0";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/** The example URL of each operation, kept in the document so the API page and tests use it. */
export const EXAMPLE_URL_KEY = "x-example-url";

const TAGS = [
  {
    name: "Commitments",
    description: "What companies have committed to make or source in India, with status.",
  },
  { name: "Companies", description: "Companies with their commitments, facilities and partnerships." },
  { name: "Facilities", description: "Factories and sites, with their stage and announced investment." },
  { name: "Partnerships", description: "Brands and the companies that make their products in India." },
  { name: "Statistics", description: "The data behind the dashboard's charts." },
  { name: "Feeds", description: "Deadlines for calendar apps and published changes for feed readers." },
  { name: "About", description: "This document." },
] as const;
type Tag = (typeof TAGS)[number]["name"];

const EXPLORER_EXAMPLES: Record<keyof typeof ExplorerParamsShapeSchema.shape, string> = {
  q: "wireless audio",
  company: "xiaomi",
  category: "Wireless audio",
  state: "IN-UP",
  scheme: "make_in_india",
  status: "overdue_unverified,behind",
  evidence: "announced",
  due_from: "2025",
  due_to: "2026-06-30",
  include_superseded: "true",
  sort: "-announced",
  page: "2",
  per_page: "50",
};

const DIRECTORY_EXAMPLES: Record<string, string> = {
  q: "xiao",
  state: "IN-UP",
  company: "xiaomi",
  stage: "operational",
  page: "1",
  per_page: "50",
};

/**
 * The same object with an example on each parameter. The field schemas themselves are reused, so
 * the document still describes exactly what the route validates.
 */
function withExamples(schema: z.ZodObject, examples: Record<string, string>): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    if (!(field instanceof z.ZodType)) throw new Error(`Parameter ${name} is not a zod schema`);
    const example = examples[name];
    // Parameters arrive as text; the generator would give the parsed default (1, a number).
    const fallback = field instanceof z.ZodDefault ? { default: String(field.def.defaultValue) } : {};
    shape[name] = field.meta({ ...fallback, ...(example === undefined ? {} : { param: { example } }) });
  }
  return z.object(shape);
}

const explorerQuery = withExamples(ExplorerParamsShapeSchema, EXPLORER_EXAMPLES);
// The exports and feeds cover the whole view, so the routes drop the page's pagination.
const explorerViewQuery = withExamples(
  ExplorerParamsShapeSchema.omit({ page: true, per_page: true }),
  EXPLORER_EXAMPLES,
);

const idParams = z.object({
  id: RecordIdSchema.meta({
    description: "The commitment's id, a positive whole number.",
    param: { example: "1" },
  }),
});
const slugParams = z.object({ slug: CompanySlugSchema.meta({ param: { example: "xiaomi" } }) });

const STATS_FILES = Object.keys(DASHBOARD_TABLES).map((name) => `${name}.csv`);
const statsParams = z.object({
  name: z.enum(STATS_FILES).meta({
    description: `The table: ${Object.entries(DASHBOARD_TABLES)
      .map(([name, table]) => `${name}.csv (${table.title.toLowerCase()})`)
      .join(", ")}.`,
    param: { example: "by-status.csv" satisfies `${DashboardTableName}.csv` },
  }),
});

const OpenApiDocumentSchema = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.[0-9]+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({})),
  })
  .meta({ id: "OpenApiDocument", description: "An OpenAPI 3.1 document: this one." });

// Every response, errors included, may be read from any origin.
const CORS_HEADER = {
  "Access-Control-Allow-Origin": {
    description: "Always *: any site may read the public API; no credentials are used.",
    schema: { type: "string" as const, const: "*" },
  },
};

function json(description: string, schema: z.ZodType): ResponseConfig {
  return { description, headers: CORS_HEADER, content: { "application/json": { schema } } };
}

function download(
  description: string,
  mediaType: string,
  what: string,
  disposition: "attachment" | "inline" = "attachment",
): ResponseConfig {
  return {
    description,
    headers: {
      ...CORS_HEADER,
      "Content-Disposition": {
        description:
          disposition === "attachment"
            ? "attachment, with a file name carrying the date retrieved."
            : "inline, with a file name for saving.",
        schema: { type: "string" },
      },
    },
    content: { [mediaType]: { schema: z.string().describe(what) } },
  };
}

const CSV_WITH_CITATION =
  'CSV (RFC 4180, CRLF line ends). The first line is the citation, the second the column headers. A cell a spreadsheet would read as a formula is prefixed with a single quote; a list cell joins its items with " | ".';

const badParameter = json(
  "A parameter is unknown or cannot be used; the body names it.",
  InvalidParameterErrorSchema,
);
const notFound = (what: string) => json(`No published ${what} at this address.`, NotFoundErrorSchema);

type Endpoint = {
  path: `/api/v1/${string}`;
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  responses: Record<number, ResponseConfig>;
  example: string;
};

export const ENDPOINTS: readonly Endpoint[] = [
  {
    path: "/api/v1/commitments",
    operationId: "listCommitments",
    tag: "Commitments",
    summary: "Commitments, a page at a time",
    description:
      "The explorer's view as JSON: the same parameters as /commitments give the same commitments, in the same order. Superseded commitments are left out unless include_superseded is true.",
    query: explorerQuery,
    responses: { 200: json("A page of commitments.", CommitmentListResponseSchema), 400: badParameter },
    example: "/api/v1/commitments?company=xiaomi&status=overdue_unverified",
  },
  {
    path: "/api/v1/commitments/{id}",
    operationId: "getCommitment",
    tag: "Commitments",
    summary: "One commitment, with its progress, sources and history",
    description:
      "Each source, the commitment's own and each progress update's, comes with its archived copy and the state of its link.",
    params: idParams,
    responses: {
      200: json("The commitment.", CommitmentDetailResponseSchema),
      400: badParameter,
      404: notFound("commitment"),
    },
    example: "/api/v1/commitments/1",
  },
  {
    path: "/api/v1/commitments.csv",
    operationId: "exportCommitmentsCsv",
    tag: "Commitments",
    summary: "Every commitment in a view, as CSV",
    description:
      "All pages of the view the explorer's parameters describe; page and per_page are ignored. The citation names the explorer's address for the same view.",
    query: explorerViewQuery,
    responses: {
      200: download("The commitments.", "text/csv", CSV_WITH_CITATION),
      400: badParameter,
    },
    example: "/api/v1/commitments.csv?state=IN-UP",
  },
  {
    path: "/api/v1/commitments.json",
    operationId: "exportCommitmentsJson",
    tag: "Commitments",
    summary: "Every commitment in a view, as one JSON document",
    description: "All pages of the view, with its citation; page and per_page are ignored.",
    query: explorerViewQuery,
    responses: {
      200: json("The commitments, with the citation.", CommitmentExportResponseSchema),
      400: badParameter,
    },
    example: "/api/v1/commitments.json?status=overdue_unverified",
  },
  {
    path: "/api/v1/companies",
    operationId: "listCompanies",
    tag: "Companies",
    summary: "Companies, a page at a time",
    query: withExamples(CompaniesParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: json("A page of companies.", CompanyListResponseSchema), 400: badParameter },
    example: "/api/v1/companies?q=xiao",
  },
  {
    path: "/api/v1/companies/{slug}",
    operationId: "getCompany",
    tag: "Companies",
    summary: "One company, with its partnerships, facilities and a page of its commitments",
    description:
      "Every source in the response (the company's, its partnerships', facilities' and commitments') comes with its archived copy and the state of its link.",
    params: slugParams,
    query: withExamples(CompanyParamsSchema, DIRECTORY_EXAMPLES),
    responses: {
      200: json("The company.", CompanyDetailResponseSchema),
      400: badParameter,
      404: notFound("company"),
    },
    example: "/api/v1/companies/xiaomi",
  },
  {
    path: "/api/v1/companies.csv",
    operationId: "exportCompaniesCsv",
    tag: "Companies",
    summary: "Every company matching a search, as CSV",
    query: withExamples(CompaniesCsvParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: download("The companies.", "text/csv", CSV_WITH_CITATION), 400: badParameter },
    example: "/api/v1/companies.csv",
  },
  {
    path: "/api/v1/facilities",
    operationId: "listFacilities",
    tag: "Facilities",
    summary: "Facilities, a page at a time",
    description: "A company slug that names no company is a 400, not an empty list.",
    query: withExamples(FacilitiesParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: json("A page of facilities.", FacilityListResponseSchema), 400: badParameter },
    example: "/api/v1/facilities?state=IN-UP",
  },
  {
    path: "/api/v1/facilities.csv",
    operationId: "exportFacilitiesCsv",
    tag: "Facilities",
    summary: "Every facility matching the filters, as CSV",
    query: withExamples(FacilitiesCsvParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: download("The facilities.", "text/csv", CSV_WITH_CITATION), 400: badParameter },
    example: "/api/v1/facilities.csv?company=xiaomi",
  },
  {
    path: "/api/v1/partnerships",
    operationId: "listPartnerships",
    tag: "Partnerships",
    summary: "Partnerships, a page at a time",
    description: "A company slug that names no company is a 400, not an empty list.",
    query: withExamples(PartnershipsParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: json("A page of partnerships.", PartnershipListResponseSchema), 400: badParameter },
    example: "/api/v1/partnerships?company=xiaomi",
  },
  {
    path: "/api/v1/partnerships.csv",
    operationId: "exportPartnershipsCsv",
    tag: "Partnerships",
    summary: "Every partnership of a company, or all, as CSV",
    query: withExamples(PartnershipsCsvParamsSchema, DIRECTORY_EXAMPLES),
    responses: { 200: download("The partnerships.", "text/csv", CSV_WITH_CITATION), 400: badParameter },
    example: "/api/v1/partnerships.csv",
  },
  {
    path: "/api/v1/stats/{name}",
    operationId: "getStatisticsCsv",
    tag: "Statistics",
    summary: "The table behind a dashboard chart, as CSV",
    description: "The same numbers the chart and its table on the dashboard show, for today's date in India.",
    params: statsParams,
    responses: { 200: download("The table.", "text/csv", CSV_WITH_CITATION), 404: notFound("table") },
    example: "/api/v1/stats/by-status.csv",
  },
  {
    path: "/api/v1/deadlines.ics",
    operationId: "getDeadlinesCalendar",
    tag: "Feeds",
    summary: "Commitments' deadlines as a calendar to subscribe to",
    description:
      "An iCalendar (RFC 5545) feed with one all-day event on each commitment's due date, for the view the explorer's parameters describe; page and per_page are ignored. Withdrawn and undated commitments have no deadline to keep and are never in it; superseded ones only with include_superseded. A very large view holds the deadlines nearest to today, and says so in its description.",
    query: explorerViewQuery,
    responses: {
      200: download("The calendar.", "text/calendar", "iCalendar (RFC 5545).", "inline"),
      400: badParameter,
    },
    example: "/api/v1/deadlines.ics?company=xiaomi",
  },
  {
    path: "/api/v1/changes.atom",
    operationId: "getChangesFeed",
    tag: "Feeds",
    summary: "Published changes as an Atom feed",
    description:
      "An Atom 1.0 (RFC 4287) feed of the newest changes that reached published data, newest first, optionally narrowed by the explorer's company, category and state filters. Other explorer parameters are refused: a change has no status.",
    query: withExamples(ChangesParamsSchema, EXPLORER_EXAMPLES),
    responses: {
      200: {
        description: "The feed.",
        headers: CORS_HEADER,
        content: { "application/atom+xml": { schema: z.string().describe("Atom 1.0 (RFC 4287).") } },
      },
      400: badParameter,
    },
    example: "/api/v1/changes.atom?company=xiaomi",
  },
  {
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "About",
    summary: "This document: OpenAPI 3.1",
    description: "Generated from the schemas that validate every request and describe every response.",
    responses: { 200: json("The OpenAPI document.", OpenApiDocumentSchema) },
    example: "/api/v1/openapi.json",
  },
];

const DESCRIPTION = [
  `Read-only access to the published records of the ${TRACKER_NAME}: what companies have committed to manufacture and source in India, checked against their deadlines, with the facilities and partnerships behind them. Every record carries its sources. Pending and rejected submissions never appear.`,
  `Licence: the data are published under ${DATA_LICENCE}; reuse them freely with attribution. Cite the tracker with the exact address you retrieved and the date you retrieved it, for example:`,
  citation({
    title: "Commitments",
    url: "https://<this site>/api/v1/commitments?state=IN-UP",
    retrievedOn: "2026-11-25",
  }),
  "CSV exports begin with their own citation line, and the JSON export carries it in its citation field.",
  "Archived sources: the tracker keeps a copy of every published source (a WARC record with the SHA-256 of what it fetched) and checks its link daily. The single-record endpoints (/api/v1/commitments/{id}, /api/v1/companies/{slug}) give each source its id and an archive object: the copy's date, hash, viewer and WARC download, or why there is none yet, and whether the live link is broken or has changed since. Cite the copy by its hash. Lists and CSV exports leave this out, to stay fast at any size.",
  "Parameters are strict: an unknown parameter, or a value that cannot be used, is answered with 400 and a JSON body naming the parameter; nothing is guessed or silently dropped. Filters that take several values accept the parameter repeated (status=behind&status=missed) or comma-separated (status=behind,missed). Statuses are computed on each request for today's date in India.",
  'Errors are JSON: {"error": {"code", "parameter", "message"}}, where code is invalid_parameter (400, with the parameter) or not_found (404). Links in responses are relative to this site. Every response allows any origin (Access-Control-Allow-Origin: *) and no request needs credentials.',
].join("\n\n");

function buildDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const e of ENDPOINTS) {
    const route: RouteConfig = {
      method: "get",
      path: e.path,
      operationId: e.operationId,
      tags: [e.tag],
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      request: { params: e.params, query: e.query },
      responses: e.responses,
      [EXAMPLE_URL_KEY]: e.example,
    };
    registry.registerPath(route);
  }
  // Commitment is no longer any response's part since a company's record gives CompanyCommitment
  // (sources with their archived copies), but clients generated from the document may name it:
  // it stays a component, the base of CommitmentListItem and CommitmentDetail.
  const definitions = [...registry.definitions, { type: "schema" as const, schema: CommitmentSchema }];
  const document = new OpenApiGeneratorV31(definitions, {
    sortComponents: "alphabetically",
  }).generateDocument({
    openapi: "3.1.0",
    info: {
      title: `${TRACKER_NAME}: public API`,
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: "/", description: "This site." }],
    tags: TAGS.map((t) => ({ ...t })),
  });
  return deepFreeze(document);
}

// One document per process: the cached object is shared by every request, so it is frozen.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let cached: OpenApiDocument | undefined;

/** The OpenAPI document, generated once per process. */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
