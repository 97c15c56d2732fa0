import { defineConfig, devices } from "@playwright/test";

// The suite runs against the production build (`next start`) on its own port with its own
// database file, created fresh for each run, so it never touches data/tracker.db.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT = E2E_PORT;
export const E2E_DATABASE = ".e2e-data/e2e.db";

// Specs that publish records (approvals, imports, outcomes, supersessions) run after all the
// others, so that assertions about the seed's published facts and counts hold whatever the order.
const PUBLISHING_SPECS = [
  "**/review.spec.ts",
  "**/proposed-together.spec.ts",
  "**/import.spec.ts",
  "**/supersede.spec.ts",
  "**/outcome.spec.ts",
  "**/authorization-matrix.spec.ts",
  "**/watching.spec.ts",
  "**/cache-validators.spec.ts",
  "**/cache-freshness.spec.ts",
  "**/cache-privacy.spec.ts",
];

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "reading", testIgnore: PUBLISHING_SPECS },
    { name: "publishing", testMatch: PUBLISHING_SPECS, dependencies: ["reading"] },
  ],
  webServer: {
    command: `rm -rf .e2e-data && mkdir -p .e2e-data && node .next/tracker-server.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/v1/commitments`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: E2E_DATABASE,
      // Statuses in the assertions are those of this date, whatever day the suite runs.
      TRACKER_TODAY: "2026-11-25",
      NEXT_TELEMETRY_DISABLED: "1",
      TRACKER_ENABLE_TEST_ROUTES: "1",
      // A published source's capture is tried within a second, so specs that compare a page's
      // bytes can wait for it (e2e/support/publish.ts capturesTried) rather than race it.
      TRACKER_ARCHIVE_INTERVAL_SECONDS: "1",
    },
  },
});
