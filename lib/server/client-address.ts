import { isIP } from "node:net";

// Which address a request came from, for per-address rate limits. A client can send any
// X-Forwarded-For it likes, and `next start` passes it through untouched (it only fills the header
// from the socket when the client sent none), so the header is believed only as far as the
// operator says there are proxies in front: with TRACKER_TRUSTED_PROXY_HOPS=N the client is the
// Nth address from the right of the chain, the one the outermost trusted proxy saw. With none (the
// default), the client is the socket's peer. See docs/decisions/0013.

/** TRACKER_TRUSTED_PROXY_HOPS as a count of proxies: 0 unless it is a small whole number. */
export function trustedProxyHops(setting: string | undefined): number {
  const s = setting?.trim() ?? "";
  return /^\d{1,2}$/.test(s) ? Number(s) : 0;
}

/** "::ffff:192.0.2.1" (an IPv4 peer of a dual-stack socket) as "192.0.2.1"; null if not an address. */
export function normalAddress(value: string | undefined): string | null {
  let v = value?.trim() ?? "";
  // A proxy may write "[2001:db8::1]:443" or "192.0.2.1:5123"; only the address identifies the client.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(v)) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}

/**
 * The client's address: the socket's peer, or with `hops` trusted proxies in front, the address
 * the outermost of them recorded, `hops` places from the right of X-Forwarded-For. A chain shorter
 * than that, or a hop that is not an address, means the request did not come the way the operator
 * said, and the socket's peer is used: at worst every such request shares the proxy's limit.
 */
export function clientAddressFrom(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const peer = normalAddress(socketAddress) ?? "unknown";
  if (hops <= 0) return peer;
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length < hops) return peer;
  return normalAddress(chain[chain.length - hops]) ?? peer;
}

/**
 * The key an address is counted under. An IPv6 client usually holds a whole /64 and could
 * rotate through it, so IPv6 addresses count by their first four groups (as better-auth does).
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
