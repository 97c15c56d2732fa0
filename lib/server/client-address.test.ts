import { describe, expect, test } from "vitest";
import { clientAddressFrom, normalAddress, rateLimitKey, trustedProxyHops } from "./client-address";

describe("trustedProxyHops", () => {
  test.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
    ["-1", 0],
    ["1.5", 0],
    ["yes", 0],
    ["999", 0],
  ])("%j → %d", (setting, hops) => expect(trustedProxyHops(setting)).toBe(hops));
});

describe("normalAddress", () => {
  test.each([
    ["192.0.2.1", "192.0.2.1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:192.0.2.1", "192.0.2.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["192.0.2.1:5123", "192.0.2.1"],
    ["unknown", null],
    ["<script>", null],
    ["", null],
    [undefined, null],
    ["999.1.1.1", null],
  ])("%j → %j", (value, expected) => expect(normalAddress(value)).toBe(expected));
});

describe("clientAddressFrom", () => {
  test.each([
    // No proxy: whatever the client claims, the socket's peer.
    [undefined, "::ffff:127.0.0.1", 0, "127.0.0.1"],
    ["198.51.100.7", "::ffff:127.0.0.1", 0, "127.0.0.1"],
    ["198.51.100.7, 203.0.113.9", "10.0.0.2", 0, "10.0.0.2"],
    [undefined, undefined, 0, "unknown"],
    // One proxy: the address it appended (the rightmost); anything left of it is the client's claim.
    ["198.51.100.7", "10.0.0.2", 1, "198.51.100.7"],
    ["1.2.3.4, 198.51.100.7", "10.0.0.2", 1, "198.51.100.7"],
    ["1.2.3.4,198.51.100.7", "10.0.0.2", 1, "198.51.100.7"],
    // Two proxies: the address the outer one appended, second from the right.
    ["1.2.3.4, 198.51.100.7, 10.0.0.9", "10.0.0.2", 2, "198.51.100.7"],
    // Not the way the operator said: the socket's peer, so such requests share one limit.
    [undefined, "10.0.0.2", 1, "10.0.0.2"],
    ["198.51.100.7", "10.0.0.2", 2, "10.0.0.2"],
    ["1.2.3.4, not-an-address", "10.0.0.2", 1, "10.0.0.2"],
    [" , ", "10.0.0.2", 1, "10.0.0.2"],
  ])("%j from %j with %d hops → %j", (forwarded, socket, hops, expected) =>
    expect(clientAddressFrom(forwarded, socket, hops)).toBe(expected),
  );
});

describe("rateLimitKey", () => {
  test.each([
    ["192.0.2.1", "192.0.2.1"],
    ["unknown", "unknown"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["2001:0db8:0001:0002::1", "2001:db8:1:2::/64"],
  ])("%j → %j", (address, key) => expect(rateLimitKey(address)).toBe(key));
});
