import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchPolicy } from "../fetch-policy";

// A real HTTP server on a random loopback port, for the fetcher's tests: it counts the TCP
// connections it accepts, so a test can prove that a refused fetch never connected.

export type OriginServer = {
  port: number;
  /** http://127.0.0.1:{port} (or the [::1] form for an IPv6 server), no trailing slash. */
  origin: string;
  /** TCP connections accepted so far. */
  connections(): number;
  /** Requests received so far: path, headers, and milliseconds since the server started. */
  requests: { path: string; headers: http.IncomingHttpHeaders; at: number }[];
  close(): Promise<void>;
};

export type Routes = Record<string, http.RequestListener>;

/** Port 0 picks a free port; an e2e setup that must name the port in TRACKER_FETCH_ALLOW_LOOPBACK_PORTS passes one. */
export async function startOriginServer(routes: Routes, host = "127.0.0.1", port = 0): Promise<OriginServer> {
  const started = performance.now();
  const requests: OriginServer["requests"] = [];
  let connections = 0;
  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers, at: performance.now() - started });
    const route = routes[path] ?? routes[path.split("?")[0] ?? ""];
    if (route) return route(request, response);
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    origin: host.includes(":") ? `http://[${host}]:${bound}` : `http://${host}:${bound}`,
    connections: () => connections,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with `body` and `contentType`. */
export function page(
  body: string | Buffer,
  contentType = "text/html; charset=utf-8",
  headers = {},
): http.RequestListener {
  return (_request, response) => {
    response.writeHead(200, { "Content-Type": contentType, ...headers }).end(body);
  };
}

/** Redirects with `status` to `location`. */
export function redirect(location: string, status = 302): http.RequestListener {
  return (_request, response) => {
    response.writeHead(status, { Location: location }).end();
  };
}

/** The policy the tests fetch under: loopback allowed on `ports` only, a short time limit. */
export function testPolicy(...ports: number[]): FetchPolicy {
  return {
    userAgent: "MakeInIndiaTracker/1.0 (+http://127.0.0.1:3100; test)",
    allowLoopbackPorts: ports,
    timeoutMs: 3_000,
  };
}
