import fs from "node:fs";
import path from "node:path";
import { BENCH_DATA, FLOOR_PORT, ROOT, TODAY } from "./config";
import { sleep, startProcess, stopProcess, type Started } from "./processes";

// Starts and stops floor-server.ts in its own process, like the app: the load generator never
// shares an event loop with the server it measures.

export type FloorServer = { origin: string; stop: () => Promise<void> };

export async function startFloor(database: string, label: string): Promise<FloorServer> {
  const logDir = path.join(BENCH_DATA, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `floor-${label}.log`);
  fs.writeFileSync(logFile, "");
  // node with tsx's loader, not the tsx command, which would run the script in a child process.
  const p: Started = startProcess(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/bench/floor-server.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database,
        PORT: String(FLOOR_PORT),
        TRACKER_TODAY: TODAY,
      },
    },
    logFile,
  );
  const origin = `http://127.0.0.1:${FLOOR_PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`The floor server exited; see ${logFile}`);
    try {
      const response = await fetch(`${origin}/api/v1/commitments?per_page=1`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) {
      await stopProcess(p);
      throw new Error(`The floor server did not start; see ${logFile}`);
    }
    await sleep(200);
  }
  return { origin, stop: () => stopProcess(p) };
}
