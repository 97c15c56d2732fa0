// Posting a server-action form the way a browser without JavaScript does: the hidden fields React
// renders for progressive enhancement, plus the form's own fields, as multipart form data.

export function hiddenActionFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  const input = /<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/?>/g;
  for (const m of html.matchAll(input)) {
    fields.push([
      m[1]!,
      (m[2] ?? "")
        .replaceAll("&quot;", '"')
        .replaceAll("&amp;", "&")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&#x27;", "'"),
    ]);
  }
  return fields;
}

export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
