// Checks a server-action request is well formed before Next decodes it. Next answers a malformed
// one (a body that is not the multipart it expects, a truncated upload, a reference to a part that
// is not there, JSON that does not parse) with a 500, as if the server had failed: these are the
// client's mistakes, so proxy.ts answers them with a 4xx and the words below.

export type ActionKind = "fetch" | "form";
export type ActionProblem = { status: 400 | 403 | 413 | 415; message: string };

/** next.config.mjs experimental.serverActions.bodySizeLimit ("3mb"): Next's own limit. */
export const ACTION_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * Whether Next will treat a request as a server action: a POST with a Next-Action header (sent
 * by JavaScript), or any multipart POST to a page (a form posted without JavaScript). Route
 * handlers under /api read their own bodies, and so does /unsubscribe, where a mail client
 * POSTs a digest's one-click unsubscribe from another site (docs/decisions/0024).
 */
export function actionKind(method: string, pathname: string, headers: Headers): ActionKind | null {
  if (method !== "POST") return null;
  if (headers.has("next-action")) return "fetch";
  const type = headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type) && !pathname.startsWith("/api/") && !isRouteHandler(pathname))
    return "form";
  return null;
}

/** Route handlers outside /api that take POSTs from elsewhere by design. */
const ROUTE_HANDLERS = new Set(["/unsubscribe"]);
const isRouteHandler = (pathname: string) => ROUTE_HANDLERS.has(pathname);

const problem = (status: ActionProblem["status"], message: string): ActionProblem => ({ status, message });

/** Whether the request was sent from the page's own site; `null` Origin (sandboxed, file:) is foreign. */
export function originProblem(headers: Headers): ActionProblem | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  return originHost === host ? null : problem(403, "Forbidden: this form was sent from another site.");
}

/** The checks that need only the headers: size and type of the body. */
export function headerProblem(kind: ActionKind, headers: Headers): ActionProblem | null {
  const length = Number(headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT) return problem(413, "The form is too large to send (the limit is 3 MB).");
  const type = headers.get("content-type") ?? "";
  // React sends an action's arguments as text when they need no parts (a form with no fields).
  if (kind === "fetch" && isPlainText(type)) return null;
  if (!/^multipart\/form-data/i.test(type)) {
    return problem(415, "Bad request: a form must be sent as multipart/form-data.");
  }
  if (!/;\s*boundary=("?)[^";]+\1/i.test(type)) {
    return problem(400, "Bad request: the form data has no boundary.");
  }
  return null;
}

export const isPlainText = (type: string) => /^text\/plain\s*(;|$)/i.test(type);

// React's reply encoding marks special values with a leading "$". These are the ones a form's
// action can legitimately receive; anything else (server references, temporary references, Maps,
// Blobs...) no form of ours sends, and a dangling reference makes React's decoder fail.
const PLAIN_TAGS = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D)/;
const FORM_DATA = /^\$K([0-9a-f]+)$/;
// A reference may continue with a path into the part ("$1:values:title") when a value repeats.
const CHUNK = /^\$@?([0-9a-f]+)(?::.*)?$/s;

type Reply = { get: (name: string) => string | null };

/**
 * Whether part `id` (named `prefix + id`) holds JSON whose "$" values all resolve: chunk references
 * to parts that exist and parse in turn, FormData references, and plain tagged values.
 */
function replyProblem(reply: Reply, prefix: string, id: string, seen = new Set<string>()): string | null {
  if (seen.has(id)) return null;
  seen.add(id);
  const raw = reply.get(prefix + id);
  if (raw === null) return `part ${prefix + id} is missing`;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return `part ${prefix + id} is not valid JSON`;
  }
  const walk = (v: unknown): string | null => {
    if (typeof v === "string") {
      if (!v.startsWith("$") || PLAIN_TAGS.test(v) || FORM_DATA.test(v)) return null;
      const chunk = CHUNK.exec(v);
      if (chunk) return replyProblem(reply, prefix, String(parseInt(chunk[1]!, 16)), seen);
      return `part ${prefix + id} holds a value no form sends`;
    }
    if (Array.isArray(v)) {
      for (const x of v) {
        const p = walk(x);
        if (p) return p;
      }
    } else if (v && typeof v === "object") {
      for (const x of Object.values(v)) {
        const p = walk(x);
        if (p) return p;
      }
    }
    return null;
  };
  return walk(value);
}

/**
 * The index of the last argument the action uses, from the first byte of its id (Next's
 * server-reference-info: bits 6..1 flag the first six arguments); null when none or unknown.
 */
export function lastUsedArgument(actionId: string): number | null {
  if (!/^[0-9a-f]{42}$/i.test(actionId)) return null;
  const mask = (parseInt(actionId.slice(0, 2), 16) >> 1) & 0x3f;
  for (let i = 5; i >= 0; i--) if ((mask >> (5 - i)) & 1) return i;
  return null;
}

type FormFields = { get: (name: string) => unknown; keys: () => Iterable<string> };

/** An action's arguments sent as text: the root part alone. */
export function textBody(text: string): FormFields {
  return { get: (name) => (name === "0" ? text : null), keys: () => ["0"] };
}

/** The checks on the parsed body: the action's arguments (fetch) or its hidden fields (form). */
export function bodyProblem(kind: ActionKind, form: FormFields, actionId = ""): ActionProblem | null {
  const reply: Reply = {
    get: (name) => {
      const v = form.get(name);
      return typeof v === "string" ? v : null;
    },
  };
  if (kind === "fetch") {
    const root = reply.get("0");
    let args: unknown;
    try {
      args = root === null ? null : JSON.parse(root);
    } catch {
      args = null;
    }
    // Every action of the tracker is a form's: the last argument it uses is the form's FormData
    // (after the previous state, if any). Next's action id says which arguments the action uses;
    // the browser sends only those, so an action that uses none gets [].
    const last = lastUsedArgument(actionId);
    const formData = Array.isArray(args) && last !== null ? args[last] : undefined;
    if (
      !Array.isArray(args) ||
      (last !== null && (typeof formData !== "string" || !FORM_DATA.test(formData)))
    ) {
      return problem(400, "Bad request: the action's arguments are not a form's data.");
    }
    const p = replyProblem(reply, "", "0");
    return p ? problem(400, `Bad request: ${p}.`) : null;
  }
  for (const name of form.keys()) {
    const ref = /^\$ACTION_REF_(.*)$/.exec(name);
    if (!ref) continue;
    const prefix = `$ACTION_${ref[1]}:`;
    let meta: unknown;
    try {
      meta = JSON.parse(reply.get(`${prefix}0`) ?? "");
    } catch {
      meta = null;
    }
    const m = meta as { id?: unknown; bound?: unknown } | null;
    if (!m || typeof m !== "object" || typeof m.id !== "string" || !/^[0-9a-f]{2,128}$/i.test(m.id)) {
      return problem(400, "Bad request: the form does not name an action.");
    }
    if (m.bound !== null && m.bound !== undefined && (typeof m.bound !== "string" || !CHUNK.test(m.bound))) {
      return problem(400, "Bad request: the form's saved state is malformed.");
    }
    const p = replyProblem(reply, prefix, "0");
    if (p) return problem(400, `Bad request: ${p}.`);
  }
  return null;
}
