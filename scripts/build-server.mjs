// Bundles server/main.ts (the production server: Next behind the response cache) into one file
// beside Next's own build, so that `npm start` runs plain Node with no TypeScript loader. Packages
// stay external and load from node_modules, as Next's do; `react-server` resolves `server-only`
// to its no-op, as the other scripts run (package.json).
import { build } from "esbuild";

await build({
  entryPoints: ["server/main.ts"],
  outfile: ".next/tracker-server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  conditions: ["react-server"],
  sourcemap: "linked",
  logLevel: "warning",
});
