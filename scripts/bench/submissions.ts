import crypto from "node:crypto";
import http from "node:http";
import { eq, inArray } from "drizzle-orm";
import { openDatabase } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import { accounts, submissions, users } from "@/db/schema";
import { multipart, parseForms, type ParsedForm } from "./html-form";
import { percentile } from "./stats";

// Server-action submissions without a browser: contributors sign in through better-auth's
// endpoint, load /submit/commitment, and post the form as a browser without JavaScript does
// (multipart, with the hidden action fields), each client on its own keep-alive connection. Every
// submission carries a unique token in its title; afterwards every acknowledged token must be
// found in the submissions table.
//
// The app allows one person PER_ACCOUNT_LIMIT submissions per ten minutes (app/submit/
// submit-proposal.ts), so each client takes turns through several accounts, signed in before the
// timed window: the figure is the server's capacity, not the limit's.

export const SUBMIT_PATH = "/submit/commitment";

export type SubmissionResult =
  | { available: false; reason: string }
  | {
      available: true;
      clients: number;
      /** Contributor accounts the clients took turns through. */
      accounts: number;
      signInSeconds: number;
      /** Clients that used up their accounts' allowance before the time was up: then the figure is a floor. */
      clientsOutOfAccounts: number;
      seconds: number;
      sent: number;
      acknowledged: number;
      perSecond: number;
      p50: number;
      p99: number;
      statuses: Record<string, number>;
      /** Submissions stored by the benchmark's contributors. */
      stored: number;
      /** Acknowledged tokens not found in the table: must be zero. */
      lost: number;
      /** What an unacknowledged answer said, for the report (first one seen). */
      firstRefusal?: string;
    };

/** The per-person limit of app/submit/submit-proposal.ts. */
export const PER_ACCOUNT_LIMIT = 30;

type Contributor = { email: string; address: string; cookie: string };

const PASSWORD = "benchmark passphrase for contributors";

/**
 * A client address per account, from the documentation blocks (TEST-NET-2 and -3), sent as
 * X-Forwarded-For: better-auth limits sign-ins per address, and these are different people.
 */
const addressFor = (i: number) => (i < 250 ? `198.51.100.${i + 1}` : `203.0.113.${((i - 250) % 250) + 1}`);

function request(
  agent: http.Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const emailFor = (runId: string, i: number) => `bench-${runId}-${i}@bench.example`;

/**
 * `count` contributor accounts. The first is made by createUserWithPassword; the others get a
 * copy of its credential row (same password, same hash), because hashing hundreds of passwords
 * with scrypt would take minutes and measures nothing.
 */
async function createContributors(database: string, count: number, runId: string): Promise<void> {
  const db = openDatabase(database, { migrate: false, seed: false });
  try {
    const first = await createUserWithPassword(db, {
      name: "Bench contributor 0",
      email: emailFor(runId, 0),
      password: PASSWORD,
      role: "contributor",
    });
    const credential = db
      .select({ password: accounts.password })
      .from(accounts)
      .where(eq(accounts.userId, first.id))
      .get();
    if (!credential?.password) throw new Error("The first bench contributor has no credential");
    const hash = credential.password;
    db.transaction((tx) => {
      for (let i = 1; i < count; i++) {
        const id = crypto.randomUUID();
        tx.insert(users)
          .values({
            id,
            name: `Bench contributor ${i}`,
            email: emailFor(runId, i),
            role: "contributor",
            emailVerified: true,
          })
          .run();
        tx.insert(accounts)
          .values({
            id: crypto.randomUUID(),
            accountId: id,
            providerId: "credential",
            userId: id,
            password: hash,
          })
          .run();
      }
    });
  } finally {
    db.$client.close();
  }
}

async function signIn(origin: string, email: string, address: string): Promise<Contributor> {
  const agent = new http.Agent({ keepAlive: false });
  const body = JSON.stringify({ email, password: PASSWORD });
  const res = await request(
    agent,
    new URL("/api/auth/sign-in/email", origin),
    "POST",
    {
      "Content-Type": "application/json",
      Origin: origin,
      "X-Forwarded-For": address,
    },
    body,
  );
  const cookie = [res.headers["set-cookie"] ?? []]
    .flat()
    .map((h) => h.split(";")[0] ?? "")
    .find((h) => h.startsWith("better-auth.session_token="));
  if (res.status !== 200 || !cookie)
    throw new Error(`Sign-in of ${email} answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { email, address, cookie };
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return out;
}

/** The fields of a valid commitment (lib/validation/submissions.ts CommitmentInputSchema). */
function commitmentFields(companySlug: string, token: string): [string, string][] {
  return [
    ["company", companySlug],
    ["title", `Benchmark commitment ${token}`],
    ["description", "Submitted by the load benchmark (scripts/bench)."],
    ["metric", "local_sourcing_share"],
    ["unit", "percent"],
    ["direction", "increase"],
    ["baseline_value", "20"],
    ["baseline_date", "2025-01-01"],
    ["target_value", "50"],
    ["deadline_precision", "year"],
    ["deadline", "2030"],
    ["scheme", "make_in_india"],
    ["evidence_grade", "announced"],
    ["announced_on", "2025-01-15"],
    ["categories", "Smartphones"],
    ["states", "IN-TN"],
    ["sources.0.url", `https://bench.example/source/${token}`],
    ["sources.0.title", "Benchmark source"],
    ["sources.0.publisher", "Benchmark"],
    ["sources.0.kind", "news"],
    ["sources.0.published_on", "2025-01-15"],
    ["sources.0.excerpt", "A quoted sentence that backs the commitment."],
  ];
}

function commitmentForm(html: string): ParsedForm | undefined {
  return parseForms(html).find(
    (f) => f.isServerAction && f.fieldNames.has("title") && f.fieldNames.has("company"),
  );
}

/** Text of the first alert or error summary in a page, to say why a form came back. */
function refusal(status: number, body: string): string {
  const alert =
    /<(?:p|div)[^>]*role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/i.exec(body)?.[1] ?? body.slice(0, 300);
  return `${status}: ${alert
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300)}`;
}

export async function measureSubmissions(options: {
  origin: string;
  database: string;
  companySlug: string;
  clients: number;
  seconds: number;
  /** Submissions per second the accounts must allow for (the target, with headroom). */
  capacityPerSecond: number;
  routeBuilt: boolean;
}): Promise<SubmissionResult> {
  const { origin, clients, seconds } = options;
  if (!options.routeBuilt) return { available: false, reason: `${SUBMIT_PATH} is not in this build` };

  const runId = crypto.randomBytes(4).toString("hex");
  const perClient = Math.max(
    1,
    Math.ceil((options.capacityPerSecond * seconds) / (clients * PER_ACCOUNT_LIMIT)),
  );
  const accountCount = clients * perClient;
  await createContributors(options.database, accountCount, runId);
  const signInStarted = performance.now();
  const signedIn = await inBatches(
    Array.from({ length: accountCount }, (_, i) => i),
    4,
    (i) => signIn(origin, emailFor(runId, i), addressFor(i)),
  );
  const signInSeconds = (performance.now() - signInStarted) / 1000;

  const first = signedIn[0] as Contributor;
  const page = await request(new http.Agent(), new URL(SUBMIT_PATH, origin), "GET", {
    Cookie: first.cookie,
    "X-Forwarded-For": first.address,
  });
  if (page.status !== 200)
    return { available: false, reason: `GET ${SUBMIT_PATH} signed in answered ${page.status}` };
  const form = commitmentForm(page.body);
  if (!form)
    return {
      available: false,
      reason: `${SUBMIT_PATH} has no server-action form with title and company fields`,
    };

  const target = new URL(form.action || SUBMIT_PATH, new URL(SUBMIT_PATH, origin));
  const boundary = `----bench${crypto.randomBytes(8).toString("hex")}`;
  const ours = new Set(commitmentFields("", "").map(([name]) => name));
  const hidden = form.hidden.filter(([name]) => !ours.has(name));

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const acknowledged = new Set<string>();
  let sent = 0;
  let firstRefusal: string | undefined;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  let exhausted = 0;

  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      // Client i takes accounts i, i + clients, i + 2 × clients, …, each for PER_ACCOUNT_LIMIT posts.
      let posts = 0;
      while (performance.now() < deadline) {
        const c = signedIn[i + clients * Math.floor(posts / PER_ACCOUNT_LIMIT)];
        if (!c) {
          exhausted++;
          break;
        }
        posts++;
        const token = `${runId}-${i}-${sequence++}`;
        const body = multipart([...hidden, ...commitmentFields(options.companySlug, token)], boundary);
        const t0 = performance.now();
        sent++;
        let res;
        try {
          res = await request(
            agent,
            target,
            "POST",
            {
              "Content-Type": `multipart/form-data; boundary=${boundary}`,
              "Content-Length": String(Buffer.byteLength(body)),
              Accept: "text/html",
              Cookie: c.cookie,
              Origin: origin,
              "X-Forwarded-For": c.address,
            },
            body,
          );
        } catch (error) {
          statuses.error = (statuses.error ?? 0) + 1;
          firstRefusal ??= String(error);
          continue;
        }
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        // A form that was accepted redirects (303) away from itself; one that comes back (200) was not.
        const location = String(res.headers.location ?? "");
        if (res.status === 303 && !/^(?:https?:\/\/[^/]+)?\/sign-in/.test(location)) acknowledged.add(token);
        else firstRefusal ??= refusal(res.status, res.body);
      }
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  // Proof: every acknowledged token is in a stored submission by one of these contributors.
  const db = openDatabase(options.database, { migrate: false, seed: false });
  let stored = 0;
  let lost = 0;
  try {
    const ids = db.$client
      .prepare<[string], { id: string }>(`select id from users where email like ?`)
      .all(`bench-${runId}-%`)
      .map((r) => r.id);
    const rows = db
      .select({ payload: submissions.payload })
      .from(submissions)
      .where(inArray(submissions.submittedById, ids))
      .all();
    stored = rows.length;
    const storedTokens = new Set<string>();
    for (const { payload } of rows) {
      const title = (payload as { title?: unknown } | null)?.title;
      const token = typeof title === "string" ? /Benchmark commitment (\S+)$/.exec(title)?.[1] : undefined;
      if (token) storedTokens.add(token);
    }
    for (const token of acknowledged) if (!storedTokens.has(token)) lost++;
  } finally {
    db.$client.close();
  }

  return {
    available: true,
    clients,
    accounts: accountCount,
    signInSeconds,
    clientsOutOfAccounts: exhausted,
    seconds: elapsed,
    sent,
    acknowledged: acknowledged.size,
    perSecond: acknowledged.size / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
    stored,
    lost,
    firstRefusal,
  };
}
