import crypto from "node:crypto";
import { expect } from "@playwright/test";

// Reads as an anonymous reader makes them, for the specs that prove the response cache
// (docs/decisions/0017): plain HTTP with no cookie jar, so nothing can be carried over from a
// signed-in request, and every header the server sent is there to assert on.

export type Read = {
  status: number;
  headers: Headers;
  body: string;
  /** The body without the empty comments React puts between adjacent texts: what a reader reads. */
  text: string;
  cache: string | null;
  etag: string;
};

export async function read(url: string, headers: Record<string, string> = {}): Promise<Read> {
  const r = await fetch(url, { headers, redirect: "manual" });
  const body = await r.text();
  return {
    status: r.status,
    headers: r.headers,
    body,
    text: body.replaceAll("<!-- -->", ""),
    cache: r.headers.get("x-tracker-cache"),
    etag: r.headers.get("etag") ?? "",
  };
}

/**
 * Reads `url` until a read is answered from the server's cache: proves it is cached, whatever
 * other specs publish meanwhile (each publication empties the cache). The HIT it ends on.
 */
export async function warm(url: string): Promise<Read> {
  let hit: Read | undefined;
  await expect(async () => {
    await read(url);
    const second = await read(url);
    expect(second.status, url).toBe(200);
    expect(second.cache, `${url} is served from the cache`).toBe("HIT");
    hit = second;
  }).toPass({ timeout: 20_000 });
  return hit!;
}

export const sourceFor = (topic: string) => ({
  url: `https://news.example.in/${topic}/${crypto.randomUUID()}`,
  title: `Report on ${topic}`,
  publisher: "Example News",
  kind: "news",
  published_on: "2026-01-15",
  excerpt: "Quoted from the report.",
});

/** A word no other test uses, that the explorer's search finds a title by. */
export const uniqueWord = (prefix: string) => `${prefix}${crypto.randomInt(1e9)}`;

/** A commitment's payload, as the submit form sends it; `over` replaces any field. */
export function commitmentPayload(
  company: string,
  title: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    company,
    title,
    metric: "units_produced",
    unit: "count",
    direction: "increase",
    baseline_value: "0",
    baseline_date: "2026-01-15",
    target_value: "100000",
    deadline_precision: "year",
    deadline: "2028",
    evidence_grade: "announced",
    announced_on: "2026-01-15",
    sources: [sourceFor("cache-proof")],
    ...over,
  };
}

/** A company's payload with a slug no other test uses. */
export function companyPayload(word: string): Record<string, unknown> {
  return {
    slug: word.toLowerCase(),
    name: `Cache Proof Devices ${word}`,
    kind: "brand",
    hq_country: "IN",
    sources: [sourceFor("company")],
  };
}
