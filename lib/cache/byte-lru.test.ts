import { expect, test } from "vitest";
import { ByteLru } from "./byte-lru";

const v = (bytes: number) => ({ bytes });

test("keeps what fits and forgets the least recently used first", () => {
  const lru = new ByteLru<{ bytes: number }>(100);
  lru.set("a", v(40));
  lru.set("b", v(40));
  expect(lru.get("a")).toEqual(v(40)); // a is now the most recent
  lru.set("c", v(40)); // 120 > 100: b goes
  expect(lru.get("b")).toBeUndefined();
  expect(lru.get("a")).toEqual(v(40));
  expect(lru.get("c")).toEqual(v(40));
  expect(lru.bytes).toBe(80);
  expect(lru.size).toBe(2);
});

test("replacing a key counts its bytes once", () => {
  const lru = new ByteLru<{ bytes: number }>(100);
  lru.set("a", v(60));
  lru.set("a", v(30));
  expect(lru.bytes).toBe(30);
  expect(lru.size).toBe(1);
});

test("refuses a value larger than the whole budget, and keeps the rest", () => {
  const lru = new ByteLru<{ bytes: number }>(100);
  lru.set("a", v(50));
  expect(lru.set("huge", v(101))).toBe(false);
  expect(lru.get("a")).toEqual(v(50));
  expect(lru.bytes).toBe(50);
});

test("clear empties it", () => {
  const lru = new ByteLru<{ bytes: number }>(100);
  lru.set("a", v(50));
  lru.clear();
  expect(lru.size).toBe(0);
  expect(lru.bytes).toBe(0);
  expect(lru.get("a")).toBeUndefined();
});
