// The Content-Security-Policy for pages. Scripts run only with this response's nonce (Next adds it
// to its own scripts when it sees the policy on the request); 'strict-dynamic' lets those scripts
// load the chunks they need. Styles allow inline attributes because server-rendered SVG charts
// and React style props use them; they cannot run code.

export function buildCsp(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
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
