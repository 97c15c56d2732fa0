import { chromium, type Request } from "@playwright/test";
import { startServer } from "../e2e/support/server";

// What one reader's visit costs the server (issue 11, docs/decisions/0018): starts the build in the
// current directory on a fresh database, loads one page in Chromium, idles 5 s and prints the
// requests by kind and the renders the server counted. Run from the tree whose build to measure:
//
//   npx tsx scripts/visit-cost.ts [--path /commitments] [--port 3341] [--list]

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const PAGE = argument("path", "/commitments");
const PORT = Number(argument("port", "3341"));
const IDLE_MS = 5_000;

type Kind = "document" | "rsc prefetch" | "rsc navigation" | "api" | "static" | "favicon" | "other";

function kindOf(request: Request): Kind {
  const { pathname } = new URL(request.url());
  const headers = request.headers();
  if (pathname === "/favicon.ico") return "favicon";
  if (pathname.startsWith("/_next/static/")) return "static";
  if (pathname.startsWith("/api/")) return "api";
  if (headers["next-router-prefetch"] !== undefined || headers["next-router-segment-prefetch"] !== undefined)
    return "rsc prefetch";
  if (headers["rsc"] !== undefined) return "rsc navigation";
  if (request.resourceType() === "document") return "document";
  return "other";
}

async function main() {
  const server = await startServer(PORT, `.e2e-data/visit-cost-script-${PORT}.db`, {
    TRACKER_EXPOSE_METRICS: "1",
  });
  const renders = async () =>
    ((await (await fetch(`${server.url}/_tracker/metrics`)).json()) as { renders: number }).renders;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const requests: Request[] = [];
    const failed: Request[] = [];
    const statuses = new Map<Request, number>();
    page.on("request", (r) => requests.push(r));
    page.on("requestfailed", (r) => failed.push(r));
    page.on("response", (r) => statuses.set(r.request(), r.status()));

    const before = await renders();
    await page.goto(`${server.url}${PAGE}`);
    const idle = await page.waitForLoadState("networkidle", { timeout: 15_000 }).then(
      () => "reached",
      () => "not reached in 15 s",
    );
    await page.waitForTimeout(IDLE_MS);
    const after = await renders();

    if (process.argv.includes("--list")) {
      for (const r of requests)
        console.log(kindOf(r), statuses.get(r) ?? "-", r.url().replace(server.url, ""));
    }
    const byKind = new Map<Kind, number>();
    for (const r of requests) byKind.set(kindOf(r), (byKind.get(kindOf(r)) ?? 0) + 1);
    // The same page asked for again (Next varies `_rsc` with the router state it sends).
    const rsc = requests
      .filter((r) => r.headers()["rsc"] !== undefined)
      .map((r) => {
        const url = new URL(r.url());
        url.searchParams.delete("_rsc");
        return url.href;
      });
    const favicon = requests.find((r) => kindOf(r) === "favicon");
    console.log(
      JSON.stringify(
        {
          page: PAGE,
          requests: requests.length,
          byKind: Object.fromEntries(byKind),
          rscSentTwice: rsc.length - new Set(rsc).size,
          failedOrAborted: failed.length,
          networkIdle: idle,
          favicon: favicon ? (statuses.get(favicon) ?? "no response") : "not requested",
          apiStatuses: requests.filter((r) => kindOf(r) === "api").map((r) => statuses.get(r) ?? "open"),
          serverRenders: after - before,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
