// Which IP addresses the source fetcher may connect to (docs/decisions/0028). A URL that people
// supplied must not make the server talk to itself, its network or a cloud metadata service, so
// every address a host resolves to, at check time and again at connect time, passes through here.
// IPv4 is allowed unless it is in a special-purpose range; IPv6 is allowed only in global unicast
// (2000::/3) outside the special ranges there, plus the NAT64 prefix wrapping a public IPv4.

export type AddressVerdict =
  | { allowed: true; address: string }
  | {
      allowed: false;
      address: string;
      /** True only for 127.0.0.0/8 and ::1, the addresses a test-only setting may open on given ports. */
      loopback: boolean;
      /** The range, e.g. "10.0.0.0/8". */
      range: string;
      /** What the range is, for people: "a private network address". */
      what: string;
    };

type Range = { base: bigint; bits: number; range: string; what: string; loopback?: boolean };

function v4(cidr: string, what: string, loopback = false): Range {
  const [address = "", bits = "32"] = cidr.split("/");
  const value = parseIPv4(address);
  if (value === null) throw new Error(`bad IPv4 range ${cidr}`);
  return { base: value, bits: Number(bits), range: cidr, what, loopback };
}

function v6(cidr: string, what: string, loopback = false): Range {
  const [address = "", bits = "128"] = cidr.split("/");
  const value = parseIPv6(address);
  if (value === null) throw new Error(`bad IPv6 range ${cidr}`);
  return { base: value, bits: Number(bits), range: cidr, what, loopback };
}

// First match wins, so the narrow entries (metadata, broadcast) come before the ranges holding them.
const IPV4_FORBIDDEN: readonly Range[] = [
  v4("0.0.0.0/8", "an unspecified (“this network”) address"),
  v4("10.0.0.0/8", "a private network address"),
  v4("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
  v4("127.0.0.0/8", "a loopback address", true),
  v4("169.254.169.254/32", "the cloud metadata address"),
  v4("169.254.0.0/16", "a link-local address"),
  v4("172.16.0.0/12", "a private network address"),
  v4("192.0.0.0/24", "an IETF protocol assignment (reserved) address"),
  v4("192.0.2.0/24", "a documentation address"),
  v4("192.88.99.0/24", "a 6to4 relay (reserved) address"),
  v4("192.168.0.0/16", "a private network address"),
  v4("198.18.0.0/15", "a benchmarking address"),
  v4("198.51.100.0/24", "a documentation address"),
  v4("203.0.113.0/24", "a documentation address"),
  v4("224.0.0.0/4", "a multicast address"),
  v4("255.255.255.255/32", "the broadcast address"),
  v4("240.0.0.0/4", "a reserved address"),
  // Azure's platform endpoint (WireServer) answers instances on a public-looking address.
  v4("168.63.129.16/32", "a cloud platform metadata address"),
];

const IPV6_FORBIDDEN: readonly Range[] = [
  v6("::/128", "the unspecified address"),
  v6("::1/128", "a loopback address", true),
  v6("::ffff:0:0/96", "an IPv4-mapped IPv6 address"),
  v6("::ffff:0:0:0/96", "an IPv4-translated IPv6 address"),
  v6("::/96", "an IPv4-compatible IPv6 address"),
  v6("64:ff9b:1::/48", "a local-use NAT64 address"),
  v6("100::/64", "a discard-only address"),
  v6("2001::/32", "a Teredo tunnelling address"),
  v6("2001:2::/48", "a benchmarking address"),
  v6("2001:10::/28", "an ORCHID (reserved) address"),
  v6("2001:20::/28", "an ORCHID (reserved) address"),
  v6("2001:db8::/32", "a documentation address"),
  v6("3fff::/20", "a documentation address"),
  v6("fd00:ec2::254/128", "the cloud metadata address"),
  v6("fc00::/7", "a unique-local (private) address"),
  v6("fe80::/10", "a link-local address"),
  v6("fec0::/10", "a site-local (deprecated) address"),
  v6("ff00::/8", "a multicast address"),
];

const NAT64 = v6("64:ff9b::/96", "NAT64");
const SIX_TO_FOUR = v6("2002::/16", "6to4");
const GLOBAL_UNICAST = v6("2000::/3", "global unicast");

function inRange(value: bigint, width: number, range: Range): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
}

/** A dotted-quad IPv4 address as a number, or null. Only the canonical form: the URL parser and DNS give no other. */
export function parseIPv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

/** An IPv6 address (with or without brackets, a zone, or a dotted IPv4 tail) as a 128-bit number, or null. */
export function parseIPv6(text: string): bigint | null {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(":")) return null;

  const groups: number[] = [];
  const halves = s.split("::");
  if (halves.length > 2) return null;

  const parseHalf = (half: string, last: boolean): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? "";
      if (last && i === pieces.length - 1 && piece.includes(".")) {
        const tail = parseIPv4(piece);
        if (tail === null) return null;
        out.push(Number(tail >> 16n), Number(tail & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };

  if (halves.length === 2) {
    const head = parseHalf(halves[0] ?? "", false);
    const tail = parseHalf(halves[1] ?? "", true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups.push(...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail);
  } else {
    const all = parseHalf(s, true);
    if (!all || all.length !== 8) return null;
    groups.push(...all);
  }
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}

function refusedFor(address: string, range: Range): Extract<AddressVerdict, { allowed: false }> {
  return { allowed: false, address, loopback: Boolean(range.loopback), range: range.range, what: range.what };
}

function classifyIPv4(address: string, value: bigint): AddressVerdict {
  const hit = IPV4_FORBIDDEN.find((range) => inRange(value, 32, range));
  return hit ? refusedFor(address, hit) : { allowed: true, address };
}

/** Classifies an IPv6 address that wraps an IPv4 one by what it wraps (NAT64, 6to4). */
function classifyWrapped(address: string, inner: bigint, prefix: Range): AddressVerdict {
  const verdict = classifyIPv4(formatIPv4(inner), inner);
  if (verdict.allowed) return { allowed: true, address };
  return {
    allowed: false,
    address,
    loopback: false,
    range: prefix.range,
    what: `a ${prefix.what} address wrapping ${verdict.address}, ${verdict.what}`,
  };
}

/**
 * Whether the fetcher may connect to `address` (an IP address as DNS or the URL parser gives it).
 * Anything that is not an IP address is refused, so a caller that passes a host name by mistake
 * fails closed.
 */
export function classifyAddress(address: string): AddressVerdict {
  const ipv4 = parseIPv4(address);
  if (ipv4 !== null) return classifyIPv4(address, ipv4);

  const ipv6 = parseIPv6(address);
  if (ipv6 === null)
    return { allowed: false, address, loopback: false, range: "none", what: "not an IP address" };

  const mapped = IPV6_FORBIDDEN.find((range) => inRange(ipv6, 128, range));
  if (mapped?.range === "::ffff:0:0/96") {
    // Name what is wrapped, so "::ffff:7f00:1" reads as the loopback address it is.
    const inner = formatIPv4(ipv6 & 0xffffffffn);
    const wrapped = classifyIPv4(inner, ipv6 & 0xffffffffn);
    const what = wrapped.allowed ? inner : `${inner}, ${wrapped.what}`;
    return { ...refusedFor(address, mapped), what: `an IPv4-mapped IPv6 address (for ${what})` };
  }
  if (mapped) return refusedFor(address, mapped);
  if (inRange(ipv6, 128, NAT64)) return classifyWrapped(address, ipv6 & 0xffffffffn, NAT64);
  if (inRange(ipv6, 128, SIX_TO_FOUR))
    return classifyWrapped(address, (ipv6 >> 80n) & 0xffffffffn, SIX_TO_FOUR);
  if (!inRange(ipv6, 128, GLOBAL_UNICAST))
    return {
      allowed: false,
      address,
      loopback: false,
      range: "outside 2000::/3",
      what: "a reserved IPv6 address",
    };
  return { allowed: true, address };
}
