// The Content-Security-Policy for pages, in two forms (docs/decisions/0017). A page rendered for
// one request (signed in, or not cacheable) runs scripts only with that response's nonce (Next
// adds it to its own scripts when it sees the policy on the request); 'strict-dynamic' lets those
// scripts load the chunks they need. A page served from the cache to many readers cannot carry a
// secret nonce, so it names the SHA-256 of each of its inline scripts instead, and allows script
// files from its own origin. Styles allow inline attributes because server-rendered SVG charts
// and React style props use them; they cannot run code.
//
// No page may be framed by another site (clickjacking), except the chart embeds under /embed/,
// which exist to be framed (issue 14, docs/decisions/0027). They hold no form and no session.

/**
 * Only /embed/ followed by plain segments: no dot segments, no percent-encoding, no backslash, so
 * that no address which a server could normalise or decode to another page (/embed/../account,
 * /embed/%2e%2e/account) is framable, and neither is /embedded or /embed-x.
 */
const FRAMEABLE_PATH = /^\/embed(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;

export function isFrameablePath(pathname: string): boolean {
  return FRAMEABLE_PATH.test(pathname);
}

export type CspOptions = { dev?: boolean; frameable?: boolean };

function policy(scriptSrc: string, { frameable = false }: CspOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
  ].join("; ");
}

export function buildCsp(nonce: string, { dev = false, frameable = false }: CspOptions = {}): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, { frameable });
}

/** For a cached page: its own inline scripts by hash, and script files from this origin. */
export function buildHashedCsp(hashes: readonly string[], { frameable = false }: CspOptions = {}): string {
  return policy(["'self'", ...hashes.map((h) => `'sha256-${h}'`)].join(" "), { frameable });
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps an upstream request id only when it is a plain token, so it can never inject into logs. */
export function requestIdFrom(header: string | null): string {
  return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
