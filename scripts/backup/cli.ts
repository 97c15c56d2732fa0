import path from "node:path";
import { parseArgs } from "node:util";
import type { TableCounts } from "./backup";

/** A mistake in the command line: the CLIs print it with their usage text and exit with 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export type FileArgs = { file: string; force: boolean } | "help";

/** Parses `<file> [--force] [--help]`, the shape both db:backup and db:restore take. */
export function parseFileArgs(argv: string[]): FileArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return "help";
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file.trim() === "") throw new UsageError("the backup file is required");
  if (extra.length > 0)
    throw new UsageError(`one file only, not also ${extra.map((e) => `"${e}"`).join(", ")}`);
  return { file: resolveUserPath(file), force: parsed.values.force };
}

// npm runs scripts from the project directory; INIT_CWD is where the person typed the command, and
// a relative file name they give means a file there.
export function resolveUserPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

export function countLines(counts: TableCounts): string[] {
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  return Object.entries(counts).map(([table, n]) => `  ${table.padEnd(width)}  ${grouped(n).padStart(12)}`);
}
