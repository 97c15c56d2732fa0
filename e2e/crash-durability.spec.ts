import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import { hiddenActionFields, signInCookie } from "@/lib/testing/action-post";
import { startServer } from "./support/server";

// Every submission the server acknowledged must survive the server being killed (SIGKILL, no
// chance to flush or close) in the middle of a burst of concurrent submissions.

const PORT = 3310;
const DB = ".e2e-data/crash.db";
test.setTimeout(180_000);

test("acknowledged submissions survive SIGKILL mid-burst, and the database stays intact", async () => {
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  let server = await startServer(PORT, DB);
  const base = server.url;
  try {
    // Several contributors, so that no one person's rate limit is what stops the burst.
    const db = openDatabase(DB, { migrate: false, seed: false });
    const people = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const email = `crash-${i}-${crypto.randomUUID()}@example.in`;
        const password = `crash test passphrase ${i}`;
        await createUserWithPassword(db, { name: `Crash ${i}`, email, password, role: "contributor" });
        return { cookie: await signInCookie(base, email, password) };
      }),
    );
    db.$client.close();

    const html = await (
      await fetch(`${base}/submit/progress?commitment=1`, { headers: { cookie: people[0]!.cookie } })
    ).text();
    const hidden = hiddenActionFields(html);
    expect(hidden.length).toBeGreaterThan(0);

    const acknowledged: number[] = [];
    let attempts = 0;
    let failuresAfterKill = 0;
    const submit = async (person: { cookie: string }, n: number) => {
      const form = new FormData();
      for (const [k, v] of hidden) form.append(k, v);
      form.append("commitment_id", "1");
      form.append("as_of", "2026-03-31");
      form.append("value", String(n));
      form.append("note", `crash test ${n}`);
      form.append("sources.0.url", `https://example.com/crash/${n}`);
      form.append("sources.0.title", `Report ${n}`);
      form.append("sources.0.publisher", "Example News");
      form.append("sources.0.kind", "news");
      form.append("sources.0.published_on", "2026-04-01");
      form.append("sources.0.excerpt", `Value ${n} reported.`);
      attempts++;
      try {
        const r = await fetch(`${base}/submit/progress?commitment=1`, {
          method: "POST",
          body: form,
          redirect: "manual",
          headers: { cookie: person.cookie, origin: base },
        });
        const location = r.headers.get("location") ?? "";
        const id = /submitted=(\d+)/.exec(location)?.[1];
        if (r.status === 303 && id) acknowledged.push(Number(id));
      } catch {
        failuresAfterKill++;
      }
    };

    // Keep 12 submissions in flight; kill the server once some have been acknowledged.
    let n = 0;
    const workers = people.flatMap((person) =>
      [0, 1].map(async () => {
        while (n < 150) await submit(person, ++n);
      }),
    );
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    await server.stop("SIGKILL");
    await Promise.all(workers);
    const ackedBeforeRestart = [...acknowledged];
    console.log(
      `crash test: ${attempts} submissions sent, ${ackedBeforeRestart.length} acknowledged, ${failuresAfterKill} cut off by the kill`,
    );

    server = await startServer(PORT, DB);
    const check = new Database(DB, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(check.pragma("foreign_key_check")).toEqual([]);
    const stored = new Set(
      (check.prepare("select id from submissions where state = 'pending'").all() as { id: number }[]).map(
        (r) => r.id,
      ),
    );
    const lost = ackedBeforeRestart.filter((id) => !stored.has(id));
    console.log(`crash test: ${lost.length} acknowledged submissions lost`);
    expect(lost).toEqual([]);
    check.close();
    // And the restarted server serves.
    expect((await fetch(`${base}/api/v1/commitments/1`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});
