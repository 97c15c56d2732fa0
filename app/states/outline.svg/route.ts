import { indiaOutlineSvg } from "@/lib/charts/india-map";

export const dynamic = "force-dynamic";

// Built once per process: it depends on nothing but the outline package.
let outline: string | undefined;

/**
 * The outline of India, one <path id="IN-UP"> per shape, which the map on /states draws through
 * <use href="/states/outline.svg#IN-UP">: the browser fetches and caches the path data once
 * instead of reading it in every page (docs/decisions/0026). Public and the same for everyone, so
 * the front server caches it like the pages (lib/cache/policy.ts: /states/…).
 */
export function GET(): Response {
  outline ??= indiaOutlineSvg();
  return new Response(outline, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // It changes only with a new release; the front server's own header replaces this one.
      "Cache-Control": "public, max-age=3600",
    },
  });
}
