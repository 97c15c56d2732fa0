import { z } from "zod";
import {
  DEFAULT_MAP_MEASURE,
  MAP_CURRENCIES,
  measureFromParam,
  measureParams,
  type MapMeasure,
} from "@/lib/charts/map-measure";

// The map's one parameter, `measure` (lib/charts/map-measure.ts names its values), as /states
// and the map's SVG read it from the address. Absent or empty means the default, commitments.

const MAX_LENGTH = 100;

export const MapParamsSchema = z.object({
  measure: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw, ctx): MapMeasure => {
      const values = [
        ...new Set((raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map((v) => v.trim())),
      ].filter(Boolean);
      if (values.length > 1) {
        ctx.issues.push({ code: "custom", message: "measure may be given only once", input: raw });
        return z.NEVER;
      }
      const [value] = values;
      if (value === undefined) return DEFAULT_MAP_MEASURE;
      const measure = value.length <= MAX_LENGTH ? measureFromParam(value) : null;
      if (!measure) {
        const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
        ctx.issues.push({
          code: "custom",
          message: `${shown} is not a measure. measure must be one of: ${measureParams(MAP_CURRENCIES).join(", ")}, or investment- and another currency code`,
          input: raw,
        });
        return z.NEVER;
      }
      return measure;
    }),
});

export type MapParams = { measure: MapMeasure };

/**
 * The map's parameters, or the default measure and the reason when the address names none that
 * can be drawn. Other parameters are ignored.
 */
export function parseMapParams(raw: Record<string, string | string[] | undefined>): MapParams & {
  rejected: string | null;
} {
  const parsed = MapParamsSchema.safeParse({ measure: raw.measure });
  if (parsed.success) return { ...parsed.data, rejected: null };
  return { measure: DEFAULT_MAP_MEASURE, rejected: parsed.error.issues[0]?.message ?? "not a measure" };
}
