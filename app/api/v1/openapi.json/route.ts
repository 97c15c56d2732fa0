import { getOpenApiDocument } from "@/lib/api/openapi";
import { jsonOk } from "@/lib/api/responses";

// Rendered per request like the other API routes; the document itself is built once per process.
export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/cors";

/** The public API's OpenAPI 3.1 document. */
export function GET(): Response {
  return jsonOk(getOpenApiDocument());
}
