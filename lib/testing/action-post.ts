// Posting a server-action form the way a browser without JavaScript does: the hidden fields React
// renders for progressive enhancement, plus the form's own fields, as multipart form data.

/** The hidden fields React renders for the first server-action form in the page. */
export function hiddenActionFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  // Several forms may share one action (one per row); only the first form's fields are taken.
  const start = html.indexOf('name="$ACTION');
  const end = html.indexOf("</form>", start);
  if (start >= 0 && end > start) html = html.slice(html.lastIndexOf("<form", start), end);
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

/** Signs in through the sign-in page's own form, as a person without JavaScript would. */
export async function signInThroughForm(baseUrl: string, email: string, password: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/sign-in`)).text();
  const form = new FormData();
  for (const [k, v] of hiddenActionFields(html)) form.append(k, v);
  form.append("email", email);
  form.append("password", password);
  const r = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: baseUrl },
  });
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (r.status !== 303 || !cookie) throw new Error(`sign-in through the form failed: ${r.status}`);
  return cookie;
}

/** Posts a server-action form (its hidden fields and `fields`) to `url` as a browser without JavaScript. */
export async function postActionForm(
  url: string,
  hidden: [string, string][],
  fields: [string, string | Blob][],
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of [...hidden, ...fields]) form.append(k, v);
  return fetch(url, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: new URL(url).origin, ...headers },
  });
}
