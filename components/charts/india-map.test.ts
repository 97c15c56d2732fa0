import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The page's map is a client component: what it imports is sent to every reader's browser. The
// outline's path data (lib/charts/india-map-geometry.ts, from @svg-maps/india) must stay on the
// server, reached by the page only through <use> of /states/outline.svg (docs/decisions/0026).

const ROOT = path.resolve(import.meta.dirname, "../..");
const IMPORT = /^\s*import\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module and package a file reaches through value imports (type-only imports send nothing). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolve(file, spec as string);
      if (target) queue.push(target);
      else seen.add(spec as string);
    }
  }
  return seen;
}

describe("the page's map component", () => {
  it("does not bring the outline's path data into the browser", () => {
    const modules = [...reachable(path.join(ROOT, "components/charts/india-map.tsx"))];
    expect(modules.some((m) => m.endsWith("lib/charts/choropleth.ts"))).toBe(true);
    expect(
      modules.filter(
        (m) =>
          m.includes("india-map-geometry") ||
          m.includes("@svg-maps/india") ||
          m.endsWith("lib/charts/india-map.ts"),
      ),
    ).toEqual([]);
  });
});
