import "server-only";
import { databasePath, openDatabase, type Db } from "./connection";

// One handle per server process, opened on first use rather than at import, so that `next build`
// (which imports route modules to collect page data) never creates or migrates a database.
let handle: Db | undefined;

export function getDb(): Db {
  handle ??= openDatabase(databasePath());
  return handle;
}

export type { Db };
