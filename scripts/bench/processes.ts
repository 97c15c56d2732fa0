import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";

// Child processes the benchmark starts, each stopped by its own pid (never by name), including
// when the run fails or is interrupted.

const running = new Set<ChildProcess>();

function stopAllNow(): void {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

process.on("exit", stopAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAllNow();
    process.exit(130);
  });
}

export type Started = { child: ChildProcess; pid: number; exited: Promise<number | null> };

/** Starts a long-running process with its output appended to `logFile`. */
export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions,
  logFile: string,
): Started {
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, { ...options, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${command}`);
  running.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  return { child, pid: child.pid, exited };
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopProcess(p: Started, graceMs = 10_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  process.kill(p.pid, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([p.exited, timer])) === "timeout") {
    process.kill(p.pid, "SIGKILL");
    await p.exited;
  }
}

/** Runs a command to completion; its output goes to the console. Rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    running.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
