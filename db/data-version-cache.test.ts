import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { memoizedForData } from "./data-version-cache";
import { progressUpdates } from "./schema";
import { tempDatabase } from "@/lib/testing/temp-db";

describe("memoizedForData", () => {
  it("keeps a result until any data changes", () => {
    const { db, cleanup } = tempDatabase();
    try {
      let computed = 0;
      const read = () => memoizedForData(db, "k", () => ++computed);
      expect(read()).toBe(1);
      expect(read()).toBe(1);
      expect(memoizedForData(db, "other", () => "x")).toBe("x");
      db.insert(progressUpdates).values({ commitmentId: 1, asOf: "2026-03-31", value: 20 }).run();
      expect(read()).toBe(2);
      expect(read()).toBe(2);
    } finally {
      cleanup();
    }
  });

  it("sees writes made through another connection", () => {
    const { db, file, cleanup } = tempDatabase();
    const other = tempDatabaseConnection(file);
    try {
      let computed = 0;
      const read = () => memoizedForData(db, "k", () => ++computed);
      expect(read()).toBe(1);
      other
        .prepare("insert into progress_updates (commitment_id, as_of, value) values (1, '2026-03-31', 20)")
        .run();
      expect(read()).toBe(2);
    } finally {
      other.close();
      cleanup();
    }
  });
});

/** A second, independent connection to the same file, as another process would have. */
function tempDatabaseConnection(file: string) {
  return new Database(file);
}
