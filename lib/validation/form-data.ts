// Turns submitted form fields into the plain object the zod schemas read. Field names use dots for
// nesting ("sources.0.url"); a name sent more than once (checkboxes) becomes a list. Files and
// unexpected shapes are ignored rather than trusted.

const MAX_FIELDS = 500;
const SAFE_KEY = /^[A-Za-z0-9_]{1,64}$/;
// Keys that would reach Object.prototype through plain-object assignment.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function formDataToObject(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let seen = 0;
  for (const [name, value] of entries) {
    if (typeof value !== "string" || ++seen > MAX_FIELDS) continue;
    // Next adds its own $ACTION_* fields to server-action posts; they are not the form's data.
    if (name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    if (!path.every((p) => SAFE_KEY.test(p) && !FORBIDDEN_KEYS.has(p))) continue;
    let node: Record<string, unknown> = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      const existing = node[key];
      if (typeof existing !== "object" || existing === null) node[key] = nextIsIndex ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
    const leaf = path.at(-1)!;
    const prior = node[leaf];
    if (prior === undefined) node[leaf] = value;
    else if (Array.isArray(prior)) prior.push(value);
    else if (typeof prior === "string") node[leaf] = [prior, value];
  }
  return compactArrays(root) as Record<string, unknown>;
}

// Sparse indexes ("sources.3.url" with nothing at 1 and 2) become dense lists.
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
