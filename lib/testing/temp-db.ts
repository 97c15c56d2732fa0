import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db, type OpenOptions } from "@/db/connection";

/** A migrated (and by default seeded) database in a fresh temporary file, removed by `cleanup`. */
export function tempDatabase(options?: OpenOptions): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file, options);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
