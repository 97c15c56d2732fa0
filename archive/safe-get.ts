import http from "node:http";
import https from "node:https";
import net from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { classifyAddress } from "@/lib/archive/address";
import { bareHost, checkTargetUrl, effectivePort } from "@/lib/archive/target-url";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  systemResolver,
  type FetchFailureCode,
  type FetchPolicy,
  type ResolvedAddress,
} from "./fetch-policy";
import { robotsVerdict, RobotsCache } from "./robots-cache";

// One GET of a URL someone supplied, made safe (docs/decisions/0028): the URL is checked, its host
// resolved and every address checked, the connection's own DNS lookup checked again (so a name
// that resolves differently a moment later, DNS rebinding, is caught), every redirect followed by
// hand through the same checks, robots.txt asked first, and time and size capped. No cookies or
// credentials are ever sent: requests carry only the headers below.

export type FetchFailure = {
  ok: false;
  code: FetchFailureCode;
  reason: string;
  status?: number;
  finalUrl?: string;
  at: Date;
};

export type Fetched = {
  ok: true;
  requestedUrl: string;
  finalUrl: string;
  status: number;
  statusText: string;
  httpVersion: string;
  /** The response headers as received, in order, names as sent. */
  headers: [string, string][];
  /** The request headers as sent. */
  requestHeaders: [string, string][];
  /** The request line's target: path and query. */
  requestTarget: string;
  remoteAddress: string | null;
  contentType: string | null;
  /** The body after any content coding was undone. */
  body: Buffer;
  /** The content codings undone to get `body` ("gzip", "br", …); an unknown coding is left in place. */
  decoded: string[];
  redirects: { status: number; from: string; to: string }[];
  /** When the final response's headers arrived. */
  at: Date;
};

export type SafeGetOptions = FetchPolicy & {
  now?: () => Date;
  /** robots.txt reads keep what fits instead of failing (RFC 9309 asks for at least 500 KiB). */
  truncateAt?: number;
};

/** Raised inside a request when an address turns out to be one the tracker does not fetch. */
class RefusedAddress extends Error {}
class Timeout extends Error {}
class TooLarge extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** Why the addresses of `host` may not be connected to, or null when they all may. */
function refusalOf(host: string, port: number, addresses: readonly ResolvedAddress[], policy: FetchPolicy) {
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (verdict.allowed) continue;
    if (verdict.loopback && policy.allowLoopbackPorts?.includes(port)) continue;
    const where = verdict.range === "none" ? "" : ` (${verdict.range})`;
    const subject = net.isIP(host) ? `The address ${host} is` : `The host ${host} resolves to ${address},`;
    return `${subject} ${verdict.what}${where}, which the tracker does not fetch.`;
  }
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout()), Math.max(ms, 0));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

type Budget = { remainingMs: number };

type Resolution = { ok: true } | { ok: false; code: FetchFailureCode; reason: string };

/** The check before connecting: every address the host has must be one the tracker fetches. */
async function checkHost(url: URL, policy: SafeGetOptions, budget: Budget): Promise<Resolution> {
  const host = bareHost(url);
  const port = effectivePort(url);
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) }];
  } else {
    const started = Date.now();
    try {
      addresses = await withTimeout((policy.resolve ?? systemResolver)(host), budget.remainingMs);
    } catch (error) {
      if (error instanceof Timeout)
        return { ok: false, code: "timeout", reason: `Resolving ${host} took too long.` };
      return {
        ok: false,
        code: "dns",
        reason: `The host ${host} could not be resolved (${errorCode(error)}).`,
      };
    } finally {
      budget.remainingMs -= Date.now() - started;
    }
    if (addresses.length === 0) return { ok: false, code: "dns", reason: `The host ${host} has no address.` };
  }
  const refusal = refusalOf(host, port, addresses, policy);
  return refusal ? { ok: false, code: "refused", reason: refusal } : { ok: true };
}

/**
 * The lookup the connection itself uses. It resolves again and checks what it gets, so the
 * addresses connected to are the addresses checked, whatever DNS answered a moment before.
 */
function guardedLookup(port: number, policy: SafeGetOptions): net.LookupFunction {
  return (hostname, options, callback) => {
    (policy.resolve ?? systemResolver)(hostname).then(
      (all) => {
        const family = typeof options === "number" ? options : options.family;
        const addresses = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        const refusal = refusalOf(hostname, port, all, policy);
        if (refusal) return callback(new RefusedAddress(refusal), "", 0);
        const first = addresses[0];
        if (!first)
          return callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }),
            "",
            0,
          );
        if (typeof options === "object" && options.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function failureOfError(error: unknown, url: URL): { code: FetchFailureCode; reason: string } {
  if (error instanceof RefusedAddress) return { code: "refused", reason: error.message };
  if (error instanceof Timeout) return { code: "timeout", reason: `${url.host} took too long to answer.` };
  const code = errorCode(error);
  if (["ENOTFOUND", "EAI_AGAIN", "EAI_NODATA", "EAI_FAIL", "ENODATA"].includes(code))
    return { code: "dns", reason: `The host ${bareHost(url)} could not be resolved (${code}).` };
  return { code: "network", reason: `The connection to ${url.host} failed (${code}).` };
}

type Exchange = {
  status: number;
  statusText: string;
  httpVersion: string;
  rawHeaders: string[];
  location: string | null;
  contentEncoding: string | null;
  remoteAddress: string | null;
  requestHeaders: [string, string][];
  requestTarget: string;
  body: Buffer;
  at: Date;
};

/** One request and its response within the time budget. */
function exchange(
  url: URL,
  policy: SafeGetOptions,
  budget: Budget,
): Promise<{ ok: true; exchange: Exchange } | { ok: false; error: unknown }> {
  const port = effectivePort(url);
  const maxBytes = policy.truncateAt ?? policy.maxBytes ?? DEFAULT_MAX_BYTES;
  const requestTarget = `${url.pathname}${url.search}`;
  const requestHeaders: [string, string][] = [
    ["Host", url.host],
    ["User-Agent", policy.userAgent],
    ["Accept", ACCEPT],
    // Asking for no content coding keeps the stored response as the server meant it; a server
    // that compresses anyway is decoded below, so the hash is always of the content.
    ["Accept-Encoding", "identity"],
    ["Connection", "close"],
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    // Why we cut the exchange short, which wins over the socket errors the cut itself raises.
    let cause: unknown = null;
    const stop = (error: Error) => {
      cause ??= error;
      request.destroy(error);
    };
    const finish = (result: { ok: true; exchange: Exchange } | { ok: false; error: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      budget.remainingMs -= Date.now() - started;
      resolve(cause === null ? result : { ok: false, error: cause });
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      headers: Object.fromEntries(requestHeaders),
      // A fresh connection each time: no pooled socket to a host checked under another name.
      agent: false,
      lookup: guardedLookup(port, policy),
    });
    const timer = setTimeout(() => stop(new Timeout()), Math.max(budget.remainingMs, 0));
    request.on("socket", (socket) => {
      // Belt and braces: whatever address the socket reached must pass too (an IP literal never
      // goes through the lookup, and this also catches a lookup a future Node bypasses).
      socket.once("connect", () => {
        const remote = socket.remoteAddress;
        if (!remote) return;
        const refusal = refusalOf(remote, port, [{ address: remote, family: net.isIP(remote) }], policy);
        if (refusal) stop(new RefusedAddress(refusal));
      });
    });
    request.on("error", (error) => finish({ ok: false, error }));
    request.on("response", (response) => {
      const at = policy.now?.() ?? new Date();
      const base = {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? "",
        httpVersion: response.httpVersion,
        rawHeaders: response.rawHeaders,
        location: response.headers.location ?? null,
        contentEncoding: response.headers["content-encoding"] ?? null,
        remoteAddress: response.socket.remoteAddress ?? null,
        requestHeaders,
        requestTarget,
        at,
      };
      // Only a 2xx body is kept; a redirect's or an error page's is never read.
      if (base.status < 200 || base.status > 299) {
        response.destroy();
        finish({ ok: true, exchange: { ...base, body: Buffer.alloc(0) } });
        return;
      }
      const declared = Number(response.headers["content-length"]);
      if (policy.truncateAt === undefined && Number.isFinite(declared) && declared > maxBytes) {
        stop(new TooLarge());
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) return void chunks.push(chunk);
        if (policy.truncateAt === undefined) return void stop(new TooLarge());
        chunks.push(chunk.subarray(0, chunk.length - (size - maxBytes)));
        finish({ ok: true, exchange: { ...base, body: Buffer.concat(chunks) } });
        request.destroy();
      });
      response.on("end", () => finish({ ok: true, exchange: { ...base, body: Buffer.concat(chunks) } }));
      response.on("error", (error) => finish({ ok: false, error }));
      response.on("aborted", () => finish({ ok: false, error: new Error("the response was cut short") }));
    });
    request.end();
  });
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Undoes the content codings it knows, last applied first, never producing more than `maxBytes`. */
async function decode(body: Buffer, header: string | null, maxBytes: number) {
  const codings = (header ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  const decoded: string[] = [];
  let out = body;
  const limit = { maxOutputLength: maxBytes };
  for (const coding of codings.reverse()) {
    if (coding === "gzip" || coding === "x-gzip") out = await gunzip(out, limit);
    else if (coding === "br") out = await brotli(out, limit);
    else if (coding === "deflate") {
      // "deflate" should be zlib-wrapped, but some servers send raw deflate.
      const input = out;
      out = await inflate(input, limit).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ERR_BUFFER_TOO_LARGE") throw error;
        return inflateRaw(input, limit);
      });
    } else break;
    decoded.push(coding);
  }
  return { body: out, decoded };
}

function fail(
  code: FetchFailureCode,
  reason: string,
  policy: SafeGetOptions,
  extra: { status?: number; finalUrl?: string } = {},
): FetchFailure {
  return { ok: false, code, reason, ...extra, at: policy.now?.() ?? new Date() };
}

/** GETs `raw` under the policy: the page with its headers and decoded body, or why not. */
export async function safeGet(raw: string, policy: SafeGetOptions): Promise<Fetched | FetchFailure> {
  const first = checkTargetUrl(raw);
  if (!first.ok) return fail(first.code, first.reason, policy);
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BYTES;
  const budget: Budget = { remainingMs: policy.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const robotsCache = policy.robotsCache ?? new RobotsCache();
  const redirects: Fetched["redirects"] = [];
  let url = first.url;

  for (;;) {
    const finalUrl = url.href;
    const hostCheck = await checkHost(url, policy, budget);
    if (!hostCheck.ok) return fail(hostCheck.code, hostCheck.reason, policy, { finalUrl });
    if (policy.respectRobots !== false) {
      const verdict = await robotsVerdict(url, policy, robotsCache, safeGet);
      if (!verdict.ok) return fail(verdict.code, verdict.reason, policy, { finalUrl });
    }
    await policy.spacing?.wait(url.hostname);
    if (budget.remainingMs <= 0)
      return fail("timeout", `${url.host} took too long to answer.`, policy, { finalUrl });

    const result = await exchange(url, policy, budget);
    if (!result.ok) {
      if (result.error instanceof TooLarge)
        return fail("too_large", `The response is larger than ${formatBytes(maxBytes)}.`, policy, {
          finalUrl,
        });
      const { code, reason } = failureOfError(result.error, url);
      return fail(code, reason, policy, { finalUrl });
    }
    const response = result.exchange;

    if (REDIRECTS.has(response.status) && response.location) {
      if (redirects.length >= maxRedirects)
        return fail("too_many_redirects", `The address redirected more than ${maxRedirects} times.`, policy, {
          status: response.status,
          finalUrl,
        });
      const next = checkTargetUrl(response.location, url);
      if (!next.ok)
        return fail(next.code, `It redirected to ${response.location}: ${lowerFirst(next.reason)}`, policy, {
          status: response.status,
          finalUrl,
        });
      redirects.push({ status: response.status, from: finalUrl, to: next.url.href });
      url = next.url;
      continue;
    }

    if (response.status < 200 || response.status > 299)
      return fail(
        "http_status",
        `The server answered ${response.status} ${response.statusText}`.trim() + ".",
        policy,
        {
          status: response.status,
          finalUrl,
        },
      );

    let decoded: { body: Buffer; decoded: string[] };
    try {
      decoded = await decode(response.body, response.contentEncoding, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        return fail(
          "too_large",
          `The response is larger than ${formatBytes(maxBytes)} once decompressed.`,
          policy,
          {
            status: response.status,
            finalUrl,
          },
        );
      return fail(
        "network",
        `The response could not be decompressed (${response.contentEncoding}).`,
        policy,
        {
          status: response.status,
          finalUrl,
        },
      );
    }

    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < response.rawHeaders.length; i += 2)
      headers.push([response.rawHeaders[i] ?? "", response.rawHeaders[i + 1] ?? ""]);
    const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? null;
    return {
      ok: true,
      requestedUrl: first.url.href,
      finalUrl,
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers,
      requestHeaders: response.requestHeaders,
      requestTarget: response.requestTarget,
      remoteAddress: response.remoteAddress,
      contentType,
      body: decoded.body,
      decoded: decoded.decoded,
      redirects,
      at: response.at,
    };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}
