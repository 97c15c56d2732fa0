import fs from "node:fs";
import { test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/connection";
import { outbox } from "@/db/schema";
import { queueTestMail } from "@/db/testing/records";
import type { SmtpSink } from "@/mail/testing/smtp-sink";
import type { OwnServer } from "./server";

// What the mail specs share: a database file of their own, started afresh (migrated and seeded
// here, before any server opens it), and servers and an SMTP sink stopped after each test.

export function freshDatabase(file: string): Db {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return openDatabase(file);
}

/** Holds a test's servers and sink; registers the afterEach that stops them. */
export function serversAndSinkPerTest(): { servers: OwnServer[]; sink?: SmtpSink } {
  const own: { servers: OwnServer[]; sink?: SmtpSink } = { servers: [] };
  test.afterEach(async () => {
    await Promise.all(own.servers.map((s) => s.stop()));
    await own.sink?.close();
    own.servers = [];
    own.sink = undefined;
  });
  return own;
}

/** A test message (to person{n}@example.in) that has failed for good, as after its last attempt. */
export function failedTestMail(db: Db, n: number): number {
  const id = queueTestMail(db, n);
  db.update(outbox)
    .set({ state: "failed", attempts: 8, lastError: "test: the relay refused" })
    .where(eq(outbox.id, id))
    .run();
  return id;
}

export function mailState(db: Db, id: number) {
  return db.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, id)).get()?.state;
}
