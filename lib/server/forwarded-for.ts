import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { clientAddressFrom, trustedProxyHops } from "./client-address";

// Rewrites each request's X-Forwarded-For to the one client address the tracker believes, before
// Next or better-auth reads it. Node announces every request on this channel synchronously, after
// parsing the headers and before the server's 'request' listener (Next) runs; `next start` offers
// no other place that sees the socket. Everything downstream (clientAddress(), better-auth's rate
// limit and session records) then reads a single trustworthy address. See docs/decisions/0013.

const CHANNEL = "http.server.request.start";
const installed = Symbol.for("tracker.forwardedForRewrite");

type RequestStart = { request: IncomingMessage; socket: Socket };

export function installForwardedForRewrite(setting = process.env.TRACKER_TRUSTED_PROXY_HOPS): void {
  const g = globalThis as { [installed]?: boolean };
  if (g[installed]) return;
  g[installed] = true;
  const hops = trustedProxyHops(setting);
  diagnostics.subscribe(CHANNEL, (message) => {
    const { request, socket } = message as RequestStart;
    const sent = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = clientAddressFrom(
      Array.isArray(sent) ? sent.join(",") : sent,
      socket?.remoteAddress ?? request.socket?.remoteAddress,
      hops,
    );
    // Read by nothing of ours, but a client could otherwise name itself to code that trusts it.
    delete request.headers["x-real-ip"];
  });
}
