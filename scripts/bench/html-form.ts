// Just enough HTML reading to post a server-action form the way a browser without JavaScript
// does: find the form, keep its hidden fields (Next renders the action's id there for
// progressive enhancement: `$ACTION_ID_<id>` for a plain action, `$ACTION_REF_n`, `$ACTION_n:0`
// and `$ACTION_KEY` for one used through useActionState), and read its action address.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (!name || name.startsWith("<")) continue;
    attrs.set(name.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

export type ParsedForm = {
  /** The form's action attribute ("" posts back to the page's own address). */
  action: string;
  method: string;
  /** Hidden fields, in document order. */
  hidden: [string, string][];
  /** Names of every field the form has. */
  fieldNames: Set<string>;
  /** Whether it carries a server action's id. */
  isServerAction: boolean;
};

export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const formAttrs = attributes(m[1] ?? "");
    const body = m[2] ?? "";
    const hidden: [string, string][] = [];
    const fieldNames = new Set<string>();
    for (const f of body.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const attrs = attributes(f[2] ?? "");
      const name = attrs.get("name");
      if (!name) continue;
      fieldNames.add(name);
      if (f[1]?.toLowerCase() === "input" && attrs.get("type")?.toLowerCase() === "hidden") {
        hidden.push([name, attrs.get("value") ?? ""]);
      }
    }
    forms.push({
      action: formAttrs.get("action") ?? "",
      method: (formAttrs.get("method") ?? "get").toUpperCase(),
      hidden,
      fieldNames,
      isServerAction: hidden.some(([name]) => name.startsWith("$ACTION_ID_") || name === "$ACTION_KEY"),
    });
  }
  return forms;
}

/** A multipart/form-data body, as a browser sends a form with enctype="multipart/form-data". */
export function multipart(fields: readonly (readonly [string, string])[], boundary: string): string {
  const escapeName = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}--${boundary}--\r\n`;
}
