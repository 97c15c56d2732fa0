import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import next from "next";
import { startArchiving } from "@/archive/wiring";
import { databasePath, openDatabase } from "@/db/connection";
import { transportFromEnv } from "@/mail/transport";
import { startOutboxWorker } from "@/mail/worker";
import { digestIntervalMs, digestSettingsFromEnv, startDigestScheduler } from "@/mail/digest-scheduler";
import { sharedPolicyFrom } from "@/lib/cache/policy";
import { today } from "@/lib/server/clock";
import { SHARED_RENDER_HEADER } from "@/lib/server/shared-render";
import { retryPolicyWithFirstWait } from "@/lib/mail/backoff";
import { createFront, type Rendered } from "./front";

// `npm start`: the production server. Next renders as `next start` would, behind the response
// cache of server/front.ts (docs/decisions/0017). Takes the same -p/-H options as `next start`,
// and PORT and HOSTNAME from the environment.

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
  strict: true,
});

const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
const megabytes = Number(process.env.TRACKER_CACHE_MB?.trim() || 64);

// A secret only this process knows: proxy.ts renders without a nonce only for requests carrying
// it, which only the cache's own renders (below) do.
process.env.TRACKER_FILL_TOKEN = randomBytes(24).toString("base64url");

async function main(): Promise<void> {
  // Created, migrated and seeded here, before the first request; Next opens its own handle later.
  const file = databasePath();
  const db = openDatabase(file);
  const versionStatement = db.$client
    .prepare<[], number>("select version from publication_version where id = 1")
    .pluck();

  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();

  // The cache's renders go to Next through a listener of their own on loopback, so that a whole
  // response, headers and body, comes back to be kept: Next writes to a real socket either way.
  const renderer = http.createServer((req, res) => void handle(req, res));
  // Longer than the agent keeps a socket idle, so the listener rarely closes one under it.
  renderer.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => renderer.listen(0, "127.0.0.1", resolve));
  const rendererPort = (renderer.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4, timeout: 30_000 });

  // A kept-alive socket can be closed by the listener just as a request is written to it; that
  // request never reached Next, so it is safe to send once more on a fresh socket.
  const render = (url: string, headers: Record<string, string>): Promise<Rendered> =>
    renderOnce(url, headers).catch((error: NodeJS.ErrnoException & { reused?: boolean }) => {
      if (error.reused && (error.code === "ECONNRESET" || error.message === "socket hang up"))
        return renderOnce(url, headers);
      throw error;
    });
  const renderOnce = (url: string, headers: Record<string, string>) =>
    new Promise<Rendered>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: rendererPort,
          path: url,
          method: "GET",
          agent,
          headers: { ...headers, [SHARED_RENDER_HEADER]: process.env.TRACKER_FILL_TOKEN! },
          timeout: 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 500,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("timeout", () => request.destroy(new Error(`render of ${url} timed out`)));
      request.on("error", (error) => reject(Object.assign(error, { reused: request.reusedSocket })));
      request.end();
    });

  const front = createFront({
    handle,
    render,
    version: () => versionStatement.get() ?? 0,
    day: today,
    maxBytes: megabytes * 1024 * 1024,
    policy: sharedPolicyFrom(process.env),
    exposeMetrics: process.env.TRACKER_EXPOSE_METRICS === "1",
  });
  const server = http.createServer((req, res) => {
    front.listener(req, res).catch((error: unknown) => {
      console.error(
        JSON.stringify({
          level: "error",
          message: "request failed in the front",
          url: req.url,
          error: String(error),
        }),
      );
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side.");
    });
  });
  // Sends what decisions queued (docs/decisions/0023), from this process's own handle: the
  // outbox is drained every 15 seconds, and whatever a killed process left half-sent is taken up
  // again when its lease runs out.
  const transport = transportFromEnv(file);
  const mail = startOutboxWorker({
    db,
    transport,
    intervalMs: mailIntervalMs(process.env),
    policy: retryPolicyWithFirstWait(process.env.TRACKER_MAIL_RETRY_SECONDS),
  });
  console.log(JSON.stringify({ level: "info", message: "mail goes to", to: transport.description }));
  // Archives newly published sources and checks published links (docs/decisions/0029): captures
  // every TRACKER_ARCHIVE_INTERVAL_SECONDS, each link once per TRACKER_LINK_CHECK_INTERVAL_SECONDS.
  const archiving = startArchiving(db, process.env);
  // Queues the digests that are due, from the same handle, every 10 minutes: a send hour the
  // server was down for is caught up at the first check after it starts (docs/decisions/0024).
  const digestInterval = digestIntervalMs(process.env);
  const digests =
    digestInterval === null
      ? null
      : startDigestScheduler(db, digestSettingsFromEnv(), { intervalMs: digestInterval });

  server.listen(port, hostname, () => {
    console.log(`▲ Make in India localisation tracker on http://${hostname ?? "localhost"}:${port}`);
  });

  const stop = () => {
    server.close();
    renderer.close();
    agent.destroy();
    // A send in progress is finished and recorded rather than cut off, for up to five seconds
    // (a mail server that stops answering does not hold the shutdown). What is still queued
    // stays in the outbox for the next start.
    const patience = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([Promise.all([mail.stop(), archiving.stop(), digests?.stop()]), patience]).finally(() =>
      process.exit(0),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/** TRACKER_MAIL_INTERVAL_SECONDS: how often the outbox is drained (15 s unless set; tests set 1). */
function mailIntervalMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.TRACKER_MAIL_INTERVAL_SECONDS?.trim() || 15);
  return Number.isFinite(seconds) && seconds >= 0.1 ? seconds * 1000 : 15_000;
}
