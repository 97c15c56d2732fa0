// Whether a request fetches a page ahead of anyone looking at it: Next's router prefetching a
// link (Next-Router-Prefetch, or per segment), or the browser's own prefetch or prerender
// (Sec-Purpose, and the older Purpose). A page that records a visit must not count these.
export function isPrefetch(headers: { get(name: string): string | null }): boolean {
  if (headers.get("next-router-prefetch") !== null) return true;
  if (headers.get("next-router-segment-prefetch") !== null) return true;
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""}`;
  return /\b(prefetch|prerender)\b/i.test(purpose);
}
