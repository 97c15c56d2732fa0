import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { openDatabase, type Db } from "@/db/connection";
import { createSubmission } from "@/db/mutations/create-submission";
import { createUserWithPassword } from "@/db/mutations/users";
import { HOSTILE_VALUES } from "@/lib/testing/hostile-corpus";
import { hiddenActionFields, postActionForm, signInCookie } from "@/lib/testing/action-post";
import { startServer, type OwnServer } from "./support/server";

// Every hostile value of the corpus, posted over HTTP into every field of every server action, as
// a browser without JavaScript posts a form, by a person whose role may use the action. Each must
// be refused in words (an alert on the page, or a 4xx) or stored and redirected to; never a 5xx;
// published data must not change (only pending submissions may appear); and what was stored must
// show as text, never as markup.

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const PORT = 3322;
const DB = ".e2e-data/hostile-actions.db";
const CONCURRENCY = 8;
// No limit on proposals gets in the way, and requests claim distinct client addresses through a
// trusted "proxy", as distinct people would, so sign-up and sign-in are validated, not limited.
const ENV = { TRACKER_SUBMISSIONS_PER_10_MIN: "10000000", TRACKER_TRUSTED_PROXY_HOPS: "1" };
// Tables whose rows the actions may add to or change: proposals, their history, the mail a decision
// queues (and the sender then marks sent), people, sessions; and the digests the server's own
// scheduler records (digest_runs) and people's choice of them, whatever the timing of its checks.
const MAY_CHANGE = new Set([
  "submissions",
  "submission_events",
  "outbox",
  "digest_runs",
  "digest_settings",
  "users",
  "sessions",
  "accounts",
  "verifications",
]);
// Ids no record has: actions on them are validated, then refused, and publish nothing.
const NO_SUCH = "999999999";

type Actor = "contributor" | "reviewer" | "admin" | "anonymous";
type Probe = {
  name: string;
  path: string;
  actor: Actor;
  /** Values that pass validation; fields to probe are the page's own. */
  base: Record<string, string>;
  /** Probe these fields only (else every field of the page's form, but the spare source slots). */
  only?: string[];
};

const SOURCE = {
  "sources.0.url": "https://example.com/hostile",
  "sources.0.title": "Hostile report",
  "sources.0.publisher": "Example News",
  "sources.0.kind": "news",
  "sources.0.published_on": "2026-04-01",
  "sources.0.excerpt": "A value was reported.",
};

const PROBES: Probe[] = [
  {
    name: "propose a commitment",
    path: "/submit/commitment",
    actor: "contributor",
    base: {
      company: "xiaomi",
      title: "Hostile probe",
      evidence_grade: "announced",
      metric: "local_sourcing_share",
      unit: "percent",
      direction: "increase",
      baseline_value: "10",
      baseline_date: "2024-01-15",
      target_value: "40",
      deadline_precision: "year",
      deadline: "2031",
      ...SOURCE,
    },
  },
  {
    name: "propose a progress update (and resubmit one)",
    path: "/submit/progress?commitment=1",
    actor: "contributor",
    base: { commitment_id: "1", as_of: "2026-03-31", value: "12", ...SOURCE },
  },
  {
    name: "propose a company",
    path: "/submit/company",
    actor: "contributor",
    base: { slug: "hostile-co", name: "Hostile Co", kind: "brand", hq_country: "IN", ...SOURCE },
  },
  {
    name: "propose a facility",
    path: "/submit/facility",
    actor: "contributor",
    base: { operator: "xiaomi", name: "Hostile plant", state_code: "IN-UP", stage: "announced", ...SOURCE },
  },
  {
    name: "propose a partnership",
    path: "/submit/partnership",
    actor: "contributor",
    base: { brand: "xiaomi", partner: "dixon", stage: "announced", ...SOURCE },
  },
  {
    name: "withdraw a submission",
    path: "/account/submissions",
    actor: "contributor",
    base: { id: NO_SUCH },
  },
  {
    name: "decide a submission",
    path: "/review/{pending}",
    actor: "reviewer",
    base: { id: NO_SUCH, decision: "reject", reason: "Hostile probe" },
    only: ["id", "decision", "reason"],
  },
  {
    name: "record an outcome",
    path: "/deadlines/outcome?commitment=1",
    actor: "reviewer",
    base: { commitment_id: NO_SUCH, as_of: "2026-03-31", value: "12", ...SOURCE },
  },
  {
    name: "supersede a commitment",
    path: "/commitments/1/supersede",
    actor: "reviewer",
    base: { old_id: NO_SUCH, new_id: "1" },
  },
  {
    name: "import a CSV",
    path: "/review/import",
    actor: "reviewer",
    base: { intent: "check" },
    only: ["file", "intent"],
  },
  {
    name: "change a role",
    path: "/admin/users",
    actor: "admin",
    base: { user_id: NO_SUCH, role: "reviewer" },
  },
  {
    name: "sign up",
    path: "/sign-up",
    actor: "anonymous",
    base: { name: "Hostile Person", email: "hostile@example.in", password: "a long enough passphrase" },
  },
  {
    name: "sign in",
    path: "/sign-in",
    actor: "anonymous",
    base: { email: "hostile@example.in", password: "a long enough passphrase" },
  },
];

// Free-text fields where a hostile value is valid and stored: each gets every value on its own,
// with the rest of the form valid, so the storing path and its display are exercised too.
const STORED: { probe: string; field: string }[] = [
  { probe: "propose a commitment", field: "title" },
  { probe: "propose a progress update (and resubmit one)", field: "note" },
];

let server: OwnServer;
let db: Db;
const cookies: Record<Actor, string> = { contributor: "", reviewer: "", admin: "", anonymous: "" };
let pendingId = 0;

test.beforeAll(async () => {
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  server = await startServer(PORT, DB, ENV);
  db = openDatabase(DB, { migrate: false, seed: false });
  const ids: Partial<Record<Actor, string>> = {};
  for (const role of ["contributor", "reviewer", "admin"] as const) {
    const email = `hostile-${role}-${crypto.randomUUID()}@example.in`;
    const password = `hostile ${role} passphrase`;
    ids[role] = (await createUserWithPassword(db, { name: `Hostile ${role}`, email, password, role })).id;
    cookies[role] = await signInCookie(server.url, email, password);
  }
  // A pending proposal, so that the contributor's list has a withdraw form and a review page exists.
  const created = createSubmission(db, {
    userId: ids.contributor!,
    recordType: "progress_update",
    action: "create",
    payload: { commitment_id: "1", as_of: "2026-02-28", value: "5", sources: [SOURCE_PAYLOAD] },
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  pendingId = created.id;
});

const SOURCE_PAYLOAD = {
  url: SOURCE["sources.0.url"],
  title: SOURCE["sources.0.title"],
  publisher: SOURCE["sources.0.publisher"],
  kind: SOURCE["sources.0.kind"],
  published_on: SOURCE["sources.0.published_on"],
  excerpt: SOURCE["sources.0.excerpt"],
};

test.afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

/** A digest of every table that holds published data, and of the submissions that existed. */
function publishedDigest(maxSubmission: number): string {
  const raw = new Database(DB, { readonly: true });
  try {
    const hash = crypto.createHash("sha256");
    const tables = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const t of tables.filter((t) => !MAY_CHANGE.has(t))) {
      hash.update(t);
      for (const row of raw.prepare(`SELECT * FROM "${t}"`).raw().all()) hash.update(JSON.stringify(row));
    }
    for (const row of raw
      .prepare("SELECT * FROM submissions WHERE id <= ? ORDER BY id")
      .raw()
      .all(maxSubmission))
      hash.update(JSON.stringify(row));
    return hash.digest("hex");
  } finally {
    raw.close();
  }
}

const maxSubmissionId = () =>
  (new Database(DB, { readonly: true }).prepare("SELECT max(id) FROM submissions").pluck().get() as number) ??
  0;

/** The fields of the page's first action form, but the spare source slots (the same schema as slot 0). */
function formFields(html: string): string[] {
  const start = html.indexOf('name="$ACTION');
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const names = [...form.matchAll(/<(?:input|select|textarea)[^>]*?\sname="([^"$][^"]*)"/g)].map(
    (m) => m[1]!,
  );
  return [...new Set(names)].filter((n) => !/^sources\.[1-9]\./.test(n));
}

type Outcome = { status: number; stored: boolean };

async function runAll(tasks: (() => Promise<Outcome>)[]) {
  const statuses = new Map<number, number>();
  let stored = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < tasks.length) {
        const o = await tasks[next++]!();
        statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
        if (o.stored) stored++;
      }
    }),
  );
  return { statuses: Object.fromEntries(statuses), stored };
}

test("every server action refuses or safely stores every hostile value, and publishes nothing", async () => {
  const before = maxSubmissionId();
  const digest = publishedDigest(before);
  const failures: string[] = [];
  let address = 0;

  const post = async (
    probe: Probe,
    path: string,
    hidden: [string, string][],
    values: Record<string, string | Blob>,
  ) => {
    const fields = Object.entries(values);
    const r = await postActionForm(server.url + path, hidden, fields, {
      cookie: cookies[probe.actor],
      "x-forwarded-for": `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`,
    });
    const body = await r.text();
    const what = `${probe.name}: ${r.status} for ${JSON.stringify(fields.map(([k, v]) => [k, String(v).slice(0, 40)])).slice(0, 300)}`;
    const stored = r.status === 303;
    if (r.status >= 500) failures.push(what);
    // Refused: the page says why (an alert, or the role form's status line), or the proxy does (a
    // 4xx with words).
    else if (r.status === 200 && !/role="(alert|status)"/.test(body)) failures.push(`no message: ${what}`);
    else if (r.status >= 400 && body.trim() === "") failures.push(`4xx without words: ${what}`);
    return { status: r.status, stored };
  };

  const tasks: (() => Promise<Outcome>)[] = [];
  for (const probe of PROBES) {
    const path = probe.path.replace("{pending}", String(pendingId));
    const html = await (await fetch(server.url + path, { headers: { cookie: cookies[probe.actor] } })).text();
    const hidden = hiddenActionFields(html);
    expect(hidden.length, `action fields on ${path}`).toBeGreaterThan(0);
    const fields = probe.only ?? formFields(html);
    // The hidden field that turns a proposal into the answer to a reviewer's request for changes.
    if (path.startsWith("/submit/progress")) fields.push("resubmit");
    expect(fields.length, `fields on ${path}`).toBeGreaterThan(0);
    // Each value into every field at once: every field's validation sees every value.
    for (const { value } of HOSTILE_VALUES) {
      const values: Record<string, string | Blob> = { ...probe.base };
      for (const f of fields)
        values[f] = f === "file" ? new File([value], "hostile.csv", { type: "text/csv" }) : value;
      tasks.push(() => post(probe, path, hidden, values));
    }
  }
  for (const { probe: name, field } of STORED) {
    const probe = PROBES.find((p) => p.name === name)!;
    const html = await (
      await fetch(server.url + probe.path, { headers: { cookie: cookies[probe.actor] } })
    ).text();
    const hidden = hiddenActionFields(html);
    for (const { value } of HOSTILE_VALUES) {
      tasks.push(() => post(probe, probe.path, hidden, { ...probe.base, [field]: value }));
    }
  }

  const started = performance.now();
  const { statuses, stored } = await runAll(tasks);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `hostile action requests: ${tasks.length} over ${PROBES.length} actions in ${seconds.toFixed(1)} s; ` +
      `statuses: ${JSON.stringify(statuses)}; stored as proposals: ${stored}`,
  );
  expect(failures.slice(0, 20)).toEqual([]);
  expect(tasks.length).toBeGreaterThan(300 * PROBES.length);
  expect(stored, "some hostile values are valid text and were stored").toBeGreaterThan(0);

  expect(publishedDigest(before), "published data changed").toBe(digest);
  const added = new Database(DB, { readonly: true })
    .prepare("SELECT state, count(*) AS n FROM submissions WHERE id > ? GROUP BY state")
    .all(before) as { state: string; n: number }[];
  expect(added.map((a) => a.state)).toEqual(["pending"]);
});

test("stored hostile values are shown as text, never run", async ({ browser }) => {
  const dialogs: string[] = [];
  const visit = async (actor: Actor, path: string) => {
    const context = await browser.newContext();
    await context.addCookies(
      cookies[actor].split("; ").map((c) => {
        const [name, ...rest] = c.split("=");
        return { name: name!, value: rest.join("="), url: server.url };
      }),
    );
    const page = await context.newPage();
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(server.url + path);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"], svg[onload], iframe, base, math').length,
      handlers: [...document.querySelectorAll("*")].filter((e) =>
        [...e.attributes].some((a) => /^on/i.test(a.name)),
      ).length,
      scripts: [...document.scripts].filter(
        (s) =>
          /alert\(|document\.cookie/.test(s.textContent ?? "") && !s.textContent!.includes("self.__next_f"),
      ).length,
    }));
    expect(injected, path).toEqual({ images: 0, handlers: 0, scripts: 0 });
    return { page, context };
  };

  const list = await visit("contributor", "/account/submissions");
  // The hostile titles are there, as the words they are.
  await expect(
    list.page.getByRole("heading", { name: /^Commitment: .*<script>alert\(1\)<\/script>/ }).first(),
  ).toBeVisible();
  await list.context.close();

  const raw = new Database(DB, { readonly: true });
  const id = raw
    .prepare("SELECT id FROM submissions WHERE payload LIKE ? ORDER BY id DESC LIMIT 1")
    .pluck()
    .get('%"title":"<script>alert(1)</script>"%') as number | undefined;
  raw.close();
  expect(id).toBeDefined();
  const review = await visit("reviewer", `/review/${id}`);
  await expect(review.page.getByText(/<script>alert\(1\)<\/script>/).first()).toBeVisible();
  await review.context.close();
  expect(dialogs).toEqual([]);
});
