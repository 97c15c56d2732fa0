import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { stateMapData } from "@/db/queries/state-map";
import { requestOrigin } from "@/lib/api/request-origin";
import { badParameter } from "@/lib/api/responses";
import { measureParam } from "@/lib/charts/map-measure";
import { renderIndiaMapSvg } from "@/lib/charts/india-map";
import { today } from "@/lib/server/clock";
import { parseMapParams } from "@/lib/validation/map-params";

export const dynamic = "force-dynamic";

/**
 * The map of India as a standalone SVG file for `?measure=` (as on /states): the dashboard's
 * small map, and the download beside the map. Its links are absolute, so that they work wherever
 * the file goes.
 */
export function GET(request: NextRequest): Response {
  const { measure, rejected } = parseMapParams({ measure: request.nextUrl.searchParams.getAll("measure") });
  if (rejected) return badParameter({ parameter: "measure", message: rejected });
  const asOf = today();
  const svg = renderIndiaMapSvg(stateMapData(getDb(), measure, asOf), { baseUrl: requestOrigin(request) });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="india-map-${measureParam(measure)}-${asOf}.svg"`,
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
