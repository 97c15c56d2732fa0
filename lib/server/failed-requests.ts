// Requests whose rendering failed, by the request id proxy.ts gives each one. instrumentation.ts
// notes them as Next reports each error (onRequestError, while the response is still being
// written); work scheduled with after() runs once the response is finished, even a failed one,
// and can ask here whether the person was actually shown the page. The set lives on globalThis
// because instrumentation and the routes are bundled separately but run in one process.

const KEY = Symbol.for("tracker.failedRequests");
/** Enough to cover every request in flight; older ids have long been asked about. */
const REMEMBERED = 1000;

function failed(): Set<string> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Set<string> };
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function noteFailedRequest(requestId: string): void {
  const set = failed();
  set.add(requestId);
  // A Set iterates in insertion order: the first is the oldest.
  if (set.size > REMEMBERED) set.delete(set.values().next().value as string);
}

export function requestFailed(requestId: string): boolean {
  return failed().has(requestId);
}
