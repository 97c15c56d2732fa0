import { describe, expect, it } from "vitest";
import { HostSpacing } from "./host-spacing";

describe("HostSpacing", () => {
  it("spaces calls for one host by the gap, and leaves other hosts alone", async () => {
    const spacing = new HostSpacing(80);
    const start = performance.now();
    const at = (label: string) => () => [label, performance.now() - start] as const;
    const times = await Promise.all([
      spacing.wait("example.com").then(at("a1")),
      spacing.wait("EXAMPLE.com").then(at("a2")),
      spacing.wait("example.com").then(at("a3")),
      spacing.wait("other.example").then(at("b1")),
    ]);
    const ms = Object.fromEntries(times);
    expect(ms.a1).toBeLessThan(40);
    expect(ms.b1).toBeLessThan(40);
    expect(ms.a2).toBeGreaterThanOrEqual(75);
    expect(ms.a3).toBeGreaterThanOrEqual(155);
  });

  it("does not wait when the gap has already passed", async () => {
    let clock = 1_000;
    const spacing = new HostSpacing(5_000, () => clock);
    await spacing.wait("example.com");
    clock += 5_000;
    const start = performance.now();
    await spacing.wait("example.com");
    expect(performance.now() - start).toBeLessThan(40);
  });
});
