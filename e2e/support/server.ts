import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// A production server of our own, for tests that must kill and restart it. It runs the same
// build as the suite's server, on its own port and database file.

export type OwnServer = {
  url: string;
  process: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function startServer(
  port: number,
  databaseFile: string,
  env: Record<string, string> = {},
): Promise<OwnServer> {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  // A server left on the port by an earlier run would answer in place of ours.
  const stale = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`Port ${port} is already in use`);
  const child = spawn(process.execPath, [".next/tracker-server.mjs", "--port", String(port)], {
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
