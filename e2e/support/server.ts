import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_PORT } from "../../playwright.config";

// A production server of our own, for tests that must kill and restart it. It runs the same
// build as the suite's server, on its own port and database file.

/**
 * A port for a spec's own server or proxy: `offset` (1–49) above the suite's E2E_PORT, so that
 * runs of the suite on different E2E_PORTs side by side do not take each other's ports.
 */
export function portBesideSuite(offset: number): number {
  return E2E_PORT + offset;
}

export type OwnServer = {
  url: string;
  process: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type StartOptions = {
  /**
   * A command the server runs under, before node and its arguments: `["faketime", "-f", "@…"]`
   * runs it under a fake clock.
   */
  wrap?: string[];
};

/**
 * Starts the build on `port` with its own database file. Like the suite's server it computes
 * statuses for 2026-11-25 unless `env` says otherwise; `{ TRACKER_TODAY: "" }` leaves the day
 * unpinned, so the server follows its clock.
 */
export async function startServer(
  port: number,
  databaseFile: string,
  env: Record<string, string> = {},
  { wrap = [] }: StartOptions = {},
): Promise<OwnServer> {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  // A server left on the port by an earlier run would answer in place of ours.
  const stale = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`Port ${port} is already in use`);
  const [command, ...args] = [...wrap, process.execPath, ".next/tracker-server.mjs", "--port", String(port)];
  const child = spawn(command!, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseFile,
      TRACKER_TODAY: "2026-11-25",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ...env,
    },
    // Its own process group, so a kill reaches every process it starts.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/v1/commitments?per_page=1`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`Server on ${port} did not start:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: async (signal: NodeJS.Signals = "SIGTERM") => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
