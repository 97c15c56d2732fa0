import { expect, test } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import { createSubmission } from "@/db/mutations/create-submission";
import { startWatching } from "@/db/mutations/watches";
import type { WatchTarget } from "@/lib/views/watches";
import { isWatching } from "@/db/queries/watches";
import { commitments, companies, digestSettings, submissions, users, watches } from "@/db/schema";
import { hiddenActionFields, signInThroughForm } from "@/lib/testing/action-post";
import { createUser, e2eDb, type TestUser } from "./support/users";

// Every action that changes data, posted directly (as a browser without JavaScript would post
// it) by each kind of person. The outcome is read from the database, not from the page: an action
// is allowed when its write happened and refused when nothing changed.

type Actor = "anonymous" | "owner" | "other contributor" | "reviewer" | "admin";
const ACTORS: Actor[] = ["anonymous", "owner", "other contributor", "reviewer", "admin"];

const source = {
  "sources.0.url": "https://example.com/matrix",
  "sources.0.title": "Matrix report",
  "sources.0.publisher": "Example News",
  "sources.0.kind": "news",
  "sources.0.published_on": "2026-04-01",
  "sources.0.excerpt": "A value was reported.",
};

let people: Record<Exclude<Actor, "anonymous">, TestUser>;
const cookies = new Map<Actor, string>();

test.beforeAll(async ({ baseURL }) => {
  people = {
    owner: await createUser("contributor", "Matrix owner"),
    "other contributor": await createUser("contributor", "Matrix other"),
    reviewer: await createUser("reviewer", "Matrix reviewer"),
    admin: await createUser("admin", "Matrix admin"),
  };
  cookies.set("anonymous", "");
  for (const [actor, user] of Object.entries(people)) {
    cookies.set(actor as Actor, await signInThroughForm(baseURL!, user.email, user.password));
  }
});

/** The hidden fields of the first action form on a page, as rendered for `viewer`. */
async function actionFields(baseURL: string, path: string, viewer: Actor): Promise<[string, string][]> {
  const html = await (await fetch(baseURL + path, { headers: { cookie: cookies.get(viewer)! } })).text();
  const fields = hiddenActionFields(html);
  expect(fields.length, `action fields on ${path}`).toBeGreaterThan(0);
  return fields;
}

async function post(
  baseURL: string,
  path: string,
  actor: Actor,
  hidden: [string, string][],
  fields: Record<string, string | Blob>,
): Promise<number> {
  const form = new FormData();
  for (const [k, v] of hidden) form.append(k, v);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const r = await fetch(baseURL + path, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie: cookies.get(actor)!, origin: baseURL },
  });
  return r.status;
}

const pendingFor = (user: TestUser, value: number) => {
  const result = createSubmission(e2eDb(), {
    userId: user.id,
    recordType: "progress_update",
    action: "create",
    payload: {
      commitment_id: "1",
      as_of: "2026-02-28",
      value: String(value),
      sources: [
        {
          url: `https://example.com/m/${value}`,
          title: "T",
          publisher: "P",
          kind: "news",
          published_on: "2026-03-01",
          excerpt: "E",
        },
      ],
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
};
const companyIdOf = (slug: string) =>
  e2eDb().select({ id: companies.id }).from(companies).where(eq(companies.slug, slug)).get()!.id;
const stateOf = (id: number) =>
  e2eDb().select({ s: submissions.state }).from(submissions).where(eq(submissions.id, id)).get()?.s;

test("submitting a proposal: any signed-in person, never anonymous", async ({ baseURL }) => {
  const hidden = await actionFields(baseURL!, "/submit/progress?commitment=1", "owner");
  const allowed: Record<Actor, boolean> = {
    anonymous: false,
    owner: true,
    "other contributor": true,
    reviewer: true,
    admin: true,
  };
  for (const actor of ACTORS) {
    const note = `matrix submit by ${actor} ${Date.now()}`;
    const status = await post(baseURL!, "/submit/progress?commitment=1", actor, hidden, {
      commitment_id: "1",
      as_of: "2026-03-31",
      value: String(ACTORS.indexOf(actor) + 100),
      note,
      ...source,
    });
    expect(status, actor).toBeLessThan(500);
    const stored = e2eDb()
      .select({ id: submissions.id })
      .from(submissions)
      .all()
      .filter((s) =>
        JSON.stringify(
          e2eDb().select().from(submissions).where(eq(submissions.id, s.id)).get()?.payload,
        ).includes(note),
      );
    expect(stored.length, `${actor} submitting`).toBe(allowed[actor] ? 1 : 0);
  }
});

test("withdrawing a submission: only the person who made it", async ({ baseURL }) => {
  const hidden = await actionFields(baseURL!, "/account/submissions", "owner");
  for (const actor of ACTORS) {
    const id = pendingFor(people.owner, 200 + ACTORS.indexOf(actor));
    const status = await post(baseURL!, "/account/submissions", actor, hidden, { id: String(id) });
    expect(status, actor).toBeLessThan(500);
    expect(stateOf(id), `${actor} withdrawing`).toBe(actor === "owner" ? "withdrawn" : "pending");
  }
});

test("deciding a submission: reviewers and admins, never on their own", async ({ baseURL }) => {
  const probe = pendingFor(people.owner, 300);
  const hidden = await actionFields(baseURL!, `/review/${probe}`, "admin");
  const allowed: Record<Actor, boolean> = {
    anonymous: false,
    owner: false,
    "other contributor": false,
    reviewer: true,
    admin: true,
  };
  for (const actor of ACTORS) {
    const id = pendingFor(people.owner, 310 + ACTORS.indexOf(actor));
    const status = await post(baseURL!, `/review/${id}`, actor, hidden, {
      id: String(id),
      decision: "reject",
      reason: "Matrix test",
    });
    expect(status, actor).toBeLessThan(500);
    expect(stateOf(id), `${actor} deciding`).toBe(allowed[actor] ? "rejected" : "pending");
  }
  // A reviewer's own proposal is not theirs to decide.
  const own = pendingFor(people.reviewer, 399);
  await post(baseURL!, `/review/${own}`, "reviewer", hidden, {
    id: String(own),
    decision: "approve",
    reason: "",
  });
  expect(stateOf(own)).toBe("pending");
});

test("importing a CSV: reviewers (as proposals) and admins (published), nobody else", async ({ baseURL }) => {
  const hidden = await actionFields(baseURL!, "/review/import", "admin");
  for (const actor of ACTORS) {
    const title = `Matrix import by ${actor} ${Date.now()}`;
    const csv =
      "company,title,metric,unit,direction,baseline_value,baseline_date,target_value,deadline_precision,due_on,evidence_grade,source_urls,source_publishers,source_titles,source_kinds,source_published_on,source_excerpts\r\n" +
      `xiaomi,${title},jobs,count,increase,0,2024-01-01,100,year,2030-12-31,announced,https://example.com/import-matrix,Example News,Import report,news,2024-01-02,Jobs promised.\r\n`;
    const status = await post(baseURL!, "/review/import", actor, hidden, {
      file: new File([csv], "matrix.csv", { type: "text/csv" }),
      intent: "import",
    });
    expect(status, actor).toBeLessThan(500);
    const proposed = e2eDb()
      .select({ id: submissions.id, state: submissions.state })
      .from(submissions)
      .all()
      .filter((s) =>
        JSON.stringify(
          e2eDb().select().from(submissions).where(eq(submissions.id, s.id)).get()?.payload,
        ).includes(title),
      );
    const published = e2eDb()
      .select({ id: commitments.id })
      .from(commitments)
      .where(eq(commitments.title, title))
      .all();
    if (actor === "reviewer") {
      expect(
        proposed.map((p) => p.state),
        actor,
      ).toEqual(["pending"]);
      expect(published, actor).toEqual([]);
    } else if (actor === "admin") {
      expect(published.length, actor).toBe(1);
    } else {
      expect(proposed, actor).toEqual([]);
      expect(published, actor).toEqual([]);
    }
  }
});

test("changing a role: admins only, and not their own", async ({ baseURL }) => {
  const hidden = await actionFields(baseURL!, "/admin/users", "admin");
  for (const actor of ACTORS) {
    const target = await createUser("contributor", `Role target for ${actor}`);
    const status = await post(baseURL!, "/admin/users", actor, hidden, {
      user_id: target.id,
      role: "reviewer",
    });
    expect(status, actor).toBeLessThan(500);
    const role = e2eDb().select({ role: users.role }).from(users).where(eq(users.id, target.id)).get()?.role;
    expect(role, `${actor} changing a role`).toBe(actor === "admin" ? "reviewer" : "contributor");
  }
  await post(baseURL!, "/admin/users", "admin", hidden, { user_id: people.admin.id, role: "contributor" });
  expect(
    e2eDb().select({ role: users.role }).from(users).where(eq(users.id, people.admin.id)).get()?.role,
  ).toBe("admin");
});

test("the duplicate check behind the submit form needs a session", async ({ baseURL }) => {
  const url = `${baseURL}/submit/duplicates?company=xiaomi&title=50%20per%20cent&deadline=2025&deadline_precision=year`;
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { cookie: cookies.get("owner")! } })).status).toBe(200);
});

const watchingOf = (user: TestUser, target: WatchTarget) => isWatching(e2eDb(), user.id, target);

test("watching a record: any signed-in person, for themselves only", async ({ baseURL }) => {
  const xiaomi = { kind: "company" as const, id: companyIdOf("xiaomi") };
  // The Watch form, as rendered for someone not yet watching.
  const hidden = await actionFields(baseURL!, "/companies/xiaomi", "owner");
  for (const actor of ACTORS) {
    // Each post names the owner, as a forger would: whose watch it is comes from the session.
    const status = await post(baseURL!, "/companies/xiaomi", actor, hidden, {
      kind: "company",
      id: String(xiaomi.id),
      user_id: people.owner.id,
    });
    expect(status, actor).toBeLessThan(500);
    if (actor !== "anonymous") expect(watchingOf(people[actor], xiaomi), `${actor} watching`).toBe(true);
    const ownerWatches = ACTORS.indexOf(actor) >= ACTORS.indexOf("owner");
    expect(watchingOf(people.owner, xiaomi), `the owner's watch after ${actor}`).toBe(ownerWatches);
  }
  // Watching twice keeps one active watch.
  await post(baseURL!, "/companies/xiaomi", "owner", hidden, { kind: "company", id: String(xiaomi.id) });
  expect(
    e2eDb()
      .select({ id: watches.id })
      .from(watches)
      .where(
        and(eq(watches.userId, people.owner.id), eq(watches.companyId, xiaomi.id), isNull(watches.endedAt)),
      )
      .all(),
  ).toHaveLength(1);
});

test("unwatching a record: only one's own watch", async ({ baseURL }) => {
  const target = { kind: "commitment" as const, id: 1 };
  startWatching(e2eDb(), { userId: people.owner.id, target });
  // The Stop watching form, as rendered for someone watching.
  const hidden = await actionFields(baseURL!, "/commitments/1", "owner");
  for (const actor of ACTORS) {
    startWatching(e2eDb(), { userId: people.owner.id, target });
    if (actor !== "anonymous") startWatching(e2eDb(), { userId: people[actor].id, target });
    const status = await post(baseURL!, "/commitments/1", actor, hidden, {
      kind: "commitment",
      id: "1",
      user_id: people.owner.id,
    });
    expect(status, actor).toBeLessThan(500);
    expect(watchingOf(people.owner, target), `the owner's watch after ${actor}`).toBe(actor !== "owner");
    if (actor !== "anonymous") expect(watchingOf(people[actor], target), `${actor}'s own watch`).toBe(false);
  }
});

test("choosing how often digests come: one's own setting, signed in; the deadline digest for reviewers", async ({
  baseURL,
}) => {
  // The digests form on the account page, whatever other forms the page has before it.
  const html = await (
    await fetch(`${baseURL}/account`, { headers: { cookie: cookies.get("reviewer")! } })
  ).text();
  const hidden = hiddenActionFields(html.slice(html.indexOf('id="digests"')));
  expect(hidden.length, "the digests form").toBeGreaterThan(0);
  const frequencyOf = (user: TestUser, kind: "deadline_digest" | "watch_digest") =>
    e2eDb()
      .select({ frequency: digestSettings.frequency })
      .from(digestSettings)
      .where(and(eq(digestSettings.userId, user.id), eq(digestSettings.kind, kind)))
      .get()?.frequency ?? null;
  for (const actor of ACTORS) {
    // A user_id field is ignored: whose setting it is comes from the session alone.
    const posts: Record<string, string>[] = [{ watch_digest: "daily" }, { deadline_digest: "daily" }];
    for (const fields of posts) {
      const status = await post(baseURL!, "/account", actor, hidden, { ...fields, user_id: people.owner.id });
      expect(status, actor).toBeLessThan(500);
    }
    if (actor === "anonymous") {
      expect(frequencyOf(people.owner, "watch_digest"), "after anonymous").toBeNull();
      continue;
    }
    const reviews = actor === "reviewer" || actor === "admin";
    expect(frequencyOf(people[actor], "watch_digest"), actor).toBe("daily");
    expect(frequencyOf(people[actor], "deadline_digest"), actor).toBe(reviews ? "daily" : null);
    expect(frequencyOf(people.owner, "deadline_digest"), `the owner's after ${actor}`).toBeNull();
  }
});
