import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Links must not prefetch by default (components/ui/link.tsx, docs/decisions/0018).
const noNextLink = {
  name: "next/link",
  message: "Use { Link } from @/components/ui/link: it does not prefetch every link in view.",
};

// Dependencies point one way, app → components → db → lib: no folder imports one to its left,
// components do not read db/ either (pages pass data in), and auth/ sits beside db/ (it opens the
// database for sign-in), used by app/ alone (docs/decisions/0020-layering.md); mail/ sits beside
// it too, sending what db/ queued, used by server/ alone (docs/decisions/0023-mail-outbox.md);
// archive/ is the source fetcher and its WARC files, a network client with no database, used by
// app/ and server/ (docs/decisions/0028).
// The zones are checked on resolved paths, so a relative import across folders is caught as well
// as an @/ one.
const layer = (folder, forbidden, why) => ({
  target: `./${folder}`,
  from: forbidden.map((f) => `./${f}`),
  message: why,
});
const layers = [
  layer(
    "lib",
    ["db", "auth", "mail", "archive", "components", "app", "server"],
    "lib/ is the bottom layer: pass data in, or move the code up.",
  ),
  layer("db", ["auth", "mail", "archive", "components", "app", "server"], "db/ may use lib/ only."),
  layer("auth", ["mail", "archive", "components", "app", "server"], "auth/ may use db/ and lib/ only."),
  // mail/ sends what db/ queued (docs/decisions/0023); only the server process runs it.
  layer("mail", ["auth", "components", "app", "server"], "mail/ may use db/ and lib/ only."),
  // archive/ fetches URLs people supplied and reads and writes WARC files; it holds no database
  // handle, so what it returns is recorded by its caller (docs/decisions/0028).
  layer(
    "archive",
    ["db", "auth", "mail", "components", "app", "server"],
    "archive/ may use lib/ only: return outcomes and let the caller record them.",
  ),
  layer(
    "components",
    ["db", "auth", "mail", "archive"],
    "Components receive data from pages as props; they never read the database or the session.",
  ),
  {
    // A component may call a server action (the 'use server' modules, app/**/actions.ts) as React
    // forms do, but nothing else of a route.
    target: "./components",
    from: "./app/**/*",
    except: ["**/app/**/actions.ts"],
    message: "Components do not import routes; pass what they need as props.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without a where clause would touch every row: never intended here.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "error",
      "no-restricted-imports": ["error", { paths: [noNextLink] }],
      "import/no-restricted-paths": ["error", { zones: layers }],
    },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // This entry replaces the one above for lib/ (flat config entries for one rule do not merge),
    // so it repeats next/link. lib/ runs in tests, scripts and the server without a framework.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [noNextLink],
          patterns: [
            {
              group: [
                "next",
                "next/*",
                "react",
                "react/*",
                "react-dom",
                "react-dom/*",
                "@tanstack/react-query",
              ],
              message:
                "lib/ imports no Next or React: take what it needs as arguments, or move the code to components/ or app/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and their helpers open a database and call across layers to check them together.
    files: ["**/*.test.ts", "lib/testing/**"],
    rules: { "import/no-restricted-paths": "off" },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      // Databases, and the benchmark's checkout of the baseline build with its own node_modules.
      ".bench-data/**",
      ".e2e-data/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
