import { describe, expect, it } from "vitest";
import { combineTurns, turnAmount, type LoadResult } from "./load";

describe("turnAmount", () => {
  it("sizes a turn by the warm-up's rate", () => {
    expect(turnAmount(3000, 10, 2)).toBe(6000);
    expect(turnAmount(36.4, 10, 2)).toBe(73);
  });

  it("gives a server too slow for the warm-up two requests per connection", () => {
    expect(turnAmount(0, 10, 2)).toBe(20);
    expect(turnAmount(3, 10, 2)).toBe(20);
    expect(turnAmount(Number.NaN, 10, 2)).toBe(20);
  });
});

describe("combineTurns", () => {
  const turn = (rps: number, p99: number): LoadResult => ({
    url: "http://127.0.0.1/",
    connections: 10,
    seconds: 2,
    rps,
    rpsMean: rps,
    p50: p99 / 2,
    p99,
    max: p99 * 2,
    responses: rps * 2,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    bytesPerResponse: 100,
  });

  it("quotes the median turn", () => {
    const r = combineTurns([turn(10, 30), turn(30, 10), turn(20, 20)]);
    expect(r.rps).toBe(20);
    expect(r.p99).toBe(20);
    expect(r.max).toBe(60);
    expect(r.responses).toBe(120);
  });
});
