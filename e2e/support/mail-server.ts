import fs from "node:fs";
import { test } from "@playwright/test";
import { openDatabase, type Db } from "@/db/connection";
import type { SmtpSink } from "@/mail/testing/smtp-sink";
import type { OwnServer } from "./server";

// For specs that start a server of their own with a real SMTP server beside it (issue 13).

/** A new database at `file`, migrated and seeded, in place of whatever an earlier run left. */
export function freshDatabase(file: string): Db {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  return openDatabase(file);
}

/** Holds each test's server and SMTP sink, and stops both after the test, whatever its end. */
export function serverAndSinkPerTest(): { server?: OwnServer; sink?: SmtpSink } {
  const started: { server?: OwnServer; sink?: SmtpSink } = {};
  test.afterEach(async () => {
    await started.server?.stop();
    await started.sink?.close();
    delete started.server;
    delete started.sink;
  });
  return started;
}
