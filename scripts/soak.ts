import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/connection";
import { createUserWithPassword } from "@/db/mutations/users";
import { hiddenActionFields, signInThroughForm } from "@/lib/testing/action-post";
import { build, memoryOf, snapshotBuild, startApp } from "./bench/app-server";
import { APP_SNAPSHOT, ROOT } from "./bench/config";
import { syntheticDatabase, workingCopy } from "./bench/databases";
import { load } from "./bench/load";
import { median } from "./bench/stats";

// npm run soak: mixed reads and writes against the production build for several minutes
// (issue 7, item 4). Zero errors, every acknowledged write stored, and memory that levels off
// rather than climbing. The figures are appended to BENCHMARKS.md.

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "300" },
    commitments: { type: "string", default: "10000" },
    writers: { type: "string", default: "8" },
    "no-build": { type: "boolean", default: false },
    write: { type: "boolean", default: true },
  },
});
const SECONDS = Number(args.seconds);
const WRITERS = Number(args.writers);
const PORT = 3250;
if (!Number.isInteger(SECONDS) || SECONDS < 10 || !Number.isInteger(WRITERS) || WRITERS < 1) {
  console.error("Usage: npm run soak -- [--seconds 300] [--commitments 10000] [--writers 8] [--no-build]");
  process.exit(2);
}

const READ_PATHS = [
  "/",
  "/commitments?state=IN-TN&status=behind&q=smartphones",
  "/commitments/1",
  "/api/v1/commitments?state=IN-TN&status=behind",
  "/api/v1/commitments?q=smartphones",
  "/deadlines",
  "/api/v1/deadlines.ics?state=IN-UP",
];

async function main() {
  if (!args["no-build"]) await build();
  // Its own copy of the build and of the database: a benchmark may be running beside it.
  const snapshot = snapshotBuild(path.join(path.dirname(APP_SNAPSHOT), "soak"));
  const cached = await syntheticDatabase(Number(args.commitments));
  const database = workingCopy(cached.file, Number(args.commitments), "soak");

  // Writers post as several people so that no one person's submission limit is what is measured.
  process.env.TRACKER_SUBMISSIONS_PER_10_MIN = "100000";
  const server = await startApp(snapshot, database, PORT, "soak");
  const origin = server.origin;
  const runId = crypto.randomBytes(4).toString("hex");
  const db = openDatabase(database, { migrate: false, seed: false });
  const people = [];
  for (let i = 0; i < WRITERS; i++) {
    const email = `soak-${runId}-${i}@example.in`;
    const password = `soak passphrase ${runId} ${i}`;
    await createUserWithPassword(db, { name: `Soak ${i}`, email, password, role: "contributor" });
    people.push(await signInThroughForm(origin, email, password));
  }
  db.$client.close();
  const formHtml = await (
    await fetch(`${origin}/submit/progress?commitment=1`, { headers: { cookie: people[0]! } })
  ).text();
  const hidden = hiddenActionFields(formHtml);

  const rss: { t: number; bytes: number }[] = [];
  const rssAtStartMb = (memoryOf(server.pid)?.rssBytes ?? 0) / 1024 / 1024;
  const started = Date.now();
  const sampler = setInterval(() => {
    const m = memoryOf(server.pid);
    if (m) rss.push({ t: (Date.now() - started) / 1000, bytes: m.rssBytes });
  }, 5000);

  const acknowledged: number[] = [];
  let writeErrors = 0;
  let writes = 0;
  const deadline = started + SECONDS * 1000;
  const writer = async (cookie: string, w: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const form = new FormData();
      for (const [k, v] of hidden) form.append(k, v);
      const fields: Record<string, string> = {
        commitment_id: "1",
        as_of: "2026-03-31",
        value: String(w * 1_000_000 + n),
        note: `soak ${runId} ${w} ${n}`,
        "sources.0.url": `https://example.com/soak/${runId}/${w}/${n}`,
        "sources.0.title": "Soak report",
        "sources.0.publisher": "Example News",
        "sources.0.kind": "news",
        "sources.0.published_on": "2026-04-01",
        "sources.0.excerpt": "A value for the soak test.",
      };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      writes++;
      try {
        const r = await fetch(`${origin}/submit/progress?commitment=1`, {
          method: "POST",
          body: form,
          redirect: "manual",
          headers: { cookie, origin },
        });
        await r.arrayBuffer();
        const id = /submitted=(\d+)/.exec(r.headers.get("location") ?? "")?.[1];
        if (r.status === 303 && id) acknowledged.push(Number(id));
        else writeErrors++;
      } catch {
        writeErrors++;
      }
    }
  };
  const reads = load(origin, { connections: 8, duration: SECONDS, paths: READ_PATHS });
  const [readResult] = await Promise.all([reads, ...people.map((cookie, w) => writer(cookie, w))]);
  clearInterval(sampler);
  const atEnd = memoryOf(server.pid);
  await server.stop();

  const check = new Database(database, { readonly: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  const stored = new Set(
    (check.prepare("select id from submissions").all() as { id: number }[]).map((r) => r.id),
  );
  check.close();
  const lost = acknowledged.filter((id) => !stored.has(id)).length;

  const minute = (from: number, to: number) =>
    median(rss.filter((s) => s.t >= from && s.t < to).map((s) => s.bytes)) / 1024 / 1024;
  const firstMinute = minute(0, 60);
  const lastMinute = minute(SECONDS - 60, SECONDS + 10);
  const peak = Math.max(...rss.map((s) => s.bytes)) / 1024 / 1024;
  const summary = {
    seconds: SECONDS,
    commitments: Number(args.commitments),
    reads: readResult.responses,
    readRps: readResult.rps,
    readP99: readResult.p99,
    readNon2xx: readResult.non2xx,
    readErrors: readResult.errors + readResult.timeouts,
    writes,
    writesPerSecond: writes / SECONDS,
    acknowledged: acknowledged.length,
    writeErrors,
    lost,
    integrity,
    rssAtStartMb: Math.round(rssAtStartMb),
    rssAtEndMb: Math.round((atEnd?.rssBytes ?? 0) / 1024 / 1024),
    /** The kernel's high-water mark: peaks shorter than the 5 s sampling included. */
    rssHwmMb: Math.round((atEnd?.hwmBytes ?? 0) / 1024 / 1024),
    rssFirstMinuteMb: Math.round(firstMinute),
    rssLastMinuteMb: Math.round(lastMinute),
    rssPeakMb: Math.round(peak),
  };
  console.log(JSON.stringify(summary, null, 2));

  const ok =
    summary.readNon2xx === 0 &&
    summary.readErrors === 0 &&
    writeErrors === 0 &&
    lost === 0 &&
    integrity === "ok";
  const growth = lastMinute / firstMinute;
  if (args.write) {
    const section = `
## Soak, ${new Date().toISOString().slice(0, 10)} (issue 7)

\`npm run soak -- --seconds ${SECONDS} --commitments ${summary.commitments} --writers ${WRITERS}\` on this machine:
${SECONDS} s of mixed reads (8 connections over ${READ_PATHS.length} pages and API routes) and
${WRITERS} writers posting progress-update forms as signed-in contributors, against the production build.

| measure | figure |
| --- | --- |
| reads | ${summary.reads.toLocaleString("en-IN")} (median ${summary.readRps} req/s, p99 ${summary.readP99} ms), non-2xx ${summary.readNon2xx}, errors ${summary.readErrors} |
| writes | ${writes.toLocaleString("en-IN")} (${summary.writesPerSecond.toFixed(1)}/s), acknowledged ${summary.acknowledged.toLocaleString("en-IN")}, errors ${writeErrors}, lost ${lost} |
| integrity_check afterwards | ${integrity} |
| server RSS: after start, before load → at the end | ${summary.rssAtStartMb} MB → ${summary.rssAtEndMb} MB |
| server RSS, median of first minute → last minute | ${summary.rssFirstMinuteMb} MB → ${summary.rssLastMinuteMb} MB (×${growth.toFixed(2)}); peak ${summary.rssPeakMb} MB sampled every 5 s, ${summary.rssHwmMb} MB VmHWM |
| verdict | ${ok ? "no errors, nothing lost" : "FAILED: see the figures"}${growth > 1.25 ? "; memory grew by more than 25%" : ""} |
`;
    fs.appendFileSync(path.join(ROOT, "BENCHMARKS.md"), section);
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
