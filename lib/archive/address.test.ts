import { describe, expect, it } from "vitest";
import { classifyAddress, parseIPv4, parseIPv6 } from "./address";

describe("classifyAddress", () => {
  it.each([
    // address, range refused in (null: allowed), loopback
    ["0.0.0.0", "0.0.0.0/8", false],
    ["0.1.2.3", "0.0.0.0/8", false],
    ["10.0.0.1", "10.0.0.0/8", false],
    ["10.255.255.255", "10.0.0.0/8", false],
    ["100.64.0.1", "100.64.0.0/10", false],
    ["100.100.100.200", "100.64.0.0/10", false],
    ["100.127.255.255", "100.64.0.0/10", false],
    ["127.0.0.1", "127.0.0.0/8", true],
    ["127.255.255.254", "127.0.0.0/8", true],
    ["169.254.169.254", "169.254.169.254/32", false],
    ["169.254.1.1", "169.254.0.0/16", false],
    ["172.16.0.1", "172.16.0.0/12", false],
    ["172.31.255.255", "172.16.0.0/12", false],
    ["192.0.0.192", "192.0.0.0/24", false],
    ["192.0.2.10", "192.0.2.0/24", false],
    ["192.88.99.1", "192.88.99.0/24", false],
    ["192.168.1.1", "192.168.0.0/16", false],
    ["198.18.0.1", "198.18.0.0/15", false],
    ["198.19.255.255", "198.18.0.0/15", false],
    ["198.51.100.7", "198.51.100.0/24", false],
    ["203.0.113.9", "203.0.113.0/24", false],
    ["224.0.0.1", "224.0.0.0/4", false],
    ["239.255.255.250", "224.0.0.0/4", false],
    ["240.0.0.1", "240.0.0.0/4", false],
    ["255.255.255.255", "255.255.255.255/32", false],
    ["168.63.129.16", "168.63.129.16/32", false],
    ["::", "::/128", false],
    ["::1", "::1/128", true],
    ["[::1]", "::1/128", true],
    ["0:0:0:0:0:0:0:1", "::1/128", true],
    ["::ffff:127.0.0.1", "::ffff:0:0/96", false],
    ["::ffff:7f00:1", "::ffff:0:0/96", false],
    ["::ffff:10.0.0.1", "::ffff:0:0/96", false],
    ["::ffff:8.8.8.8", "::ffff:0:0/96", false],
    ["::127.0.0.1", "::/96", false],
    ["::7f00:1", "::/96", false],
    ["::ffff:0:7f00:1", "::ffff:0:0:0/96", false],
    ["64:ff9b::127.0.0.1", "64:ff9b::/96", false],
    ["64:ff9b::a9fe:a9fe", "64:ff9b::/96", false],
    ["64:ff9b::c0a8:101", "64:ff9b::/96", false],
    ["64:ff9b:1::1", "64:ff9b:1::/48", false],
    ["2002:7f00:1::", "2002::/16", false],
    ["2002:a00:1::1", "2002::/16", false],
    ["2002:a9fe:a9fe::", "2002::/16", false],
    ["100::1", "100::/64", false],
    ["2001:0:4136:e378::1", "2001::/32", false],
    ["2001:2::1", "2001:2::/48", false],
    ["2001:10::1", "2001:10::/28", false],
    ["2001:20::1", "2001:20::/28", false],
    ["2001:db8::1", "2001:db8::/32", false],
    ["3fff::1", "3fff::/20", false],
    ["fd00:ec2::254", "fd00:ec2::254/128", false],
    ["fc00::1", "fc00::/7", false],
    ["fdff:ffff::1", "fc00::/7", false],
    ["fe80::1", "fe80::/10", false],
    ["fe80::1%eth0", "fe80::/10", false],
    ["febf::1", "fe80::/10", false],
    ["fec0::1", "fec0::/10", false],
    ["ff02::1", "ff00::/8", false],
    ["1::1", "outside 2000::/3", false],
    ["4000::1", "outside 2000::/3", false],
    ["example.com", "none", false],
    ["127.1", "none", false],
    ["2130706433", "none", false],
    ["1.2.3.4.5", "none", false],
    ["::ffff:300.0.0.1", "none", false],
    ["1:2:3:4:5:6:7:8:9", "none", false],
    ["1::2::3", "none", false],
  ])("refuses %s (%s)", (address, range, loopback) => {
    const verdict = classifyAddress(address);
    expect(verdict).toMatchObject({ allowed: false, range, loopback });
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.215.14",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.169.0.1",
    "198.20.0.1",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82a::200e",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows the public address %s", (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true, address });
  });

  it("names what a wrapping address wraps", () => {
    expect(classifyAddress("::ffff:7f00:1")).toMatchObject({
      what: "an IPv4-mapped IPv6 address (for 127.0.0.1, a loopback address)",
    });
    expect(classifyAddress("64:ff9b::a9fe:a9fe")).toMatchObject({
      what: "a NAT64 address wrapping 169.254.169.254, the cloud metadata address",
    });
    expect(classifyAddress("2002:a00:1::1")).toMatchObject({
      what: "a 6to4 address wrapping 10.0.0.1, a private network address",
    });
  });
});

describe("address parsing", () => {
  it.each([
    ["1.2.3.4", 0x01020304n],
    ["255.255.255.255", 0xffffffffn],
    ["01.2.3.4", null],
    ["1.2.3", null],
    ["256.1.1.1", null],
  ])("parses IPv4 %s", (text, value) => {
    expect(parseIPv4(text)).toBe(value);
  });

  it.each([
    ["::", 0n],
    ["::1", 1n],
    ["1::", 1n << 112n],
    ["::ffff:1.2.3.4", 0xffff01020304n],
    ["1:2:3:4:5:6:7:8", 0x00010002000300040005000600070008n],
    ["1:2:3:4:5:6:1.2.3.4", 0x00010002000300040005000601020304n],
    ["12345::", null],
    ["1:2:3:4:5:6:7", null],
    [":1:2", null],
    ["1.2.3.4", null],
  ])("parses IPv6 %s", (text, value) => {
    expect(parseIPv6(text)).toBe(value);
  });
});
