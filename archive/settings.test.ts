import path from "node:path";
import { describe, expect, it } from "vitest";
import { databasePath } from "@/db/connection";
import { readArchiveSettings } from "./settings";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("archive settings", () => {
  it.each([
    [{}, "data/archive"],
    [{ DATABASE_URL: "/srv/tracker/tracker.db" }, "/srv/tracker/archive"],
    [{ DATABASE_URL: "file:.e2e-data/e2e.db" }, ".e2e-data/archive"],
    [{ DATABASE_URL: "x.db", TRACKER_ARCHIVE_DIR: "/mnt/archive" }, "/mnt/archive"],
  ])("%o keeps archives in %s", (values, dir) => {
    expect(readArchiveSettings(env(values)).archiveDir).toBe(dir);
  });

  it.each<Record<string, string>>([
    {},
    { DATABASE_URL: "/srv/tracker/tracker.db" },
    { DATABASE_URL: "file:.e2e-data/e2e.db" },
  ])("puts the archive beside the file the database opens (%o)", (values) => {
    expect(readArchiveSettings(env(values)).archiveDir).toBe(
      path.join(path.dirname(databasePath(env(values))), "archive"),
    );
  });

  it("names the tracker and its public origin in the User-Agent", () => {
    const settings = readArchiveSettings(env({ TRACKER_ORIGIN: "https://tracker.example.in/" }));
    expect(settings.userAgent).toMatch(/^MakeInIndiaTracker\/1\.0 \(\+https:\/\/tracker\.example\.in;/);
    expect(readArchiveSettings(env({ BETTER_AUTH_URL: "https://b.example.in" })).userAgent).toContain(
      "+https://b.example.in;",
    );
  });

  it.each([
    ["http://127.0.0.1:3100", "4100", [4100]],
    ["http://localhost:3100", "4100, 4101", [4100, 4101]],
    ["http://[::1]:3100", "4100", [4100]],
  ])("honours the loopback ports for the local origin %s", (origin, ports, expected) => {
    const settings = readArchiveSettings(
      env({ TRACKER_ORIGIN: origin, TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: ports }),
    );
    expect(settings.allowLoopbackPorts).toEqual(expected);
  });

  it("allows no loopback port when the setting is absent", () => {
    expect(
      readArchiveSettings(env({ TRACKER_ORIGIN: "https://tracker.example.in" })).allowLoopbackPorts,
    ).toEqual([]);
  });

  it.each([
    [{ TRACKER_ORIGIN: "https://tracker.example.in" }],
    [{ BETTER_AUTH_URL: "https://tracker.example.in" }],
    [{ TRACKER_ORIGIN: "https://127.0.0.1:3100" }],
    [{ TRACKER_ORIGIN: "http://127.0.0.1.example.in" }],
    [{}],
  ])("refuses the loopback ports, loudly, for %o", (values) => {
    expect(() => readArchiveSettings(env({ ...values, TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: "4100" }))).toThrow(
      /test-only setting and is refused/,
    );
  });

  it.each(["0", "70000", "abc", "4100,", "41.5"])("refuses the port list %s", (ports) => {
    expect(() =>
      readArchiveSettings(
        env({ TRACKER_ORIGIN: "http://127.0.0.1:3100", TRACKER_FETCH_ALLOW_LOOPBACK_PORTS: ports }),
      ),
    ).toThrow(/is not a port number/);
  });
});
