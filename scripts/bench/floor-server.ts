import http from "node:http";
import { openDatabase } from "@/db/connection";
import { searchCommitments } from "@/db/queries/explorer";
import { commitmentListJson } from "@/lib/api/commitment-json";
import { today } from "@/lib/server/clock";
import { explorerSearchParams, parseExplorerParams } from "@/lib/validation/explorer-params";

// The floor for /api/v1/commitments: the same work the route handler does (parse the parameters
// with the same zod schema, run the same query functions, shape the same JSON with the same
// links), served by bare node:http with no framework, middleware or headers policy. The app's
// throughput divided by this one is what the framework and its middleware cost.
//
// Run by scripts/bench/floor.ts: DATABASE_URL=<file> PORT=<port> tsx --conditions=react-server …

const file = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!file || !Number.isInteger(port)) throw new Error("DATABASE_URL and PORT are required");

// Opened as the app opens it (app's getDb: migrate and seed, both no-ops on a ready file).
const db = openDatabase(file);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "public, max-age=0, must-revalidate",
  });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://floor");
  if (url.pathname !== "/api/v1/commitments") return send(res, 404, { error: { code: "not_found" } });
  const parsed = parseExplorerParams(url.searchParams);
  if (!parsed.success) {
    const { parameter, message } = parsed.error;
    return send(res, 400, { error: { code: "invalid_parameter", parameter, message } });
  }
  const query = parsed.data;
  const result = searchCommitments(db, query, today());
  const link = (page: number) => {
    const params = explorerSearchParams({ ...query, page }).toString();
    return `/api/v1/commitments${params ? `?${params}` : ""}`;
  };
  send(res, 200, {
    data: result.items.map(commitmentListJson),
    pagination: {
      page: result.page,
      per_page: result.perPage,
      total: result.total,
      total_pages: result.totalPages,
    },
    links: {
      self: link(result.page),
      next: result.page < result.totalPages ? link(result.page + 1) : null,
      prev: result.page > 1 ? link(Math.min(result.page - 1, result.totalPages)) : null,
    },
  });
});

server.keepAliveTimeout = 5_000;
server.listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
