import { getDb } from "@/db";
import { chartFigure } from "@/app/charts/registry";
import { embedDocument } from "@/lib/charts/embed-html";
import { today } from "@/lib/server/clock";

export const dynamic = "force-dynamic";

// /embed/<chart>: a chart alone, for other sites to frame (issue 14). A route handler rather than
// a page: a page would carry Next's scripts and the site's header; this is a small document of its
// own, with no script (lib/charts/embed-html.ts). Only addresses under /embed/ may be framed
// (lib/security/csp.ts), and the front caches them like other public pages (lib/cache/policy.ts).

export async function GET(_request: Request, ctx: RouteContext<"/embed/[...chart]">): Promise<Response> {
  const { chart } = await ctx.params;
  const figure = chartFigure(getDb(), chart, today());
  if (!figure) {
    return new Response("No chart at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(embedDocument(figure), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
