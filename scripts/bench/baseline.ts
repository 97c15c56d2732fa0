import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build, describeBuild, type Snapshot } from "./app-server";
import { BENCH_DATA, ROOT } from "./config";

// The build the present one is compared with (issue 11: "each at least 10× the figure of the
// present build measured in the same run"). A commit is checked out once into
// .bench-data/baseline-<sha> (a git worktree, detached), given this checkout's node_modules as
// hard links, and built there with its own build command; the build is kept and reused by every
// later run for the same commit. It runs from there with its own start command, on its own copy
// of the database, in turns with the new build.

export type Baseline = {
  rev: string;
  sha: string;
  dir: string;
  /** The build was already there (made by an earlier run). */
  reused: boolean;
  /** Seconds the build took when it was made. */
  buildSeconds: number;
  /** The baseline's package-lock.json differs from this checkout's, whose node_modules it uses. */
  lockfileDiffers: boolean;
  snapshot: Snapshot;
};

type Marker = { sha: string; buildId: string; seconds: number; builtAt: string };

const git = (args: string[], cwd = ROOT) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

function readMarker(file: string): Marker | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Marker;
  } catch {
    return null;
  }
}

/** This checkout's node_modules as hard links (cheap, and Turbopack resolves inside the project); a link if that fails. */
function linkNodeModules(dir: string): void {
  const target = path.join(dir, "node_modules");
  if (fs.existsSync(target)) return;
  try {
    execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), target], { stdio: "inherit" });
  } catch {
    fs.rmSync(target, { recursive: true, force: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), target);
  }
}

/** The checkout and build of `rev`, made now unless an earlier run left them. */
export async function prepareBaseline(rev: string, log: (text: string) => void): Promise<Baseline> {
  const sha = git(["rev-parse", "--verify", `${rev}^{commit}`]);
  const dir = path.join(BENCH_DATA, `baseline-${sha.slice(0, 12)}`);
  const markerFile = path.join(dir, ".bench-built.json");
  const lockfileDiffers = () =>
    !fs.existsSync(path.join(dir, "package-lock.json")) ||
    !fs
      .readFileSync(path.join(dir, "package-lock.json"))
      .equals(fs.readFileSync(path.join(ROOT, "package-lock.json")));

  const marker = readMarker(markerFile);
  const buildIdFile = path.join(dir, ".next", "BUILD_ID");
  if (
    marker?.sha === sha &&
    fs.existsSync(buildIdFile) &&
    fs.readFileSync(buildIdFile, "utf8").trim() === marker.buildId
  ) {
    return {
      rev,
      sha,
      dir,
      reused: true,
      buildSeconds: marker.seconds,
      lockfileDiffers: lockfileDiffers(),
      snapshot: describeBuild(dir),
    };
  }

  if (!fs.existsSync(path.join(dir, ".git"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    git(["worktree", "prune"]);
    log(`baseline: git worktree add --detach ${path.relative(ROOT, dir)} ${sha.slice(0, 12)}`);
    git(["worktree", "add", "--detach", dir, sha]);
  } else if (git(["rev-parse", "HEAD"], dir) !== sha) {
    throw new Error(`${dir} is not at ${sha}; remove it (git worktree remove --force ${dir})`);
  }
  linkNodeModules(dir);
  if (lockfileDiffers())
    log(
      `baseline: its package-lock.json differs from this checkout's; it is built with this checkout's node_modules`,
    );
  log(`baseline: building ${rev} (${sha.slice(0, 12)}) in ${path.relative(ROOT, dir)}`);
  const started = performance.now();
  await build(dir);
  const seconds = (performance.now() - started) / 1000;
  const snapshot = describeBuild(dir);
  const written: Marker = { sha, buildId: snapshot.buildId, seconds, builtAt: new Date().toISOString() };
  fs.writeFileSync(markerFile, `${JSON.stringify(written, null, 2)}\n`);
  return {
    rev,
    sha,
    dir,
    reused: false,
    buildSeconds: seconds,
    lockfileDiffers: lockfileDiffers(),
    snapshot,
  };
}
