import type { ParamError } from "@/lib/validation/api-params";

// Every API error has the same shape, so clients can report it without guessing.

const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

export function jsonOk(body: unknown, init?: { headers?: Record<string, string> }): Response {
  return Response.json(body, {
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=0, must-revalidate",
      ...init?.headers,
    },
  });
}

export function badParameter({ parameter, message }: ParamError): Response {
  return Response.json(
    { error: { code: "invalid_parameter", parameter, message } },
    { status: 400, headers },
  );
}

export function notFound(message: string): Response {
  return Response.json({ error: { code: "not_found", message } }, { status: 404, headers });
}
